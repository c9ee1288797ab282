import type { ReservableModality } from '../../../shared/domain/reservation';
import { MODALITY_LABELS } from '../../../shared/planner/dutch-time';
import type { SessionReservationState } from './reservation-state';

/**
 * A case placed by hand on a session whose only free slots are reserved for another modality (and
 * not yet released) takes a slot the OM holds: a breach a coordinator must confirm. A full session
 * is already the overbooking breach, so this one only applies while the session has room.
 */
export function reservationBreaches(modality: string, session: { capacity: number; booked: number }, state: SessionReservationState | undefined): string[] {
  if (!state) return [];
  const others = (Object.entries(state.unfilled) as [ReservableModality, number][]).filter(([m, n]) => m !== modality && n > 0);
  const heldForOthers = others.reduce((a, [, n]) => a + n, 0);
  const free = session.capacity - session.booked;
  if (heldForOthers === 0 || free <= 0 || free - (state.unfilled[modality as ReservableModality] ?? 0) - heldForOthers > 0) return [];
  const releaseOn = state.reservations
    .filter((r) => r.releasedAt === null && r.modality !== modality)
    .map((r) => r.releaseDueOn)
    .sort()[0];
  const what = others.map(([m, n]) => `${n} ${n === 1 ? 'plaats' : 'plaatsen'} voor ${MODALITY_LABELS[m]}`).join(', ');
  const until = releaseOn ? `, vrijgave op ${releaseOn.split('-').reverse().join('-')}` : '';
  return [`De plek is gereserveerd voor het OM (${what}${until}).`];
}
