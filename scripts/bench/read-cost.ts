// npx tsx scripts/bench/read-cost.ts — what each list read of bench:server's mix costs alone (issue 13, item 9):
// the same district, PostgreSQL and HTTPS server process as bench:server, one request at a time, no load.
// Per read: p50 answer time, the server process's CPU per call (its /proc utime+stime), PostgreSQL's CPU per
// call (the postmaster's children, ended ones included), the answer's size and a hash of the answer (the
// same hash before and after a change: the same answers).
//   --runs N        timed rounds per read (default 20, after 3 untimed; fewer for a read of many inputs)
//   --only NAME     only the reads whose name contains NAME (repeatable)
//   --cpu-prof DIR  the server process writes a V8 CPU profile into DIR when it stops
//   --save DIR      writes every read's first answer as JSON into DIR (to diff two builds)
//   --explain       prints EXPLAIN ANALYZE of the metric queries (as the owner) before timing
//   --baseline FILE a second server process with another build's district-wiring.mjs on the same database:
//                   the two take turns call by call (the machine's other load hits both alike), each read's
//                   figures shown for both, and their answers compared
// The server's operations come from KETENPLANNER_WIRING_BUNDLE (default dist/server/district-wiring.mjs).
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';
import { signInFromDesktop } from '../../server/auth/desktop-sign-in';
import { applyPgMigrations } from '../../server/district-server/pg-migrations';
import { copySqliteToPostgres } from '../../server/pg/copy-sqlite-to-postgres';
import { demoNow } from '../../test/support/demo-database';
import { startPostgres } from '../../test/support/postgres-server';
import { makeTestCertificates } from '../../test/support/test-ca';
import { TestBrowser } from '../../test/support/test-browser';
import { startTestIdentityProvider, TEST_USERS, type TestUser } from '../../test/support/test-identity-provider';
import { freePort } from '../../test/support/trusting-fetch';
import { startBenchServerProcess } from './bench-server-process';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    only: { type: 'string', multiple: true, default: [] },
    'cpu-prof': { type: 'string' },
    save: { type: 'string' },
    explain: { type: 'boolean', default: false },
    baseline: { type: 'string' },
  },
});
const RUNS = Number(args.runs);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const WIRING_BUNDLE = path.resolve(process.env['KETENPLANNER_WIRING_BUNDLE'] ?? path.join(ROOT, 'dist', 'server', 'district-wiring.mjs'));
const PG_MIGRATIONS = path.join(ROOT, 'db', 'pg-migrations');
const AS_OF = '2026-06-15';
const DEMO = { seed: 5, casesPerYear: 2800, asOf: AS_OF };
const NOW = demoNow(DEMO);
const TICK_MS = 1000 / 100; // /proc/*/stat counts clock ticks (USER_HZ, 100 on Linux)

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-read-cost-'));
const cleanups: (() => Promise<unknown>)[] = [];

type Role = 'coordinator' | 'prosecutor' | 'clerk' | 'reviewer';
interface Server {
  name: string;
  pid: number;
  users: Record<Role, Client>;
}
interface Read {
  name: string;
  role: Role;
  /** The calls of one round (several when the read is made with many inputs, as metrics.cases's drills). */
  inputs: { operation: string; input: unknown }[];
}

