import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../support/temp-dir';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const tempDir = useTempDir('kp-boundaries-');

/** A miniature project with the real lint configuration and the given files. */
function project(files: Record<string, string>): string {
  const dir = tempDir();
  fs.copyFileSync(path.join(ROOT, '.dependency-cruiser.cjs'), path.join(dir, '.dependency-cruiser.cjs'));
  for (const config of ['tsconfig.base.json', 'tsconfig.node.json', 'tsconfig.shared.json']) fs.copyFileSync(path.join(ROOT, config), path.join(dir, config));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

async function lint(dir: string): Promise<{ failed: boolean; output: string }> {
  const bin = path.join(ROOT, 'node_modules', '.bin', 'depcruise');
  try {
    const { stdout } = await run(bin, ['renderer', 'shared', 'db', 'electron', 'server', '--config', '.dependency-cruiser.cjs'], { cwd: dir });
    return { failed: false, output: stdout };
  } catch (error) {
    const e = error as { stdout: string; stderr: string };
    return { failed: true, output: `${e.stdout}${e.stderr}` };
  }
}

const base = {
  'db/schema.ts': 'export const districts = 1;\n',
  'shared/pure.ts': "import { z } from 'zod';\nexport const s = z.string();\n",
  'server/services/ok.ts': "import { districts } from '../../db/schema';\nexport const x = districts;\n",
  'renderer/ok.ts': "import { s } from '../shared/pure';\nexport const y = s;\n",
  'electron/main/ok.ts': "import { x } from '../../server/services/ok';\nexport const z = x;\n",
};

describe('the layer rule (npm run lint:boundaries)', () => {
  it('passes a project that keeps to the layers', async () => {
    const result = await lint(project(base));
    expect(result.output).toContain('no dependency violations');
    expect(result.failed).toBe(false);
  });

  it.each([
    ['renderer imports db', { 'renderer/bad.ts': "import { districts } from '../db/schema';\nexport const b = districts;\n" }, 'renderer-not-to-backend'],
    ['renderer imports a service', { 'renderer/bad.ts': "import { x } from '../server/services/ok';\nexport const b = x;\n" }, 'renderer-not-to-backend'],
    ['renderer imports the database driver', { 'renderer/bad.ts': "import Database from 'better-sqlite3';\nexport const b = Database;\n" }, 'renderer-no-server-libraries'],
    ['shared imports a Node API', { 'shared/bad.ts': "import fs from 'node:fs';\nexport const b = fs;\n" }, 'shared-no-node'],
    ['shared imports db', { 'shared/bad.ts': "import { districts } from '../db/schema';\nexport const b = districts;\n" }, 'shared-stays-inside'],
    ['the back end imports the desktop shell', { 'electron/main/shell.ts': 'export const w = 1;\n', 'server/http/bad.ts': "import { w } from '../../electron/main/shell';\nexport const b = w;\n" }, 'backend-not-to-shell'],
    ['a service imports electron', { 'server/services/bad.ts': "import { app } from 'electron';\nexport const b = app;\n" }, 'only-the-shell-imports-electron'],
  ])('fails the build when %s', async (_label, files, rule) => {
    const result = await lint(project({ ...base, ...files }));
    expect(result.failed).toBe(true);
    expect(result.output).toContain(rule);
  });

  it('fails the typecheck when shared/ uses a DOM or Node global', async () => {
    const dir = project({ ...base, 'shared/bad-global.ts': 'export const w = window.location.href + process.env.HOME + document.title;\n' });
    const tsc = path.join(ROOT, 'node_modules', '.bin', 'tsc');
    const error = (await run(tsc, ['-p', 'tsconfig.shared.json'], { cwd: dir }).catch((e: unknown) => e)) as { stdout?: string };
    expect(error.stdout ?? '').toMatch(/Cannot find name 'window'/);
    expect(error.stdout ?? '').toMatch(/Cannot find name 'process'/);
    expect(error.stdout ?? '').toMatch(/Cannot find name 'document'/);
  });
});
