import type { OperationContext } from '../context/operation-context';
import { releaseDueReservations } from './release-reservations';
import { sqlRow } from '../context/query-results';

/**
 * Reservations whose release date has come go back to the court before a read counts free places
 * (ADR 14). A read takes the write lock only when something is due: otherwise it never waits for
 * another writer of the file (a long import by the CLI).
 */
export async function releaseDueBeforeReading(ctx: OperationContext): Promise<void> {
  const today = ctx.clock.today();
  const due = await sqlRow(ctx.db.$client, 'select 1 from reservation where released_at is null and release_due_on <= ? limit 1', [today]);
  if (!due) return;
  await ctx.write(async () => await releaseDueReservations(ctx.db, today, undefined, ctx.clock.now()));
}
