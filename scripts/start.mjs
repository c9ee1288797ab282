#!/usr/bin/env node
// `npm start`: build what is out of date (quietly: its output only when a step fails), then open the
// Electron app on the demo district. Where no Electron binary is installed (our offline machines cannot
// download it) or the native module cannot be built for it, start browser mode instead: one short
// Dutch line with the URL, and the default browser opened on it where there is one
// (not with KETENPLANNER_NO_BROWSER=1, in CI, or without a terminal).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, electronSqliteBinding, findElectronBinary } from './lib/electron-runtime.mjs';
import { BUILD_STEPS, openInBrowser, runQuietBuild, shouldOpenBrowser, startBrowserMode, stepsToBuild } from './lib/start-steps.mjs';

const binary = findElectronBinary();
// Browser mode needs only the UI and the CLI bundles.
const steps = stepsToBuild(BUILD_STEPS.filter((step) => binary || !step.forElectron));
if (steps.length > 0) {
  console.log('Ketenplanner wordt gebouwd (de eerste keer duurt dat ongeveer een minuut)…');
  const code = await runQuietBuild(steps);
  if (code !== 0) process.exit(code);
}

function startElectron() {
  let binding;
  try {
    binding = electronSqliteBinding();
  } catch (error) {
    console.log(`De databasemodule voor Electron kon niet worden gebouwd (${error.message.split('\n')[0]}): Ketenplanner draait in de browser.`);
    return null;
  }
  return spawn(binary, [ROOT, '--demo'], { stdio: 'inherit', env: { ...process.env, KETENPLANNER_SQLITE_BINDING: binding } });
}

let child = binary ? startElectron() : null;
if (!child) {
  const demoFile = path.join(ROOT, '.ketenplanner', 'demo-district.sqlite');
  try {
    const started = await startBrowserMode({ dbFile: demoFile });
    child = started.child;
    if (shouldOpenBrowser()) await openInBrowser(started.url);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
