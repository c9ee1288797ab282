import { RESERVABLE_MODALITIES, type ReservableModality } from '../domain/reservation';

export interface SessionReservation {
  id: number;
  modality: ReservableModality;
  slots: number;
  /** Null while open. */
  releasedAt: string | null;
  /** Slots that were unfilled at release (went back to the court). */
  releasedSlots: number | null;
  /** Cases of the modality already booked on the session when it was made; they do not fill it. Absent or 0: all count. */
  bookedBefore?: number | undefined;
}

export interface ReservationFill {
  id: number;
  filled: number;
  /** Reserved slots not (yet) taken by a case of the reserved modality; 0 once released. */
  unfilled: number;
  /** Where its fill starts in the session's bookings of the modality, oldest first: bookings start+1 … start+filled fill it. */
  start: number;
}

/**
 * How far each reservation of one session is filled. Booked cases (planned or held hearings) of the
 * reserved modality fill the reservations of that modality: first the slots that stayed filled when
 * an earlier reservation was released, then the open reservations in the order they were made.
 * A released reservation keeps the fill it had at release. Cases already booked when the first
 * reservation of the modality was made (its bookedBefore) were there before it and fill nothing: a
 * reservation is filled by what is booked after it (issue 11, item 10).
 */
export function fillReservations(reservations: readonly SessionReservation[], bookedByModality: Readonly<Partial<Record<string, number>>>): Map<number, ReservationFill> {
  const result = new Map<number, ReservationFill>();
  for (const modality of RESERVABLE_MODALITIES) {
    const own = reservations.filter((r) => r.modality === modality).sort((a, b) => a.id - b.id);
    const booked = bookedByModality[modality] ?? 0;
    // The bookings of the modality as a line: a reservation may use those after its bookedBefore that no earlier one took.
    let taken = 0;
    for (const r of own) {
      if (r.releasedAt === null) continue;
      const filled = Math.max(0, r.slots - (r.releasedSlots ?? 0));
      const start = Math.max(taken, r.bookedBefore ?? 0);
      result.set(r.id, { id: r.id, filled, unfilled: 0, start });
      taken = start + filled;
    }
    for (const r of own) {
      if (r.releasedAt !== null) continue;
      const start = Math.max(taken, r.bookedBefore ?? 0);
      const filled = Math.min(r.slots, Math.max(0, booked - start));
      taken = start + filled;
      result.set(r.id, { id: r.id, filled, unfilled: r.slots - filled, start });
    }
  }
  return result;
}

/** Unfilled slots of the open reservations of one session, per modality (only modalities with some). */
export function unfilledByModality(reservations: readonly SessionReservation[], bookedByModality: Readonly<Partial<Record<string, number>>>): Partial<Record<ReservableModality, number>> {
  const fill = fillReservations(reservations, bookedByModality);
  const out: Partial<Record<ReservableModality, number>> = {};
  for (const r of reservations) {
    const unfilled = fill.get(r.id)?.unfilled ?? 0;
    if (unfilled > 0) out[r.modality] = (out[r.modality] ?? 0) + unfilled;
  }
  return out;
}
