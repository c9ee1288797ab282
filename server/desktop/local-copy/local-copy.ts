import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { OpenedDatabase } from '../../../db/open-database';
import { MAX_COPY_PAGE, type ChangesOutput, type RowsOutput, type SyncedTable, type SyncRow } from '../../../shared/api/sync-schemas';
import type { ServerPerson } from '../../../shared/api/desktop-bridge';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { createApiHandler, type ApiHandler } from '../../services/api-handler';
import type { Clock } from '../../services/context/clock';
import { sqliteDistrictDatabase } from '../../services/context/district-database';
import { openDistrictDatabase } from '../../services/open-district-database';
import { operationHandlers } from '../../services/operation-handlers';
import { applyChanges, withApplyTransaction, type TableChanges } from './apply-rows';
import { copyTables, finishCopy, transferCopy, type CopyProgress, type FetchPage } from './full-copy';
import { ensureLocalSchema } from './local-schema';
import { SYNCED_TABLE_LIST, syncedTable } from './synced-tables';

export type { FetchPage, CopyProgress } from './full-copy';
export type { ChangesOutput, CopyPageInput, CopyPageOutput, RowsOutput } from '../../../shared/api/sync-schemas';

export type FetchChanges = (cursor: string) => Promise<ChangesOutput | 'FULL_COPY_NEEDED'>;
export type FetchRows = (table: SyncedTable, keys: string[]) => Promise<RowsOutput>;

export interface LocalPerson {
  /** As the district server writes it in the audit trail: 'Naam (Organisatie)' (server/auth/signed-in-person.ts actorLabel). */
  actor: string;
  roles: readonly Role[];
  policeUnit: string | null;
}

/**
 * The desktop's local copy of what the signed-in person may see on a district server (issue 14): an
 * ordinary district file (db/schema.ts and its migrations, opened as the standalone app opens one) plus
 * local tables (local-schema.ts). Server rows are written exactly as the server holds them; the desktop's
 * own writes (the local handler, offline) are recorded in local_dirty until `repair` puts the server's
 * version back. One of fullCopy, catchUp, repair and close runs at a time.
 */
export interface LocalCopy {
  readonly path: string;
  state(): Promise<{ cursor: string | null; copiedAt: string | null }>;
  /**
   * Copies every synced table (sync.copyPage). A copy that already holds data is kept usable until the new
   * one is complete (that is made in a file of its own, then put in in one transaction); a first copy that
   * is cut off leaves no cursor, so it is made again.
   */
  fullCopy(fetchPage: FetchPage, onProgress?: CopyProgress): Promise<void>;
  /**
   * Applies the changes since the cursor (sync.changes) in one transaction. `fullCopyNeeded`: there is no
   * cursor yet, or the server answered FULL_COPY_NEEDED; nothing was changed.
   */
  catchUp(fetchChanges: FetchChanges): Promise<{ rows: number; fullCopyNeeded?: true }>;
  /** Replaces every row the desktop wrote itself (the dirty set) by the server's (sync.rows), or deletes it when the server has none for this person. */
  repair(fetchRows: FetchRows): Promise<{ rows: number }>;
  /** Records who the copy belongs to (the signed-in person; never a token): an offline start acts as them. */
  setOwner(person: ServerPerson): Promise<void>;
  /** The standalone api handler over the copy, acting as the person (their roles are checked as on the server). */
  localHandler(person: LocalPerson): ApiHandler;
  pendingDirty(): Promise<number>;
  close(): Promise<void>;
}

export interface LocalCopyOptions {
  /** The copy's file (localCopyPath). */
  path: string;
  migrationsFolder: string;
  clock: Clock;
  nativeBinding?: string | undefined;
  /** Most rows per sync.copyPage; default MAX_COPY_PAGE (the server's maximum; wide tables get fewer). */
  pageSize?: number;
  /** Tables copied at the same time; default 2. */
  copyConcurrency?: number;
  onInternalError?: (operation: string, error: unknown) => void;
}

/** The copy's key: a hash of server and person (what start-choice.json remembers; it names no one). */
export function localCopyKey(serverUrl: string, actor: string): string {
  return createHash('sha256').update(`${serverUrl}\n${actor}`).digest('hex').slice(0, 32);
}

export const LOCAL_COPY_KEY_PATTERN = /^[0-9a-f]{32}$/;

/** <userData>/copies/<key>.sqlite. */
export function localCopyFile(userDataFolder: string, key: string): string {
  if (!LOCAL_COPY_KEY_PATTERN.test(key)) throw new Error(`Ongeldige sleutel van een lokale kopie: ${key}`);
  return path.join(userDataFolder, 'copies', `${key}.sqlite`);
}

/** <userData>/copies/<hash of server and person>.sqlite: one copy per server and person. */
export function localCopyPath(userDataFolder: string, serverUrl: string, actor: string): string {
  return localCopyFile(userDataFolder, localCopyKey(serverUrl, actor));
}

