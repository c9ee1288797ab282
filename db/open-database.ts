import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { applyMigrations } from './apply-migrations';
import { DatabaseOpenError } from './database-errors';
import { readMigrationsState, type MigrationsState } from './migrations-state';
import * as schema from './schema';

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
  now?: () => Date;
  /** better-sqlite3's compiled addon to load instead of its default (the Electron-ABI build under Electron). */
  nativeBinding?: string | undefined;
}

export function defaultBackupFolder(databasePath: string): string {
  return path.join(path.dirname(path.resolve(databasePath)), 'backups');
}

/**
 * Opens (or creates) a district database and brings its schema up to date.
 * Before any migration of an existing file a full copy is made with SQLite's backup API; all pending
 * migrations then run in one transaction, so a failure leaves the file exactly as it was.
 * A file written by a newer version is refused, never altered. Nothing here ever deletes data.
 */
export async function openDatabase(databasePath: string, options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const resolved = path.resolve(databasePath);
  let sqlite: Database.Database;
  try {
    if (!options.readonly) fs.mkdirSync(path.dirname(resolved), { recursive: true });
    sqlite = new Database(resolved, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (cause) {
    throw new DatabaseOpenError('DB_OPEN_FAILED', `Cannot open database ${resolved}: ${errorText(cause)}`, resolved, null, { cause });
  }

  const fail = (error: DatabaseOpenError): never => {
    sqlite.close();
    throw error;
  };

  // Read-only first: nothing may change a file this version will refuse (setting WAL rewrites its header).
  let state: MigrationsState;
  try {
    sqlite.pragma('busy_timeout = 5000');
    state = readMigrationsState(sqlite, options.migrationsFolder);
  } catch (cause) {
    return fail(new DatabaseOpenError('DB_OPEN_FAILED', `Cannot read database ${resolved}: ${errorText(cause)}`, resolved, null, { cause }));
  }
  if (state.fromNewerVersion) {
    fail(
      new DatabaseOpenError(
        'DB_FROM_NEWER_VERSION',
        `Database ${resolved} was written by a newer version of Ketenplanner (schema has ${state.applied.length} migrations, this version knows ${state.known.length}). It was not changed.`,
        resolved,
      ),
    );
  }
  try {
    if (!options.readonly) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = FULL');
  } catch (cause) {
    fail(new DatabaseOpenError('DB_OPEN_FAILED', `Cannot configure database ${resolved}: ${errorText(cause)}`, resolved, null, { cause }));
  }

  let backupPath: string | null = null;
  const appliedMigrations = options.readonly ? 0 : state.pending;
  if (state.pending > 0 && !options.readonly) {
    if (state.applied.length > 0) {
      const folder = options.backupFolder ?? defaultBackupFolder(resolved);
      fs.mkdirSync(folder, { recursive: true });
      const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
      backupPath = path.join(folder, `${path.basename(resolved, path.extname(resolved))}-before-migration-${stamp}.sqlite`);
      try {
        await sqlite.backup(backupPath);
      } catch (cause) {
        fail(
          new DatabaseOpenError('DB_MIGRATION_FAILED', `Backup before migration failed: ${errorText(cause)}. The database was not changed.`, resolved, null, {
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
          'DB_MIGRATION_FAILED',
          `Migrating ${resolved} failed and was rolled back; the database is as it was. ${errorText(cause)}`,
          resolved,
          backupPath,
          { cause },
        ),
      );
    }
  }

  const db = drizzle(sqlite, { schema });
  return { db, sqlite, path: resolved, backupPath, appliedMigrations, close: () => sqlite.close() };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
