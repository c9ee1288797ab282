import { RESERVABLE_MODALITIES, type ReservableModality } from '../domain/reservation';

export interface SessionReservation {
  id: number;
  modality: ReservableModality;
  slots: number;
  /** Null while open. */
  releasedAt: string | null;
  /** Slots that were unfilled at release (went back to the court). */
  releasedSlots: number | null;
}

export interface ReservationFill {
  id: number;
  filled: number;
  /** Reserved slots not (yet) taken by a case of the reserved modality; 0 once released. */
  unfilled: number;
}

/**
 * How far each reservation of one session is filled. Booked cases (planned or held hearings) of the
 * reserved modality fill the reservations of that modality: first the slots that stayed filled when
 * an earlier reservation was released, then the open reservations in the order they were made.
 * A released reservation keeps the fill it had at release.
 */
export function fillReservations(reservations: readonly SessionReservation[], bookedByModality: Readonly<Partial<Record<string, number>>>): Map<number, ReservationFill> {
  const result = new Map<number, ReservationFill>();
  for (const modality of RESERVABLE_MODALITIES) {
    const own = reservations.filter((r) => r.modality === modality).sort((a, b) => a.id - b.id);
    let available = bookedByModality[modality] ?? 0;
    for (const r of own) {
      if (r.releasedAt === null) continue;
      const filled = Math.max(0, r.slots - (r.releasedSlots ?? 0));
      result.set(r.id, { id: r.id, filled, unfilled: 0 });
      available = Math.max(0, available - filled);
    }
    for (const r of own) {
      if (r.releasedAt !== null) continue;
      const filled = Math.min(r.slots, available);
      available -= filled;
      result.set(r.id, { id: r.id, filled, unfilled: r.slots - filled });
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
