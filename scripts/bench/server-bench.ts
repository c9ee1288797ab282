// npm run bench:server — the district server under a working day's load (issue 13, item 9): simulated
// coordinators, prosecutors, clerks and reviewers, each with their own desktop token and HTTPS connection,
// against a real server (dist/server/district-wiring.mjs, or KETENPLANNER_WIRING_BUNDLE) on a real PostgreSQL holding a demo district.
// Then the race for the last free slot: 20 prosecutors reserve it at the same moment.
// Every figure next to baselines measured in the same run: `district.get` over the same HTTPS stack,
// and a bare `select 1` as ketenplanner_api through a pool of the server's size.
//   --seconds N   load duration (default 60)      --users N   simulated users (default 50)
//   --think-ms N  mean pause between a user's requests (default 1000)
//   --cpu-prof DIR  the server process writes a V8 CPU profile (.cpuprofile) into DIR when it stops
// The server runs in its own process (scripts/bench/server-bench-process.ts), as `ketenplanner server` does;
// this process holds PostgreSQL's owner connection, the identity provider and the simulated desktops.
import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { signInFromDesktop } from '../../server/auth/desktop-sign-in';
import { isOperationName } from '../../shared/api/contract';
import { isWriteOperation } from '../../shared/api/operation-kinds';
import { applyPgMigrations } from '../../server/district-server/pg-migrations';
import { copySqliteToPostgres } from '../../server/pg/copy-sqlite-to-postgres';
import { SLOT_OCCUPYING_SQL } from '../../server/services/sessions/session-occupancy';
import { toAmsterdamLocal } from '../../shared/calendar/amsterdam-time';
import { demoNow } from '../../test/support/demo-database';
import { startPostgres } from '../../test/support/postgres-server';
import { makeTestCertificates } from '../../test/support/test-ca';
import { TestBrowser } from '../../test/support/test-browser';
import { startTestIdentityProvider, TEST_USERS, type TestUser } from '../../test/support/test-identity-provider';
import { freePort } from '../../test/support/trusting-fetch';
import { startBenchServerProcess } from './bench-server-process';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    users: { type: 'string', default: '50' },
    'think-ms': { type: 'string', default: '1000' },
    'cpu-prof': { type: 'string' },
  },
});
const SECONDS = Number(args.seconds);
const USERS = Number(args.users);
const THINK_MS = Number(args['think-ms']);
const RACERS = 20;
const SINGLE_CASE_TARGET_MS = 100;
const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The server's operations: dist/server/district-wiring.mjs, or another build named by KETENPLANNER_WIRING_BUNDLE. */
const WIRING_BUNDLE = path.resolve(process.env['KETENPLANNER_WIRING_BUNDLE'] ?? path.join(ROOT, 'dist', 'server', 'district-wiring.mjs'));
const PG_MIGRATIONS = path.join(ROOT, 'db', 'pg-migrations');
const AS_OF = '2026-06-15';
const DEMO = { seed: 5, casesPerYear: 2800, asOf: AS_OF };
/**
 * The server's clock stands still at the demo's own moment, 10:00 in Amsterdam on its 'today' (a Monday):
 * the moment build-demo-file.ts writes the district at, so no row of the demo lies after the server's 'now'.
 */
const NOW = demoNow(DEMO);
const NOW_LOCAL = toAmsterdamLocal(NOW.getTime());
const NOW_TIME = `${String(NOW_LOCAL.hour).padStart(2, '0')}:${String(NOW_LOCAL.minute).padStart(2, '0')}`;
/** Operations on one case or one reservation: the p95 target applies to these. */
const SINGLE_CASE = new Set(['cases.create', 'cases.get', 'zsm.decide', 'planner.candidates', 'planner.place', 'reservations.reserve', 'reservations.release', 'outcomes.record']);

type Role = 'coordinator' | 'prosecutor' | 'clerk' | 'reviewer';
/** The mix of a district's working day: a few coordinators, most of the OM, the clerks at the hearings, the review. */
const MIX: [Role, number][] = [
  ['prosecutor', 0.4],
  ['coordinator', 0.2],
  ['clerk', 0.2],
  ['reviewer', 0.2],
];

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(Math.random() * list.length)];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let thinkMs = THINK_MS;
const think = () => sleep(thinkMs * (0.5 + Math.random()));

