import type Database from 'better-sqlite3';
import type { AppDatabase } from '../../../db/open-database';

/**
 * The one place where a query's result is read, so services await their queries the same way on every
 * engine (operations are async: ARCHITECTURE.md, the district server).
 */

/** The first row of a select, or undefined when there is none. */
export function firstRow<T>(rows: readonly T[]): T | undefined {
  return rows[0];
}

/** The row an insert/update ... returning() gave, typed as the statement promised it (one row). */
export function returnedRow<T>(rows: readonly T[]): T {
  return rows[0] as T;
}

/** How many rows an insert, update or delete changed. */
export function changedRows(result: { changes: number } | { rowCount: number | null }): number {
  return 'changes' in result ? result.changes : (result.rowCount ?? 0);
}

/** Rows of a hand-written SELECT with positional parameters. */
export async function sqlRows(client: Database.Database, text: string, params: readonly unknown[] = []): Promise<unknown[]> {
  return client.prepare(text).all(...params);
}

/** The first row of a hand-written SELECT, or undefined. */
export async function sqlRow(client: Database.Database, text: string, params: readonly unknown[] = []): Promise<unknown> {
  return client.prepare(text).get(...params);
}

/** Runs a hand-written statement; tells how many rows it changed. */
export async function sqlRun(client: Database.Database, text: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
  const { changes } = client.prepare(text).run(...params);
  return { changes };
}

let savepoints = 0;

/**
 * Runs `work` all or nothing: inside an open transaction as a savepoint (a refusal undoes only its own
 * part), otherwise as its own transaction. `work` gets the same database to use.
 */
export async function inTransaction<T>(db: AppDatabase, work: (tx: AppDatabase) => Promise<T>): Promise<T> {
  const client = db.$client;
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
