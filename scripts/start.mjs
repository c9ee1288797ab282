#!/usr/bin/env node
// `npm start`: build, then open the Electron app on the demo district. Where no Electron binary is
// installed (our offline machines cannot download it) or the native module cannot be built for it,
// say so in one line and start browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, electronSqliteBinding, findElectronBinary } from './lib/electron-runtime.mjs';

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function startElectron(binary) {
  let binding;
  try {
    binding = electronSqliteBinding();
  } catch (error) {
    console.log(`Could not build the database module for Electron (${error.message.split('\n')[0]}): starting browser mode instead.`);
    return null;
  }
  return spawn(binary, [ROOT, '--demo'], { stdio: 'inherit', env: { ...process.env, KETENPLANNER_SQLITE_BINDING: binding } });
}

function startBrowserMode() {
  const demoFile = path.join(ROOT, '.ketenplanner', 'demo-district.sqlite');
  return spawn(process.execPath, [path.join(ROOT, 'bin', 'ketenplanner.mjs'), 'serve', '--db', demoFile, '--demo'], { stdio: 'inherit' });
}

const binary = findElectronBinary();
if (!binary) console.log('No Electron binary on this machine: starting browser mode instead (open the URL below).');
const child = (binary && startElectron(binary)) || startBrowserMode();
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
