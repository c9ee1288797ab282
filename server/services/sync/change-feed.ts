import type { AppDatabase } from '../../../db/open-database';
import type { ParsedInput } from '../../../shared/api/contract';
import { MAX_ROW_ID } from '../../../shared/api/row-id';
import { primaryKeyOf, SYNCED_TABLES, type ChangesOutput, type CopyPageOutput, type RowsOutput, type SyncCell, type SyncedTable, type SyncRow } from '../../../shared/api/sync-schemas';
import { isPostgresClient, sqlRow, sqlRows, type SqlClient } from '../context/query-results';
import { ServiceError } from '../service-error';

/**
 * The district server's side of a desktop's local copy (issue 14; docs/offline.md): pages of a table,
 * the changes since a cursor from the feed of db/pg-migrations/0008_sync_row_change.sql, and rows by key.
 * Each runs in the operation's transaction, in the person's group role: row-level security decides which
 * rows are copied, exactly as for the person's other reads. Values go as the driver reads them (the
 * district pool gives bigint as a number), so the answer is the same JSON for the same row.
 */

export const NOT_A_SERVER =
  'Alleen een districtsserver levert een kopie van de gegevens voor gebruik zonder verbinding; dit is een los districtsbestand.';
const PRUNED =
  'De wijzigingen sinds de vorige bijwerking van deze kopie worden niet meer bewaard (ouder dan de bewaartermijn, of van een andere database): de kopie wordt opnieuw volledig opgehaald.';
const tooMany = (max: number) => `Er zijn sinds de vorige bijwerking meer dan ${max} rijen gewijzigd: de kopie wordt opnieuw volledig opgehaald (dat is sneller).`;

/** Keys of integer-id tables are decimal ids; anything else names no row. */
const ID_KEY = /^[0-9]{1,10}$/;
/** Keys per statement when rows are fetched by key. */
const KEYS_PER_QUERY = 5000;

type PostgresClient = Exclude<SqlClient, { prepare: unknown }>;

/** The operation's PostgreSQL connection; on the standalone file, the refusal. */
function serverClient(db: AppDatabase): PostgresClient {
  const client: SqlClient = db.$client;
  if (!isPostgresClient(client)) throw new ServiceError('CONFLICT', NOT_A_SERVER);
  return client;
}

const quoted = (table: SyncedTable) => `"${table}"`;

/** The cursor of this transaction's snapshot: no transaction below it was running when it began. */
async function snapshotCursor(client: PostgresClient): Promise<string> {
  return ((await sqlRow(client, 'select pg_snapshot_xmin(pg_current_snapshot())::text as cursor')) as { cursor: string }).cursor;
}

/** The row's key as the feed writes it (the primary key as text). */
const keyOf = (table: SyncedTable, row: SyncRow) => String(row[primaryKeyOf(table)]);

function validIdKey(key: string): boolean {
  return ID_KEY.test(key) && Number(key) <= MAX_ROW_ID;
}

