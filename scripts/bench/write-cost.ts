// The cost of one single-case write on the district server, each alone (issue 13, item 9): the server in its
// own process (scripts/bench/server-bench-process.ts) on a real PostgreSQL holding the demo district of
// bench:server, one signed-in desktop per role, each write run N times one after the other over HTTPS with an
// Idempotency-Key as the desktop sends it. Per operation: the median answer time, the server process's CPU
// time per operation (/proc, user + system), and the statements PostgreSQL received for one run
// (log_statement = all, counted from the server's log: round trips; BEGIN = transactions).
//   npx tsx scripts/bench/write-cost.ts [--runs N] [--cpu-prof DIR] [--statements DIR]
//   --statements DIR  writes each operation's statements of its counted run to DIR/<operation>.sql
//   KETENPLANNER_WIRING_BUNDLE  the server bundle (default dist/server/district-wiring.mjs); a build outside the
//     repository needs the repository's node_modules next to it or above it (a symlink) for its external packages
import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
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

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '30' }, 'cpu-prof': { type: 'string' }, statements: { type: 'string' } } });
const RUNS = Number(args.runs);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const WIRING_BUNDLE = path.resolve(process.env['KETENPLANNER_WIRING_BUNDLE'] ?? path.join(ROOT, 'dist', 'server', 'district-wiring.mjs'));
const PG_MIGRATIONS = path.join(ROOT, 'db', 'pg-migrations');
const AS_OF = '2026-06-15';
const DEMO = { seed: 5, casesPerYear: 2800, asOf: AS_OF };
const NOW = demoNow(DEMO);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

