import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import pg from 'pg';

/**
 * The district database's schema against the migrations this version carries (db/pg-migrations):
 * drizzle's node-postgres migrator records each applied migration in drizzle.__drizzle_migrations
 * (its hash and the journal's timestamp), and applies those whose timestamp is after the last one there.
 */
export type SchemaState =
  | { state: 'current'; applied: number }
  | { state: 'behind'; applied: number; pending: number }
  /** The database was migrated by a newer Ketenplanner (or a migration here was changed after it ran). */
  | { state: 'newer'; applied: number; unknown: number };

const MIGRATIONS_TABLE = 'drizzle.__drizzle_migrations';
// One migrate at a time per database (two servers started at once both run `migrate`): a session lock.
const MIGRATE_LOCK_KEY = 7_613_002;

interface AppliedRow {
  hash: string;
  created_at: string;
}

/** The rows drizzle recorded, [] when no migration ever ran (no table yet). */
async function appliedMigrations(client: pg.ClientBase | pg.Pool): Promise<AppliedRow[]> {
  const exists = await client.query<{ table: string | null }>(`select to_regclass('${MIGRATIONS_TABLE}')::text as table`);
  if (!exists.rows[0]?.table) return [];
  return (await client.query<AppliedRow>(`select hash, created_at::text as created_at from ${MIGRATIONS_TABLE} order by created_at`)).rows;
}

export async function schemaState(client: pg.ClientBase | pg.Pool, migrationsFolder: string): Promise<SchemaState> {
  const files = readMigrationFiles({ migrationsFolder });
  const applied = await appliedMigrations(client);
  const known = new Map(files.map((file) => [String(file.folderMillis), file.hash]));
  const unknown = applied.filter((row) => known.get(row.created_at) !== row.hash).length;
  if (unknown > 0) return { state: 'newer', applied: applied.length, unknown };
  const last = applied.length > 0 ? Number(applied.at(-1)!.created_at) : -Infinity;
  const pending = files.filter((file) => file.folderMillis > last).length;
  return pending > 0 ? { state: 'behind', applied: applied.length, pending } : { state: 'current', applied: applied.length };
}

/** Why the server will not run on this schema (Dutch), or null when it is current. */
export function schemaProblem(state: SchemaState): string | null {
  switch (state.state) {
    case 'current':
      return null;
    case 'behind':
      return state.applied === 0
        ? 'De database heeft nog geen Ketenplanner-schema: voer eerst `ketenplanner server migrate` uit.'
        : `Het schema van de database loopt achter (${state.pending} migratie(s) niet uitgevoerd): voer eerst \`ketenplanner server migrate\` uit.`;
    case 'newer':
      return `Het schema van de database is nieuwer dan deze versie van Ketenplanner kent (${state.unknown} onbekende migratie(s)): installeer de nieuwere versie van Ketenplanner, en voer daarna \`ketenplanner server migrate\` uit.`;
  }
}

export interface MigrateResult {
  before: SchemaState;
  after: SchemaState;
  /** The number of migrations this run applied. */
  applied: number;
}

/**
 * Applies the pending migrations (each in drizzle's transaction), holding an advisory lock so two
 * runs at once do not both apply them. A database migrated by a newer version is refused, untouched.
 */
export async function applyPgMigrations(databaseUrl: string, migrationsFolder: string): Promise<MigrateResult> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => undefined);
  try {
    const lock = await pool.connect();
    try {
      await lock.query('select pg_advisory_lock($1)', [MIGRATE_LOCK_KEY]);
      const before = await schemaState(lock, migrationsFolder);
      if (before.state === 'newer') return { before, after: before, applied: 0 };
      await migrate(drizzle(pool), { migrationsFolder });
      const after = await schemaState(lock, migrationsFolder);
      return { before, after, applied: after.applied - before.applied };
    } finally {
      await lock.query('select pg_advisory_unlock($1)', [MIGRATE_LOCK_KEY]).catch(() => undefined);
      lock.release();
    }
  } finally {
    await pool.end();
  }
}
