// npm run bench:sync — a desktop's local copy of a district server (issue 14, item 6): the first copy of a
// 10-year district (100,000 cases) and the catch-up after a day offline (about 500 changes by others and
// 50 of one's own), against a real district server (dist/server/district-wiring.mjs in its own process,
// over HTTPS with a real sign-in) on a real PostgreSQL, through the desktop's real ConnectedBackend.
// Baselines in the same run: PostgreSQL's own `COPY ... TO STDOUT` of the same tables (psql, as the
// server's owner) for the first copy, and of the same changed rows for the catch-up.
// Targets: first copy <= 30 s, catch-up <= 1 s (2-core machine).
//   --cases-per-year N (10000)  --years N (10)  --page-size N (20000: most rows a page; wide tables fewer)  --concurrency N (2)
//   --others N (500: operations by another prosecutor)  --others-width N (4: of them at a time)  --own N (50: offline writes of this desktop)
//   --district FILE  a demo district file built before (test/support/build-demo-file.ts) instead of building one
//   --wiring FILE  the server's operations bundle (default dist/server/district-wiring.mjs, built when missing)
//   --cpu-prof DIR  the server process writes a V8 CPU profile there (the desktop: run node --cpu-prof yourself)
import { execFile, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createConnectedBackend, type ConnectedBackend } from '../../server/desktop/connected-backend';
import { openLocalCopy } from '../../server/desktop/local-copy/local-copy';
import { SYNCED_TABLE_LIST } from '../../server/desktop/local-copy/synced-tables';
import { applyPgMigrations } from '../../server/district-server/pg-migrations';
import { copySqliteToPostgres } from '../../server/pg/copy-sqlite-to-postgres';
import { fixedClock } from '../../server/services/context/clock';
import { demoNow } from '../../test/support/demo-database';
import { serverFetchers } from '../../test/support/local-copy-source';
import { findPostgresBin, startPostgres } from '../../test/support/postgres-server';
import { TestBrowser } from '../../test/support/test-browser';
import { makeTestCertificates } from '../../test/support/test-ca';
import { testDistrictServerConfig } from '../../test/support/test-district-server';
import { startTestIdentityProvider, TEST_USERS, type TestUser } from '../../test/support/test-identity-provider';
import { freePort } from '../../test/support/trusting-fetch';

