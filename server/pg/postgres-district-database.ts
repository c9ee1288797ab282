import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { AppDatabase } from '../../db/open-database';
import * as pgSchema from '../../db/pg/schema';
import type { DistrictDatabase, OperationScope } from '../services/context/district-database';
import { ServiceError } from '../services/service-error';
import { withUserRole } from './with-user-role';

/** serialization_failure and deadlock_detected: PostgreSQL undid the transaction; running it again is safe. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 25;
const BUSY = 'Op dit moment wijzigen veel mensen tegelijk dezelfde gegevens; uw wijziging is niet opgeslagen. Probeer het zo opnieuw.';
const DISK_FULL = '53100';

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
 */
export function postgresDistrictDatabase(pool: pg.Pool, options: PostgresDistrictOptions = {}): DistrictDatabase {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const transaction = async <T>(scope: OperationScope, work: (db: AppDatabase) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    const db = drizzle(client, { schema: pgSchema }) as unknown as AppDatabase;
    let broken: Error | undefined;
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await inScope(client, scope, () => work(db));
        } catch (error) {
          const code = sqlState(error);
          if (code === null) broken = error instanceof Error ? error : undefined;
          if (code === null || !RETRYABLE.has(code)) throw error;
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
  return {
    engine: 'postgresql',
    readonly: false,
    run: (scope, work) => transaction(scope, (db) => work(db, async (write) => await write())),
    write: (scope, work) => transaction(scope, work),
    storageFullMessage: (error) =>
      sqlState(error) === DISK_FULL ? 'De database van de districtsserver heeft geen schijfruimte meer. Er is niets opgeslagen; meld dit bij de beheerder van de server.' : null,
    isUniqueViolation: (error) => sqlState(error) === '23505',
  };
}

async function inScope<T>(client: pg.PoolClient, scope: OperationScope, work: () => Promise<T>): Promise<T> {
  if (scope.role === null) {
    // No person (the server's own upkeep): the connection's own role.
    await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
    try {
      const result = await work();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
  return withUserRole(client, { role: scope.role, policeUnit: scope.policeUnit, actor: scope.actor }, work, { isolation: 'serializable' });
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
