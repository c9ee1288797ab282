import { describe, expect, it } from 'vitest';
import { HEARING_STATUSES, type HearingStatus } from '../../../shared/domain/case-status';
import {
  freePlaces,
  freePlacesFor,
  occupiesSlot,
  sessionPlaces,
  SLOT_OCCUPYING_HEARING_STATUSES,
  SLOT_USING_HEARING_STATUSES,
  unfilledTotal,
  usedSlot,
  type SessionPlaces,
  type SessionPlacesInput,
} from '../../../shared/domain/slot-occupancy';

describe('which hearings take a place on their session', () => {
  const table: [HearingStatus, boolean, boolean][] = [
    // status, holds a place now, used a place (fill rate)
    ['planned', true, true],
    ['held', true, true],
    ['adjourned', false, true],
    ['cancelled', false, false],
  ];

  it('covers every hearing status', () => {
    expect(table.map(([status]) => status).sort()).toEqual([...HEARING_STATUSES].sort());
  });

  it.each(table)('%s: occupies %s, used %s', (status, occupies, used) => {
    expect(occupiesSlot(status)).toBe(occupies);
    expect(usedSlot(status)).toBe(used);
    expect((SLOT_OCCUPYING_HEARING_STATUSES as readonly string[]).includes(status)).toBe(occupies);
    expect((SLOT_USING_HEARING_STATUSES as readonly string[]).includes(status)).toBe(used);
  });

  it('counts for the fill rate every hearing that holds a place', () => {
    for (const status of SLOT_OCCUPYING_HEARING_STATUSES) expect(usedSlot(status)).toBe(true);
  });
});

describe('free places', () => {
  it.each([
    // capacity, booked, reserved unfilled, free
    [6, 0, 0, 6],
    [6, 4, 0, 2],
    [6, 4, 1, 1],
    [6, 4, 2, 0],
    [6, 4, 5, 0], // a reservation larger than what is left: never below 0
    [6, 8, 0, 0], // overbooked
    [0, 2, 0, 0], // a cancelled session offers nothing
  ])('capacity %i, booked %i, reserved %i: %i free', (capacity, booked, reserved, free) => {
    expect(freePlaces(capacity, booked, reserved)).toBe(free);
  });

  it.each([
    // modality, unfilled reserved per modality, free for that modality (capacity 6, booked 2)
    ['snelrecht', {}, 4],
    ['snelrecht', { snelrecht: 2 }, 4], // its own reserved slots are free to it
    ['snelrecht_nd', { snelrecht: 2 }, 2], // another modality's are not
    ['filler', { snelrecht: 1, supersnelrecht: 2 }, 1],
    ['supersnelrecht', { snelrecht: 1, supersnelrecht: 2 }, 3],
    ['filler', { snelrecht_nd: 9 }, 0],
  ] as [string, Partial<Record<string, number>>, number][])('%s with reservations %j: %i free', (modality, unfilled, free) => {
    expect(freePlacesFor(modality, 6, 2, unfilled)).toBe(free);
  });

  it('adds up the unfilled reserved slots over the modalities', () => {
    expect(unfilledTotal({})).toBe(0);
    expect(unfilledTotal({ snelrecht: 2, supersnelrecht: 1, snelrecht_nd: undefined })).toBe(3);
  });
});

describe('the places of a session, as every view shows them', () => {
  const table: [string, SessionPlacesInput, SessionPlaces][] = [
    ['empty', { status: 'scheduled', capacitySlots: 6, booked: 0, reservedUnfilled: 0 }, { capacity: 6, booked: 0, reserved: 0, free: 6, overbooked: 0 }],
    ['partly booked', { status: 'scheduled', capacitySlots: 6, booked: 4, reservedUnfilled: 0 }, { capacity: 6, booked: 4, reserved: 0, free: 2, overbooked: 0 }],
    ['with a reservation', { status: 'scheduled', capacitySlots: 6, booked: 2, reservedUnfilled: 3 }, { capacity: 6, booked: 2, reserved: 3, free: 1, overbooked: 0 }],
    ['reservation beyond the room', { status: 'scheduled', capacitySlots: 6, booked: 4, reservedUnfilled: 5 }, { capacity: 6, booked: 4, reserved: 5, free: 0, overbooked: 0 }],
    ['full', { status: 'scheduled', capacitySlots: 6, booked: 6, reservedUnfilled: 0 }, { capacity: 6, booked: 6, reserved: 0, free: 0, overbooked: 0 }],
    ['overbooked', { status: 'scheduled', capacitySlots: 6, booked: 8, reservedUnfilled: 1 }, { capacity: 6, booked: 8, reserved: 1, free: 0, overbooked: 2 }],
    ['cancelled, empty', { status: 'cancelled', capacitySlots: 6, booked: 0, reservedUnfilled: 2 }, { capacity: 0, booked: 0, reserved: 0, free: 0, overbooked: 0 }],
    ['cancelled with cases still on it', { status: 'cancelled', capacitySlots: 6, booked: 2, reservedUnfilled: 0 }, { capacity: 0, booked: 2, reserved: 0, free: 0, overbooked: 2 }],
  ];

  it.each(table)('%s', (_name, input, expected) => {
    const places = sessionPlaces(input);
    expect(places).toEqual(expected);
    expect(places.free).toBe(freePlaces(places.capacity, places.booked, places.reserved));
  });
});
