import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Global setup of the e2e project: one folder per run where test/support/e2e-district.ts keeps each
 * demo district it generated, so a district is built once per run however many files use it.
 */
export default function setup(project: TestProject): () => void {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-e2e-demo-cache-'));
  project.provide('e2eDemoCache', folder);
  return () => fs.rmSync(folder, { recursive: true, force: true });
}