if (!fs.existsSync(WIRING_BUNDLE)) {
  if (process.env['KETENPLANNER_WIRING_BUNDLE']) throw new Error(`KETENPLANNER_WIRING_BUNDLE=${WIRING_BUNDLE} does not exist`);
  console.log('building dist/server/district-wiring.mjs ...');
  execFileSync('npx', ['vite', 'build', '--config', 'vite.server.config.ts'], { cwd: ROOT, stdio: 'inherit' });
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-bench-server-'));
const cleanups: (() => Promise<unknown>)[] = [];

async function main(): Promise<void> {
  console.log(`load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')} on ${os.cpus().length} cores; ${USERS} users for ${SECONDS} s, think time ~${THINK_MS} ms`);
  let started = performance.now();
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
  const counts = (await owner.query<Record<string, number>>('select (select count(*)::int from criminal_case) as cases, (select count(*)::int from court_session) as sessions, (select count(*)::int from hearing) as hearings, (select count(*)::int from audit_event) as events')).rows[0]!;
  console.log(`district (demo seed ${DEMO.seed}, ${DEMO.casesPerYear} cases a year, as of ${AS_OF}): ${Object.entries(counts).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}; ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const certs = makeTestCertificates(dir);
  const port = await freePort();
  const origin = `https://127.0.0.1:${port}`;
  const idp = await startTestIdentityProvider({ serverRedirectUri: `${origin}/auth/callback`, serverPostLogoutRedirectUri: `${origin}/`, apiResource: `${origin}/api` });
  cleanups.push(() => idp.close());
  // The API connects as the district server does: ketenplanner_api, without BYPASSRLS.
  const apiUrl = new URL(postgres.url);
  apiUrl.username = 'ketenplanner_api';
  const errorLog: string[] = [];
  const retries = { count: 0, attempts: new Map<number, number>() };
  const config = {
    databaseUrl: apiUrl.toString(),
    migrationDatabaseUrl: postgres.url,
    listen: { host: '127.0.0.1', port },
    tls: { cert: certs.certFile, key: certs.keyFile },
    shutdownGraceSeconds: 5,
    oidc: { issuer: idp.issuer, clientId: idp.serverClient.clientId, clientSecret: idp.serverClient.clientSecret, redirectUri: `${origin}/auth/callback`, apiAudience: idp.apiResource },
  };
  // The server in its own process, as `ketenplanner server` runs: the load generator's TLS clients and the
  // identity provider (this process) do not share its event loop. Its log (stdout) goes to a file, as to
  // a journal, never waiting for this busy process to read a pipe; read after the load: only the error
  // lines are kept (to show with the errors) and the retries counted.
  const server = await startBenchServerProcess({ config, now: NOW, bundle: WIRING_BUNDLE, migrations: PG_MIGRATIONS, logFile: path.join(dir, 'server.log'), cpuProfDir: args['cpu-prof'] });
  const onLog = (line: string) => {
    if (/"level":(50|60)/.test(line)) errorLog.push(line);
    if (line.includes('transaction retried')) {
      retries.count++;
      const attempt = Number(/"attempt":(\d+)/.exec(line)?.[1] ?? 0);
      retries.attempts.set(attempt, (retries.attempts.get(attempt) ?? 0) + 1);
    }
  };
  cleanups.push(() => server.stop());
  // The bare round trip to PostgreSQL as the server connects (ketenplanner_api), through a pool of the server's size in this process.
  const serverPool = new pg.Pool({ connectionString: config.databaseUrl, max: 20 });
  serverPool.on('error', () => undefined);
  cleanups.push(() => serverPool.end());

  // Each simulated user signs in as a desktop does (RFC 8252 loopback, the IdP's login form) and keeps its token and connection.
  started = performance.now();
  const roles = assignRoles(USERS);
  const racerCount = Math.max(RACERS, roles.filter((r) => r === 'prosecutor').length);
  const users: Client[] = [];
  for (let i = 0; i < roles.length; i += 10) {
    users.push(...(await Promise.all(roles.slice(i, i + 10).map(async (role) => new Client(origin, certs.caCert, role, await desktopToken(idp, USER_OF[role]))))));
  }
  const extraRacers: Client[] = [];
  for (let i = users.filter((u) => u.role === 'prosecutor').length; i < racerCount; i++) extraRacers.push(new Client(origin, certs.caCert, 'prosecutor', await desktopToken(idp, TEST_USERS.prosecutor)));
  const probe = new Client(origin, certs.caCert, 'reviewer', await desktopToken(idp, TEST_USERS.reviewer));
  console.log(`signed in ${users.length + extraRacers.length + 1} desktops through the test identity provider in ${((performance.now() - started) / 1000).toFixed(1)} s: ${countBy(roles)}`);

  const stats = new Stats();
  const pool = serverPool;
  // First each operation alone (one user at a time, no pauses), and the bare round trips with nothing else running.
  const alone = new Stats();
  for (let i = 0; i < 30; i++) {
    await probe.call('district.get', {}, alone);
    await selectOne(pool, alone);
  }
  thinkMs = 0;
  for (const [role] of MIX) {
    const user = users.find((u) => u.role === role);
    // Every kind of work of the role in turn (the choices split at 0.25, 0.5 and 0.85).
    for (let i = 0; user && i < 12; i++) await TASKS[role](user, alone, [0.1, 0.4, 0.7, 0.9][i % 4]).catch((error: unknown) => alone.error('(task)', 'CLIENT', String(error)));
  }
  thinkMs = THINK_MS;

  await chooseRaceSession(users.find((u) => u.role === 'prosecutor') ?? extraRacers[0]!);
  // The load.
  let running = true;
  const deadline = performance.now() + SECONDS * 1000;
  const loops = users.map(async (user, index) => {
    await sleep((index / users.length) * Math.min(THINK_MS, 2000));
    while (running && performance.now() < deadline) {
      await TASKS[user.role](user, stats).catch((error: unknown) => stats.error('(task)', 'CLIENT', String(error)));
      await think();
    }
  });
  const probing = (async () => {
    while (performance.now() < deadline) {
      await probe.call('district.get', {}, stats);
      await selectOne(pool, stats);
      await sleep(200);
    }
  })();
  const loadStart = performance.now();
  await Promise.all([...loops, probing]);
  running = false;
  const elapsed = (performance.now() - loadStart) / 1000;

  printLoad(stats, alone, elapsed, users.length);
  server.readLog(onLog);
  const byAttempt = [...retries.attempts].sort((a, b) => a[0] - b[0]).map(([attempt, n]) => `${n} after attempt ${attempt}`).join(', ');
  console.log(`transactions retried by the server (40001/40P01, server/pg/, at most 25 attempts): ${retries.count}${byAttempt ? ` (${byAttempt})` : ''}`);
  const retriedBefore = retries.count;
  const race = await lastSlotRace(owner, [...users.filter((u) => u.role === 'prosecutor'), ...extraRacers].slice(0, RACERS));
  server.readLog(onLog);
  console.log(`  transactions retried by the server during the race: ${retries.count - retriedBefore}`);
  for (const client of [...users, ...extraRacers, probe]) client.close();

  const errors = stats.errorCount() + alone.errorCount();
  const missed = [...stats.latencies].filter(([op, times]) => SINGLE_CASE.has(op) && percentile(times, 0.95) > SINGLE_CASE_TARGET_MS).map(([op]) => op);
  if (errorLog.length > 0) console.log(`\nserver error log (${errorLog.length} lines, first 5):\n${errorLog.slice(0, 5).join('\n')}`);
  console.log('');
  console.log(`errors: ${errors} (target 0): ${errors === 0 ? 'met' : 'NOT met'}`);
  console.log(`single-case p95 <= ${SINGLE_CASE_TARGET_MS} ms: ${missed.length === 0 ? 'met' : `NOT met (${missed.join(', ')})`}`);
  console.log(`last-slot race: ${race ? 'exactly one winner, the others refused, the database agrees' : 'FAILED'}`);
  if (errors > 0 || missed.length > 0 || !race) process.exitCode = 1;
}

// ---------------------------------------------------------------------------------------------------
// Users and their work.

const USER_OF: Record<Role, TestUser> = { coordinator: TEST_USERS.coordinator, prosecutor: TEST_USERS.prosecutor, clerk: TEST_USERS.clerk, reviewer: TEST_USERS.reviewer };

function assignRoles(n: number): Role[] {
  const roles: Role[] = [];
  for (const [role, share] of MIX) for (let i = 0; i < Math.round(n * share); i++) roles.push(role);
  while (roles.length < n) roles.push('prosecutor');
  return roles.slice(0, n);
}

/** A desktop's sign-in: the system browser is a TestBrowser that logs in on the IdP's form and follows to the loopback listener. */
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

interface Envelope {
  ok: boolean;
  value?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the bench reads a few fields of many shapes
  error?: { code: string; message: string };
}

/** One desktop: its bearer token and its own keep-alive HTTPS connection, as the connected app uses them. */
class Client {
  private readonly agent: https.Agent;

  constructor(
    private readonly origin: string,
    private readonly ca: string,
    readonly role: Role,
    private readonly token: string,
  ) {
    this.agent = new https.Agent({ keepAlive: true, maxSockets: 1, ca });
  }

  /** POST /api/<operation>; a CONFLICT is a refusal the person reads, anything else not ok is an error. */
  async call(operation: string, input: unknown, stats: Stats): Promise<Envelope> {
    const body = JSON.stringify(input);
    const headers: Record<string, string | number> = { authorization: `Bearer ${this.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    // A write carries a request id, as the desktop sends every write (renderer/src/api/transports.ts).
    if (isOperationName(operation) && isWriteOperation(operation)) headers['Idempotency-Key'] = randomUUID();
    const started = performance.now();
    const envelope = await new Promise<Envelope>((resolve, reject) => {
      const req = https.request(
        `${this.origin}/api/${operation}`,
        { method: 'POST', agent: this.agent, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Envelope);
            } catch {
              resolve({ ok: false, error: { code: `HTTP ${res.statusCode}`, message: 'no envelope' } });
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    }).catch((error: unknown): Envelope => ({ ok: false, error: { code: 'NETWORK', message: String(error) } }));
    const ms = performance.now() - started;
    stats.answered(operation, ms);
    if (envelope.ok) stats.ok(operation, ms);
    else if (envelope.error?.code === 'CONFLICT') stats.refusal(operation, envelope.error.message);
    else stats.error(operation, envelope.error?.code ?? '?', envelope.error?.message ?? '');
    return envelope;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** One piece of a person's work; `choice` (0..1) picks which when the role does several kinds. */
type Task = (user: Client, stats: Stats, choice?: number) => Promise<void>;

const TODAY_WEEK = AS_OF;
/** Cases registered by the bench (their parketnummers 19/9NNNNN-26). */
let intakeCount = 0;
const mondayAhead = () => addDays(TODAY_WEEK, 7 * Math.floor(Math.random() * 4));

const TASKS: Record<Role, Task> = {
  /** Reads the week, then plans a waiting case onto a session without breaches, or moves a planned one. */
  async coordinator(user, stats, choice = Math.random()) {
    const week = await user.call('sessions.week', { weekStart: mondayAhead() }, stats);
    if (!week.ok) return;
    await think();
    let caseId: number;
    let version: number;
    let current: number | null = null;
    if (choice < 0.5) {
      const queue = await user.call('queue.list', { stage: 'planning', readiness: 'ready', offset: 0, limit: 50 }, stats);
      const row = pick((queue.value?.rows ?? []) as { id: number; version: number }[]);
      if (!row) return;
      ({ id: caseId, version } = row);
    } else {
      const sessions = (week.value.locations as { rooms: { sessions: { id: number; date: string; cases: { caseId: number; caseVersion: number; status: string; pinned: boolean }[] }[] }[] }[])
        .flatMap((l) => l.rooms.flatMap((r) => r.sessions))
        .filter((s) => s.date > AS_OF);
      const planned = sessions.flatMap((s) => s.cases.filter((c) => c.status === 'planned' && !c.pinned).map((c) => ({ ...c, sessionId: s.id })));
      const chosen = pick(planned);
      if (!chosen) return;
      ({ caseId, caseVersion: version, sessionId: current } = chosen);
    }
    await think();
    const candidates = await user.call('planner.candidates', { caseId, from: addDays(AS_OF, 1), to: addDays(AS_OF, 35) }, stats);
    const target = pick(((candidates.value ?? []) as { sessionId: number; free: number; breaches: string[] }[]).filter((c) => c.free > 0 && c.breaches.length === 0 && c.sessionId !== current && c.sessionId !== raceSessionId).slice(0, 5));
    if (!target) return;
    await think();
    await user.call('planner.place', { caseId, sessionId: target.sessionId, pin: false, reason: current ? 'Verplaatst (bench)' : 'Ingepland (bench)', confirmBreach: false, expectedVersion: version }, stats);
  },

  /**
   * At the ZSM table: registers a suspect the police just brought in and decides at once, or decides a case
   * of the intake queue; else reserves a slot, or releases one of their reservations.
   */
  async prosecutor(user, stats, r = Math.random()) {
    if (r < 0.5) {
      let caseId: number | undefined;
      if (r < 0.25) {
        const n = ++intakeCount;
        const created = await user.call(
          'cases.create',
          {
            parketnummer: `19/9${String(n).padStart(5, '0')}-26`,
            suspect: { fullName: `B. Ench-${n}`, dateOfBirth: '1994-05-06', summonsAddress: 'Postbus 1, Hanzestad', lawyerName: null },
            modality: 'zsm',
            policeUnit: 'Basisteam Noord',
            offenceSummary: 'Winkeldiefstal',
            offenceAt: `${AS_OF}T07:40:00+02:00`,
            arrestedAt: `${AS_OF}T08:05:00+02:00`,
            shortTermConsent: true,
          },
          stats,
        );
        caseId = created.value?.id;
      } else {
        const queue = await user.call('queue.list', { stage: 'intake', offset: 0, limit: 50 }, stats);
        caseId = pick((queue.value?.rows ?? []) as { id: number }[])?.id;
      }
      if (!caseId) return;
      const row = { id: caseId };
      await think();
      const detail = await user.call('cases.get', { id: row.id }, stats);
      if (!detail.ok || detail.value.status !== 'intake') return;
      await think();
      await user.call('zsm.decide', { caseId: row.id, outcome: 'summons_snelrecht', otherRoute: null, prosecutorName: 'mr. P. Jansen', reason: 'Beslist aan de ZSM-tafel (bench)', expectedVersion: detail.value.version }, stats);
      return;
    }
    const overview = await user.call('reservations.list', { from: addDays(AS_OF, 7), to: addDays(AS_OF, 42) }, stats);
    if (!overview.ok) return;
    await think();
    type Session = { sessionId: number; free: number; reservableModalities: string[]; reservations: { id: number; version: number; reservedBy: string; status: string; releaseDueOn: string }[] };
    const sessions = overview.value.sessions as Session[];
    if (r < 0.85) {
      const session = pick(sessions.filter((s) => s.free > 0 && s.reservableModalities.length > 0 && s.sessionId !== raceSessionId));
      if (!session) return;
      await user.call('reservations.reserve', { sessionId: session.sessionId, modality: pick(session.reservableModalities), slots: 1, note: 'Voor de ZSM-instroom (bench)' }, stats);
    } else {
      const own = sessions.flatMap((s) => s.reservations).filter((x) => x.status === 'open' && x.reservedBy === overview.value.actor && x.releaseDueOn > AS_OF);
      const reservation = pick(own);
      if (!reservation) return;
      await user.call('reservations.release', { reservationId: reservation.id, reason: 'Niet meer nodig (bench)', expectedVersion: reservation.version }, stats);
    }
  },

  /** Opens the roll of a session held this week or last, and records an outcome at the hearing. */
  async clerk(user, stats, choice = Math.random()) {
    const weekStart = choice < 0.5 ? TODAY_WEEK : addDays(TODAY_WEEK, -7);
    const week = await user.call('sessions.week', { weekStart }, stats);
    if (!week.ok) return;
    const sessions = (week.value.locations as { rooms: { sessions: { id: number; date: string; startTime: string; status: string; cases: unknown[] }[] }[] }[])
      .flatMap((l) => l.rooms.flatMap((r) => r.sessions))
      // Outcomes are recorded once the hearing has been: sessions before today, or today's that have begun.
      .filter((s) => (s.date < AS_OF || (s.date === AS_OF && s.startTime <= NOW_TIME)) && s.status === 'scheduled' && s.cases.length > 0);
    const session = pick(sessions);
    if (!session) return;
    await think();
    const roll = await user.call('outcomes.roll', { sessionId: session.id }, stats);
    const open = ((roll.value?.entries ?? []) as { hearingId: number; caseId: number; outcome: unknown }[]).filter((e) => e.outcome === null);
    const entry = pick(open) ?? pick((roll.value?.entries ?? []) as { hearingId: number; caseId: number; outcome: unknown }[]);
    if (!entry) return;
    await think();
    await user.call('cases.get', { id: entry.caseId }, stats);
    if (entry.outcome !== null) return;
    await think();
    await user.call(
      'outcomes.record',
      {
        hearingId: entry.hearingId,
        outcome: 'decided',
        suspectPresent: true,
        decidedBy: 'mr. A. de Boer',
        verdict: 'guilty_no_punishment',
        sanctions: [],
        conditions: null,
        signals: { fitForCommunityService: 'unknown', fitForDetention: 'unknown', paymentArrangement: 'unknown', problematicDebts: 'unknown', note: null },
        note: null,
      },
      stats,
    );
  },

  /** Reads the dashboard of the year so far, then the cases behind one of its figures. */
  async reviewer(user, stats, choice = Math.random()) {
    const filters = choice < 0.5 ? { from: '2026-01-01', to: AS_OF } : { from: addDays(AS_OF, -90), to: AS_OF };
    const dashboard = await user.call('metrics.dashboard', filters, stats);
    if (!dashboard.ok) return;
    await think();
    const drills: string[] = [];
    collectDrills(dashboard.value, drills);
    const drill = pick(drills);
    if (drill) await user.call('metrics.cases', { drill, filters, offset: 0, limit: 100 }, stats);
  },
};

function collectDrills(value: unknown, into: string[]): void {
  if (Array.isArray(value)) for (const item of value) collectDrills(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string' && /^drill/i.test(key)) into.push(item);
      else collectDrills(item, into);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// The race for the last free slot.

type RaceSession = { sessionId: number; date: string; capacity: number; booked: number; free: number; reserved: number; reservableModalities: string[]; reservations: { status: string }[] };
const RACE_WINDOW = { from: addDays(AS_OF, 14), to: addDays(AS_OF, 42) };
/** The race's session, chosen before the load and left alone by the simulated users (they skip it). */
let raceSessionId: number | null = null;

/**
 * A session without open reservations: its cases were all booked before, so no reservation made in the race
 * is filled, and the database's sum of reserved slots must come to exactly capacity - booked.
 */
async function chooseRaceSession(prosecutor: Client): Promise<void> {
  const overview = await prosecutor.call('reservations.list', RACE_WINDOW, new Stats());
  raceSessionId =
    (overview.value?.sessions as RaceSession[] | undefined)?.find((s) => s.free >= 2 && s.free <= 51 && s.reservableModalities.length > 0 && s.reservations.every((r) => r.status !== 'open'))
      ?.sessionId ?? null;
}

async function lastSlotRace(owner: pg.Pool, racers: Client[]): Promise<boolean> {
  const stats = new Stats();
  const [first] = racers;
  const overview = await first!.call('reservations.list', RACE_WINDOW, stats);
  const session = (overview.value?.sessions as RaceSession[] | undefined)?.find((s) => s.sessionId === raceSessionId && s.free >= 2 && s.free <= 51 && s.reservableModalities.length > 0);
  if (!session) {
    console.log(`\nlast-slot race: no session with room to fill up to its last slot (chosen before the load: ${raceSessionId ?? 'none'})`);
    return false;
  }
  const modality = session.reservableModalities[0]!;
  const fill = await first!.call('reservations.reserve', { sessionId: session.sessionId, modality, slots: session.free - 1, note: 'Vult de zitting tot op één plaats (bench)' }, stats);
  if (!fill.ok) {
    console.log(`\nlast-slot race: could not fill the session up to one slot: ${fill.error?.message}`);
    return false;
  }
  // Everyone's connection is open: the 20 requests leave together.
  const results = await Promise.all(racers.map((racer) => racer.call('reservations.reserve', { sessionId: session.sessionId, modality, slots: 1, note: 'De laatste plaats (bench)' }, stats)));
  const winners = results.filter((r) => r.ok).length;
  const refusals = results.filter((r) => !r.ok && r.error?.code === 'CONFLICT');
  const db = (
    await owner.query<{ capacity: number; booked: number; reserved: number; made: number }>(
      `select s.capacity_slots as capacity,
              (select count(*)::int from hearing h where h.session_id = s.id and h.status in ${SLOT_OCCUPYING_SQL}) as booked,
              (select coalesce(sum(r.slots), 0)::int from reservation r where r.session_id = s.id and r.released_at is null) as reserved,
              (select count(*)::int from reservation r where r.session_id = s.id and r.note = 'De laatste plaats (bench)') as made
         from court_session s where s.id = $1`,
      [session.sessionId],
    )
  ).rows[0]!;
  const agrees = db.reserved === db.capacity - db.booked && db.made === 1;
  console.log(`\nlast-slot race: ${racers.length} prosecutors reserve the last free slot of session ${session.sessionId} (${session.date}, capacity ${session.capacity}, ${session.booked} booked, ${session.reserved} reserved, ${session.free - 1} more reserved first)`);
  console.log(`  succeeded ${winners} (target 1), refused ${refusals.length} (target ${racers.length - 1}), other ${results.length - winners - refusals.length} (target 0)`);
  const messages = countBy(refusals.map((r) => r.error!.message.slice(0, 110)));
  if (messages) console.log(`  refusal: ${messages}`);
  console.log(`  database: capacity ${db.capacity}, booked ${db.booked}, open reserved slots ${db.reserved} (capacity - booked = ${db.capacity - db.booked}), race reservations stored ${db.made}: ${agrees ? 'agrees' : 'DISAGREES'}`);
  const times = (stats.answers.get('reservations.reserve') ?? []).slice(1);
  console.log(`  answer times of the ${times.length} racers: min ${Math.min(...times).toFixed(1)} ms, p50 ${percentile(times, 0.5).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
  return winners === 1 && refusals.length === racers.length - 1 && agrees;
}

// ---------------------------------------------------------------------------------------------------
// Figures.

class Stats {
  readonly latencies = new Map<string, number[]>();
  /** Every answer's time, refusals and errors included. */
  readonly answers = new Map<string, number[]>();
  readonly refusals = new Map<string, number>();
  readonly errors = new Map<string, number>();
  private readonly refusedOps = new Map<string, number>();

  answered(operation: string, ms: number): void {
    this.answers.set(operation, [...(this.answers.get(operation) ?? []), ms]);
  }

  ok(operation: string, ms: number): void {
    const list = this.latencies.get(operation) ?? [];
    list.push(ms);
    this.latencies.set(operation, list);
  }

  refusal(operation: string, message: string): void {
    const key = `${operation}: ${message.replace(/\d+/g, 'N').slice(0, 100)}`;
    this.refusals.set(key, (this.refusals.get(key) ?? 0) + 1);
    this.refusedOps.set(operation, (this.refusedOps.get(operation) ?? 0) + 1);
  }

  error(operation: string, code: string, message: string): void {
    const key = `${operation}: ${code} ${message.slice(0, 140)}`;
    this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
  }

  refusedOf(operation: string): number {
    return this.refusedOps.get(operation) ?? 0;
  }

  errorsOf(operation: string): number {
    let n = 0;
    for (const [key, count] of this.errors) if (key.startsWith(`${operation}: `)) n += count;
    return n;
  }

  errorCount(): number {
    return [...this.errors.values()].reduce((a, b) => a + b, 0);
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const list = [...sorted].sort((a, b) => a - b);
  return list[Math.min(list.length - 1, Math.max(0, Math.ceil(list.length * p) - 1))]!;
}

function printLoad(stats: Stats, alone: Stats, seconds: number, users: number): void {
  const baseline = percentile(stats.latencies.get('district.get') ?? [], 0.5);
  const total = [...stats.latencies.values()].reduce((n, l) => n + l.length, 0);
  const refused = [...stats.refusals.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${users} users for ${seconds.toFixed(1)} s: ${total.toLocaleString('en')} ok requests (${(total / seconds).toFixed(1)}/s), ${refused} refusals, ${stats.errorCount()} errors; load average now ${os.loadavg()[0]!.toFixed(2)}`);
  console.log('(alone p50: the same operation with no one else at work, in this run before the load; p50/base: p50 under load over district.get under load)');
  console.log('operation'.padEnd(24), 'ok'.padStart(6), 'refused'.padStart(8), 'errors'.padStart(7), 'alone p50'.padStart(10), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'p99 ms'.padStart(8), 'p50/base'.padStart(9), '  target');
  const row = (name: string, times: number[], refusedN: number, errorsN: number, target: string) =>
    console.log(
      name.padEnd(24),
      String(times.length).padStart(6),
      String(refusedN).padStart(8),
      String(errorsN).padStart(7),
      percentile(alone.latencies.get(name) ?? [], 0.5).toFixed(1).padStart(10),
      percentile(times, 0.5).toFixed(1).padStart(8),
      percentile(times, 0.95).toFixed(1).padStart(8),
      percentile(times, 0.99).toFixed(1).padStart(8),
      (percentile(times, 0.5) / baseline).toFixed(1).padStart(9),
      `  ${target}`,
    );
  for (const [name, times] of [...stats.latencies].sort(([a], [b]) => a.localeCompare(b))) {
    const base = name === 'district.get' || name.startsWith('select 1');
    const p95 = percentile(times, 0.95);
    const target = base ? 'baseline' : SINGLE_CASE.has(name) ? `p95 <= ${SINGLE_CASE_TARGET_MS} ms: ${p95 <= SINGLE_CASE_TARGET_MS ? 'met' : 'NOT met'}` : 'list/read, no target';
    row(name, times, stats.refusedOf(name), stats.errorsOf(name), target);
  }
  if (stats.refusals.size > 0) {
    console.log('\nrefusals (expected business refusals, CONFLICT):');
    for (const [key, n] of [...stats.refusals].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${key}`);
  }
  for (const [title, errors] of [['ERRORS under load:', stats.errors], ['ERRORS alone:', alone.errors]] as const) {
    if (errors.size === 0) continue;
    console.log(`\n${title}`);
    for (const [key, n] of [...errors].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${key}`);
  }
}

/** The bare round trip to PostgreSQL as the server's role, through a pool of the server's size in the bench's process. */
async function selectOne(pool: pg.Pool, stats: Stats): Promise<void> {
  const started = performance.now();
  try {
    await pool.query('select 1');
    stats.ok('select 1 (api pool)', performance.now() - started);
  } catch (error) {
    stats.error('select 1 (api pool)', 'POOL', String(error));
  }
}

function countBy(list: string[]): string {
  const counts = new Map<string, number>();
  for (const item of list) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} × ${k}`).join(', ');
}



// Last: the functions and tables above are initialised before the run starts.
try {
  await main();
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
  fs.rmSync(dir, { recursive: true, force: true });
}
