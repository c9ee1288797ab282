#!/usr/bin/env node
// `npm start`: build, then open the Electron app on the demo district. Where no Electron binary is
// installed (our offline machines cannot download it), say so in one line and start browser mode.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function electronBinary() {
  try {
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const child = binary
  ? spawn(binary, [root, '--demo'], { stdio: 'inherit' })
  : (console.log('No Electron binary on this machine: starting browser mode instead (open the URL below).'),
    spawn(process.execPath, [path.join(root, 'bin', 'ketenplanner.mjs'), 'serve', '--db', path.join(root, '.ketenplanner', 'demo-district.sqlite'), '--demo'], {
      stdio: 'inherit',
    }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
