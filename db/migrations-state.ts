import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';

export const MIGRATIONS_TABLE = '__drizzle_migrations';

export interface MigrationsState {
  /** Migrations this build knows, oldest first. */
  known: { hash: string; createdAt: number }[];
  /** Migrations recorded as applied in the database file. */
  applied: { hash: string; createdAt: number }[];
  pending: number;
  /** True when the file was written by a newer version (it has migrations this build does not know). */
  fromNewerVersion: boolean;
}

export function readMigrationsState(sqlite: Database.Database, migrationsFolder: string): MigrationsState {
  const known = readMigrationFiles({ migrationsFolder }).map((m) => ({ hash: m.hash, createdAt: m.folderMillis }));
  const hasTable = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = ?")
    .get(MIGRATIONS_TABLE);
  const applied = hasTable
    ? (sqlite.prepare(`select hash, created_at as createdAt from ${MIGRATIONS_TABLE} order by created_at`).all() as {
        hash: string;
        createdAt: number;
      }[]).map((row) => ({ hash: row.hash, createdAt: Number(row.createdAt) }))
    : [];
  const knownTimes = new Set(known.map((m) => m.createdAt));
  const lastApplied = applied.at(-1)?.createdAt ?? -Infinity;
  return {
    known,
    applied,
    pending: known.filter((m) => m.createdAt > lastApplied).length,
    fromNewerVersion: applied.some((m) => !knownTimes.has(m.createdAt)),
  };
}