const { values: args } = parseArgs({
  options: {
    'cases-per-year': { type: 'string', default: '10000' },
    years: { type: 'string', default: '10' },
    'page-size': { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '2' },
    others: { type: 'string', default: '500' },
    'others-width': { type: 'string', default: '4' },
    own: { type: 'string', default: '50' },
    district: { type: 'string' },
    wiring: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const WIRING_BUNDLE = args.wiring ? path.resolve(args.wiring) : path.join(ROOT, 'dist', 'server', 'district-wiring.mjs');
const PG_MIGRATIONS = path.join(ROOT, 'db', 'pg-migrations');
const SQLITE_MIGRATIONS = path.join(ROOT, 'db', 'migrations');
const DEMO = { seed: 11, casesPerYear: Number(args['cases-per-year']), years: Number(args.years), asOf: '2026-06-15', chain: true };
const NOW = demoNow(DEMO);
const clock = fixedClock(NOW);
const FIRST_COPY_TARGET_S = 30;
const CATCH_UP_TARGET_S = 1;

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const cleanups: (() => Promise<unknown>)[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-bench-sync-'));

async function main(): Promise<void> {
  console.log(`load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
  if (!args.wiring && !fs.existsSync(WIRING_BUNDLE)) {
    console.log('building dist/server/district-wiring.mjs ...');
    execFileSync('npx', ['vite', 'build', '--config', 'vite.server.config.ts'], { cwd: ROOT, stdio: 'inherit' });
  }
  let started = performance.now();
  const [districtFile, postgres] = await Promise.all([demoFile(), startPostgres()]);
  cleanups.push(() => postgres.stop());
  await applyPgMigrations(postgres.url, PG_MIGRATIONS);
  const owner = new pg.Pool({ connectionString: postgres.url, max: 4 });
  owner.on('error', () => undefined);
  cleanups.push(() => owner.end());
  const client = await owner.connect();
  try {
    await copySqliteToPostgres(districtFile, client);
    await client.query('analyze');
  } finally {
    client.release();
  }
  const counts = (await owner.query<Record<string, number>>(
    'select (select count(*)::int from criminal_case) as cases, (select count(*)::int from hearing) as hearings, (select count(*)::int from audit_event) as "audit events"',
  )).rows[0]!;
  const totalRows = await countRows(owner);
  console.log(
    `district (demo seed ${DEMO.seed}, ${DEMO.casesPerYear} cases a year for ${DEMO.years} years, as of ${DEMO.asOf}): ${Object.entries(counts).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}; ${totalRows.toLocaleString('en')} rows in the ${SYNCED_TABLE_LIST.length} synced tables; on PostgreSQL in ${seconds(performance.now() - started)} s`,
  );

  // The district server in its own process, over HTTPS, with the test identity provider.
  const certs = makeTestCertificates(dir);
  const port = await freePort();
  const origin = `https://127.0.0.1:${port}`;
  const idp = await startTestIdentityProvider({ serverRedirectUri: `${origin}/auth/callback`, serverPostLogoutRedirectUri: `${origin}/`, apiResource: `${origin}/api` });
  cleanups.push(() => idp.close());
  const server = await startServerProcess(testDistrictServerConfig({ port, postgresUrl: postgres.url, certs, idp }));
  cleanups.push(() => server.stop());
  const fetchImpl = keepAliveFetch(certs.caCert);
  const desktop = await signedIn(origin, TEST_USERS.prosecutor, fetchImpl);
  // Someone else's desktop (the same test prosecutor: the only one the test identity provider knows).
  const other = await signedIn(origin, TEST_USERS.prosecutor, keepAliveFetch(certs.caCert));
  const person = desktop.person()!;
  const actor = `${person.name} (${person.organisation})`;
  console.log(`desktop signed in as ${actor} (${person.roles.join(', ')}) at ${origin}`);

  // Baseline of the first copy: PostgreSQL writing the same tables as text, nothing else.
  const copyBaselineMs = await psqlCopy(postgres.url, SYNCED_TABLE_LIST.map((t) => `copy (select * from "${t.name}") to stdout`));

  // The first copy.
  const copyFile = path.join(dir, 'copies', 'bench.sqlite');
  const copy = await openLocalCopy({
    path: copyFile,
    migrationsFolder: SQLITE_MIGRATIONS,
    clock,
    pageSize: Number(args['page-size']),
    copyConcurrency: Number(args.concurrency),
  });
  const fetchers = serverFetchers(desktop.handler);
  let requests = 0;
  const countedPage: typeof fetchers.fetchPage = (input) => (requests++, fetchers.fetchPage(input));
  started = performance.now();
  const [clientCpu, serverCpu] = [process.cpuUsage(), server.cpuMs()];
  await copy.fullCopy(countedPage);
  const firstCopyMs = performance.now() - started;
  const cpu = process.cpuUsage(clientCpu);
  const cpuNote = `CPU: desktop process ${seconds((cpu.user + cpu.system) / 1000)} s, server process ${seconds(server.cpuMs() - serverCpu)} s`;
  const size = fs.statSync(copyFile).size + (fs.statSync(`${copyFile}-wal`, { throwIfNoEntry: false })?.size ?? 0);
  console.log(`\nfirst copy: ${seconds(firstCopyMs)} s (baseline ${seconds(copyBaselineMs)} s), ${totalRows.toLocaleString('en')} rows in ${requests} pages (sync.copyPage, ${args['page-size']} rows, ${args.concurrency} tables at a time), copy file ${(size / 1e6).toFixed(0)} MB; ${cpuNote}`);
  const copyDiff = await compare(copyFile, owner);

  // A day offline: this desktop's own writes on the copy (then sent to the server as its outbox would send
  // them, same request ids), and others' work on the server.
  const local = copy.localHandler({ actor, roles: person.roles, policeUnit: person.policeUnit });
  // Open cases, the newest first (details can be corrected until a case is closed), one per operation.
  const cases = (await owner.query<{ id: number; version: number }>("select id, version from criminal_case where status not in ('completed', 'withdrawn') order by id desc limit $1", [Number(args.own) + Number(args.others)])).rows;
  const own = cases.slice(0, Number(args.own));
  const others = cases.slice(Number(args.own));
  started = performance.now();
  for (const [i, c] of own.entries()) {
    const input = { caseId: c.id, changes: { lawyerName: `mr. Offline ${i}` }, reason: 'Offline vastgelegd', expectedVersion: c.version };
    const requestId = `bench-own-${String(i).padStart(4, '0')}`;
    const answer = await local('cases.updateDetails', input, { requestId });
    if (!answer.ok) throw new Error(`local cases.updateDetails: ${answer.error.message}`);
    const sent = await desktop.handler('cases.updateDetails', input, { requestId });
    if (!sent.ok) throw new Error(`cases.updateDetails on the server: ${sent.error.message}`);
  }
  const ownMs = performance.now() - started;
  started = performance.now();
  await inParallel(others, Number(args['others-width']), async (c, i) => {
    const answer = await other.handler('cases.updateDetails', { caseId: c.id, changes: { lawyerName: `mr. Elders ${i}` }, reason: 'Andere advocaat', expectedVersion: c.version });
    if (!answer.ok) throw new Error(`cases.updateDetails by another: ${answer.error.message}`);
  });
  const othersMs = performance.now() - started;
  const dirty = await copy.pendingDirty();
  const { cursor } = await copy.state();
  const changed = (await owner.query<{ table_name: string; keys: number }>(
    'select table_name, count(distinct row_key)::int as keys from sync.row_change where txid >= $1::xid8 group by table_name order by 1',
    [cursor],
  )).rows;
  const changedRows = changed.reduce((sum, r) => sum + r.keys, 0);
  console.log(
    `\na day offline: ${own.length} own writes (cases.updateDetails on the copy, ${dirty} dirty rows; then sent to the server, ${seconds(ownMs)} s), ${others.length} operations from another desktop (${seconds(othersMs)} s over HTTPS): ${changedRows} changed rows (${changed.map((r) => `${r.table_name} ${r.keys}`).join(', ')})`,
  );

  // Baseline of the catch-up: PostgreSQL writing the same changed rows as text.
  const catchUpBaselineMs = await psqlCopy(
    postgres.url,
    changed.map(({ table_name: table }) => {
      const key = SYNCED_TABLE_LIST.find((t) => t.name === table)!.key;
      const cast = key === 'id' ? 'int' : 'text';
      return `copy (select t.* from "${table}" t where t."${key}" in (select row_key::${cast} from sync.row_change where table_name = '${table}' and txid >= '${cursor}'::xid8)) to stdout`;
    }),
  );
  started = performance.now();
  const repaired = await copy.repair(fetchers.fetchRows);
  const repairMs = performance.now() - started;
  const caughtUp = await copy.catchUp(fetchers.fetchChanges);
  const catchUpMs = performance.now() - started;
  if (caughtUp.fullCopyNeeded) throw new Error('the server asked for a full copy');
  console.log(`catch-up: repair ${repaired.rows} rows (sync.rows) in ${seconds(repairMs)} s, then ${caughtUp.rows} rows (sync.changes) in ${seconds(catchUpMs - repairMs)} s`);
  const catchUpDiff = await compare(copyFile, owner);
  await copy.close();

  console.log('');
  console.log('measure'.padEnd(52), 'product s'.padStart(10), 'baseline s'.padStart(11), 'ratio'.padStart(7), '  target');
  const line = (name: string, ms: number, baselineMs: number, target: string) =>
    console.log(name.padEnd(52), seconds(ms).padStart(10), seconds(baselineMs).padStart(11), (ms / baselineMs).toFixed(1).padStart(7), `  ${target}`);
  line(`first copy (${totalRows.toLocaleString('en')} rows, HTTPS + SQLite)`, firstCopyMs, copyBaselineMs, `<= ${FIRST_COPY_TARGET_S} s: ${firstCopyMs <= FIRST_COPY_TARGET_S * 1000 ? 'met' : 'NOT met'}`);
  line(`catch-up (repair + changes, ${changedRows} changed rows)`, catchUpMs, catchUpBaselineMs, `<= ${CATCH_UP_TARGET_S} s: ${catchUpMs <= CATCH_UP_TARGET_S * 1000 ? 'met' : 'NOT met'}`);
  console.log(`baselines: psql COPY ... TO STDOUT of the same tables / the same changed rows, as the owner, output discarded`);
  console.log(`copy equals the server (every synced table, row by row in key order, hashed, as the prosecutor sees it): after the first copy ${copyDiff.length === 0 ? 'yes' : `NO (${copyDiff.slice(0, 3).join('; ')})`}, after the catch-up ${catchUpDiff.length === 0 ? 'yes' : `NO (${catchUpDiff.slice(0, 3).join('; ')})`}`);
  if (firstCopyMs > FIRST_COPY_TARGET_S * 1000 || catchUpMs > CATCH_UP_TARGET_S * 1000 || copyDiff.length > 0 || catchUpDiff.length > 0) process.exitCode = 1;
}

/** The demo district file: --district, else built once per set of options in a cache folder (the generator is seeded). */
async function demoFile(): Promise<string> {
  if (args.district) return path.resolve(args.district);
  const key = createHash('sha256').update(JSON.stringify(DEMO)).digest('hex').slice(0, 16);
  const folder = path.join(os.tmpdir(), 'kp-bench-sync-cache', key);
  const file = path.join(folder, 'district.sqlite');
  if (fs.existsSync(path.join(folder, 'done'))) return file;
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  const started = performance.now();
  console.log(`building the demo district (${DEMO.casesPerYear * DEMO.years} cases) into ${folder} ...`);
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'test/support/build-demo-file.ts', file, JSON.stringify(DEMO)], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  fs.writeFileSync(path.join(folder, 'done'), '');
  console.log(`built in ${seconds(performance.now() - started)} s`);
  return file;
}

async function countRows(owner: pg.Pool): Promise<number> {
  const { rows } = await owner.query<{ n: number }>(`select (${SYNCED_TABLE_LIST.map((t) => `(select count(*) from "${t.name}")`).join(' + ')})::int as n`);
  return rows[0]!.n;
}

/** Wall time of psql running these COPY statements in one session, its output discarded. */
async function psqlCopy(url: string, statements: string[]): Promise<number> {
  if (statements.length === 0) return 0;
  const psql = path.join(findPostgresBin(), 'psql');
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(psql, [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1'], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdout.resume();
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited with ${code}`))));
    child.stdin.end(statements.map((s) => `${s};`).join('\n'));
  });
  return performance.now() - started;
}

/**
 * The copy against what PostgreSQL shows the prosecutor (row security decides): every synced table, row by
 * row in key order, hashed in pages on both sides (one normal form per value: booleans 0/1); the tables whose
 * hashes differ are named. (The tests compare value by value: test/integration/local-copy-postgres.test.ts.)
 */
async function compare(copyFile: string, owner: pg.Pool): Promise<string[]> {
  const reader = new Database(copyFile, { readonly: true });
  const client = await owner.connect();
  const differing: string[] = [];
  const PAGE = 50_000;
  try {
    await client.query("begin isolation level repeatable read read only; set local role kp_prosecutor; select set_config('ketenplanner.police_unit', '', true)");
    for (const table of SYNCED_TABLE_LIST) {
      const normal = (row: Record<string, unknown>) =>
        JSON.stringify(table.columns.map((c) => {
          const value = row[c.name];
          if (typeof value === 'boolean') return value ? 1 : 0;
          if (c.kind === 'number' && typeof value === 'string') return Number(value);
          return value;
        }));
      const hashes = [createHash('sha256'), createHash('sha256')] as const;
      const counts = [0, 0];
      const order = table.integerKey ? `"${table.key}"` : `"${table.key}" collate "C"`;
      for (let after: string | number = table.integerKey ? -1 : ''; ; ) {
        const rows = (await client.query(`select * from "${table.name}" where ${order} > $1 order by ${order} limit ${PAGE}`, [after])).rows as Record<string, unknown>[];
        for (const row of rows) hashes[0].update(`${normal(row)}\n`);
        counts[0]! += rows.length;
        if (rows.length < PAGE) break;
        after = rows.at(-1)![table.key] as string | number;
      }
      for (const row of reader.prepare(`select * from "${table.name}" order by "${table.key}"`).iterate() as Iterable<Record<string, unknown>>) {
        hashes[1].update(`${normal(row)}\n`);
        counts[1]!++;
      }
      if (hashes[0].digest('hex') !== hashes[1].digest('hex')) differing.push(`${table.name} (${counts[1]} rows in the copy, ${counts[0]} on the server)`);
    }
    await client.query('commit');
  } finally {
    client.release();
    reader.close();
  }
  return differing;
}

async function inParallel<T>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let i = next++; i < items.length; i = next++) await work(items[i]!, i);
    }),
  );
}

/** A desktop's connection to the server: the real ConnectedBackend, signed in through the loopback flow with the IdP's form. */
async function signedIn(origin: string, user: TestUser, fetchImpl: typeof fetch): Promise<ConnectedBackend> {
  const connected = createConnectedBackend({
    serverUrl: origin,
    fetch: fetchImpl,
    requestTimeoutMs: 120_000,
    openBrowser: async (url) => {
      const browser = new TestBrowser();
      await browser.logIn(await browser.follow(url), user);
    },
  });
  await connected.connect();
  return connected;
}

/** fetch over node:https trusting the test CA, on one keep-alive agent (as Electron's net.fetch keeps its connections). */
function keepAliveFetch(caCert: string): typeof fetch {
  const agent = new https.Agent({ keepAlive: true, ca: caCert, maxSockets: 4 });
  cleanups.push(async () => agent.destroy());
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    return new Promise<Response>((resolve, reject) => {
      const req = https.request(url, { method: init?.method ?? 'GET', headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const responseHeaders = new Headers();
          for (const [key, value] of Object.entries(res.headers)) if (typeof value === 'string') responseHeaders.set(key, value);
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: responseHeaders }));
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(typeof init?.body === 'string' ? init.body : undefined);
    });
  }) as typeof fetch;
}


/** CPU time (user + system) a process used so far, from /proc (Linux). */
function processCpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function startServerProcess(config: object): Promise<{ stop: () => Promise<unknown>; cpuMs: () => number }> {
  const profile = args['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(args['cpu-prof'])] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(ROOT, 'scripts', 'bench', 'sync-bench-server.ts'), JSON.stringify(config), NOW.toISOString(), WIRING_BUNDLE, PG_MIGRATIONS], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => process.stdout.write(`[server] ${chunk}`));
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.includes('ready\n')) resolve();
    });
    void exited.then((code) => reject(new Error(`the server process exited (${code}): ${stderr}`)));
  });
  return {
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
    cpuMs: () => (child.pid ? processCpuMs(child.pid) : 0),
  };
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
}
