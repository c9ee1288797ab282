import type Database from 'better-sqlite3';
import { quoteName, SYNCED_TABLE_LIST } from './synced-tables';

/**
 * The local copy's own tables, next to the district schema (db/schema.ts and its migrations, applied by the
 * normal opening of a district file) and never sent anywhere:
 * - sync_state: the cursor of the last pull and when it succeeded, and the copy's owner (the person who
 *   last signed in with it: name, organisation, roles, police unit; issue 14's offline start acts as them);
 * - local_dirty: every row of a synced table this desktop wrote itself (the offline writes of the local
 *   handler), recorded by triggers, so `repair` can put the server's version back;
 * - local_control: `applying` = 1 while server data is written, so the dirty triggers skip those writes;
 * - local_suspended_object: the district's own triggers (and, during a full copy, its indexes) while
 *   server rows are written without them (a crash then leaves them here, and the next open puts them back).
 * Versioned by local_schema_version, one step per version, so a later version can add to them.
 */
const STEPS: readonly string[] = [
  `create table sync_state (
     id integer primary key check (id = 1),
     cursor text,
     copied_at text
   );
   insert into sync_state (id) values (1);
   create table local_dirty (table_name text not null, row_key text not null, unique (table_name, row_key));
   create table local_control (id integer primary key check (id = 1), applying integer not null default 0);
   insert into local_control (id, applying) values (1, 0);
   create table local_suspended_object (seq integer primary key, name text not null unique, sql text not null);`,
  `alter table sync_state add column owner_name text;
   alter table sync_state add column owner_organisation text;
   alter table sync_state add column owner_roles text;
   alter table sync_state add column owner_police_unit text;`,
];

const DIRTY_TRIGGER_PREFIX = 'local_dirty_';

/** Brings the local tables up to date, puts back triggers a cut-off copy left suspended, and (re)creates the dirty triggers. */
export function ensureLocalSchema(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    sqlite.exec('create table if not exists local_schema_version (version integer not null)');
    const current = (sqlite.prepare('select max(version) from local_schema_version').pluck().get() as number | null) ?? 0;
    for (let version = current + 1; version <= STEPS.length; version++) {
      sqlite.exec(STEPS[version - 1]!);
      sqlite.prepare('insert into local_schema_version (version) values (?)').run(version);
    }
    restoreSuspendedTriggers(sqlite);
    sqlite.prepare('update local_control set applying = 0').run();
    createDirtyTriggers(sqlite);
  })();
}

/**
 * One trigger per synced table and kind of change. A migration that rebuilds a table drops its triggers;
 * they are created again at every open (IF NOT EXISTS).
 */
function createDirtyTriggers(sqlite: Database.Database): void {
  for (const table of SYNCED_TABLE_LIST) {
    const t = quoteName(table.name);
    const k = quoteName(table.key);
    const name = (suffix: string) => quoteName(`${DIRTY_TRIGGER_PREFIX}${table.name}_${suffix}`);
    const record = (row: 'new' | 'old') => `insert or replace into local_dirty (table_name, row_key) values ('${table.name}', cast(${row}.${k} as text));`;
    const when = 'when (select applying from local_control) = 0';
    sqlite.exec(`create trigger if not exists ${name('ai')} after insert on ${t} ${when} begin ${record('new')} end`);
    sqlite.exec(`create trigger if not exists ${name('au')} after update on ${t} ${when} begin ${record('old')} ${record('new')} end`);
    sqlite.exec(`create trigger if not exists ${name('ad')} after delete on ${t} ${when} begin ${record('old')} end`);
  }
}

/**
 * Inside the caller's transaction: drops the district's own triggers (version bumps, chain steps, search
 * index), remembering their text. Server rows are written as they are, so none of them may rewrite one;
 * the search index is kept by the apply itself (apply-rows.ts).
 */
export function suspendDistrictTriggers(sqlite: Database.Database): void {
  const triggers = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'trigger' and name not like '${DIRTY_TRIGGER_PREFIX}%' order by rowid`)
    .all() as { name: string; sql: string }[];
  const remember = sqlite.prepare('insert into local_suspended_object (name, sql) values (?, ?)');
  for (const trigger of triggers) {
    remember.run(trigger.name, trigger.sql);
    sqlite.exec(`drop trigger ${quoteName(trigger.name)}`);
  }
}

/**
 * Inside the caller's transaction, for a full copy into emptied tables: drops the indexes of the synced
 * tables (remembered as the triggers are). Building an index once over the copied rows costs a fraction
 * of keeping it row by row (the audit trail's entity index gets its rows in random order).
 */
export function suspendIndexes(sqlite: Database.Database): void {
  const tables = SYNCED_TABLE_LIST.map((t) => `'${t.name}'`).join(', ');
  const indexes = sqlite.prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${tables}) order by rowid`).all() as { name: string; sql: string }[];
  const remember = sqlite.prepare('insert into local_suspended_object (name, sql) values (?, ?)');
  for (const index of indexes) {
    remember.run(index.name, index.sql);
    sqlite.exec(`drop index ${quoteName(index.name)}`);
  }
}

/** The table of a suspended index (`CREATE [UNIQUE] INDEX name ON table (...)`); null for a trigger. */
const INDEX_TABLE = /^create\s+(?:unique\s+)?index\s+(?:if\s+not\s+exists\s+)?\S+\s+on\s+[`"[]?([A-Za-z0-9_]+)/i;

/**
 * Inside the caller's transaction: creates the suspended indexes of one table again (a full copy, once the
 * table's last page is in: built while the other tables still travel, not all at the end).
 */
export function restoreSuspendedIndexes(sqlite: Database.Database, table: string): void {
  const objects = sqlite.prepare('select name, sql from local_suspended_object order by seq').all() as { name: string; sql: string }[];
  const forget = sqlite.prepare('delete from local_suspended_object where name = ?');
  for (const object of objects) {
    if (INDEX_TABLE.exec(object.sql)?.[1] !== table) continue;
    sqlite.exec(object.sql);
    forget.run(object.name);
  }
}

/** Inside the caller's transaction: creates the suspended triggers (and indexes) again from their text, in their order. */
export function restoreSuspendedTriggers(sqlite: Database.Database): void {
  const objects = sqlite.prepare('select name, sql from local_suspended_object order by seq').all() as { name: string; sql: string }[];
  for (const object of objects) sqlite.exec(object.sql);
  sqlite.prepare('delete from local_suspended_object').run();
}

export function setApplying(sqlite: Database.Database, applying: boolean): void {
  sqlite.prepare('update local_control set applying = ?').run(applying ? 1 : 0);
}
