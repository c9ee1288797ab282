import { openDatabase, type OpenDatabaseOptions, type OpenedDatabase } from '../../db/open-database';
import type { Clock } from './context/clock';
import { runWriteTransaction } from './context/write-transaction';
import { ensureDerivedColumnsCurrent } from './cases/derived-columns';
import { releaseDueReservations } from './reservations/release-reservations';

/**
 * How long one attempt to take the write lock blocks the thread. Writes wait for a busy file
 * asynchronously (runWriteTransaction retries), so the app keeps answering while a CLI import writes.
 */
const BUSY_TIMEOUT_MS = 100;

/**
 * Opens a district file for the application: migrates it, and recomputes the derived data (the
 * cached legal limits) when it was written by other rules, so every entry point sees the same state.
 */
export async function openDistrictDatabase(path: string, options: Omit<OpenDatabaseOptions, 'now'> & { clock: Clock }): Promise<OpenedDatabase> {
  const { clock, ...openOptions } = options;
  const opened = await openDatabase(path, { ...openOptions, now: () => clock.now() });
  try {
    if (!opened.sqlite.readonly) {
      opened.sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      await runWriteTransaction(opened.sqlite, async () => {
        await ensureDerivedColumnsCurrent(opened.db, clock.now());
        // Reservations whose release date passed while the file was closed go back to the court now.
        await releaseDueReservations(opened.db, clock.today(), undefined, clock.now());
      });
    }
  } catch (error) {
    opened.close();
    throw error;
  }
  return opened;
}
