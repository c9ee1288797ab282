import type { AppDatabase } from '../../../db/open-database';
import { expectVersion } from '../context/versions';
import { applyEach } from '../planner/apply-many';
import { releaseReservation } from './release-reservations';

/**
 * Several reservations released at once (reservations.releaseMany), each with the single release's
 * checks (expectVersion, releaseReservation: not already released, session not passed; its own audit
 * row) in its own savepoint: a refused one is reported, the others are released. Call inside ctx.write.
 */
export async function releaseMany(
  db: AppDatabase,
  input: { items: readonly { reservationId: number; expectedVersion: number }[]; reason: string },
  actor: string,
  today: string,
  now: Date,
) {
  const outcomes = await applyEach(db, input.items, async (item) => {
    await expectVersion(db, 'reservation', item.reservationId, item.expectedVersion);
    return await releaseReservation(db, { reservationId: item.reservationId, reason: input.reason }, actor, today, now);
  });
  return {
    results: input.items.map((item, i) => {
      const outcome = outcomes[i]!;
      return outcome.ok
        ? { reservationId: item.reservationId, ok: true, releasedSlots: outcome.value!.releasedSlots }
        : { reservationId: item.reservationId, ok: false, ...(outcome.message !== undefined ? { message: outcome.message } : {}) };
    }),
  };
}
