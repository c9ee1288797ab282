import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openDatabase } from '../../db/open-database';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { fromAmsterdamLocal } from '../../shared/calendar/amsterdam-time';
import { generateDemoDistrict } from '../../server/services/demo/generate-demo-district';
import { writeDemoDistrict } from '../../server/services/demo/write-demo-district';

/**
 * The e2e tests' shared clock and demo districts. Every e2e test runs on a pinned day: the demo is
 * built as of E2E_TODAY, `serve` starts its clock at E2E_NOW (`--now`), and the browser page's clock
 * is installed at the same instant, so a test reads the same 'today' on any machine date.
 */
export const E2E_TODAY = '2026-06-15';
/** Monday 15 June 2026, 09:30 in Amsterdam (summer time): a normal working morning. */
export const E2E_NOW = new Date(fromAmsterdamLocal(E2E_TODAY, 9, 30)).toISOString();

export interface DemoSpec {
  seed: number;
  /** Cases arriving per year (the CLI's --cases). */
  cases: number;
  /** The demo's 'today' (the CLI's --as-of). */
  asOf: string;
}

/** The district most e2e files share (each gets its own copy). */
export const STANDARD_DEMO: DemoSpec = { seed: 23, cases: 2800, asOf: E2E_TODAY };
/** A small district for the files that write a lot (10,000 imported rows). */
export const SMALL_DEMO: DemoSpec = { seed: 11, cases: 700, asOf: E2E_TODAY };

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder for this run's demo templates (test/support/e2e-global-setup.ts). */
    e2eDemoCache: string;
  }
}

function cacheFolder(): string {
  let folder: string | undefined;
  try {
    folder = inject('e2eDemoCache');
  } catch {
    folder = undefined;
  }
  // Outside the e2e project (no global setup): a folder of this process.
  folder ??= path.join(os.tmpdir(), `kp-e2e-demo-cache-${process.pid}`);
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

/**
 * A fresh copy of the demo district `spec` in `dir`, as `ketenplanner demo --seed --cases --as-of`
 * writes it. The district is generated once per test run (a template in the run's cache folder) and
 * copied for every file that asks for it, so the files stay independent of each other and of their order.
 */
export async function demoDistrictFile(spec: DemoSpec, dir: string, name = 'district.sqlite'): Promise<string> {
  const template = path.join(cacheFolder(), `demo-${spec.seed}-${spec.cases}-${spec.asOf}.sqlite`);
  if (!fs.existsSync(template)) {
    const building = `${template}.${process.pid}.building`;
    fs.rmSync(building, { force: true });
    const database = await openDatabase(building, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now: () => new Date(E2E_NOW) });
    try {
      const demo = generateDemoDistrict({ seed: spec.seed, casesPerYear: spec.cases, asOf: spec.asOf, years: 1, moves: false, chain: true });
      await writeDemoDistrict(database.db, demo, new Date(fromAmsterdamLocal(spec.asOf, 9, 0)));
    } finally {
      database.close();
    }
    fs.renameSync(building, template);
  }
  const file = path.join(dir, name);
  fs.copyFileSync(template, file);
  return file;
}
