import { openDatabase, type OpenDatabaseOptions, type OpenedDatabase } from '../../db/open-database';
import { ensureDerivedColumnsCurrent } from './cases/derived-columns';

/**
 * Opens a district file for the application: migrates it, and recomputes the derived data (the
 * cached legal limits) when it was written by other rules, so every entry point sees the same state.
 */
export async function openDistrictDatabase(path: string, options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const opened = await openDatabase(path, options);
  if (!opened.sqlite.readonly) ensureDerivedColumnsCurrent(opened.db);
  return opened;
}
