import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's PostgreSQL (test/support/postgres-server.ts), for the operation tests on PostgreSQL. */
    postgresUrl: string;
  }
}

/**
 * Global setup of the operation tests on PostgreSQL: one server per run (initdb into a temporary folder,
 * a free port), and the folder where each demo district is generated once as an SQLite file before it is
 * copied into a template database (test/support/test-district.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-demo-database-cache-'));
  project.provide('demoDatabaseCache', folder);
  const server = await startPostgres();
  project.provide('postgresUrl', server.url);
  return async () => {
    await server.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  };
}
