// The parts of `npm start` (scripts/start.mjs), each testable on its own (test/integration/start-script.test.ts):
// a quiet build that is skipped when dist/ is up to date, browser mode that prints one short Dutch line
// with the URL, and opening the default browser where there is one (never in CI, tests or without a terminal).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import open from 'open';
import { ROOT } from './electron-runtime.mjs';

/** What `ketenplanner serve` prints with the URL to open (test/e2e/support/serve-process.ts reads the same line). */
const SERVE_URL_PATTERN = /draait op (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/;

/** The build steps of package.json's `build`, each with the file it makes last (its output is up to date when that file is). */
export const BUILD_STEPS = [
  { script: 'build:renderer', output: 'dist/renderer/index.html', forElectron: false },
  { script: 'build:electron', output: 'dist/electron/import-worker.cjs', forElectron: true },
  { script: 'build:cli', output: 'dist/cli/ketenplanner.mjs', forElectron: false },
];

/** What the bundles are built from: a change to any of these makes dist/ out of date. */
const BUILD_INPUTS = ['renderer', 'server', 'shared', 'db', 'electron', 'package-lock.json', 'vite.renderer.config.ts', 'vite.electron.config.ts', 'vite.cli.config.ts'];

/** The latest modification time (ms) of the files under `entries` (folders are walked; node_modules skipped). */
function newestModification(root, entries = BUILD_INPUTS) {
  let newest = 0;
  const visit = (file) => {
    let stat;
    try {
      stat = fs.statSync(file);
    } catch {
      return;
    }
    if (!stat.isDirectory()) {
      newest = Math.max(newest, stat.mtimeMs);
      return;
    }
    for (const name of fs.readdirSync(file)) if (name !== 'node_modules') visit(path.join(file, name));
  };
  for (const entry of entries) visit(path.join(root, entry));
  return newest;
}

/** The steps whose output is missing or older than the newest source file. */
export function stepsToBuild(steps, root = ROOT, inputs = BUILD_INPUTS) {
  const newest = newestModification(root, inputs);
  return steps.filter((step) => {
    try {
      return fs.statSync(path.join(root, step.output)).mtimeMs < newest;
    } catch {
      return true;
    }
  });
}

/**
 * Runs the build steps one after the other with their output captured: nothing is printed when they
 * succeed; when one fails, its name and its full output, and the exit code is returned (0: all built).
 * A step is `{ script }` (an npm script) or `{ script, command, args }` (tests).
 */
export async function runQuietBuild(steps, { print = console.log, cwd = ROOT } = {}) {
  for (const step of steps) {
    const command = step.command ?? (process.platform === 'win32' ? 'npm.cmd' : 'npm');
    const args = step.args ?? ['run', '--silent', step.script];
    const { code, output } = await new Promise((resolve) => {
      const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
      let text = '';
      child.stdout.on('data', (chunk) => (text += chunk));
      child.stderr.on('data', (chunk) => (text += chunk));
      child.on('error', (error) => resolve({ code: 1, output: `${text}${error.message}\n` }));
      child.on('close', (exitCode) => resolve({ code: exitCode ?? 1, output: text }));
    });
    if (code !== 0) {
      print(`Bouwen mislukt bij stap '${step.script}' (npm run ${step.script}). De uitvoer van die stap:`);
      print(output.trimEnd());
      return code;
    }
  }
  return 0;
}

/**
 * Whether to open the default browser: not when KETENPLANNER_NO_BROWSER=1, not in CI, not without a
 * terminal (started by a script or a test), and on Linux only with a display.
 */
export function shouldOpenBrowser(env = process.env, isTTY = Boolean(process.stdout.isTTY), platform = process.platform) {
  if (env.KETENPLANNER_NO_BROWSER === '1' || env.CI || !isTTY) return false;
  if (platform === 'linux') return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
  return true;
}

/** Opens the URL in the default browser; a machine without one just keeps the printed URL. */
export async function openInBrowser(url) {
  try {
    const child = await open(url);
    child.on('error', () => undefined);
  } catch {
    // No browser to open: the URL is on the screen.
  }
}

/**
 * Starts browser mode (`ketenplanner serve`) on `dbFile` and resolves with its URL once it prints it.
 * serve's own lines (at most two, Dutch) are passed to `print` as they come; so is anything it says later.
 */
export function startBrowserMode({ dbFile, demo = true, port, extraArgs = [], print = console.log, env = process.env }) {
  const args = [path.join(ROOT, 'bin', 'ketenplanner.mjs'), 'serve', '--db', dbFile, ...(demo ? ['--demo'] : []), ...(port === undefined ? [] : ['--port', String(port)]), ...extraArgs];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env });
  return new Promise((resolve, reject) => {
    let pending = '';
    let url = null;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        print(line);
        const match = SERVE_URL_PATTERN.exec(line);
        if (match && url === null) {
          url = match[1];
          resolve({ url, child });
        }
      }
    });
    child.on('exit', (code) => {
      if (url === null) reject(new Error(`ketenplanner serve stopte (code ${code}) voordat het een adres gaf.`));
    });
  });
}
