import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { applyMigrations } from './apply-migrations';
import { createBackup, defaultBackupFolder, newestGoodBackup, rememberNativeBinding } from './backup';
import { BackupError, DatabaseOpenError, isCorruption, isDiskFull } from './database-errors';
import { errorText, runFileCheck } from './file-check';
import { readMigrationsState, type MigrationsState } from './migrations-state';
import * as schema from './schema';

export { defaultBackupFolder } from './backup';

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenedDatabase {
  db: AppDatabase;
  sqlite: Database.Database;
  path: string;
  /** The copy made before migrating, or null when nothing had to be migrated. */
  backupPath: string | null;
  /** How many migrations this open applied (0 when the schema was already current). */
  appliedMigrations: number;
  close(): void;
}

export interface OpenDatabaseOptions {
  migrationsFolder: string;
  /** Where pre-migration copies go; default: a 'backups' folder next to the database file. */
  backupFolder?: string;
  readonly?: boolean;
  /** The clock that stamps the name of a pre-migration copy (the caller's clock: never the machine's own here). */
  now: () => Date;
  /** better-sqlite3's compiled addon to load instead of its default (the Electron-ABI build under Electron). */
  nativeBinding?: string | undefined;
}

/**
 * Opens (or creates) a district database and brings its schema up to date.
 *
 * Only a path that does not exist becomes a new database; an existing file of zero bytes is refused
 * (DB_EMPTY_FILE). An existing file is first inspected over a read-only connection, which can neither
 * write nor checkpoint it: SQLite's quick_check (a damaged file is refused, DB_DAMAGED, with the newest
 * backup that passes integrity_check) and its migrations (a file of a newer version is refused,
 * DB_FROM_NEWER_VERSION). A refused file stays byte for byte as it was, its -wal included.
 * Only then is it opened for writing. Before any migration of an existing file a full copy is made
 * with SQLite's backup API and verified with integrity_check (a copy that fails means a damaged file:
 * refused, unchanged); all pending migrations then run in one transaction, so a failure leaves the file
 * exactly as it was. Nothing here ever deletes data.
 */
