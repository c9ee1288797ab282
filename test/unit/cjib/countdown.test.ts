import { describe, expect, it } from 'vitest';
import { instantOf } from '../../../shared/calendar/amsterdam-time';
import { createCourtCalendar } from '../../../shared/calendar/court-calendar';
import { countdownTo, waitingSince } from '../../../shared/cjib/countdown';
import { describeReturnReason } from '../../../shared/cjib/return-reasons';

const calendar = createCourtCalendar();
// The chain term ends wed 29 apr 2026 at 23:59:59; King's Day (mon 27 apr) is no working day.
const DUE = instantOf('2026-04-29T23:59:59+02:00');

describe('hand-off countdowns in words', () => {
  it.each([
    ['2026-04-22T09:00:00+02:00', 'nog 4 werkdagen (tot wo 29 apr)', false, 4],
    ['2026-04-24T09:00:00+02:00', 'nog 2 werkdagen (tot wo 29 apr)', false, 2],
    ['2026-04-29T09:00:00+02:00', 'nog 14 uur (tot wo 29 apr 23:59)', false, 0],
    ['2026-04-30T09:00:00+02:00', 'te laat: termijn verliep wo 29 apr (1 werkdag geleden)', true, -1],
    ['2026-05-05T09:00:00+02:00', 'te laat: termijn verliep wo 29 apr (4 werkdagen geleden)', true, -4],
  ])('at %s: %s', (now, text, overdue, workingDays) => {
    expect(countdownTo(DUE, instantOf(now), calendar)).toMatchObject({ text, overdue, workingDays, dueAt: '2026-04-29T21:59:59.000Z' });
  });

  it('says since when a batch waits for an answer', () => {
    expect(waitingSince(instantOf('2026-04-24T15:00:00+02:00'), instantOf('2026-04-29T08:00:00+02:00'), calendar)).toEqual({
      workingDays: 2,
      text: 'sinds vr 24 apr (2 werkdagen)',
    });
  });

  it('labels return codes, keeping an unknown code as given', () => {
    expect(describeReturnReason('R02', ' bedrag is nul ')).toBe('R02 Bedrag of duur ontbreekt of is onjuist: bedrag is nul');
    expect(describeReturnReason('R42', null)).toBe('R42');
  });
});
