import { inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/open-database';
import { criminalCases } from '../../../db/schema';

/**
 * The versions of the given cases as they are now, by case id: an undoable action stores them in its
 * last audit row, so history.undo can refuse (expectVersion) when any of them changed since.
 */
export async function caseVersions(db: Pick<AppDatabase, 'select'>, caseIds: readonly number[]): Promise<Record<string, number>> {
  if (caseIds.length === 0) return {};
  const versions: Record<string, number> = {};
  for (let start = 0; start < caseIds.length; start += 500) {
    const rows = (await db.select({ id: criminalCases.id, version: criminalCases.version }).from(criminalCases).where(inArray(criminalCases.id, caseIds.slice(start, start + 500))));
    for (const row of rows) versions[String(row.id)] = row.version;
  }
  return versions;
}
