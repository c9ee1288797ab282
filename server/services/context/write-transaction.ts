import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import { ServiceError } from '../service-error';
import { forgetOperationMemo } from './operation-memo';

export interface WriteTransactionOptions {
  /** How long to keep trying while another connection holds the write lock. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_MAX_WAIT_MS = 120_000;

/** The connections whose write transaction the current async flow holds (nested writes join it). */
const heldTransactions = new AsyncLocalStorage<Database.Database>();
const writeGates = new WeakMap<Database.Database, WriteGate>();

/** One writer at a time per connection, first come first served. */
class WriteGate {
  private tail: Promise<void> = Promise.resolve();

  async acquire(): Promise<() => void> {
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    return release;
  }
}

function gateOf(sqlite: Database.Database): WriteGate {
  let gate = writeGates.get(sqlite);
  if (!gate) writeGates.set(sqlite, (gate = new WriteGate()));
  return gate;
}

/**
 * One write transaction on an SQLite file: BEGIN IMMEDIATE takes the write lock before anything is
 * read, so the checks inside see the data they write on (no lost race between check and write).
 * While another process (a CLI import, another app) holds the lock, it waits and retries without
 * blocking the event loop; `work` runs only once the lock is held, so a retry never repeats work.
 * Within this process one write at a time holds the connection (the gate); a write inside a write
 * joins the open transaction. `work` awaits only database calls, which on SQLite are answered at once:
 * a transaction never waits on the network or a timer, so nobody else's read can see it half-done.
 */
export async function runWriteTransaction<T>(sqlite: Database.Database, work: () => T | Promise<T>, options: WriteTransactionOptions = {}): Promise<T> {
  // Nested (inside this flow's write, or a transaction the caller opened itself): part of that transaction.
  if (heldTransactions.getStore() === sqlite || sqlite.inTransaction) return work();
  const maxWait = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let waited = 0;
  let pause = 20;
  for (;;) {
    const release = await gateOf(sqlite).acquire();
    try {
      if (beginImmediate(sqlite, waited >= maxWait)) {
        // Another process may have changed the settings this operation read before it held the lock.
        forgetOperationMemo();
        return await heldTransactions.run(sqlite, () => commitOrRollBack(sqlite, work));
      }
    } finally {
      release();
    }
    await sleep(pause);
    waited += pause;
    pause = Math.min(pause * 2, 500);
  }
}

/**
 * A long write on a connection of its own to the same file (`openSibling`), for work that waits on
 * something else while its transaction is open: a large import inserts the rows its worker thread has
 * checked while the thread reads on. Readers on `sqlite` see the file as it was until the commit (WAL),
 * never the write half-done. Writes in this process wait for `sqlite`'s gate, which this holds
 * throughout; `work` must therefore write only through the connection it is given. Waits and retries
 * while another process writes, as runWriteTransaction; the connection is closed afterwards.
 */
export async function runWriteTransactionApart<T>(
  sqlite: Database.Database,
  openSibling: (sqlite: Database.Database) => Database.Database,
  work: (own: Database.Database) => Promise<T>,
  options: WriteTransactionOptions = {},
): Promise<T> {
  // Inside a write on `sqlite`: the second connection would wait for a lock this flow holds.
  if (heldTransactions.getStore() === sqlite || sqlite.inTransaction) throw new Error('runWriteTransactionApart cannot run inside a write transaction on the same file');
  const release = await gateOf(sqlite).acquire();
  try {
    const own = openSibling(sqlite);
    try {
      return await runWriteTransaction(own, () => work(own), options);
    } finally {
      own.close();
    }
  } finally {
    release();
  }
}

/** BEGIN IMMEDIATE; false while another process holds the lock (true busy after `giveUp`: a Dutch refusal). */
function beginImmediate(sqlite: Database.Database, giveUp: boolean): boolean {
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    return true;
  } catch (error) {
    if (!isBusy(error)) throw error;
    if (giveUp) throw busyRefusal();
    return false;
  }
}

async function commitOrRollBack<T>(sqlite: Database.Database, work: () => T | Promise<T>): Promise<T> {
  try {
    const result = await work();
    sqlite.exec('COMMIT');
    return result;
  } catch (error) {
    // SQLite may already have rolled back (a full disk): only roll back what is still open.
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
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
