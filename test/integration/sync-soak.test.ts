import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * Issue 14: the sync soak (scripts/soak/sync-soak.ts) in short: 4 offline-capable desktops against a real
 * district server on PostgreSQL behind a TCP proxy cut at random, 25 operations each. Every accepted write
 * is applied once on the server or in its desktop's conflict inbox with a reason, the server's effects match
 * the applied requests, and every desktop's copy equals the server's. `npm run soak:sync` runs 1,000 each.
 */
const run = promisify(execFile);

describe('sync soak (short)', () => {
  it('4 desktops x 25 operations with random cuts: every write once on the server or in a conflict inbox, copies equal', { timeout: 300_000 }, async () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'soak', 'sync-soak.ts'), '--desktops', '4', '--operations', '25', '--seed', '7'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 290_000,
      maxBuffer: 10_000_000,
    }).catch((error: { stdout?: string; stderr?: string; message: string }) => ({ stdout: error.stdout ?? '', stderr: `${error.stderr ?? ''}\n${error.message}` }));
    process.stdout.write(stdout.split('\n').filter((line) => line.startsWith('sync soak') || line.startsWith('conflict') || line.startsWith('refused')).join('\n') + '\n');
    expect(stderr).not.toMatch(/FAILED/);
    expect(stdout).toMatch(/sync soak: 4 desktops x 25 operations, \d+ writes/);
    expect(stdout).toMatch(/still pending 0; copies equal to the server: yes/);
    expect(stdout).toMatch(/^sync soak: ok$/m);
  });
});