async function main(): Promise<void> {
  console.log(`load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')} on ${os.cpus().length} cores; bundle ${WIRING_BUNDLE}`);
  const districtFile = path.join(dir, 'district.sqlite');
  const [postgres] = await Promise.all([
    startPostgres(),
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'test/support/build-demo-file.ts', districtFile, JSON.stringify(DEMO)], { cwd: ROOT }),
  ]);
  cleanups.push(() => postgres.stop());
  await applyPgMigrations(postgres.url, PG_MIGRATIONS);
  const owner = new pg.Pool({ connectionString: postgres.url, max: 2 });
  owner.on('error', () => undefined);
  cleanups.push(() => owner.end());
  const client = await owner.connect();
  try {
    await copySqliteToPostgres(districtFile, client);
    await client.query('analyze');
  } finally {
    client.release();
  }
  const postmaster = await postmasterPid(owner);

  const certs = makeTestCertificates(dir);
  const apiUrl = new URL(postgres.url);
  apiUrl.username = 'ketenplanner_api';
  const servers: Server[] = [];
  for (const bundle of [WIRING_BUNDLE, ...(args.baseline ? [path.resolve(args.baseline)] : [])]) {
    const port = await freePort();
    const origin = `https://127.0.0.1:${port}`;
    const idp = await startTestIdentityProvider({ serverRedirectUri: `${origin}/auth/callback`, serverPostLogoutRedirectUri: `${origin}/`, apiResource: `${origin}/api` });
    cleanups.push(() => idp.close());
    const config = {
      databaseUrl: apiUrl.toString(),
      migrationDatabaseUrl: postgres.url,
      listen: { host: '127.0.0.1', port },
      tls: { cert: certs.certFile, key: certs.keyFile },
      shutdownGraceSeconds: 5,
      oidc: { issuer: idp.issuer, clientId: idp.serverClient.clientId, clientSecret: idp.serverClient.clientSecret, redirectUri: `${origin}/auth/callback`, apiAudience: idp.apiResource },
    };
    const child = await startBenchServerProcess({ config, now: NOW, bundle, migrations: PG_MIGRATIONS, logFile: path.join(dir, `server-${servers.length}.log`), cpuProfDir: args['cpu-prof'] });
    cleanups.push(() => child.stop());
    const users = {} as Record<Role, Client>;
    for (const role of ['coordinator', 'prosecutor', 'clerk', 'reviewer'] as const) users[role] = new Client(origin, certs.caCert, await desktopToken(idp, TEST_USERS[role] as TestUser));
    servers.push({ name: servers.length === 0 ? 'build' : 'baseline', pid: child.pid, users });
  }

  const reads = await chooseReads(servers[0]!.users);
  if (args.explain) await explainMetricQueries(owner);
  const only = args.only ?? [];
  if (args.save) fs.mkdirSync(args.save, { recursive: true });
  console.log(`up to ${RUNS} timed rounds per read, one call at a time${servers.length > 1 ? ', the build and the baseline taking turns' : ''}; CPU per call: server process (node) and PostgreSQL (all backends)`);
  console.log('read'.padEnd(34), 'server'.padEnd(9), 'calls'.padStart(6), 'p50 ms'.padStart(8), 'srv CPU ms'.padStart(11), 'pg CPU ms'.padStart(10), 'bytes'.padStart(9), '  answers hash');
  for (const read of reads) {
    if (only.length > 0 && !only.some((o) => read.name.includes(o))) continue;
    const figures = servers.map(() => ({ times: [] as number[], serverCpu: 0, pgCpu: 0, text: '' }));
    for (const [i, server] of servers.entries()) {
      const user = server.users[read.role];
      const answers: unknown[] = [];
      for (const { operation, input } of read.inputs) answers.push(await user.call(operation, input));
      for (let j = 0; j < 2; j++) for (const { operation, input } of read.inputs) await user.call(operation, input);
      figures[i]!.text = JSON.stringify(answers);
      if (args.save && i === 0) fs.writeFileSync(path.join(args.save, `${read.name.replace(/[^a-z0-9.-]+/gi, '_')}.json`), JSON.stringify(answers, null, 1));
    }
    // A read of many inputs (metrics.cases: every drill) in fewer rounds: about RUNS x 5 calls at most.
    const rounds = Math.min(RUNS, Math.max(2, Math.ceil((RUNS * 5) / read.inputs.length)));
    for (let round = 0; round < rounds; round++) {
      for (const { operation, input } of read.inputs) {
        for (const [i, server] of servers.entries()) {
          const f = figures[i]!;
          const cpu0 = [procCpuMs(server.pid), pgCpuMs(postmaster)];
          const started = performance.now();
          await server.users[read.role].call(operation, input);
          f.times.push(performance.now() - started);
          f.serverCpu += procCpuMs(server.pid) - cpu0[0]!;
          f.pgCpu += pgCpuMs(postmaster) - cpu0[1]!;
        }
      }
    }
    const calls = rounds * read.inputs.length;
    for (const [i, server] of servers.entries()) {
      const f = figures[i]!;
      const same = i === 0 ? '' : f.text === figures[0]!.text ? ' (the same answers)' : ' (DIFFERENT answers)';
      console.log(
        (i === 0 ? read.name : '').padEnd(34),
        server.name.padEnd(9),
        String(calls).padStart(6),
        percentile(f.times, 0.5).toFixed(1).padStart(8),
        (f.serverCpu / calls).toFixed(1).padStart(11),
        (f.pgCpu / calls).toFixed(1).padStart(10),
        String(Math.round(Buffer.byteLength(f.text) / read.inputs.length)).padStart(9),
        `  ${createHash('sha256').update(f.text).digest('hex').slice(0, 16)}${same}`,
      );
    }
  }
  console.log(`load average now ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`);
}