export async function openDatabase(databasePath: string, options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const resolved = path.resolve(databasePath);
  const backupFolder = options.backupFolder ?? defaultBackupFolder(resolved);
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const exists = fs.existsSync(resolved);
  if (!exists && options.readonly) throw new DatabaseOpenError('DB_OPEN_FAILED', `Database ${resolved} does not exist`, resolved);
  try {
    readMigrationFiles({ migrationsFolder: options.migrationsFolder });
  } catch (cause) {
    throw new DatabaseOpenError('DB_OPEN_FAILED', `Cannot read the migrations in ${options.migrationsFolder}: ${errorText(cause)}`, resolved, null, { cause });
  }
  if (exists) {
    const inspected = inspectExistingFile(resolved, backupFolder, options);
    if (options.readonly) return finish(inspected, resolved, null, 0, options.nativeBinding);
    inspected.close();
  }

  let sqlite: Database.Database;
  try {
    fs.mkdirSync(path.dirname(resolved), { recursive: true });
    // A new file is created only here, when the path did not exist (fileMustExist guards a file that vanished meanwhile).
    sqlite = new Database(resolved, { fileMustExist: exists, ...binding });
  } catch (cause) {
    throw openError(cause, resolved, `Cannot open database ${resolved}: ${errorText(cause)}`);
  }
  const fail = (error: DatabaseOpenError): never => {
    sqlite.close();
    // A file this call created and could not complete is removed: a leftover empty file would be refused next time.
    if (!exists) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${resolved}${suffix}`, { force: true });
    throw error;
  };

  let state: MigrationsState;
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('journal_mode = WAL');
    configureWritingConnection(sqlite);
    // Read again under this connection: another program may have migrated the file since the inspection.
    state = readMigrationsState(sqlite, options.migrationsFolder);
  } catch (cause) {
    return fail(openError(cause, resolved, `Cannot configure database ${resolved}: ${errorText(cause)}`));
  }
  if (state.fromNewerVersion) fail(newerVersionError(resolved, state));

  let backupPath: string | null = null;
  if (state.pending > 0) {
    if (state.applied.length > 0) {
      try {
        backupPath = (await createBackup(sqlite, resolved, { folder: backupFolder, reason: 'before-migration', now: options.now(), nativeBinding: options.nativeBinding })).path;
      } catch (cause) {
        if (cause instanceof BackupError) {
          fail(
            new DatabaseOpenError('DB_DAMAGED', `Database ${resolved} is damaged (the copy before migrating failed integrity_check): ${cause.message}. It was not changed.`, resolved, null, {
              cause,
              goodBackupPath: newestGoodBackup(resolved, backupFolder, options.nativeBinding)?.path ?? null,
            }),
          );
        }
        fail(
          new DatabaseOpenError(isDiskFull(cause) ? 'DB_DISK_FULL' : 'DB_MIGRATION_FAILED', `Backup before migration failed: ${errorText(cause)}. The database was not changed.`, resolved, null, {
            cause,
          }),
        );
      }
    }
    try {
      applyMigrations(sqlite, options.migrationsFolder, state.applied.at(-1)?.createdAt ?? -Infinity);
    } catch (cause) {
      fail(
        new DatabaseOpenError(
          isDiskFull(cause) ? 'DB_DISK_FULL' : 'DB_MIGRATION_FAILED',
          `Migrating ${resolved} failed and was rolled back; the database is as it was. ${errorText(cause)}`,
          resolved,
          backupPath,
          { cause },
        ),
      );
    }
  }
  return finish(sqlite, resolved, backupPath, state.pending, options.nativeBinding);
}

/** What every connection that writes a district file sets (the file's own WAL mode aside). */
export function configureWritingConnection(sqlite: Database.Database): void {
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = FULL');
  // 64 MiB of page cache (the default is 2 MiB): a large write such as a 100,000-row import no longer
  // spills pages to the WAL mid-transaction (bench:import: 5.55 s -> 5.3 s for 100,000 XLSX rows).
  sqlite.pragma('cache_size = -65536');
}

/** The drizzle database over a connection to a district file. */
export function appDatabaseOver(sqlite: Database.Database): AppDatabase {
  return drizzle(sqlite, { schema });
}

function finish(sqlite: Database.Database, resolved: string, backupPath: string | null, appliedMigrations: number, nativeBinding: string | undefined): OpenedDatabase {
  rememberNativeBinding(sqlite, nativeBinding);
  const db = appDatabaseOver(sqlite);
  return { db, sqlite, path: resolved, backupPath, appliedMigrations, close: () => sqlite.close() };
}

/**
 * Opens an existing file read-only and decides whether it may be used: not empty, readable, passing
 * quick_check, not of a newer version. Returns the (read-only) connection; throws a DatabaseOpenError
 * after closing it otherwise. A read-only connection never checkpoints, so closing it leaves the main
 * file and its -wal exactly as they were.
 */
function inspectExistingFile(resolved: string, backupFolder: string, options: OpenDatabaseOptions): Database.Database {
  const goodBackup = () => newestGoodBackup(resolved, backupFolder, options.nativeBinding)?.path ?? null;
  const stat = fs.statSync(resolved);
  const walSize = fs.statSync(`${resolved}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  if (stat.isFile() && stat.size === 0 && walSize === 0) {
    throw new DatabaseOpenError('DB_EMPTY_FILE', `Database ${resolved} is an empty file (0 bytes); only a path that does not exist becomes a new database.`, resolved, null, {
      goodBackupPath: goodBackup(),
    });
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(resolved, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (cause) {
    throw openError(cause, resolved, `Cannot open database ${resolved}: ${errorText(cause)}`, goodBackup);
  }
  const fail = (error: DatabaseOpenError): never => {
    sqlite.close();
    throw error;
  };
  let state: MigrationsState;
  try {
    sqlite.pragma('busy_timeout = 5000');
    const check = runFileCheck(sqlite, 'quick');
    if (!check.ok) {
      fail(
        new DatabaseOpenError('DB_DAMAGED', `Database ${resolved} is damaged (quick_check: ${check.problems.slice(0, 3).join('; ')}). It was not changed.`, resolved, null, {
          goodBackupPath: goodBackup(),
        }),
      );
    }
    state = readMigrationsState(sqlite, options.migrationsFolder);
  } catch (cause) {
    if (cause instanceof DatabaseOpenError) throw cause;
    return fail(openError(cause, resolved, `Cannot read database ${resolved}: ${errorText(cause)}`, goodBackup));
  }
  if (state.fromNewerVersion) fail(newerVersionError(resolved, state));
  return sqlite;
}

function newerVersionError(resolved: string, state: MigrationsState): DatabaseOpenError {
  return new DatabaseOpenError(
    'DB_FROM_NEWER_VERSION',
    `Database ${resolved} was written by a newer version of Ketenplanner (schema has ${state.applied.length} migrations, this version knows ${state.known.length}). It was not changed.`,
    resolved,
  );
}

/** An error while opening or reading: a damaged file (with the good backup to offer) or a full disk get their own code. */
function openError(cause: unknown, resolved: string, message: string, goodBackup?: () => string | null): DatabaseOpenError {
  if (isDiskFull(cause)) return new DatabaseOpenError('DB_DISK_FULL', message, resolved, null, { cause });
  if (isCorruption(cause)) return new DatabaseOpenError(cause && (cause as { code?: string }).code === 'SQLITE_NOTADB' ? 'DB_OPEN_FAILED' : 'DB_DAMAGED', message, resolved, null, { cause, goodBackupPath: goodBackup?.() ?? null });
  return new DatabaseOpenError('DB_OPEN_FAILED', message, resolved, null, { cause });
}
