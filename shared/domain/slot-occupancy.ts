import type { HearingStatus } from './case-status';
import type { SessionStatus } from './session';

/*
 * What takes a place on a court session, defined once. The week view, the capacity page, the planner,
 * manual placement, the verkeerstoren, the reservations page and the dashboard all count with these;
 * the one SQL helper that counts them per session is server/services/sessions/session-occupancy.ts.
 */

/**
 * Hearing statuses that hold a place on their session: planned, or held (heard and decided; an
 * adjourned, cancelled or moved hearing holds nothing, its case is back in the queue or done).
 */
export const SLOT_OCCUPYING_HEARING_STATUSES = ['planned', 'held'] as const satisfies readonly HearingStatus[];

/**
 * Hearing statuses that USED a place, for the fill rate of sessions (docs/metrics.md, "Zittingen en
 * bezettingsgraad"): the occupying ones plus adjourned. An adjourned hearing took place, so the court
 * spent the slot on it, although it holds no place any more. Deliberately different from
 * SLOT_OCCUPYING_HEARING_STATUSES: only the fill rate (and its drill list) looks back like this;
 * everything that asks "is there room on this session?" uses the occupying statuses.
 */
export const SLOT_USING_HEARING_STATUSES = [...SLOT_OCCUPYING_HEARING_STATUSES, 'adjourned'] as const satisfies readonly HearingStatus[];

const OCCUPYING = new Set<HearingStatus>(SLOT_OCCUPYING_HEARING_STATUSES);
const USING = new Set<HearingStatus>(SLOT_USING_HEARING_STATUSES);

/** Whether a hearing in this status holds a place on its session now. */
export function occupiesSlot(status: HearingStatus): boolean {
  return OCCUPYING.has(status);
}

/** Whether a hearing in this status used its session's place (fill rate only: see SLOT_USING_HEARING_STATUSES). */
export function usedSlot(status: HearingStatus): boolean {
  return USING.has(status);
}

/**
 * Places free for any case: capacity minus the booked hearings minus the reserved slots still
 * unfilled (an open reservation holds them for its modality until released); never below 0.
 */
export function freePlaces(capacity: number, booked: number, reservedUnfilled = 0): number {
  return Math.max(0, capacity - booked - reservedUnfilled);
}

/**
 * Places free for a case of one modality: the unfilled reserved slots of its own modality are free
 * to it, those of other modalities are not (docs/planner.md, "Prosecution reservations").
 */
export function freePlacesFor(modality: string, capacity: number, booked: number, unfilledByModality: Readonly<Partial<Record<string, number>>>): number {
  const heldForOthers = Object.entries(unfilledByModality).reduce((sum, [m, n]) => (m === modality ? sum : sum + (n ?? 0)), 0);
  return freePlaces(capacity, booked, heldForOthers);
}

/** The unfilled reserved slots of a session, over all modalities. */
export function unfilledTotal(unfilledByModality: Readonly<Partial<Record<string, number>>>): number {
  return Object.values(unfilledByModality).reduce<number>((sum, n) => sum + (n ?? 0), 0);
}

export interface SessionPlacesInput {
  status: SessionStatus;
  capacitySlots: number;
  /** Hearings holding a place (SLOT_OCCUPYING_HEARING_STATUSES). */
  booked: number;
  /** Unfilled slots of the session's open reservations. */
  reservedUnfilled: number;
}

export interface SessionPlaces {
  /** The places the session offers: its capacity, or 0 once cancelled. */
  capacity: number;
  booked: number;
  /** Unfilled reserved slots (0 for a cancelled session). May exceed what is left when others filled the session. */
  reserved: number;
  /** Free for any case: freePlaces(capacity, booked, reserved). */
  free: number;
  /** Booked beyond capacity. A cancelled session offers nothing, so cases still on it count here: they need a new session. */
  overbooked: number;
}

/** The places of one session as every view shows them (docs/planner.md, "Verkeerstoren"). */
export function sessionPlaces(input: SessionPlacesInput): SessionPlaces {
  const scheduled = input.status === 'scheduled';
  const capacity = scheduled ? input.capacitySlots : 0;
  const reserved = scheduled ? input.reservedUnfilled : 0;
  return { capacity, booked: input.booked, reserved, free: freePlaces(capacity, input.booked, reserved), overbooked: Math.max(0, input.booked - capacity) };
}
