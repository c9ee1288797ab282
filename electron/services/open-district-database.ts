import { openDatabase, type OpenDatabaseOptions, type OpenedDatabase } from '../../db/open-database';
import { amsterdamToday } from './amsterdam-today';
import { ensureDerivedColumnsCurrent } from './cases/derived-columns';
import { releaseDueReservations } from './reservations/release-reservations';

/**
 * Opens a district file for the application: migrates it, and recomputes the derived data (the
 * cached legal limits) when it was written by other rules, so every entry point sees the same state.
 */
export async function openDistrictDatabase(path: string, options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const opened = await openDatabase(path, options);
  if (!opened.sqlite.readonly) {
    ensureDerivedColumnsCurrent(opened.db);
    // Reservations whose release date passed while the file was closed go back to the court now.
    releaseDueReservations(opened.db, amsterdamToday());
  }
  return opened;
}
