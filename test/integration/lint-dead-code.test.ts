import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../support/temp-dir';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const tempDir = useTempDir('kp-knip-');

/** A miniature project with the real knip configuration and the given files. */
function project(files: Record<string, string>): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'scripts', 'lint'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'scripts', 'lint', 'knip.jsonc'), path.join(dir, 'scripts', 'lint', 'knip.jsonc'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const all = { 'package.json': JSON.stringify({ name: 'tiny', private: true, type: 'module' }), ...files };
  for (const [file, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** Runs knip as `npm run lint:dead-code` does. */
async function knip(dir: string): Promise<{ failed: boolean; output: string }> {
  const bin = path.join(ROOT, 'node_modules', '.bin', 'knip');
  try {
    const { stdout, stderr } = await run(bin, ['--config', 'scripts/lint/knip.jsonc', '--no-progress'], { cwd: dir });
    return { failed: false, output: `${stdout}${stderr}` };
  } catch (error) {
    const e = error as { stdout: string; stderr: string };
    return { failed: true, output: `${e.stdout}${e.stderr}` };
  }
}

const base = {
  'renderer/src/main.tsx': "import { alsoHere, shown } from './labels';\nexport const app = [shown, alsoHere];\n",
  'renderer/src/labels.ts': "const local = 'intern';\nexport const shown = local;\nexport const usedInFile = 1;\nexport const alsoHere = usedInFile + 1;\n",
  'server/cli/run-cli.ts': "import { double } from '../../shared/math';\nexport const runCli = () => double(2);\n",
  'shared/math.ts': 'export const double = (n: number) => n * 2;\n',
};

describe('the dead-code check (npm run lint:dead-code)', () => {
  it('passes a project where every export is imported', async () => {
    const result = await knip(project(base));
    expect(result.output).not.toMatch(/Unused (files|exports)/);
    expect(result.failed).toBe(false);
  });

  it('fails on an export that nobody imports', async () => {
    const result = await knip(project({ ...base, 'shared/math.ts': 'export const double = (n: number) => n * 2;\nexport const triple = (n: number) => n * 3;\n' }));
    expect(result.failed).toBe(true);
    expect(result.output).toMatch(/Unused exports[\s\S]*triple/);
  });

  it('fails on a file that nothing imports', async () => {
    const result = await knip(project({ ...base, 'server/services/orphan.ts': 'export const orphan = 1;\n' }));
    expect(result.failed).toBe(true);
    expect(result.output).toMatch(/Unused files[\s\S]*server\/services\/orphan\.ts/);
  });
});
