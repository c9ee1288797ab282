import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { inject } from 'vitest';
import type { OpenedDatabase } from '../../db/open-database';
import type { ApiHandler } from '../../server/services/api-handler';
import { sqliteDistrictDatabase } from '../../server/services/context/district-database';
import { sqlRows, sqlRun } from '../../server/services/context/query-results';
import { copySqliteToPostgres } from '../../server/pg/copy-sqlite-to-postgres';
import { createDistrictPool, postgresDistrictDatabase } from '../../server/pg/postgres-district-database';
import type { DemoOptions } from '../../server/services/demo/generate-demo-district';
import { testApiOver, type TestApiOptions } from './test-api';

/**
 * One district for an operation test, on the engine of the vitest project that runs it
 * (KETENPLANNER_TEST_ENGINE: 'sqlite', the default, or 'postgresql'). The same test file runs on both:
 * it talks to the district through the api handler (`api`), and reads or arranges rows with SQL both
 * engines understand (`rows`, `run`: `?` placeholders, double-quoted camelCase aliases).
 */
export interface TestDistrict {
  engine: 'sqlite' | 'postgresql';
  /** The api handler as a transport builds it, with a pinned clock; the person's roles (default: every role). */
  api(options: TestApiOptions): ApiHandler;
  rows<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  row<T>(text: string, params?: readonly unknown[]): Promise<T | undefined>;
  run(text: string, params?: readonly unknown[]): Promise<number>;
  close(): Promise<void>;
}


export const TEST_ENGINE: 'sqlite' | 'postgresql' = process.env.KETENPLANNER_TEST_ENGINE === 'postgresql' ? 'postgresql' : 'sqlite';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PG_MIGRATIONS = path.join(ROOT, 'db', 'pg-migrations');


/** A demo district (generated from `options`, as openDemoDatabase makes it) in `dir` or in a database of its own. */
export async function openTestDistrict(dir: string, options: DemoOptions): Promise<TestDistrict> {
  if (TEST_ENGINE === 'postgresql') return openPostgresDistrict(options);
  const { openDemoDatabase } = await import('./demo-database');
  return sqliteDistrict(await openDemoDatabase(dir, options));
}

/** A district without a district yet (only the schema), as a new installation starts. */
export async function openEmptyTestDistrict(dir: string): Promise<TestDistrict> {
  if (TEST_ENGINE === 'postgresql') return openPostgresDistrict(null);
  const { openTestDatabase } = await import('./demo-database');
  return sqliteDistrict(await openTestDatabase(dir));
}

function sqliteDistrict(database: OpenedDatabase): TestDistrict {
  const district = sqliteDistrictDatabase(database.db, database.sqlite);
  return {
    engine: 'sqlite',
    api: (apiOptions) => testApiOver(district, apiOptions),
    rows: async <T>(text: string, params: readonly unknown[] = []) => (await sqlRows(database.sqlite, text, params)) as T[],
    row: async <T>(text: string, params: readonly unknown[] = []) => (await sqlRows(database.sqlite, text, params))[0] as T | undefined,
    run: async (text, params = []) => (await sqlRun(database.sqlite, text, params)).changes,
    close: async () => database.close(),
  };
}

let databases = 0;

async function openPostgresDistrict(options: DemoOptions | null): Promise<TestDistrict> {
  const url = new URL(inject('postgresUrl'));
  const template = await templateDatabase(url, options);
  const name = `district_${process.pid}_${++databases}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  // The api connects as the district server does: ketenplanner_api, without BYPASSRLS (trust authentication in the test cluster).
  const apiUrl = new URL(url);
  apiUrl.pathname = `/${name}`;
  apiUrl.username = 'ketenplanner_api';
  const pool = createDistrictPool({ connectionString: apiUrl.toString(), max: 8 });
  const ownerUrl = new URL(url);
  ownerUrl.pathname = `/${name}`;
  const owner = createDistrictPool({ connectionString: ownerUrl.toString(), max: 2 });
  const district = postgresDistrictDatabase(pool);
  return {
    engine: 'postgresql',
    api: (apiOptions) => testApiOver(district, apiOptions),
    rows: async <T>(text: string, params: readonly unknown[] = []) => (await sqlRows(owner, text, params)) as T[],
    row: async <T>(text: string, params: readonly unknown[] = []) => (await sqlRows(owner, text, params))[0] as T | undefined,
    run: async (text, params = []) => (await sqlRun(owner, text, params)).changes,
    close: async () => {
      await pool.end();
      await owner.end();
    },
  };
}

/**
 * The template database of one demo: generated once per run as an SQLite file (by a process of its own),
 * copied into PostgreSQL by the same copy `ketenplanner server import` uses; every test then gets its own
 * database made from it (CREATE DATABASE ... TEMPLATE: a file copy, fast).
 */
async function templateDatabase(url: URL, options: DemoOptions | null): Promise<string> {
  const key = options ? createHash('sha256').update(JSON.stringify(Object.entries(options).sort(([a], [b]) => a.localeCompare(b)))).digest('hex').slice(0, 16) : 'empty';
  const name = `template_${key}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    // One builder per template across the run's workers.
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
    if (!exists) await buildTemplate(url, name, options, admin);
    return name;
  } finally {
    await admin.end();
  }
}

async function buildTemplate(url: URL, name: string, options: DemoOptions | null, admin: pg.Client): Promise<void> {
  const folder = path.join(inject('demoDatabaseCache'), name);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'district.sqlite');
  if (options) await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/support/build-demo-file.ts'), file, JSON.stringify(options)], { cwd: ROOT });
  const building = `${name}_building`;
  await admin.query(`drop database if exists ${building}`);
  await admin.query(`create database ${building} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C.UTF-8'`);
  const target = new URL(url);
  target.pathname = `/${building}`;
  const pool = createDistrictPool({ connectionString: target.toString(), max: 1 });
  try {
    await migrate(drizzle(pool), { migrationsFolder: PG_MIGRATIONS });
    const client = await pool.connect();
    try {
      // An empty district: the schema only.
      if (options) await copySqliteToPostgres(file, client);
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
  await admin.query(`alter database ${building} rename to ${name}`);
}
