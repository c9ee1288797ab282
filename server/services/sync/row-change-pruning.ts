import { sqlRow, type SqlClient } from '../context/query-results';

/** How long the change feed keeps a change: a desktop offline longer copies everything again. */
export const ROW_CHANGE_KEPT_DAYS = 30;

/**
 * Removes the feed's changes older than the kept days (sync.prune_row_change, db/pg-migrations/0008:
 * it also remembers the newest transaction removed, so an older cursor gets FULL_COPY_NEEDED). Measured
 * by the database's clock, which stamped the changes. Runs in the connection's own rights
 * (ketenplanner_api may execute exactly that function). Tells how many changes went.
 */
export async function pruneRowChanges(client: Exclude<SqlClient, { prepare: unknown }>, keptDays = ROW_CHANGE_KEPT_DAYS): Promise<number> {
  const row = (await sqlRow(client, 'select sync.prune_row_change(make_interval(days => ?::int)) as removed', [keptDays])) as { removed: number | string };
  return Number(row.removed);
}
