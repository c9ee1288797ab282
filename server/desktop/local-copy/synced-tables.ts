import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../../db/schema';
import { SYNCED_TABLES, type SyncedTable as SyncedTableName } from '../../../shared/api/sync-schemas';

/**
 * The tables a desktop's local copy holds (issue 14): every table of db/schema.ts except those that stay
 * with the server or the file (processed_request: the request ids a database answered; personal_data_read:
 * the disclosure log). The search index (case_search) is derived: the copy builds its own.
 */
const NOT_SYNCED = new Set(['processed_request', 'personal_data_read']);

/** How a server value becomes the value the standalone file stores. */
export type ColumnKind = 'boolean' | 'number' | 'json' | 'text';

export interface SyncedColumn {
  name: string;
  kind: ColumnKind;
}

export interface SyncedTable {
  name: SyncedTableName;
  /** The single primary-key column ('id', or 'key' for district_setting and notification_done). */
  key: string;
  /** The key is an integer: keys travel as text ('12') and are stored as numbers. */
  integerKey: boolean;
  columns: SyncedColumn[];
}

function kindOf(columnType: string): ColumnKind {
  if (columnType === 'SQLiteBoolean') return 'boolean';
  if (columnType === 'SQLiteTextJson' || columnType === 'SQLiteBlobJson') return 'json';
  if (columnType === 'SQLiteInteger' || columnType === 'SQLiteReal' || columnType === 'SQLiteNumeric' || columnType === 'SQLiteTimestamp') return 'number';
  return 'text';
}

function describe(): SyncedTable[] {
  const tables = new Map<string, SyncedTable>();
  for (const value of Object.values(schema)) {
    if (!(value instanceof SQLiteTable)) continue;
    const config = getTableConfig(value);
    if (NOT_SYNCED.has(config.name)) continue;
    const keys = [...config.columns.filter((c) => c.primary).map((c) => c.name), ...config.primaryKeys.flatMap((k) => k.columns.map((c) => c.name))];
    if (keys.length !== 1) throw new Error(`Synced table ${config.name} needs a single-column primary key (has ${keys.join(', ') || 'none'})`);
    const columns = config.columns.map((c) => ({ name: c.name, kind: kindOf(c.columnType) }));
    const key = keys[0]!;
    tables.set(config.name, { name: config.name as SyncedTableName, key, integerKey: columns.find((c) => c.name === key)!.kind === 'number', columns });
  }
  // The server's list (parents first) and this schema's tables must be the same: a table only one side has would be lost.
  const unknown = [...tables.keys()].filter((name) => !(SYNCED_TABLES as readonly string[]).includes(name));
  const missing = SYNCED_TABLES.filter((name) => !tables.has(name));
  if (unknown.length > 0 || missing.length > 0) throw new Error(`SYNCED_TABLES and db/schema.ts disagree: only in the schema ${unknown.join(', ') || '-'}; only in the list ${missing.join(', ') || '-'}`);
  return SYNCED_TABLES.map((name) => tables.get(name)!);
}

/** The synced tables, parents before the tables that refer to them (SYNCED_TABLES' order). */
export const SYNCED_TABLE_LIST: readonly SyncedTable[] = describe();

const byName = new Map<string, SyncedTable>(SYNCED_TABLE_LIST.map((t) => [t.name, t]));

export function syncedTable(name: string): SyncedTable {
  const table = byName.get(name);
  if (!table) throw new LocalCopyError(`De districtsserver stuurde rijen van een onbekende tabel '${name}': server en app horen bij verschillende versies van Ketenplanner.`);
  return table;
}

/** A failure of the local copy; the message is Dutch, for the sync status. */
export class LocalCopyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalCopyError';
  }
}

export const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;
