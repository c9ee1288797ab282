import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Global setup of the integration project: one folder per run where test/support/demo-database.ts keeps
 * each demo district it generated, so a district is built once per run however many tests open it.
 */
export default function setup(project: TestProject): () => void {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-demo-database-cache-'));
  project.provide('demoDatabaseCache', folder);
  return () => fs.rmSync(folder, { recursive: true, force: true });
}
