// Finding Electron and a better-sqlite3 build for its ABI. Used by `npm start` and the Electron smoke test.
//
// node_modules/better-sqlite3 is compiled for Node (tests, CLI, browser mode). Electron needs the same
// addon compiled for its own ABI, so a copy is built once into .ketenplanner/electron-native/ and handed
// to the main process (KETENPLANNER_SQLITE_BINDING -> better-sqlite3's nativeBinding option). Building it
// fetches Electron's headers, which works on a machine that could download Electron itself.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The Electron binary, or null where the npm package could not download it (our offline machines). */
export function findElectronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Path of better_sqlite3.node built for the installed Electron; builds it on first use. */
export function electronSqliteBinding() {
  const electronVersion = require('electron/package.json').version;
  const sqliteVersion = require('better-sqlite3/package.json').version;
  const folder = path.join(ROOT, '.ketenplanner', 'electron-native', `electron-${electronVersion}-better-sqlite3-${sqliteVersion}`);
  const binding = path.join(folder, 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;
  fs.rmSync(folder, { recursive: true, force: true });
  fs.cpSync(path.dirname(require.resolve('better-sqlite3/package.json')), folder, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
  console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once)…`);
  const env = { ...process.env };
  delete env.npm_config_nodedir;
  execFileSync(process.execPath, [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], {
    cwd: folder,
    stdio: 'inherit',
    env,
  });
  return binding;
}
