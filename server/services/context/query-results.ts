import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { AppDatabase } from '../../../db/open-database';

/**
 * The one place where a query's result is read and a hand-written statement is run, so services await
 * their queries the same way on both engines (operations are async: ARCHITECTURE.md, the district
 * server). The services are typed against the SQLite tables; on the district server the same names are
 * PostgreSQL's tables (db/pg/schema.ts) and `$client` is the operation's pooled PostgreSQL connection.
 */

/** What a hand-written statement runs on: the district file's connection, or a PostgreSQL connection. */
export type SqlClient = Database.Database | PostgresQueryable;

/** The part of node-postgres's client used here (kept structural so shared code needs no pg import). */
interface PostgresQueryable {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

export function isPostgresClient(client: unknown): client is PostgresQueryable {
  return typeof (client as { prepare?: unknown }).prepare !== 'function' && typeof (client as { query?: unknown }).query === 'function';
}

/** SQLite's `?` placeholders as PostgreSQL's `$1, $2, …` (outside quoted text). */
export function postgresPlaceholders(text: string): string {
  let index = 0;
  let quote: string | null = null;
  let out = '';
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === '?') {
      out += `$${++index}`;
      continue;
    }
    out += char;
  }
  return out;
}

/**
 * SQLite's named parameters (`@caseId`, one object as the only parameter) as PostgreSQL's `$n`, a name
 * used twice bound once; otherwise the positional `?` conversion.
 */
function postgresQuery(client: PostgresQueryable, text: string, params: readonly unknown[]) {
  const [only] = params;
  if (params.length !== 1 || only === null || typeof only !== 'object' || Array.isArray(only) || only instanceof Date || Buffer.isBuffer(only)) {
    return client.query(postgresPlaceholders(text), [...params]);
  }
  const named = only as Record<string, unknown>;
  const order: string[] = [];
  let quote: string | null = null;
  const converted = text.replace(/'|"|@([A-Za-z_][A-Za-z0-9_]*)/g, (match, name: string | undefined) => {
    if (!name) {
      if (quote === null) quote = match;
      else if (quote === match) quote = null;
      return match;
    }
    if (quote !== null) return match;
    if (!order.includes(name)) order.push(name);
    return `$${order.indexOf(name) + 1}`;
  });
  return client.query(converted, order.map((name) => named[name]));
}

/** The first row of a select, or undefined when there is none. */
export function firstRow<T>(rows: readonly T[]): T | undefined {
  return rows[0];
}

/** The row an insert/update ... returning() gave, typed as the statement promised it (one row). */
export function returnedRow<T>(rows: readonly T[]): T {
  return rows[0] as T;
}

/** How many rows an insert, update or delete changed (SQLite: changes; PostgreSQL: rowCount). */
export function changedRows(result: { changes: number } | { rowCount: number | null }): number {
  return 'changes' in result ? result.changes : (result.rowCount ?? 0);
}

/**
 * Rows of a hand-written SELECT with positional `?` parameters. Write SQL both engines read: column
 * aliases in double quotes (`as "caseId"`: PostgreSQL folds unquoted names to lower case), booleans
 * compared with true/false, no engine-only functions; where an engine needs its own text, give both.
 */
export async function sqlRows(client: SqlClient, text: EngineSql, params: readonly unknown[] = []): Promise<unknown[]> {
  if (isPostgresClient(client)) return (await postgresQuery(client, pick(text, 'postgresql'), params)).rows;
  return client.prepare(pick(text, 'sqlite')).all(...params);
}

/** The first row of a hand-written SELECT, or undefined. */
export async function sqlRow(client: SqlClient, text: EngineSql, params: readonly unknown[] = []): Promise<unknown> {
  if (isPostgresClient(client)) return (await postgresQuery(client, pick(text, 'postgresql'), params)).rows[0];
  return client.prepare(pick(text, 'sqlite')).get(...params);
}

/** Runs a hand-written statement; tells how many rows it changed. */
export async function sqlRun(client: SqlClient, text: EngineSql, params: readonly unknown[] = []): Promise<{ changes: number }> {
  if (isPostgresClient(client)) return { changes: (await postgresQuery(client, pick(text, 'postgresql'), params)).rowCount ?? 0 };
  const { changes } = client.prepare(pick(text, 'sqlite')).run(...params);
  return { changes };
}

/** One statement for both engines, or each engine's own text where their SQL differs. */
export type EngineSql = string | { sqlite: string; postgresql: string };

function pick(text: EngineSql, engine: 'sqlite' | 'postgresql'): string {
  return typeof text === 'string' ? text : text[engine];
}

let savepoints = 0;

const undoneWhole = new AsyncLocalStorage<true>();

/**
 * Runs a single-case write in which no failure is caught and carried on from: a refusal anywhere ends the
 * operation, and PostgreSQL undoes its one transaction whole. The steps' own inTransaction then need no
 * savepoint there (two round trips each). On SQLite savepoints cost no round trip and stay.
 */
export function asOneWrite<T>(work: () => Promise<T>): Promise<T> {
  return undoneWhole.run(true, work);
}

/**
 * Runs `work` all or nothing: inside an open transaction as a savepoint (a refusal undoes only its own
 * part), otherwise as its own transaction. `work` gets the same database to use. On PostgreSQL every
 * operation already runs in its own transaction (server/pg/postgres-district-database.ts): a savepoint.
 */
export async function inTransaction<T>(db: AppDatabase, work: (tx: AppDatabase) => Promise<T>): Promise<T> {
  const client: SqlClient = db.$client;
  if (isPostgresClient(client)) return undoneWhole.getStore() ? work(db) : inPostgresSavepoint(client, db, work);
  if (!client.inTransaction) {
    client.exec('BEGIN');
    try {
      const result = await work(db);
      client.exec('COMMIT');
      return result;
    } catch (error) {
      if (client.inTransaction) client.exec('ROLLBACK');
      throw error;
    }
  }
  const name = `kp_savepoint_${++savepoints}`;
  client.exec(`SAVEPOINT ${name}`);
  try {
    const result = await work(db);
    client.exec(`RELEASE ${name}`);
    return result;
  } catch (error) {
    if (client.inTransaction) {
      client.exec(`ROLLBACK TO ${name}`);
      client.exec(`RELEASE ${name}`);
    }
    throw error;
  }
}

async function inPostgresSavepoint<T>(client: PostgresQueryable, db: AppDatabase, work: (tx: AppDatabase) => Promise<T>): Promise<T> {
  const name = `kp_savepoint_${++savepoints}`;
  await client.query(`SAVEPOINT ${name}`);
  try {
    const result = await work(db);
    await client.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    // A failed statement aborts the transaction until the savepoint is rolled back to.
    await client.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
    throw error;
  }
}

/**
 * PostgreSQL refused a write because the operation's transaction was begun READ ONLY (a read that writes
 * after all, server/pg/postgres-district-database.ts): it runs again writable. Code that catches every
 * failure of a statement (a dry run in a savepoint) must let this one through.
 */
export function isReadOnlyRefusal(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
    if ((current as { code?: unknown }).code === READ_ONLY_SQL_TRANSACTION) return true;
  }
  return false;
}

/** SQLSTATE read_only_sql_transaction. */
export const READ_ONLY_SQL_TRANSACTION = '25006';
