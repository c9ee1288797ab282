import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type pg from 'pg';

/**
 * Moves a standalone district file onto the district server (issue 13, item 7): every table, the audit
 * trail included, copied as it is (ids, versions and cached columns unchanged: the copy's own triggers are
 * off while it runs), in one PostgreSQL transaction, then verified table by table by count and checksum.
 * The target must hold the current schema (`ketenplanner server migrate`) and no rows yet; the caller
 * connects as the schema's owner (only the owner may switch triggers off, and row security lets only the
 * owner write every row). Only SQL text and rows cross: no table module of either engine is used, so both
 * sides are read as they are. The file is read in one read transaction: one moment of it, even while the
 * app has it open.
 */

export interface TableCopy {
  table: string;
  rows: number;
  /** sha256 over the rows in primary-key order, each value in one normal form (booleans as 0/1, numbers as numbers). */
  checksum: string;
}

export interface CopyReport {
  tables: TableCopy[];
  totalRows: number;
}

/** Why nothing was copied (Dutch, for the person running the import); the server's database is unchanged. */
export class CopyRefusal extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CopyRefusal';
  }
}

/** Tables the copy leaves alone: drizzle's bookkeeping, SQLite's own, and the search index each engine builds itself. */
const SKIPPED = /^(sqlite_|__drizzle_migrations$|case_search)/;
/** PostgreSQL allows 65535 parameters per statement. */
const PARAMETER_LIMIT = 60_000;
const NUMERIC_TYPES = new Set(['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision']);

type Kind = 'boolean' | 'number' | 'text';

interface Column {
  name: string;
  kind: Kind;
}

interface Table {
  name: string;
  columns: Column[];
  /** Primary-key columns, in key order. */
  keys: string[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function copySqliteToPostgres(source: string | Database.Database, client: pg.ClientBase): Promise<CopyReport> {
  const sqlite = typeof source === 'string' ? new Database(source, { readonly: true, fileMustExist: true }) : source;
  const ownSnapshot = !sqlite.inTransaction;
  try {
    if (ownSnapshot) sqlite.exec('BEGIN');
    const names = copyOrder(sqlite);
    const target = await postgresTables(client);
    const missing = names.filter((t) => !target.has(t));
    if (missing.length > 0) throw new CopyRefusal(`De database van de server mist de tabel(len) ${missing.join(', ')}: voer eerst 'ketenplanner server migrate' uit.`);
    const tables = names.map((name) => target.get(name)!);
    for (const table of tables) compareColumns(sqlite, table);
    await client.query('BEGIN');
    try {
      // ALTER TABLE locks each table (ACCESS EXCLUSIVE) until COMMIT: nothing writes in between, not even a second import.
      for (const table of tables) await client.query(`ALTER TABLE ${quote(table.name)} DISABLE TRIGGER USER`);
      const filled: string[] = [];
      for (const table of tables) {
        if ((await client.query(`select exists (select 1 from ${quote(table.name)}) as filled`)).rows[0]?.filled) filled.push(table.name);
      }
      if (filled.length > 0) {
        throw new CopyRefusal(
          `De database van de server is niet leeg (de tabel(len) ${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', ...' : ''} bevatten al rijen): een arrondissement wordt alleen in een lege database gezet. Er is niets overgezet.`,
        );
      }
      for (const table of tables) await copyTable(sqlite, client, table);
      for (const table of tables) await client.query(`ALTER TABLE ${quote(table.name)} ENABLE TRIGGER USER`);
      await client.query('select case_search_refresh(array(select id from criminal_case))');
      await restartIdentities(client, new Set(names));
      const report: CopyReport = { tables: [], totalRows: 0 };
      for (const table of tables) {
        const expected = sqliteChecksum(sqlite, table);
        const copied = await postgresChecksum(client, table);
        if (expected.rows !== copied.rows || expected.checksum !== copied.checksum) {
          throw new CopyRefusal(
            `Controle mislukt voor tabel ${table.name}: ${expected.rows} rijen in het bestand, ${copied.rows} op de server${expected.rows === copied.rows ? ', maar hun inhoud verschilt' : ''}. Er is niets overgezet.`,
          );
        }
        report.tables.push({ table: table.name, ...expected });
        report.totalRows += expected.rows;
      }
      await client.query('COMMIT');
      return report;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    if (ownSnapshot && sqlite.inTransaction) sqlite.exec('COMMIT');
    if (typeof source === 'string') sqlite.close();
  }
}

/** The file's tables, parents before the tables that refer to them. */
function copyOrder(sqlite: Database.Database): string[] {
  const names = (sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[])
    .map((r) => r.name)
    .filter((name) => !SKIPPED.test(name));
  const parents = new Map(
    names.map((name) => [
      name,
      (sqlite.prepare(`select "table" as parent from pragma_foreign_key_list(?)`).all(name) as { parent: string }[]).map((r) => r.parent).filter((p) => p !== name),
    ]),
  );
  const ordered: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name) || !parents.has(name)) return;
    if (path.includes(name)) throw new Error(`Foreign keys form a cycle: ${[...path, name].join(' -> ')}`);
    for (const parent of parents.get(name)!) visit(parent, [...path, name]);
    ordered.push(name);
  };
  for (const name of names) visit(name, []);
  return ordered;
}