/** What an offline start needs to know of a copy, read without changing it. */
export interface LocalCopyInfo {
  /** Null: no one recorded (a copy made before the offline start existed). */
  owner: ServerPerson | null;
  /** The first copy is complete (there is a cursor). */
  complete: boolean;
  /** ISO instant of the last successful pull. */
  dataAsOf: string | null;
  /** Entries in its outbox not yet sent. */
  pending: number;
}

/**
 * Reads a copy's sync state and outbox size over a read-only connection (the copy may be open elsewhere
 * in this process: WAL readers do not disturb it). Null when there is no such file or it is no copy.
 */
export function inspectLocalCopy(file: string, nativeBinding?: string): LocalCopyInfo | null {
  if (!fs.existsSync(file)) return null;
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch {
    return null;
  }
  try {
    const columns = new Set((sqlite.prepare('pragma table_info(sync_state)').all() as { name: string }[]).map((c) => c.name));
    if (!columns.has('cursor')) return null;
    const row = sqlite.prepare(`select cursor, copied_at as copiedAt${columns.has('owner_name') ? ', owner_name as name, owner_organisation as organisation, owner_roles as roles, owner_police_unit as policeUnit' : ''} from sync_state`).get() as
      | { cursor: string | null; copiedAt: string | null; name?: string | null; organisation?: string | null; roles?: string | null; policeUnit?: string | null }
      | undefined;
    if (!row) return null;
    const hasOutbox = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'outbox'").get() !== undefined;
    const pending = hasOutbox ? (sqlite.prepare('select count(*) from outbox').pluck().get() as number) : 0;
    return { owner: ownerOf(row), complete: row.cursor !== null, dataAsOf: row.copiedAt, pending };
  } catch {
    return null;
  } finally {
    sqlite.close();
  }
}

function ownerOf(row: { name?: string | null; organisation?: string | null; roles?: string | null; policeUnit?: string | null }): ServerPerson | null {
  if (!row.name || !row.organisation || !row.roles) return null;
  let roles: unknown;
  try {
    roles = JSON.parse(row.roles);
  } catch {
    return null;
  }
  if (!Array.isArray(roles)) return null;
  return { name: row.name, organisation: row.organisation, roles: roles.filter((role): role is Role => (ROLES as readonly unknown[]).includes(role)), policeUnit: row.policeUnit ?? null };
}

const REPAIR_BATCH = 1000;

