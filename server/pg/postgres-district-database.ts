import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { AppDatabase } from '../../db/open-database';
import * as pgSchema from '../../db/pg/schema';
import type { DistrictDatabase, OperationScope } from '../services/context/district-database';
import { ServiceError } from '../services/service-error';
import { READ_ONLY_SQL_TRANSACTION } from '../services/context/query-results';
import { withOperationMemo } from '../services/context/operation-memo';
import { beginStatement, withUserRole } from './with-user-role';

/** serialization_failure and deadlock_detected: PostgreSQL undid the transaction; running it again is safe. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 25;
const BUSY = 'Op dit moment wijzigen veel mensen tegelijk dezelfde gegevens; uw wijziging is niet opgeslagen. Probeer het zo opnieuw.';
const DISK_FULL = '53100';
const STOPPING = 'De districtsserver wordt op dit moment gestopt; uw verzoek is niet uitgevoerd. Probeer het over enkele minuten opnieuw.';
const DATABASE_DOWN = 'De database van de districtsserver wordt op dit moment gestopt of gestart; uw verzoek is niet uitgevoerd. Probeer het over enkele minuten opnieuw.';
/** admin_shutdown, crash_shutdown, cannot_connect_now: PostgreSQL itself is stopping or starting. */
const DATABASE_STOPPING = new Set(['57P01', '57P02', '57P03']);

export interface PostgresDistrictOptions {
  sleep?: (ms: number) => Promise<void>;
  /** Where each retried transaction is reported (the district server logs it without data). */
  onRetry?: (attempt: number, code: string) => void;
}

/**
 * The district server's database: every operation runs on one pooled connection as one SERIALIZABLE
 * transaction in the person's group role and police unit (withUserRole: the second line behind the api's
 * role check). Capacity checks therefore cannot race: when two people book the last slot at once,
 * PostgreSQL undoes one of the two transactions (40001) and it runs again from the start, now seeing the
 * slot taken, and is refused like any full session. `ctx.write` joins the operation's transaction.
 * A read (run with readOnly) begins READ ONLY: such a transaction cannot be the pivot of a conflict, so
 * the long reads (the dashboard) do not get writers undone; should the read write after all, it is
 * undone and runs again writable. A write undone by a conflict runs again in the write lane (WriteLane).
 */
export function postgresDistrictDatabase(pool: pg.Pool, options: PostgresDistrictOptions = {}): DistrictDatabase {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const writeLane = new WriteLane(1);
  /**
   * One transaction on one pooled connection, run again while PostgreSQL undoes it for a conflict.
   * NEEDS_WRITE: a read-only attempt wrote; COLLIDED (`once`): the first attempt was undone, not retried here.
   */
  const attempts = async <T>(scope: OperationScope, readOnly: boolean, work: (db: AppDatabase, readOnly: boolean) => Promise<T>, once = false): Promise<T | typeof NEEDS_WRITE | typeof COLLIDED> => {
    const client = await connectTo(pool);
    const db = handleOf(client);
    let broken: Error | undefined;
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          // Each attempt reads afresh what the operation keeps for itself (operation-memo.ts).
          return await withOperationMemo(() => inScope(client, scope, readOnly, () => work(db, readOnly)));
        } catch (error) {
          const code = sqlState(error);
          if (readOnly && code === READ_ONLY_SQL_TRANSACTION) return NEEDS_WRITE;
          if (code === null) broken = error instanceof Error ? error : undefined;
          if (code !== null && DATABASE_STOPPING.has(code)) {
            broken = error instanceof Error ? error : new Error(code);
            throw new ServiceError('UNAVAILABLE', DATABASE_DOWN);
          }
          if (code === null || !RETRYABLE.has(code)) throw error;
          if (once) {
            options.onRetry?.(attempt, code);
            return COLLIDED;
          }
          // Still colliding after many attempts: the user's refusal, in Dutch, never an internal error.
          if (attempt >= MAX_ATTEMPTS) throw new ServiceError('CONFLICT', BUSY);
          options.onRetry?.(attempt, code);
          // Spread the retries (growing, random) so the same transactions do not collide again in the same order.
          await sleep(Math.round(Math.random() * Math.min(200, 5 * 2 ** Math.min(attempt, 6))));
        }
      }
    } finally {
      // A connection that failed outside SQL (cut, timed out) is discarded, not handed to the next operation.
      client.release(broken);
    }
  };
  /** An operation: a read first READ ONLY; a write (or a read that wrote after all) writable, its retries in the write lane. */
  const operation = async <T>(scope: OperationScope, readOnlyFirst: boolean, work: (db: AppDatabase, readOnly: boolean) => Promise<T>): Promise<T> => {
    if (readOnlyFirst) {
      const result = await attempts(scope, true, work);
      if (result !== NEEDS_WRITE) return result as T;
      // A read that writes after all (reservations due for release, an undo's dry run): again, writable.
    }
    // A write runs at once; only one that a conflict undid runs again in the lane, one at a time. While the
    // lane holds such a write, new writes join the lane too: otherwise they keep undoing the write in it
    // (4 people changing details of neighbouring cases at once ran out of attempts, npm run bench:sync).
    if (writeLane.busy()) return (await writeLane.run(() => attempts(scope, false, work))) as T;
    const first = await attempts(scope, false, work, true);
    if (first !== COLLIDED) return first as T;
    return (await writeLane.run(() => attempts(scope, false, work))) as T;
  };
  return {
    engine: 'postgresql',
    readonly: false,
    run: (scope, work, runOptions) =>
      operation(scope, runOptions?.readOnly ?? false, (db, readOnly) =>
        work(db, async (write) => {
          if (readOnly) throw Object.assign(new Error('a write in a READ ONLY transaction'), { code: READ_ONLY_SQL_TRANSACTION });
          return await write();
        }),
      ),
    // The small writes beside an operation (a read's trace, a refusal's audit row, a stored answer) only
    // insert or set one row: outside the lane, so a read's trace does not wait behind the operations' writes.
    write: async (scope, work) => (await attempts(scope, false, work)) as Awaited<ReturnType<typeof work>>,
    storageFullMessage: (error) =>
      sqlState(error) === DISK_FULL ? 'De database van de districtsserver heeft geen schijfruimte meer. Er is niets opgeslagen; meld dit bij de beheerder van de server.' : null,
    isUniqueViolation: (error) => sqlState(error) === '23505',
  };
}

