import type Database from 'better-sqlite3';
import { SEARCH_FOLDS } from '../../../shared/api/case-search-schemas';
import { isBusy } from '../../services/context/write-transaction';
import { restoreSuspendedTriggers, setApplying, suspendDistrictTriggers } from './local-schema';
import { LocalCopyError, quoteName, syncedTable, type SyncedTable } from './synced-tables';

/** A row as the district server sends it: DB column names, booleans true/false, JSON columns as their stored text. */
export type ServerRow = Record<string, unknown>;

export interface TableChanges {
  table: string;
  rows: readonly ServerRow[];
  deletedKeys: readonly string[];
}

/** The value the standalone file stores for a server value (booleans 0/1; everything else as it is). */
function toSqlite(value: unknown, kind: SyncedTable['columns'][number]['kind'], table: string, column: string): unknown {
  if (value === null) return null;
  switch (kind) {
    case 'boolean':
      if (typeof value === 'boolean') return value ? 1 : 0;
      if (value === 0 || value === 1) return value;
      break;
    case 'number':
      if (typeof value === 'number') return value;
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
      break;
    case 'json':
      if (typeof value === 'string') return value;
      // The server sends the stored text; a parsed value (an older server) is written as JSON.stringify would store it.
      return JSON.stringify(value);
    case 'text':
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return value;
      break;
  }
  throw new LocalCopyError(`De districtsserver stuurde voor ${table}.${column} een waarde die de kopie niet kan opslaan (${JSON.stringify(value)?.slice(0, 60)}).`);
}

/** Rows per insert statement of a full copy's page (a table's widest row: 45 values, SQLite binds up to 32,766). */
const BATCH_ROWS = 50;

/** The statements of one table on one connection, prepared once. */
class TableWriter {
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;
  /** One array per table, filled per row (bound synchronously, so it can be reused). */
  private readonly values: unknown[];
  /** The statement of BATCH_ROWS rows and its values, prepared at the first page. */
  private batch: { statement: Database.Statement; values: unknown[] } | undefined;

  constructor(
    private readonly sqlite: Database.Database,
    readonly table: SyncedTable,
  ) {
    const names = table.columns.map((c) => quoteName(c.name)).join(', ');
    // OR REPLACE: a row that holds a unique value the server's row now has (two rows that swapped it) goes; the
    // server's own version of that row is in the same change set.
    this.upsert = sqlite.prepare(`insert or replace into ${quoteName(table.name)} (${names}) values (${table.columns.map(() => '?').join(', ')})`);
    this.values = new Array<unknown>(table.columns.length);
    this.remove = sqlite.prepare(`delete from ${quoteName(table.name)} where ${quoteName(table.key)} = ?`);
  }

  key(text: string): string | number {
    return this.table.integerKey ? Number(text) : text;
  }

  write(row: ServerRow): void {
    const { columns } = this.table;
    const values = this.values;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const value = row[column.name];
      if (value === undefined) {
        throw new LocalCopyError(`De districtsserver stuurde een rij van ${this.table.name} zonder de kolom ${column.name}: server en app horen bij verschillende versies van Ketenplanner.`);
      }
      // Most values are stored as they come; only booleans (and odd types) need a look.
      values[i] = value === null || (typeof value === 'string' && column.kind !== 'number') || (typeof value === 'number' && column.kind !== 'boolean') ? value : toSqlite(value, column.kind, this.table.name, column.name);
    }
    this.upsert.run(values);
  }

  /**
   * The rows of a page (values in the order of `columns`, the server's column names): each column found once
   * per page, the rows inserted BATCH_ROWS at a time by one statement (a full copy writes millions).
   */
  writePage(columns: readonly string[], rows: readonly (readonly unknown[])[]): void {
    const own = this.table.columns;
    const width = own.length;
    const at = own.map((column) => {
      const index = columns.indexOf(column.name);
      if (index < 0) {
        throw new LocalCopyError(`De districtsserver stuurde een pagina van ${this.table.name} zonder de kolom ${column.name}: server en app horen bij verschillende versies van Ketenplanner.`);
      }
      return index;
    });
    const batch = (this.batch ??= { statement: this.sqlite.prepare(this.insertSql(BATCH_ROWS)), values: new Array<unknown>(BATCH_ROWS * width) });
    const fill = (target: unknown[], offset: number, row: readonly unknown[]) => {
      for (let i = 0; i < width; i++) {
        const column = own[i]!;
        const value = row[at[i]!];
        target[offset + i] =
          value === null || (typeof value === 'string' && column.kind !== 'number') || (typeof value === 'number' && column.kind !== 'boolean') ? value : toSqlite(value, column.kind, this.table.name, column.name);
      }
    };
    let next = 0;
    for (; next + BATCH_ROWS <= rows.length; next += BATCH_ROWS) {
      for (let r = 0; r < BATCH_ROWS; r++) fill(batch.values, r * width, rows[next + r]!);
      batch.statement.run(batch.values);
    }
    for (; next < rows.length; next++) {
      fill(this.values, 0, rows[next]!);
      this.upsert.run(this.values);
    }
  }

  private insertSql(rowCount: number): string {
    const row = `(${this.table.columns.map(() => '?').join(', ')})`;
    return `insert or replace into ${quoteName(this.table.name)} (${this.table.columns.map((c) => quoteName(c.name)).join(', ')}) values ${Array.from({ length: rowCount }, () => row).join(', ')}`;
  }

  delete(key: string): void {
    this.remove.run(this.key(key));
  }
}

const writers = new WeakMap<Database.Database, Map<string, TableWriter>>();

