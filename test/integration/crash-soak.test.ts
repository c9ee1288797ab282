import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 12 item 9, the short run of `npm run soak:crash` (scripts/soak/crash-soak.ts): about ten
 * writers (CLI imports, the api handler doing ZSM decisions and planner runs) killed with SIGKILL at
 * random moments; after each kill the file's integrity, the case audit rows, all-or-nothing imports and
 * processed requests with their effect are checked. The full run (200 kills) is the npm script.
 */
describe('crash soak (short)', () => {
  it('survives about ten kills of a writer with every check passing', { timeout: 180_000 }, () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'soak', 'crash-soak.ts'), '--short', '--seed', '7'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(run.stderr).not.toMatch(/FAILED/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/crash soak: 10 kills \(\d+ CLI imports, \d+ api writers\)/);
    expect(run.stdout).toMatch(/none in part/);
    expect(run.stdout).toMatch(/integrity ok/);
  });
});