/** Keys in the order pages use: ids by number, text keys byte by byte (collate "C"). */
function sortKeys(table: SyncedTable, keys: Iterable<string>): string[] {
  const list = [...keys];
  return primaryKeyOf(table) === 'id' ? list.sort((a, b) => Number(a) - Number(b)) : list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The rows of `keys` this person may see, in key order; the other keys are missing. */
async function rowsByKey(client: PostgresClient, table: SyncedTable, keys: readonly string[]): Promise<{ rows: SyncRow[]; missing: string[] }> {
  const column = primaryKeyOf(table);
  const wanted = column === 'id' ? keys.filter(validIdKey) : [...keys];
  const rows: SyncRow[] = [];
  for (let start = 0; start < wanted.length; start += KEYS_PER_QUERY) {
    const chunk = wanted.slice(start, start + KEYS_PER_QUERY);
    const text =
      column === 'id'
        ? `select * from ${quoted(table)} where id = any(?::int[]) order by id`
        : `select * from ${quoted(table)} where key = any(?::text[]) order by key collate "C"`;
    rows.push(...((await sqlRows(client, text, [column === 'id' ? chunk.map(Number) : chunk])) as SyncRow[]));
  }
  const found = new Set(rows.map((row) => keyOf(table, row)));
  return { rows, missing: sortKeys(table, new Set(keys.filter((key) => !found.has(key)))) };
}

/** The cases whose suspect data these suspect rows hold (for the disclosure log); none for other tables. */
async function disclosedCases(client: PostgresClient, table: SyncedTable, rows: readonly SyncRow[]): Promise<number[]> {
  if (table !== 'suspect' || rows.length === 0) return [];
  const found = (await sqlRows(client, 'select id from criminal_case where suspect_id = any(?::int[]) order by id', [rows.map((row) => Number(row.id))])) as { id: number }[];
  return found.map((row) => row.id);
}

/** `sync.tables`: the copied tables, parents first, with their key column. */
export function syncTables(db: AppDatabase): { tables: { table: SyncedTable; key: 'id' | 'key' }[] } {
  serverClient(db);
  return { tables: SYNCED_TABLES.map((table) => ({ table, key: primaryKeyOf(table) })) };
}

/** The part of node-postgres used for a page: rows as arrays (no object per row), with the fields' names. */
interface ArrayQueryable {
  query(config: { text: string; values: unknown[]; rowMode: 'array' }): Promise<{ rows: SyncCell[][]; fields: { name: string }[] }>;
}

/**
 * `sync.copyPage`: the next rows of a table after a key (keyset pagination by primary key, an index scan),
 * column names once and each row as an array of values in that order (the node-postgres array mode: no object
 * per row here, and half the JSON a row of named values would take).
 */
export async function copyPage(db: AppDatabase, input: ParsedInput<'sync.copyPage'>, disclose: (caseIds: number[]) => void): Promise<CopyPageOutput> {
  const client = serverClient(db);
  const cursor = input.cursor ?? (await snapshotCursor(client));
  const { table, afterKey, limit } = input;
  const key = primaryKeyOf(table);
  if (key === 'id' && afterKey !== null && !validIdKey(afterKey)) {
    throw new ServiceError('INVALID_INPUT', `afterKey: de tabel ${table} heeft getallen als sleutel; "${afterKey.slice(0, 20)}" is er geen.`, [
      { path: 'afterKey', message: 'Geef de sleutel van de laatste rij van de vorige pagina (een getal)' },
    ]);
  }
  const text =
    key === 'id'
      ? `select * from ${quoted(table)} where id > $1 order by id limit $2`
      : `select * from ${quoted(table)} where key collate "C" > $1 order by key collate "C" limit $2`;
  const values = [key === 'id' ? (afterKey === null ? 0 : Number(afterKey)) : (afterKey ?? ''), limit];
  const result = await (client as unknown as ArrayQueryable).query({ text, values, rowMode: 'array' });
  const columns = result.fields.map((field) => field.name);
  const { rows } = result;
  const keyAt = columns.indexOf(key);
  if (table === 'suspect' && rows.length > 0) {
    // The cases whose suspect data these rows hold (for the disclosure log), in one statement.
    const found = (await sqlRows(client, 'select id from criminal_case where suspect_id = any(?::int[]) order by id', [rows.map((row) => Number(row[keyAt]))])) as { id: number }[];
    disclose(found.map((row) => row.id));
  }
  const last = rows.at(-1);
  return { cursor, columns, rows, lastKey: rows.length === limit && last ? String(last[keyAt]) : null };
}

/**
 * `sync.changes`: every row changed by a transaction at or after the cursor that this transaction's
 * snapshot sees, and the keys of changed rows that are gone or hidden from this person. The new cursor
 * is this snapshot's xmin: a transaction still running now has an id at or above it, so it is read next
 * time, whenever it commits (changes seen twice are applied twice, harmlessly).
 */
export async function changesSince(db: AppDatabase, input: ParsedInput<'sync.changes'>, disclose: (caseIds: number[]) => void): Promise<ChangesOutput> {
  const client = serverClient(db);
  const state = (await sqlRow(
    client,
    `select pg_snapshot_xmin(pg_current_snapshot())::text as cursor, pg_snapshot_xmax(pg_current_snapshot())::text as "nextTxid",
            (select through_txid::text from sync.pruned) as "prunedThrough"`,
  )) as { cursor: string; nextTxid: string; prunedThrough: string | null };
  const from = BigInt(input.cursor);
  // Above every transaction this database has begun: a cursor of another database (a restored backup).
  if (from > BigInt(state.nextTxid)) throw new ServiceError('FULL_COPY_NEEDED', PRUNED);
  if (state.prunedThrough !== null && from <= BigInt(state.prunedThrough)) throw new ServiceError('FULL_COPY_NEEDED', PRUNED);
  // A row of the feed is visible only when its transaction committed before this snapshot; the
  // pg_visible_in_snapshot test says the same in words (and keeps it so under any isolation level).
  const changed = (await sqlRows(
    client,
    `select table_name as "table", row_key as "key" from sync.row_change
      where txid >= ?::xid8 and pg_visible_in_snapshot(txid, pg_current_snapshot())
      group by table_name, row_key limit ?`,
    [input.cursor, input.maxRows + 1],
  )) as { table: string; key: string }[];
  if (changed.length > input.maxRows) throw new ServiceError('FULL_COPY_NEEDED', tooMany(input.maxRows));
  const byTable = new Map<string, string[]>();
  for (const { table, key } of changed) {
    const keys = byTable.get(table);
    if (keys) keys.push(key);
    else byTable.set(table, [key]);
  }
  const tables: ChangesOutput['tables'] = [];
  const cases: number[] = [];
  for (const table of SYNCED_TABLES) {
    const keys = byTable.get(table);
    if (!keys) continue;
    const { rows, missing } = await rowsByKey(client, table, keys);
    cases.push(...(await disclosedCases(client, table, rows)));
    tables.push({ table, rows, deletedKeys: missing });
  }
  disclose(cases);
  return { cursor: state.cursor, tables };
}

/** `sync.rows`: the server's rows of these keys as this person sees them (repair after sending the outbox). */
export async function rowsOf(db: AppDatabase, input: ParsedInput<'sync.rows'>, disclose: (caseIds: number[]) => void): Promise<RowsOutput> {
  const client = serverClient(db);
  const { rows, missing } = await rowsByKey(client, input.table, [...new Set(input.keys)]);
  disclose(await disclosedCases(client, input.table, rows));
  return { rows, missingKeys: missing };
}
