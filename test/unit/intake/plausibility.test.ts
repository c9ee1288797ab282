import { describe, expect, it } from 'vitest';
import { fromAmsterdamLocal } from '../../../shared/calendar/amsterdam-time';
import { ageOn, checkCaseDates, suspectAge } from '../../../shared/intake/plausibility';

const NOW = fromAmsterdamLocal('2026-12-04', 22, 50);

describe('plausible case dates (shared/intake/plausibility.ts)', () => {
  it('counts whole years, a 29 February birthday from 1 March', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2014-12-05', '2026-12-04')).toBe(11);
    expect(ageOn('2014-12-04', '2026-12-04')).toBe(12);
  });

  it('takes the age at the offence, else the arrest, else today', () => {
    expect(suspectAge({ dateOfBirth: '2009-01-01', offenceAt: '2026-11-30T22:30:00Z', arrestedAt: '2027-01-02T10:00:00Z' }, NOW)).toMatchObject({ years: 17, basis: 'offence', minor: true });
    expect(suspectAge({ dateOfBirth: '2009-01-01', arrestedAt: '2026-12-01T10:00:00Z' }, NOW)).toMatchObject({ years: 17, basis: 'arrest', minor: true });
    expect(suspectAge({ dateOfBirth: '2008-12-04' }, NOW)).toMatchObject({ years: 18, basis: 'today', minor: false });
    expect(suspectAge({ dateOfBirth: '' }, NOW)).toBeNull();
  });

  it('allows a clock five minutes ahead, not more, and names each field', () => {
    const at = (ms: number) => new Date(NOW + ms).toISOString();
    expect(checkCaseDates({ arrestedAt: at(4 * 60_000) }, NOW)).toEqual([]);
    expect(checkCaseDates({ arrestedAt: at(6 * 60_000), summonsServedAt: '2099-01-01T09:00:00Z' }, NOW).map((i) => i.path)).toEqual(['arrestedAt', 'summonsServedAt']);
    expect(checkCaseDates({ dateOfBirth: '2020-01-01', offenceAt: '2026-12-01T10:00:00Z' }, NOW)[0]!.message).toContain('art. 486 Sv');
    expect(checkCaseDates({ dateOfBirth: '2020-01-01', offenceAt: '2026-12-01T10:00:00Z' }, NOW, { checkAge: false })).toEqual([]);
  });
});
