import { describe, expect, it } from 'vitest';
import { createCourtCalendar } from '../../../shared/calendar/court-calendar';
import { isReleaseDue, releaseDueOn } from '../../../shared/planning/reservation-release';
import { fillReservations, unfilledByModality, type SessionReservation } from '../../../shared/planning/reservation-fill';

const calendar = createCourtCalendar();

describe('releaseDueOn: N working days before the session', () => {
  it.each([
    // session date, N, due on, why
    ['2026-06-17', 2, '2026-06-15', 'Wednesday: Monday'],
    ['2026-06-15', 2, '2026-06-11', 'Monday: the weekend is skipped, Thursday'],
    ['2026-06-16', 2, '2026-06-12', 'Tuesday: Friday before'],
    ['2026-06-15', 1, '2026-06-12', 'Monday, one day: Friday'],
    ['2026-06-15', 0, '2026-06-15', 'zero: the session day itself'],
    ['2026-06-15', 5, '2026-06-08', 'a full working week'],
    ['2026-04-07', 2, '2026-04-01', 'Tuesday after Easter: Easter Monday and Good Friday (equivalent day) skipped'],
    ['2026-05-18', 2, '2026-05-12', 'Monday after Ascension: Thursday 14 May and the Friday after skipped, Wednesday counts once'],
    ['2026-05-18', 1, '2026-05-13', 'Monday after Ascension, one day: Wednesday'],
    ['2026-12-28', 2, '2026-12-23', 'Monday after Christmas: 25 and 26 December and the weekend skipped'],
    ['2026-04-28', 1, '2026-04-24', 'Tuesday after Koningsdag (Monday 27 April): Friday'],
    ['2027-01-04', 3, '2026-12-29', 'across the new year, New Year’s Day skipped'],
  ])('session %s, N=%i -> %s (%s)', (session, n, due) => {
    expect(releaseDueOn(session, n, calendar)).toBe(due);
  });

  it('honours the district’s own equivalent days', () => {
    const withExtra = createCourtCalendar({ equivalentDaysByYear: { '2026': ['2026-06-12'] } });
    expect(releaseDueOn('2026-06-16', 2, withExtra)).toBe('2026-06-11');
  });

  it.each([-1, 11, 1.5, Number.NaN])('refuses %s working days', (n) => {
    expect(() => releaseDueOn('2026-06-17', n, calendar)).toThrow(/werkdagen/);
  });
});

describe('isReleaseDue', () => {
  it.each([
    ['2026-06-15', null, '2026-06-14', false],
    ['2026-06-15', null, '2026-06-15', true],
    ['2026-06-15', null, '2026-06-20', true],
    ['2026-06-15', '2026-06-12T10:00:00.000Z', '2026-06-20', false],
  ] as const)('due %s, released %s, today %s -> %s', (due, releasedAt, today, expected) => {
    expect(isReleaseDue({ releaseDueOn: due, releasedAt }, today)).toBe(expected);
  });
});

describe('fillReservations', () => {
  const open = (id: number, modality: SessionReservation['modality'], slots: number): SessionReservation => ({ id, modality, slots, releasedAt: null, releasedSlots: null });
  const released = (id: number, modality: SessionReservation['modality'], slots: number, releasedSlots: number): SessionReservation => ({
    id,
    modality,
    slots,
    releasedAt: '2026-06-10T08:00:00.000Z',
    releasedSlots,
  });

  it.each([
    ['nothing booked', [open(1, 'snelrecht', 3)], {}, { 1: [0, 3] }],
    ['booked of the modality fill it', [open(1, 'snelrecht', 3)], { snelrecht: 2 }, { 1: [2, 1] }],
    ['more booked than reserved', [open(1, 'snelrecht', 3)], { snelrecht: 5 }, { 1: [3, 0] }],
    ['other modalities do not fill it', [open(1, 'snelrecht', 3)], { filler: 4, supersnelrecht: 2 }, { 1: [0, 3] }],
    ['older reservation first', [open(2, 'snelrecht', 2), open(1, 'snelrecht', 2)], { snelrecht: 3 }, { 1: [2, 0], 2: [1, 1] }],
    ['a released one keeps its fill', [released(1, 'snelrecht', 4, 2), open(2, 'snelrecht', 3)], { snelrecht: 3 }, { 1: [2, 0], 2: [1, 2] }],
    ['per modality', [open(1, 'snelrecht', 2), open(2, 'snelrecht_nd', 2)], { snelrecht: 1, snelrecht_nd: 2 }, { 1: [1, 1], 2: [2, 0] }],
  ] as const)('%s', (_, reservations, booked, expected) => {
    const fill = fillReservations(reservations, booked);
    for (const [id, [filled, unfilled]] of Object.entries(expected)) expect(fill.get(Number(id))).toMatchObject({ id: Number(id), filled, unfilled });
  });

  it.each([
    // Issue 11, item 10: a case booked before the reservation was made does not fill it.
    ['bookings that were there before do not fill it', [{ ...open(1, 'snelrecht', 2), bookedBefore: 3 }], { snelrecht: 3 }, { 1: [0, 2] }],
    ['only the bookings after it fill it', [{ ...open(1, 'snelrecht', 2), bookedBefore: 3 }], { snelrecht: 4 }, { 1: [1, 1] }],
    ['a later reservation starts after its own bookedBefore', [open(1, 'snelrecht', 1), { ...open(2, 'snelrecht', 2), bookedBefore: 3 }], { snelrecht: 4 }, { 1: [1, 0], 2: [1, 1] }],
    ['a booking cancelled since makes room again', [{ ...open(1, 'snelrecht', 2), bookedBefore: 3 }], { snelrecht: 2 }, { 1: [0, 2] }],
  ] as const)('%s', (_, reservations, booked, expected) => {
    const fill = fillReservations(reservations, booked);
    for (const [id, [filled, unfilled]] of Object.entries(expected)) expect(fill.get(Number(id))).toMatchObject({ id: Number(id), filled, unfilled });
  });

  it('sums the unfilled slots per modality', () => {
    expect(unfilledByModality([open(1, 'snelrecht', 2), open(2, 'snelrecht', 3), open(3, 'supersnelrecht', 1)], { snelrecht: 1, supersnelrecht: 1 })).toEqual({ snelrecht: 4 });
  });
});
