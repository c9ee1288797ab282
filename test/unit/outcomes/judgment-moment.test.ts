import { describe, expect, it } from 'vitest';
import { defaultJudgmentMoment, judgmentMomentRefusal, sessionMoment } from '../../../shared/outcomes/judgment-moment';

/** Issue 11 item 2: the politierechter decides orally at the hearing (art. 378 lid 1 Sv). */
describe('the moment of a judgment', () => {
  const session = { date: '2026-12-01', startTime: '09:00' };
  const now = Date.parse('2026-12-04T10:00:00+01:00');

  it('defaults to the session, in Amsterdam time (winter and summer)', () => {
    expect(defaultJudgmentMoment(session)).toBe('2026-12-01T09:00:00+01:00');
    expect(new Date(sessionMoment({ date: '2026-07-07', startTime: '13:30' })).toISOString()).toBe('2026-07-07T11:30:00.000Z');
  });

  it('is never before the session and never in the future', () => {
    expect(judgmentMomentRefusal(sessionMoment(session), session, now)).toBeNull();
    expect(judgmentMomentRefusal(Date.parse('2026-12-03T14:00:00+01:00'), session, now)).toBeNull();
    expect(judgmentMomentRefusal(Date.parse('2026-12-01T08:59:00+01:00'), session, now)).toBe(
      'Het moment van de uitspraak ligt vóór de zitting (01-12-2026 09:00): vul het begin van de zitting of later in.',
    );
    expect(judgmentMomentRefusal(now + 5 * 60_000, session, now)).toMatch(/ligt in de toekomst/);
  });
});
