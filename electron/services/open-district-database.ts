import { openDatabase, type OpenDatabaseOptions, type OpenedDatabase } from '../../db/open-database';
import { refreshDerivedColumns } from './cases/derived-columns';

/**
 * Opens a district file for the application: migrates it, and after a schema change recomputes the
 * derived data (the cached legal limits), so every entry point (app, CLI, tests) sees the same state.
 */
export async function openDistrictDatabase(path: string, options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const opened = await openDatabase(path, options);
  if (opened.appliedMigrations > 0 && opened.backupPath) refreshDerivedColumns(opened.db);
  return opened;
}
