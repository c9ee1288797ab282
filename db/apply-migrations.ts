import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_TABLE } from './migrations-state';

/**
 * Applies the pending migrations in one transaction, recorded in drizzle's own table.
 * Foreign keys are switched off around the transaction (SQLite ignores that pragma inside one), so
 * drizzle-kit's table rebuilds work on a populated database; before committing, the whole file is
 * checked with foreign_key_check, and any dangling reference rolls everything back.
 */
export function applyMigrations(sqlite: Database.Database, migrationsFolder: string, lastAppliedAt: number): void {
  const pending = readMigrationFiles({ migrationsFolder }).filter((m) => m.folderMillis > lastAppliedAt);
  if (pending.length === 0) return;
  sqlite.exec(`CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
  const record = sqlite.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" ("hash", "created_at") VALUES (?, ?)`);
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      for (const migration of pending) {
        for (const statement of migration.sql) if (statement.trim()) sqlite.exec(statement);
        record.run(migration.hash, migration.folderMillis);
      }
      const dangling = sqlite.prepare('PRAGMA foreign_key_check').all() as { table: string; parent: string }[];
      if (dangling.length > 0) {
        const first = dangling[0]!;
        throw new Error(`foreign key check failed after migrating: ${dangling.length} row(s), first in ${first.table} -> ${first.parent}`);
      }
    })();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}