/** The reads of bench:server's mix, with the inputs its simulated users send. */
async function chooseReads(users: Record<Role, Client>): Promise<Read[]> {
  const year = { from: '2026-01-01', to: AS_OF };
  const quarter = { from: addDays(AS_OF, -90), to: AS_OF };
  const drillsOf = async (filters: object) => {
    const drills: string[] = [];
    collectDrills(await users.reviewer.call('metrics.dashboard', filters), drills);
    return [...new Set(drills)].map((drill) => ({ operation: 'metrics.cases', input: { drill, filters, offset: 0, limit: 100 } }));
  };
  const week = (await users.clerk.call('sessions.week', { weekStart: AS_OF })) as { locations: { rooms: { sessions: { id: number; cases: unknown[] }[] }[] }[] };
  const sessions = week.locations.flatMap((l) => l.rooms.flatMap((r) => r.sessions)).filter((s) => s.cases.length > 0);
  return [
    { name: 'metrics.dashboard (year)', role: 'reviewer', inputs: [{ operation: 'metrics.dashboard', input: year }] },
    { name: 'metrics.dashboard (90 days)', role: 'reviewer', inputs: [{ operation: 'metrics.dashboard', input: quarter }] },
    { name: 'metrics.cases (year, every drill)', role: 'reviewer', inputs: await drillsOf(year) },
    { name: 'metrics.cases (90 d, every drill)', role: 'reviewer', inputs: await drillsOf(quarter) },
    { name: 'queue.list (planning, ready)', role: 'coordinator', inputs: [{ operation: 'queue.list', input: { stage: 'planning', readiness: 'ready', offset: 0, limit: 50 } }] },
    { name: 'queue.list (intake)', role: 'prosecutor', inputs: [{ operation: 'queue.list', input: { stage: 'intake', offset: 0, limit: 50 } }] },
    { name: 'sessions.week (4 weeks)', role: 'coordinator', inputs: [0, 7, 14, 21, -7].map((d) => ({ operation: 'sessions.week', input: { weekStart: addDays(AS_OF, d) } })) },
    { name: 'outcomes.roll (this week)', role: 'clerk', inputs: sessions.slice(0, 6).map((s) => ({ operation: 'outcomes.roll', input: { sessionId: s.id } })) },
    { name: 'reservations.list (5 weeks)', role: 'prosecutor', inputs: [{ operation: 'reservations.list', input: { from: addDays(AS_OF, 7), to: addDays(AS_OF, 42) } }] },
  ];
}