export async function openLocalCopy(options: LocalCopyOptions): Promise<LocalCopy> {
  const { clock } = options;
  const openOptions = { migrationsFolder: options.migrationsFolder, nativeBinding: options.nativeBinding, clock };
  const database: OpenedDatabase = await openDistrictDatabase(options.path, openOptions);
  const { sqlite } = database;
  try {
    ensureLocalSchema(sqlite);
  } catch (error) {
    database.close();
    throw error;
  }
  const tuning = { pageSize: options.pageSize ?? MAX_COPY_PAGE, concurrency: options.copyConcurrency ?? 2 };
  const district = sqliteDistrictDatabase(database.db, sqlite);

  let tail: Promise<unknown> = Promise.resolve();
  let closed = false;
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(() => {
      if (closed) throw new Error('De lokale kopie is al gesloten.');
      return work();
    });
    tail = run.catch(() => undefined);
    return run;
  };

  const readState = () => sqlite.prepare('select cursor, copied_at as copiedAt from sync_state').get() as { cursor: string | null; copiedAt: string | null };

  const fullCopy = async (fetchPage: FetchPage, onProgress?: CopyProgress) => {
    if (readState().cursor === null) {
      // Nothing usable yet: straight into the file. A crash meanwhile leaves no cursor, so the copy is made
      // again: nothing needs to survive one, and the file syncs only once, at the end.
      sqlite.pragma('synchronous = OFF');
      try {
        const cursor = await copyTables(sqlite, fetchPage, tuning, onProgress);
        sqlite.pragma('synchronous = FULL');
        await finishCopy(sqlite, cursor, clock.now().toISOString());
      } finally {
        sqlite.pragma('synchronous = FULL');
      }
      return;
    }
    const temporary = `${options.path}.copying`;
    const removeTemporary = () => {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${temporary}${suffix}`, { force: true });
    };
    removeTemporary();
    const copy = await openDistrictDatabase(temporary, { ...openOptions, backupFolder: path.join(path.dirname(temporary), 'backups') });
    try {
      ensureLocalSchema(copy.sqlite);
      // Only this process reads the file, and it is thrown away when cut off.
      copy.sqlite.pragma('synchronous = OFF');
      const cursor = await copyTables(copy.sqlite, fetchPage, tuning, onProgress);
      await finishCopy(copy.sqlite, cursor, clock.now().toISOString());
      copy.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      copy.close();
      await transferCopy(sqlite, temporary);
    } finally {
      if (copy.sqlite.open) copy.close();
      removeTemporary();
    }
  };

  const catchUp = async (fetchChanges: FetchChanges): Promise<{ rows: number; fullCopyNeeded?: true }> => {
    const { cursor } = readState();
    if (cursor === null) return { rows: 0, fullCopyNeeded: true };
    const answer = await fetchChanges(cursor);
    if (answer === 'FULL_COPY_NEEDED') return { rows: 0, fullCopyNeeded: true };
    const rows = await withApplyTransaction(sqlite, () => {
      // Another pull may have moved the cursor meanwhile (not here: one at a time), but never apply an answer twice.
      if (readState().cursor !== cursor) return 0;
      const count = applyChanges(sqlite, answer.tables);
      // A row of the desktop's own that the server changed since is now the server's: no longer dirty.
      const clean = sqlite.prepare('delete from local_dirty where table_name = ? and row_key = ?');
      for (const set of answer.tables) {
        const key = syncedTable(set.table).key;
        for (const row of set.rows) clean.run(set.table, String(row[key]));
        for (const deleted of set.deletedKeys) clean.run(set.table, deleted);
      }
      sqlite.prepare('update sync_state set cursor = ?, copied_at = ?').run(answer.cursor, clock.now().toISOString());
      return count;
    });
    return { rows };
  };

  const repair = async (fetchRows: FetchRows): Promise<{ rows: number }> => {
    const dirty = sqlite.prepare('select rowid as seq, table_name as tableName, row_key as rowKey from local_dirty order by rowid').all() as { seq: number; tableName: string; rowKey: string }[];
    if (dirty.length === 0) return { rows: 0 };
    const byTable = new Map<SyncedTable, { seq: number; rowKey: string }[]>();
    for (const entry of dirty) {
      const table = syncedTable(entry.tableName).name;
      if (!byTable.has(table)) byTable.set(table, []);
      byTable.get(table)!.push(entry);
    }
    // The tables are asked at the same time (one round trip each, not one after the other).
    const answers = new Map<SyncedTable, SyncRow[]>(
      await Promise.all(
        [...byTable].map(async ([table, entries]): Promise<[SyncedTable, SyncRow[]]> => {
          const rows: SyncRow[] = [];
          for (let i = 0; i < entries.length; i += REPAIR_BATCH) rows.push(...(await fetchRows(table, entries.slice(i, i + REPAIR_BATCH).map((e) => e.rowKey))).rows);
          return [table, rows];
        }),
      ),
    );
    const rows = await withApplyTransaction(sqlite, () => {
      const stillDirty = sqlite.prepare('delete from local_dirty where rowid = ? and table_name = ? and row_key = ?');
      const sets: TableChanges[] = [];
      for (const table of SYNCED_TABLE_LIST) {
        const entries = byTable.get(table.name);
        if (!entries) continue;
        // A row written again by this desktop after the question was asked stays dirty for the next repair.
        const keys = new Set(entries.filter((e) => stillDirty.run(e.seq, table.name, e.rowKey).changes === 1).map((e) => e.rowKey));
        const found = (answers.get(table.name) ?? []).filter((row) => keys.has(String(row[table.key])));
        const foundKeys = new Set(found.map((row) => String(row[table.key])));
        sets.push({ table: table.name, rows: found, deletedKeys: [...keys].filter((key) => !foundKeys.has(key)) });
      }
      return applyChanges(sqlite, sets);
    });
    return { rows };
  };

  return {
    path: database.path,
    state: async () => readState(),
    fullCopy: (fetchPage, onProgress) => exclusive(() => fullCopy(fetchPage, onProgress)),
    catchUp: (fetchChanges) => exclusive(() => catchUp(fetchChanges)),
    repair: (fetchRows) => exclusive(() => repair(fetchRows)),
    setOwner: (person) =>
      exclusive(async () => {
        sqlite
          .prepare('update sync_state set owner_name = ?, owner_organisation = ?, owner_roles = ?, owner_police_unit = ?')
          .run(person.name, person.organisation, JSON.stringify(person.roles), person.policeUnit);
      }),
    localHandler(person) {
      const handler = createApiHandler(operationHandlers, {
        database: district,
        clock,
        actor: () => person.actor,
        roles: () => person.roles,
        onInternalError: options.onInternalError ?? ((operation, error) => console.error(`[local ${operation}]`, error)),
      });
      return (operation, input, meta) => handler(operation, input, { ...meta, person: meta?.person ?? { actor: person.actor, roles: person.roles, policeUnit: person.policeUnit } });
    },
    pendingDirty: async () => sqlite.prepare('select count(*) from local_dirty').pluck().get() as number,
    close: () =>
      exclusive(async () => {
        while (sqlite.inTransaction) await new Promise((resolve) => setTimeout(resolve, 5));
        closed = true;
        database.close();
      }),
  };
}
