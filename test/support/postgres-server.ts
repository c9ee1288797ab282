/**
 * A real PostgreSQL for the tests, started by the tests themselves (issue 13, item 8): initdb into a
 * temporary folder, the server on a free port of 127.0.0.1 with its socket in that folder, one database,
 * stopped and removed afterwards. Debian's `postgresql` package provides the binaries (.ci/run installs
 * it when missing); its own cluster is not used. As root, initdb and the server run as the `postgres`
 * user (the server refuses to run as root), the folder chowned to it.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './trusting-fetch';

const MIN_VERSION = 15;
const DEBIAN_ROOT = '/usr/lib/postgresql';
const DATABASE = 'ketenplanner_test';

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:<port>/ketenplanner_test (trust authentication: tests only). */
  url: string;
  stop(): Promise<void>;
}

interface RunAs {
  uid: number;
  gid: number;
}

const hasServerBinaries = (bin: string): boolean => ['initdb', 'postgres', 'pg_ctl'].every((name) => fs.existsSync(path.join(bin, name)));

/** PG_BIN, else the highest /usr/lib/postgresql/<n>/bin (n >= 15) with initdb, postgres and pg_ctl. */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string {
  const missing = `PostgreSQL ${MIN_VERSION} or newer was not found (PG_BIN, or ${DEBIAN_ROOT}/<version>/bin with initdb, postgres and pg_ctl): install Debian's postgresql package (apt-get install postgresql), or set PG_BIN to its bin folder.`;
  if (env.PG_BIN) {
    if (!hasServerBinaries(env.PG_BIN)) throw new Error(`PG_BIN=${env.PG_BIN} lacks initdb, postgres or pg_ctl. ${missing}`);
    return env.PG_BIN;
  }
  const versions = fs.existsSync(DEBIAN_ROOT)
    ? fs
        .readdirSync(DEBIAN_ROOT)
        .filter((name) => /^\d+$/.test(name) && Number(name) >= MIN_VERSION)
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const found = versions.map((v) => path.join(DEBIAN_ROOT, v, 'bin')).find(hasServerBinaries);
  if (!found) throw new Error(missing);
  return found;
}

function postgresUser(): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error("Running as root, but there is no 'postgres' user to run PostgreSQL as: install Debian's postgresql package (apt-get install postgresql).");
  }
}

/** Runs a PostgreSQL program (as the postgres user when root: libuv's setuid also drops root's groups). */
function run(program: string, args: string[], runAs: RunAs | null, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TZ: 'UTC' },
      ...(runAs ?? {}),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${path.basename(program)} ${args.join(' ')} failed (${code}):\n${output}`))));
  });
}


async function waitUntilAnswering(port: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    try {
      await client.connect();
      await client.query('select 1');
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (performance.now() > deadline) throw new Error(`PostgreSQL on port ${port} did not answer: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Starts a fresh PostgreSQL and creates one database with the collation the district schema needs
 * ("C": text compares byte by byte, as SQLite's BINARY; ADR 25). Durability is off (fsync=off): test data only.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  const runAs = postgresUser();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ketenplanner-pg-'));
  const dataDir = path.join(folder, 'data');
  const logFile = path.join(folder, 'server.log');
  if (runAs) fs.chownSync(folder, runAs.uid, runAs.gid);
  const pgCtl = path.join(bin, 'pg_ctl');
  let started = false;
  try {
    await run(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'], runAs, folder);
    let port = 0;
    for (let attempt = 1; !started; attempt++) {
      port = await freePort();
      const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      try {
        await run(pgCtl, ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '30', 'start'], runAs, folder);
        started = true;
      } catch (error) {
        // Another process may have taken the port between the probe and the start: try another one.
        if (attempt >= 3) throw new Error(`${String(error)}\n${fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''}`);
      }
    }
    await waitUntilAnswering(port, 15_000);
    const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`create database ${DATABASE} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C.UTF-8'`);
    } finally {
      await admin.end();
    }
    return {
      url: `postgres://postgres@127.0.0.1:${port}/${DATABASE}`,
      async stop() {
        try {
          await run(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop'], runAs, folder);
        } finally {
          fs.rmSync(folder, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    if (started) await run(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], runAs, folder).catch(() => undefined);
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