/**
 * A pooled connection, or the caller's refusal in Dutch: the server stopping (its pool ended while the
 * operation waited in the write lane, or came in during the shutdown's grace period) or PostgreSQL
 * stopping or starting. UNAVAILABLE: nothing was done, and a desktop's outbox keeps the write and sends it again
 * (the same request id: never done twice).
 */
async function connectTo(pool: pg.Pool): Promise<pg.PoolClient> {
  if (pool.ending) throw new ServiceError('UNAVAILABLE', STOPPING);
  try {
    return await pool.connect();
  } catch (error) {
    if (pool.ending) throw new ServiceError('UNAVAILABLE', STOPPING);
    const code = sqlState(error);
    if (code !== null && DATABASE_STOPPING.has(code)) throw new ServiceError('UNAVAILABLE', DATABASE_DOWN);
    // Refused, wrong password, unknown host: the server's configuration, which the log must show.
    throw error;
  }
}

/** A read-only attempt that wrote (25006): the operation runs again writable. */
const NEEDS_WRITE = Symbol('needs a writable transaction');
const COLLIDED = Symbol('undone by a conflict');

/**
 * Where the write operations of this server process that a conflict undid run again: one at a time, in
 * the order they came. SERIALIZABLE keeps every write correct either way; the lane keeps the server's
 * own retries from undoing one another again. Writes of a district touch the same rows (a case, the
 * index pages new rows go into), and without the lane one conflict led to the next: 50 users caused
 * 100 to 1,500 retries a minute, growing with the machine's load (npm run bench:server). All writes in
 * the lane (none at once) queued for seconds as soon as the machine was busy; two lanes still collided.
 * A retry waits here before it takes a pooled connection, so waiting never holds the connections the
 * reads need.
 */
class WriteLane {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly width: number) {}

  /** Whether a write is running or waiting in the lane. */
  busy(): boolean {
    return this.running > 0 || this.waiting.length > 0;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.width) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      // Hand the place straight to the next in line (running stays the same), or give it back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/**
 * One drizzle handle per pooled connection, made at its first operation and kept while the pool keeps the
 * connection: building one maps the whole schema's relations (a few hundred microseconds per operation).
 */
const handles = new WeakMap<pg.PoolClient, AppDatabase>();
function handleOf(client: pg.PoolClient): AppDatabase {
  let db = handles.get(client);
  if (!db) handles.set(client, (db = drizzle(client, { schema: pgSchema }) as unknown as AppDatabase));
  return db;
}

async function inScope<T>(client: pg.PoolClient, scope: OperationScope, readOnly: boolean, work: () => Promise<T>): Promise<T> {
  if (scope.role === null) {
    // No person (the server's own upkeep): the connection's own role.
    await client.query(beginStatement({ isolation: 'serializable', readOnly }));
    try {
      const result = await work();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
  return withUserRole(client, { role: scope.role, policeUnit: scope.policeUnit, actor: scope.actor }, work, { isolation: 'serializable', readOnly });
}

/** PostgreSQL's SQLSTATE of a failed statement, or null when the failure did not come from a statement. */
function sqlState(error: unknown): string | null {
  // drizzle wraps the driver's error (DrizzleQueryError): its cause holds the SQLSTATE.
  for (let current = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

/** A pool for the district database whose counts and sums arrive as numbers (int8 and numeric), as on SQLite. */
export function createDistrictPool(config: pg.PoolConfig): pg.Pool {
  const asNumber = (value: string) => Number(value);
  return new pg.Pool({
    ...config,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC ? asNumber : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
}