function collectDrills(value: unknown, into: string[]): void {
  if (Array.isArray(value)) for (const item of value) collectDrills(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string' && /^drill/i.test(key)) into.push(item);
      else collectDrills(item, into);
    }
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of the dashboard's queries, through the bundle's own SQL (the owner bypasses RLS: plans only). */
async function explainMetricQueries(owner: pg.Pool): Promise<void> {
  const { queryParams } = await import('../../server/services/metrics/metric-sql');
  const queries = await import('../../server/services/metrics/metric-queries');
  const p = queryParams({}, '2026-01-01', AS_OF);
  const explaining = {
    query: async (text: string, params?: unknown[]) => {
      const plan = await owner.query(`explain (analyze, buffers, costs off) ${text}`, params);
      console.log(`\n--- ${text.replace(/\s+/g, ' ').slice(0, 110)}\n${plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}`);
      return await owner.query(text, params);
    },
  };
  const db = { $client: explaining } as never;
  for (const [name, fetch] of Object.entries(queries)) {
    if (!name.startsWith('fetch') || name === 'fetchSlotHearings') continue;
    console.log(`\n===== ${name}`);
    await (fetch as (db: never, p: unknown) => Promise<unknown>)(db, p);
  }
}

// ---------------------------------------------------------------------------------------------------

async function desktopToken(idp: { issuer: string; desktopClient: { clientId: string }; apiResource: string }, user: TestUser): Promise<string> {
  let browsing: Promise<unknown> = Promise.resolve();
  const tokens = await signInFromDesktop({
    issuer: idp.issuer,
    clientId: idp.desktopClient.clientId,
    resource: idp.apiResource,
    openBrowser: (url) => {
      const browser = new TestBrowser();
      browsing = browser.follow(url).then((page) => browser.logIn(page, user));
      return browsing.then(() => undefined);
    },
  });
  await browsing;
  return tokens.accessToken;
}

class Client {
  private readonly agent: https.Agent;

  constructor(
    private readonly origin: string,
    ca: string,
    private readonly token: string,
  ) {
    this.agent = new https.Agent({ keepAlive: true, maxSockets: 1, ca });
  }

  /** POST /api/<operation>: the answer's value; anything not ok throws. */
  async call(operation: string, input: unknown): Promise<unknown> {
    const body = JSON.stringify(input);
    const envelope = await new Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>((resolve, reject) => {
      const req = https.request(
        `${this.origin}/api/${operation}`,
        { method: 'POST', agent: this.agent, headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
            } catch (error) {
              reject(new Error(`${operation}: HTTP ${res.statusCode}, no envelope (${String(error)})`));
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    if (!envelope.ok) throw new Error(`${operation} ${JSON.stringify(input)}: ${envelope.error?.code} ${envelope.error?.message}`);
    return envelope.value;
  }
}

/** utime + stime of a process, ms (fields 14 and 15 of /proc/<pid>/stat, after the command in parentheses). */
function procCpuMs(pid: number, withChildren = false): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]) + (withChildren ? Number(fields[13]) + Number(fields[14]) : 0);
  return ticks * TICK_MS;
}

/** PostgreSQL's CPU: the postmaster's ended children (cutime, cstime) and the live ones. */
function pgCpuMs(postmaster: number): number {
  let total = procCpuMs(postmaster, true) - procCpuMs(postmaster);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === postmaster) total += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    } catch {
      // ended meanwhile
    }
  }
  return total;
}

async function postmasterPid(owner: pg.Pool): Promise<number> {
  const { rows } = await owner.query<{ pid: number }>('select pg_backend_pid() as pid');
  const stat = fs.readFileSync(`/proc/${rows[0]!.pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

function percentile(values: number[], p: number): number {
  const list = [...values].sort((a, b) => a - b);
  return list[Math.min(list.length - 1, Math.max(0, Math.ceil(list.length * p) - 1))] ?? NaN;
}



try {
  await main();
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
  fs.rmSync(dir, { recursive: true, force: true });
}
