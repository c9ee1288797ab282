import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { FetchChanges, FetchPage, FetchRows } from '../../server/desktop/local-copy/local-copy';
import { SYNCED_TABLE_LIST, type SyncedTable } from '../../server/desktop/local-copy/synced-tables';
import type { ApiHandler } from '../../server/services/api-handler';
import type { ChangesOutput, CopyPageOutput, RowsOutput, SyncRow } from '../../shared/api/sync-schemas';

/**
 * A stand-in for the district server's change feed over a standalone district file, for the local copy's
 * tests on the SQLite side: rows in the server's wire form (booleans true/false, JSON columns as their
 * text), pages by key, and the changes as the difference between the file and a copy (what the feed of
 * db/pg-migrations/0008 would list, and more: every row that differs).
 */

const quote = (name: string) => `"${name}"`;

function toWire(table: SyncedTable, row: Record<string, unknown>): SyncRow {
  const out: SyncRow = {};
  for (const column of table.columns) {
    const value = row[column.name];
    out[column.name] = column.kind === 'boolean' && (value === 0 || value === 1) ? value === 1 : (value as SyncRow[string]);
  }
  return out;
}

const tableOf = (name: string) => SYNCED_TABLE_LIST.find((t) => t.name === name)!;

export function sqliteSource(source: Database.Database, cursor = () => '1000') {
  const fetchPage: FetchPage = async (input) => {
    const table = tableOf(input.table);
    const after = input.afterKey === null ? (table.integerKey ? -1 : '') : table.integerKey ? Number(input.afterKey) : input.afterKey;
    const rows = source.prepare(`select * from ${quote(table.name)} where ${quote(table.key)} > ? order by ${quote(table.key)} limit ?`).all(after, input.limit) as Record<string, unknown>[];
    const last = rows.at(-1);
    const columns = table.columns.map((c) => c.name);
    const wire = rows.map((r) => {
      const row = toWire(table, r);
      return columns.map((name) => row[name] ?? null);
    });
    return { cursor: input.cursor ?? cursor(), columns, rows: wire, lastKey: rows.length === input.limit && last ? String(last[table.key]) : null };
  };
  const fetchRows: FetchRows = async (name, keys) => {
    const table = tableOf(name);
    const rows: SyncRow[] = [];
    const missingKeys: string[] = [];
    for (const key of keys) {
      const row = source.prepare(`select * from ${quote(table.name)} where ${quote(table.key)} = ?`).get(table.integerKey ? Number(key) : key) as Record<string, unknown> | undefined;
      if (row) rows.push(toWire(table, row));
      else missingKeys.push(key);
    }
    return { rows, missingKeys };
  };
  /** Every row of the file that the copy lacks or holds otherwise, and every key the copy has beyond the file. */
  const changesAgainst =
    (copyPath: string): FetchChanges =>
    async () => {
      source.prepare('attach database ? as copy_now').run(copyPath);
      try {
        const tables: ChangesOutput['tables'] = [];
        for (const table of SYNCED_TABLE_LIST) {
          const t = quote(table.name);
          const k = quote(table.key);
          const rows = (source.prepare(`select * from main.${t} except select * from copy_now.${t}`).all() as Record<string, unknown>[]).map((r) => toWire(table, r));
          const deletedKeys = (source.prepare(`select ${k} as k from copy_now.${t} except select ${k} from main.${t}`).pluck().all() as unknown[]).map(String);
          if (rows.length > 0 || deletedKeys.length > 0) tables.push({ table: table.name, rows, deletedKeys });
        }
        return { cursor: cursor(), tables };
      } finally {
        source.exec('detach database copy_now');
      }
    };
  return { fetchPage, fetchRows, changesAgainst };
}

/** One normal form per value on both engines: booleans 0/1, bigint/numeric text as numbers. */
function normal(table: SyncedTable, row: Record<string, unknown>): string {
  return JSON.stringify(
    table.columns.map((column) => {
      const value = row[column.name];
      if (value === undefined) return '<missing>';
      if (column.kind === 'boolean' && typeof value === 'boolean') return value ? 1 : 0;
      if (column.kind === 'number' && typeof value === 'string') return Number(value);
      return value;
    }),
  );
}

export type ReadTable = (table: SyncedTable) => Promise<Record<string, unknown>[]>;

export const readSqliteTable =
  (sqlite: Database.Database): ReadTable =>
  async (table) =>
    sqlite.prepare(`select * from ${quote(table.name)}`).all() as Record<string, unknown>[];

/** Reads as the owner (every row) or as a pool of ketenplanner_api in a role; the district pool's types (int8 as number). */
export const readPostgresTable =
  (pool: pg.Pool): ReadTable =>
  async (table) =>
    (await pool.query(`select * from ${quote(table.name)}`)).rows as Record<string, unknown>[];

/** Every synced table, row by row: the differences (at most `limit` per table), empty when the copy equals the source. */
export async function differences(copy: ReadTable, source: ReadTable, limit = 3): Promise<string[]> {
  const found: string[] = [];
  for (const table of SYNCED_TABLE_LIST) {
    const index = async (read: ReadTable) => new Map((await read(table)).map((row) => [String(row[table.key]), normal(table, row)]));
    const [mine, theirs] = [await index(copy), await index(source)];
    let shown = 0;
    const note = (text: string) => {
      if (shown++ < limit) found.push(`${table.name} ${text}`);
    };
    for (const [key, row] of theirs) {
      const local = mine.get(key);
      if (local === undefined) note(`${key}: missing in the copy`);
      else if (local !== row) note(`${key}: copy ${local} != source ${row}`);
    }
    for (const key of mine.keys()) if (!theirs.has(key)) note(`${key}: only in the copy`);
    if (shown > limit) found.push(`${table.name}: ${shown - limit} more`);
  }
  return found;
}

/** The local copy's three questions asked of a district server through an api handler (a ConnectedBackend's, or the server's own). */
export function serverFetchers(handler: ApiHandler) {
  const ask = async <T>(operation: string, input: unknown): Promise<T | 'FULL_COPY_NEEDED'> => {
    const answer = await handler(operation, input);
    if (answer.ok) return answer.value as T;
    if (answer.error.code === 'FULL_COPY_NEEDED') return 'FULL_COPY_NEEDED';
    throw new Error(`${operation}: ${answer.error.code} ${answer.error.message}`);
  };
  const must = async <T>(operation: string, input: unknown): Promise<T> => {
    const answer = await ask<T>(operation, input);
    if (answer === 'FULL_COPY_NEEDED') throw new Error(`${operation}: FULL_COPY_NEEDED`);
    return answer;
  };
  const fetchPage: FetchPage = (input) => must<CopyPageOutput>('sync.copyPage', input);
  const fetchChanges: FetchChanges = (cursor) => ask<ChangesOutput>('sync.changes', { cursor });
  const fetchRows: FetchRows = (table, keys) => must<RowsOutput>('sync.rows', { table, keys });
  return { fetchPage, fetchChanges, fetchRows };
}
