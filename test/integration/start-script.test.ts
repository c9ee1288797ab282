import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runQuietBuild, shouldOpenBrowser, startBrowserMode, stepsToBuild } from '../../scripts/lib/start-steps.mjs';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ketenplanner-start-');

/** The server's clock is pinned (`--now`), like every served district in the tests. */
const NOW = '2026-06-15T09:30:00+02:00';

describe('npm start (scripts/start.mjs and scripts/lib/start-steps.mjs)', () => {
  it('browser mode on a new demo district says, in at most three Dutch lines, where it runs; that URL answers', async () => {
    const lines: string[] = [];
    const started = await startBrowserMode({
      dbFile: path.join(tempDir(), 'demo.sqlite'),
      port: 0,
      extraArgs: ['--now', NOW],
      print: (line) => lines.push(line),
      env: { ...process.env, KETENPLANNER_NO_BROWSER: '1' },
    });
    try {
      expect(lines.length).toBeLessThanOrEqual(3);
      const output = lines.join('\n');
      expect(output).toMatch(/^Demodistrict geladen in .*demo\.sqlite: \d+ zittingen, \d+ zaken\.$/m);
      expect(output).toContain(`Ketenplanner draait op ${started.url} (Ctrl+C om te stoppen)`);
      expect(output).not.toMatch(/\b(Open|Stop with|browser mode|loaded|created)\b/);
      expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=\S+$/);
      const page = await fetch(new URL(started.url).origin);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      await new Promise((done) => {
        started.child.once('exit', done);
        started.child.kill('SIGTERM');
      });
    }
  });

  it('never opens a browser in tests, in CI, without a terminal or (Linux) without a display', () => {
    const desktop = { DISPLAY: ':0' };
    expect(shouldOpenBrowser(desktop, true, 'linux')).toBe(true);
    expect(shouldOpenBrowser({ ...desktop, KETENPLANNER_NO_BROWSER: '1' }, true, 'linux')).toBe(false);
    expect(shouldOpenBrowser({ ...desktop, CI: 'true' }, true, 'linux')).toBe(false);
    expect(shouldOpenBrowser(desktop, false, 'linux')).toBe(false);
    expect(shouldOpenBrowser({}, true, 'linux')).toBe(false);
    expect(shouldOpenBrowser({}, true, 'darwin')).toBe(true);
  });

  it('builds quietly: nothing when the steps succeed, the failing step and its output when one fails', async () => {
    const printed: string[] = [];
    const node = process.execPath;
    const ok = { script: 'build:ok', command: node, args: ['-e', "console.log('(!) lots of build output')"] };
    expect(await runQuietBuild([ok, ok], { print: (l) => printed.push(l) })).toBe(0);
    expect(printed).toEqual([]);

    const failing = { script: 'build:cli', command: node, args: ['-e', "console.log('transforming...'); console.error('error TS2322: wrong type'); process.exit(3)"] };
    const never = { script: 'build:never', command: node, args: ['-e', "require('fs').writeFileSync('ran', '')"] };
    const cwd = tempDir();
    expect(await runQuietBuild([ok, failing, never], { print: (l) => printed.push(l), cwd })).toBe(3);
    expect(fs.existsSync(path.join(cwd, 'ran'))).toBe(false);
    expect(printed[0]).toBe("Bouwen mislukt bij stap 'build:cli' (npm run build:cli). De uitvoer van die stap:");
    expect(printed[1]).toContain('error TS2322: wrong type');
    expect(printed).toHaveLength(2);
  });

  it('skips a build step whose output is newer than every source file', () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'src'));
    fs.mkdirSync(path.join(root, 'dist'));
    fs.writeFileSync(path.join(root, 'src', 'a.ts'), '');
    fs.writeFileSync(path.join(root, 'dist', 'out.js'), '');
    const at = (file: string, seconds: number) => fs.utimesSync(path.join(root, file), seconds, seconds);
    const steps = [{ script: 'build:x', output: 'dist/out.js' }, { script: 'build:missing', output: 'dist/none.js' }];
    at('src/a.ts', 1_000);
    at('dist/out.js', 2_000);
    expect(stepsToBuild(steps, root, ['src']).map((s) => s.script)).toEqual(['build:missing']);
    at('src/a.ts', 3_000);
    expect(stepsToBuild(steps, root, ['src']).map((s) => s.script)).toEqual(['build:x', 'build:missing']);
  });
});
