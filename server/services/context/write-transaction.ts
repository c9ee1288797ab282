import type Database from 'better-sqlite3';
import { ServiceError } from '../service-error';

export interface WriteTransactionOptions {
  /** How long to keep trying while another connection holds the write lock. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_MAX_WAIT_MS = 120_000;

/**
 * One write transaction on an SQLite file: BEGIN IMMEDIATE takes the write lock before anything is
 * read, so the checks inside see the data they write on (no lost race between check and write).
 * While another process (a CLI import, another app) holds the lock, it waits and retries without
 * blocking the event loop; `work` runs only once the lock is held, so a retry never repeats work.
 * Within this process transactions cannot interleave: `work` is synchronous.
 */
export async function runWriteTransaction<T>(sqlite: Database.Database, work: () => T, options: WriteTransactionOptions = {}): Promise<T> {
  const maxWait = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let waited = 0;
  let pause = 20;
  for (;;) {
    if (sqlite.inTransaction) return work(); // nested: part of the transaction already open
    try {
      return sqlite.transaction(work).immediate();
    } catch (error) {
      if (!isBusy(error) || waited >= maxWait) {
        if (isBusy(error)) throw busyRefusal();
        throw error;
      }
    }
    await sleep(pause);
    waited += pause;
    pause = Math.min(pause * 2, 500);
  }
}

/** The lock is held elsewhere (SQLITE_BUSY after the connection's own short busy timeout). */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED');
}

function busyRefusal(): ServiceError {
  return new ServiceError('CONFLICT', 'Het districtsbestand is al lange tijd bezig met een andere schrijfactie (bijvoorbeeld een grote import). Er is niets gewijzigd; probeer het over een minuut opnieuw.');
}
