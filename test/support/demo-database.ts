import path from 'node:path';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { fromAmsterdamLocal } from '../../shared/calendar/amsterdam-time';
import { generateDemoDistrict, type DemoOptions } from '../../server/services/demo/generate-demo-district';
import { writeDemoDistrict } from '../../server/services/demo/write-demo-district';

export const SMALL_DEMO: DemoOptions = { seed: 7, casesPerYear: 700, asOf: '2026-06-15' };

/** The pinned 'now' of a demo: 10:00 in Amsterdam on its as-of day. */
export function demoNow(options: Pick<DemoOptions, 'asOf'> = SMALL_DEMO): Date {
  return new Date(fromAmsterdamLocal(options.asOf, 10, 0));
}

/** 2026-06-15 10:00 in Amsterdam: the moment the small demo (and a test without its own) lives in. */
export const SMALL_DEMO_NOW = demoNow(SMALL_DEMO);

export async function openTestDatabase(dir: string, name = 'district.sqlite', now: Date = SMALL_DEMO_NOW): Promise<OpenedDatabase> {
  return openDatabase(path.join(dir, name), { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now: () => now });
}

export async function openDemoDatabase(dir: string, options: DemoOptions = SMALL_DEMO): Promise<OpenedDatabase> {
  const database = await openTestDatabase(dir, undefined, demoNow(options));
  writeDemoDistrict(database.db, generateDemoDistrict(options), demoNow(options));
  return database;
}