if (!fs.existsSync(WIRING_BUNDLE)) {
  if (process.env['KETENPLANNER_WIRING_BUNDLE']) throw new Error(`KETENPLANNER_WIRING_BUNDLE=${WIRING_BUNDLE} does not exist`);
  console.log('building dist/server/district-wiring.mjs ...');
  execFileSync('npx', ['vite', 'build', '--config', 'vite.server.config.ts'], { cwd: ROOT, stdio: 'inherit' });
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-write-cost-'));
const cleanups: (() => Promise<unknown>)[] = [];
const NO_SUBJECT = Symbol('no subject left');

interface Envelope {
  ok: boolean;
  value?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the bench reads a few fields of many shapes
  error?: { code: string; message: string };
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

  async call(operation: string, input: unknown, write = false): Promise<{ envelope: Envelope; ms: number }> {
    const body = JSON.stringify(input);
    const headers: Record<string, string | number> = { authorization: `Bearer ${this.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    if (write) headers['Idempotency-Key'] = randomUUID();
    const started = performance.now();
    const envelope = await new Promise<Envelope>((resolve, reject) => {
      const req = https.request(`${this.origin}/api/${operation}`, { method: 'POST', agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Envelope));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
    return { envelope, ms: performance.now() - started };
  }

  close(): void {
    this.agent.destroy();
  }
}

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

/** CPU time (user + system, ms) of a process so far, from /proc. */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}

async function main(): Promise<void> {
  console.log(`load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')} on ${os.cpus().length} cores; ${RUNS} runs per write; bundle ${WIRING_BUNDLE}`);
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
  const setupClient = await owner.connect();
  try {
    await copySqliteToPostgres(districtFile, setupClient);
    await setupClient.query('analyze');
  } finally {
    setupClient.release();
  }
  // PostgreSQL's own log (pg_ctl -l, next to its data folder) receives every statement while counting.
  const dataDirectory = (await owner.query<{ data_directory: string }>('show data_directory')).rows[0]!.data_directory;
  const pgLog = path.join(path.dirname(dataDirectory), 'server.log');
  await owner.query(`alter system set log_line_prefix = '%u|'`);
  const logStatements = async (on: boolean) => {
    await owner.query(`alter system set log_statement = '${on ? 'all' : 'none'}'`);
    await owner.query('select pg_reload_conf()');
    await new Promise((resolve) => setTimeout(resolve, 150));
  };

  const certs = makeTestCertificates(dir);
  const port = await freePort();
  const origin = `https://127.0.0.1:${port}`;
  const idp = await startTestIdentityProvider({ serverRedirectUri: `${origin}/auth/callback`, serverPostLogoutRedirectUri: `${origin}/`, apiResource: `${origin}/api` });
  cleanups.push(() => idp.close());
  const apiUrl = new URL(postgres.url);
  apiUrl.username = 'ketenplanner_api';
  const config = {
    databaseUrl: apiUrl.toString(),
    migrationDatabaseUrl: postgres.url,
    listen: { host: '127.0.0.1', port },
    tls: { cert: certs.certFile, key: certs.keyFile },
    shutdownGraceSeconds: 5,
    oidc: { issuer: idp.issuer, clientId: idp.serverClient.clientId, clientSecret: idp.serverClient.clientSecret, redirectUri: `${origin}/auth/callback`, apiAudience: idp.apiResource },
  };
  const server = await startBenchServerProcess({ config, now: NOW, bundle: WIRING_BUNDLE, migrations: PG_MIGRATIONS, logFile: path.join(dir, 'server.log'), cpuProfDir: args['cpu-prof'] });
  cleanups.push(() => server.stop());
  const prosecutor = new Client(origin, certs.caCert, await desktopToken(idp, TEST_USERS.prosecutor));
  const coordinator = new Client(origin, certs.caCert, await desktopToken(idp, TEST_USERS.coordinator));
  const clerk = new Client(origin, certs.caCert, await desktopToken(idp, TEST_USERS.clerk));
  cleanups.push(async () => [prosecutor, coordinator, clerk].forEach((c) => c.close()));

  // Warm up the server (JIT, pooled connections, caches) with every write once, untimed.
  let intake = 0;
  const createInput = () => {
    const n = ++intake;
    return {
      parketnummer: `19/8${String(n).padStart(5, '0')}-26`,
      suspect: { fullName: `W. Cost-${n}`, dateOfBirth: '1994-05-06', summonsAddress: 'Postbus 1, Hanzestad', lawyerName: null },
      modality: 'zsm',
      policeUnit: 'Basisteam Noord',
      offenceSummary: 'Winkeldiefstal',
      offenceAt: `${AS_OF}T07:40:00+02:00`,
      arrestedAt: `${AS_OF}T08:05:00+02:00`,
      shortTermConsent: true,
    };
  };
  const must = (label: string, envelope: Envelope): any => { // eslint-disable-line @typescript-eslint/no-explicit-any -- see Envelope
    if (!envelope.ok) throw new Error(`${label}: ${envelope.error?.code} ${envelope.error?.message}`);
    return envelope.value;
  };

  // The writes, each given a fresh subject by untimed preparation through the API (or the owner's SQL).
  type Write = { name: string; client: Client; prepare: () => Promise<unknown>; input: (prepared: any) => unknown }; // eslint-disable-line @typescript-eslint/no-explicit-any -- prepared shapes vary
  // The demo records the outcome of nearly every hearing held: move planned hearings of coming sessions onto
  // last week's latest session (owner's SQL, untimed), as if they had been held there and still await their outcome.
  const pastHearings: number[] = (
    await owner.query<{ id: number }>(
      `update hearing set session_id = (select id from court_session where status = 'scheduled' and date < $1 order by date desc, id desc limit 1)
        where id in (select h.id from hearing h join court_session s on s.id = h.session_id join criminal_case c on c.id = h.case_id
                      where h.status = 'planned' and c.status = 'planned' and s.date > $1 order by s.date, h.id limit $2)
        returning id`,
      [AS_OF, RUNS + 4],
    )
  ).rows.map((r) => r.id).sort((a, b) => a - b);
  console.log(`${pastHearings.length} hearings held without an outcome for outcomes.record`);
  const ownReservations: number[] = [];
  const writes: Write[] = [
    { name: 'cases.create', client: prosecutor, prepare: async () => null, input: () => createInput() },
    {
      name: 'zsm.decide',
      client: prosecutor,
      prepare: async () => {
        const { id } = must('cases.create', (await prosecutor.call('cases.create', createInput(), true)).envelope) as { id: number };
        return must('cases.get', (await prosecutor.call('cases.get', { id })).envelope) as { id: number; version: number };
      },
      input: (created: { id: number; version: number }) => ({ caseId: created.id, outcome: 'summons_snelrecht', otherRoute: null, prosecutorName: 'mr. P. Jansen', reason: 'Beslist (write-cost)', expectedVersion: created.version }),
    },
    {
      name: 'planner.place',
      client: coordinator,
      prepare: async () => {
        const queue = must('queue.list', (await coordinator.call('queue.list', { stage: 'planning', readiness: 'ready', offset: 0, limit: 50 })).envelope) as { rows: { id: number; version: number }[] };
        for (const row of queue.rows) {
          const candidates = must('planner.candidates', (await coordinator.call('planner.candidates', { caseId: row.id, from: addDays(AS_OF, 1), to: addDays(AS_OF, 70) })).envelope) as { sessionId: number; free: number; breaches: string[] }[];
          const target = candidates.find((c) => c.free > 0 && c.breaches.length === 0);
          if (target) return { ...row, sessionId: target.sessionId };
        }
        throw new Error('planner.place: no ready case with a free session without breaches');
      },
      input: (p: { id: number; version: number; sessionId: number }) => ({ caseId: p.id, sessionId: p.sessionId, pin: false, reason: 'Ingepland (write-cost)', confirmBreach: false, expectedVersion: p.version }),
    },
    {
      name: 'reservations.reserve',
      client: prosecutor,
      prepare: async () => {
        const overview = must('reservations.list', (await prosecutor.call('reservations.list', { from: addDays(AS_OF, 7), to: addDays(AS_OF, 42) })).envelope) as { sessions: { sessionId: number; free: number; reservableModalities: string[] }[] };
        const open = overview.sessions.filter((s) => s.free > 0 && s.reservableModalities.length > 0);
        const session = open[intake++ % open.length];
        if (!session) throw new Error('reservations.reserve: no session with a free slot');
        return session;
      },
      input: (s: { sessionId: number; reservableModalities: string[] }) => ({ sessionId: s.sessionId, modality: s.reservableModalities[0], slots: 1, note: 'write-cost' }),
    },
    {
      name: 'reservations.release',
      client: prosecutor,
      prepare: async () => {
        const id = ownReservations.shift();
        if (id === undefined) throw new Error('reservations.release: no reservation of the bench left');
        const version = (await owner.query<{ version: number }>('select version from reservation where id = $1', [id])).rows[0]!.version;
        return { id, version };
      },
      input: (r: { id: number; version: number }) => ({ reservationId: r.id, reason: 'Niet meer nodig (write-cost)', expectedVersion: r.version }),
    },
    {
      name: 'outcomes.record',
      client: clerk,
      prepare: async () => {
        const id = pastHearings.shift();
        if (id === undefined) throw new Error('outcomes.record: no past hearing without an outcome left');
        return id;
      },
      input: (hearingId: number) => ({
        hearingId,
        outcome: 'decided',
        suspectPresent: true,
        decidedBy: 'mr. A. de Boer',
        verdict: 'guilty_no_punishment',
        sanctions: [],
        conditions: null,
        signals: { fitForCommunityService: 'unknown', fitForDetention: 'unknown', paymentArrangement: 'unknown', problematicDebts: 'unknown', note: null },
        note: null,
      }),
    },
  ];
  const once = async (write: Write, input: unknown) => {
    const { envelope, ms } = await write.client.call(write.name, input, true);
    const value = must(write.name, envelope);
    if (write.name === 'reservations.reserve') ownReservations.push((value as { id: number }).id);
    return ms;
  };
  for (const write of writes) for (let i = 0; i < 3; i++) await once(write, write.input(await write.prepare()));

  console.log('');
  console.log('operation'.padEnd(22), 'runs'.padStart(5), 'p50 ms'.padStart(8), 'min ms'.padStart(8), 'server CPU ms/op'.padStart(17), 'statements'.padStart(11), 'transactions'.padStart(13));
  for (const write of writes) {
    // One run with every statement logged: the round trips of one operation (the api role's statements only).
    const input = write.input(await write.prepare());
    await logStatements(true);
    const before = fs.statSync(pgLog).size;
    await once(write, input);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await logStatements(false);
    const logged = fs.readFileSync(pgLog).subarray(before).toString('utf8');
    const statements = logged.split('\n').filter((line) => /^ketenplanner_api\|LOG: {2}(statement|execute [^:]*):/.test(line)).map((line) => line.replace(/^ketenplanner_api\|LOG: {2}/, ''));
    const transactions = statements.filter((s) => /^(statement|execute [^:]*): BEGIN/i.test(s)).length;
    if (args.statements) {
      fs.mkdirSync(args.statements, { recursive: true });
      fs.writeFileSync(path.join(args.statements, `${write.name}.sql`), statements.join('\n') + '\n');
    }
    const times: number[] = [];
    let cpu = 0;
    const runs = write.name === 'outcomes.record' ? Math.min(RUNS, pastHearings.length) : RUNS;
    for (let i = 0; i < runs; i++) {
      // The demo runs out of subjects for some writes (ready cases with a free session): fewer runs then.
      const prepared = await write.prepare().catch((error: unknown) => {
        console.log(`  (${write.name}: ${times.length} runs, then ${String(error)})`);
        return NO_SUBJECT;
      });
      if (prepared === NO_SUBJECT) break;
      const next = write.input(prepared);
      const cpuBefore = cpuMs(server.pid);
      times.push(await once(write, next));
      cpu += cpuMs(server.pid) - cpuBefore;
    }
    times.sort((a, b) => a - b);
    console.log(
      write.name.padEnd(22),
      String(times.length).padStart(5),
      times[Math.floor((times.length - 1) / 2)]!.toFixed(1).padStart(8),
      times[0]!.toFixed(1).padStart(8),
      (cpu / times.length).toFixed(1).padStart(17),
      String(statements.length).padStart(11),
      String(transactions).padStart(13),
    );
  }
  console.log('(server CPU: /proc ticks of 10 ms around each answer, averaged; statements and transactions: one run, as PostgreSQL logged them)');
}


try {
  await main();
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
  fs.rmSync(dir, { recursive: true, force: true });
}
