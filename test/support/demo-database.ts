import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
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

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder for this run's demo districts (test/support/integration-global-setup.ts). */
    demoDatabaseCache: string;
  }
}

/** The run's template folder when a vitest project provides one; undefined elsewhere (scripts build afresh). */
async function templateFolder(): Promise<string | undefined> {
  if (!process.env.VITEST) return undefined;
  try {
    const { inject } = await import('vitest');
    return inject('demoDatabaseCache') || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A demo district in `dir` (district.sqlite), generated from `options` and opened at its pinned moment.
 * In a project with a template folder (integration) each distinct `options` is generated once per run
 * and copied for every test that asks for it: the copy is the same file the generation writes (the
 * generator is seeded), so a test still gets its own, independent district.
 */
export async function openDemoDatabase(dir: string, options: DemoOptions = SMALL_DEMO): Promise<OpenedDatabase> {
  const folder = await templateFolder();
  const target = path.join(dir, 'district.sqlite');
  if (folder && !fs.existsSync(target)) {
    const key = createHash('sha256').update(JSON.stringify(Object.entries(options).sort(([a], [b]) => a.localeCompare(b)))).digest('hex').slice(0, 16);
    const template = path.join(folder, `demo-${key}.sqlite`);
    if (!fs.existsSync(template)) {
      const building = path.join(folder, `building-${randomUUID()}`);
      fs.mkdirSync(building);
      const built = await buildDemoDatabase(building, options);
      built.close();
      // Atomic: another worker building the same template at the same time writes the same file.
      fs.renameSync(path.join(building, 'district.sqlite'), template);
      fs.rmSync(building, { recursive: true, force: true });
    }
    fs.copyFileSync(template, target);
    return openTestDatabase(dir, undefined, demoNow(options));
  }
  return buildDemoDatabase(dir, options);
}

async function buildDemoDatabase(dir: string, options: DemoOptions): Promise<OpenedDatabase> {
  const database = await openTestDatabase(dir, undefined, demoNow(options));
  await writeDemoDistrict(database.db, generateDemoDistrict(options), demoNow(options));
  return database;
}
