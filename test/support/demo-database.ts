import path from 'node:path';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { generateDemoDistrict, type DemoOptions } from '../../electron/services/demo/generate-demo-district';
import { writeDemoDistrict } from '../../electron/services/demo/write-demo-district';

export const SMALL_DEMO: DemoOptions = { seed: 7, casesPerYear: 700, asOf: '2026-06-15' };

export async function openTestDatabase(dir: string, name = 'district.sqlite'): Promise<OpenedDatabase> {
  return openDatabase(path.join(dir, name), { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });
}

export async function openDemoDatabase(dir: string, options: DemoOptions = SMALL_DEMO): Promise<OpenedDatabase> {
  const database = await openTestDatabase(dir);
  writeDemoDistrict(database.db, generateDemoDistrict(options));
  return database;
}