async function postgresTables(client: pg.ClientBase): Promise<Map<string, Table>> {
  const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    `select c.table_name, c.column_name, c.data_type from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = 'public' order by c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, Table>();
  for (const row of rows) {
    if (!tables.has(row.table_name)) tables.set(row.table_name, { name: row.table_name, columns: [], keys: [] });
    const kind: Kind = row.data_type === 'boolean' ? 'boolean' : NUMERIC_TYPES.has(row.data_type) ? 'number' : 'text';
    tables.get(row.table_name)!.columns.push({ name: row.column_name, kind });
  }
  const keys = await client.query<{ table_name: string; column_name: string }>(
    `select c.relname as table_name, a.attname as column_name
       from pg_index i join pg_class c on c.oid = i.indrelid join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indisprimary and c.relnamespace = 'public'::regnamespace
      order by c.relname, array_position(i.indkey, a.attnum)`,
  );
  for (const key of keys.rows) tables.get(key.table_name)?.keys.push(key.column_name);
  return tables;
}

/** The file's columns must be the server's: a column only one side has would be lost or left empty. */
function compareColumns(sqlite: Database.Database, table: Table): void {
  const info = sqlite.prepare('select name, pk from pragma_table_info(?) order by cid').all(table.name) as { name: string; pk: number }[];
  const fileColumns = new Set(info.map((c) => c.name));
  const serverColumns = new Set(table.columns.map((c) => c.name));
  const onlyFile = [...fileColumns].filter((c) => !serverColumns.has(c));
  const onlyServer = [...serverColumns].filter((c) => !fileColumns.has(c));
  if (onlyFile.length > 0 || onlyServer.length > 0) {
    const parts = [onlyFile.length > 0 ? `alleen in het bestand: ${onlyFile.join(', ')}` : null, onlyServer.length > 0 ? `alleen op de server: ${onlyServer.join(', ')}` : null].filter(Boolean);
    throw new CopyRefusal(`De tabel ${table.name} heeft in het bestand andere kolommen dan op de server (${parts.join('; ')}): bestand en server horen bij verschillende versies van Ketenplanner. Er is niets overgezet.`);
  }
  const fileKeys = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
  if (fileKeys.join(',') !== table.keys.join(',')) {
    throw new CopyRefusal(`De tabel ${table.name} heeft in het bestand een andere sleutel (${fileKeys.join(', ') || 'geen'}) dan op de server (${table.keys.join(', ') || 'geen'}). Er is niets overgezet.`);
  }
}

/** The same row order on both engines: the primary key (else every column), text by its bytes (PostgreSQL's "C" collation is SQLite's BINARY), nulls first. */
function orderBy(table: Table, engine: 'sqlite' | 'postgresql'): string {
  const names = table.keys.length > 0 ? table.keys : table.columns.map((c) => c.name);
  return names
    .map((name) => {
      const text = table.columns.find((c) => c.name === name)?.kind === 'text';
      return engine === 'postgresql' ? `${quote(name)}${text ? ' collate "C"' : ''} asc nulls first` : `${quote(name)} asc nulls first`;
    })
    .join(', ');
}

function selectAll(table: Table, engine: 'sqlite' | 'postgresql'): string {
  return `select ${table.columns.map((c) => quote(c.name)).join(', ')} from ${quote(table.name)} order by ${orderBy(table, engine)}`;
}

async function copyTable(sqlite: Database.Database, client: pg.ClientBase, table: Table): Promise<void> {
  const { columns } = table;
  const list = columns.map((c) => quote(c.name)).join(', ');
  const perBatch = Math.max(1, Math.floor(PARAMETER_LIMIT / columns.length));
  let batch: unknown[][] = [];
  let copied = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const params: unknown[] = [];
    const tuples = batch.map((row) => `(${row.map((value, i) => (params.push(toPostgres(value, columns[i]!)), `$${params.length}`)).join(', ')})`);
    try {
      await client.query(`insert into ${quote(table.name)} (${list}) overriding system value values ${tuples.join(', ')}`, params);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CopyRefusal(`Tabel ${table.name} kon niet worden overgezet (rij ${copied + 1} tot ${copied + batch.length}): ${reason}. Er is niets overgezet.`, { cause: error });
    }
    copied += batch.length;
    batch = [];
  };
  for (const row of sqlite.prepare(selectAll(table, 'sqlite')).raw(true).iterate() as Iterable<unknown[]>) {
    batch.push(row);
    if (batch.length >= perBatch) await flush();
  }
  await flush();
}

function toPostgres(value: unknown, column: Column): unknown {
  if (column.kind === 'boolean' && (value === 0 || value === 1)) return value === 1;
  return value;
}

/** Every column that draws from a sequence (identity or serial) continues after the largest value copied. */
async function restartIdentities(client: pg.ClientBase, copied: Set<string>): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string; seq: string | null }>(
    `select table_name, column_name, pg_get_serial_sequence(format('%I', table_name), column_name) as seq
       from information_schema.columns where table_schema = 'public' and (is_identity = 'YES' or column_default like 'nextval(%')`,
  );
  for (const row of rows) {
    if (!row.seq || !copied.has(row.table_name)) continue;
    await client.query(`select setval($1, coalesce(max(${quote(row.column_name)}), 0) + 1, false) from ${quote(row.table_name)}`, [row.seq]);
  }
}

/**
 * One normal form per value, the same for both engines: booleans as 0/1 (SQLite stores 0/1), numbers as
 * numbers (a PostgreSQL client without the district pool's type parsers returns int8 and numeric as text).
 */
function normal(value: unknown, kind: Kind): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'boolean') return value === true || value === 1 ? 1 : value === false || value === 0 ? 0 : value;
  if (kind === 'number' && (typeof value === 'string' || typeof value === 'bigint')) return Number(value);
  if (typeof value === 'bigint') return Number(value);
  return value;
}

function hashRows(rows: Iterable<unknown[]>, columns: Column[]): { rows: number; checksum: string } {
  const hash = createHash('sha256');
  let count = 0;
  for (const row of rows) {
    hash.update(JSON.stringify(row.map((value, i) => normal(value, columns[i]!.kind))));
    hash.update('\n');
    count++;
  }
  return { rows: count, checksum: hash.digest('hex') };
}

function sqliteChecksum(sqlite: Database.Database, table: Table): { rows: number; checksum: string } {
  return hashRows(sqlite.prepare(selectAll(table, 'sqlite')).raw(true).iterate() as Iterable<unknown[]>, table.columns);
}

async function postgresChecksum(client: pg.ClientBase, table: Table): Promise<{ rows: number; checksum: string }> {
  const { rows } = await client.query({ text: selectAll(table, 'postgresql'), rowMode: 'array' });
  return hashRows(rows as unknown[][], table.columns);
}
