import type { ReservableModality } from '../../../shared/domain/reservation';
import { MODALITY_LABELS } from '../../../shared/planner/dutch-time';
import { freePlaces, freePlacesFor } from '../../../shared/domain/slot-occupancy';
import type { SessionReservationState } from '../sessions/session-occupancy';

/**
 * A case placed by hand on a session whose only free slots are reserved for another modality (and
 * not yet released) takes a slot the OM holds: a breach a coordinator must confirm. A full session
 * is already the overbooking breach, so this one only applies while the session has room.
 */
export function reservationBreaches(modality: string, session: { capacity: number; booked: number }, state: SessionReservationState | undefined): string[] {
  if (!state) return [];
  const others = (Object.entries(state.unfilled) as [ReservableModality, number][]).filter(([m, n]) => m !== modality && n > 0);
  // Breached when the session has room, but none of it is free for this modality (its own reserved slots are).
  if (others.length === 0 || freePlaces(session.capacity, session.booked) === 0 || freePlacesFor(modality, session.capacity, session.booked, state.unfilled) > 0) return [];
  const releaseOn = state.reservations
    .filter((r) => r.releasedAt === null && r.modality !== modality)
    .map((r) => r.releaseDueOn)
    .sort()[0];
  const what = others.map(([m, n]) => `${n} ${n === 1 ? 'plaats' : 'plaatsen'} voor ${MODALITY_LABELS[m]}`).join(', ');
  const until = releaseOn ? `, vrijgave op ${releaseOn.split('-').reverse().join('-')}` : '';
  return [`De plek is gereserveerd voor het OM (${what}${until}).`];
}