function writerFor(sqlite: Database.Database, table: string): TableWriter {
  let map = writers.get(sqlite);
  if (!map) writers.set(sqlite, (map = new Map()));
  let writer = map.get(table);
  if (!writer) map.set(table, (writer = new TableWriter(sqlite, syncedTable(table))));
  return writer;
}

/** The suspect's name as the search indexes hold it (the folds of migration 0018). */
const foldedName = (column: string) => SEARCH_FOLDS.reduce((sql, [from, to]) => `replace(${sql}, '${from}', '${to}')`, column);

const SEARCH_FROM = 'from criminal_case c join suspect s on s.id = c.suspect_id';

/** Indexes the cases of `where` (a condition on c) as migration 0018's triggers would. */
function indexCases(sqlite: Database.Database, where: string): void {
  sqlite.exec(
    `insert into case_search (rowid, parketnummer, suspect_name, police_unit, offence) select c.id, c.parketnummer, ${foldedName('s.full_name')}, c.police_unit, c.offence_summary ${SEARCH_FROM} ${where}`,
  );
  sqlite.exec(`insert into case_search_name (rowid, parketnummer, suspect_name) select c.id, c.parketnummer, ${foldedName('s.full_name')} ${SEARCH_FROM} ${where}`);
}

/** The whole search index from the copied cases (after a full copy). */
export function rebuildSearchIndex(sqlite: Database.Database): void {
  sqlite.exec(`insert into case_search (case_search) values ('delete-all')`);
  sqlite.exec(`insert into case_search_name (case_search_name) values ('delete-all')`);
  indexCases(sqlite, '');
}

/**
 * Inside the caller's transaction: the search index of every case whose row or suspect changed, as the
 * suspended triggers would have kept it.
 */
function reindexCases(sqlite: Database.Database, caseKeys: Iterable<string>, suspectKeys: Iterable<string>): void {
  sqlite.exec('create temp table if not exists local_reindex_case (id integer primary key)');
  sqlite.exec('create temp table if not exists local_reindex_suspect (id integer primary key)');
  sqlite.exec('delete from temp.local_reindex_case; delete from temp.local_reindex_suspect');
  const addCase = sqlite.prepare('insert or ignore into temp.local_reindex_case (id) values (?)');
  const addSuspect = sqlite.prepare('insert or ignore into temp.local_reindex_suspect (id) values (?)');
  for (const key of caseKeys) addCase.run(Number(key));
  for (const key of suspectKeys) addSuspect.run(Number(key));
  sqlite.exec('insert or ignore into temp.local_reindex_case (id) select c.id from criminal_case c where c.suspect_id in (select id from temp.local_reindex_suspect)');
  const count = sqlite.prepare('select count(*) from temp.local_reindex_case').pluck().get() as number;
  if (count === 0) return;
  sqlite.exec('delete from case_search where rowid in (select id from temp.local_reindex_case)');
  sqlite.exec('delete from case_search_name where rowid in (select id from temp.local_reindex_case)');
  indexCases(sqlite, 'where c.id in (select id from temp.local_reindex_case)');
}

/**
 * Writes a change set of the server into the copy, exactly: deletes first (children before parents), then
 * every row as the server holds it, with the district's triggers suspended (so no version bump or chain
 * step rewrites a server row) and the dirty triggers skipping (applying = 1); the search index of the
 * touched cases is kept in step. Foreign keys are the server's business (a police liaison sees a batch
 * item without its batch): the connection must have them off (see withApplyConnection).
 * Synchronous, inside the caller's transaction. Returns the number of rows written or deleted.
 */
export function applyChanges(sqlite: Database.Database, sets: readonly TableChanges[]): number {
  let count = 0;
  const caseKeys = new Set<string>();
  const suspectKeys = new Set<string>();
  suspendDistrictTriggers(sqlite);
  setApplying(sqlite, true);
  for (const set of [...sets].reverse()) {
    const writer = writerFor(sqlite, set.table);
    for (const key of set.deletedKeys) writer.delete(key);
    count += set.deletedKeys.length;
  }
  for (const set of sets) {
    const writer = writerFor(sqlite, set.table);
    for (const row of set.rows) writer.write(row);
    count += set.rows.length;
    const keys = set.table === 'criminal_case' ? caseKeys : set.table === 'suspect' ? suspectKeys : null;
    if (keys) {
      for (const key of set.deletedKeys) keys.add(key);
      for (const row of set.rows) keys.add(String(row[writer.table.key]));
    }
  }
  reindexCases(sqlite, caseKeys, suspectKeys);
  setApplying(sqlite, false);
  restoreSuspendedTriggers(sqlite);
  return count;
}

/** A page of a full copy (triggers already suspended, applying already 1: see full-copy.ts). */
export function insertPage(sqlite: Database.Database, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): void {
  writerFor(sqlite, table).writePage(columns, rows);
}

/**
 * Runs `work` as one write transaction with foreign keys off, synchronously, once the connection is free:
 * nothing of the local handler's (async) transactions can run in between. Foreign keys can only be
 * switched outside a transaction; they are on again before this returns.
 */
export async function withApplyTransaction<T>(sqlite: Database.Database, work: () => T): Promise<T> {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  for (let waited = 0; ; ) {
    while (sqlite.inTransaction) await sleep(5);
    sqlite.pragma('foreign_keys = OFF');
    try {
      return sqlite.transaction(work).immediate();
    } catch (error) {
      // Another connection to the file (the outbox's) holds the write lock: BEGIN failed, nothing ran; try again.
      if (!isBusy(error) || sqlite.inTransaction || waited >= APPLY_MAX_WAIT_MS) throw error;
    } finally {
      sqlite.pragma('foreign_keys = ON');
    }
    await sleep(20);
    waited += 20;
  }
}

const APPLY_MAX_WAIT_MS = 60_000;
