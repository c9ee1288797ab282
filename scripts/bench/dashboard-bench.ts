import { sqliteDistrictDatabase } from '../../server/services/context/district-database';
// npm run bench:dashboard — the monitoring dashboard over a 10-year history of a large district
// (~100,000 cases, ~1,000,000 audit events), against the bare count(*) over the same range, same run.
//   --cases N            cases per year (default 10000)      --years N   years of history (default 10)
//   --runs N             timed runs per measurement (default 15)
//   --with-index "SQL"   prototype an index (create index ...) in the bench database for this run only
//   --fresh              regenerate the cached history
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { openDatabase, type AppDatabase, type OpenedDatabase } from '../../db/open-database';
import { createApiHandler } from '../../server/services/api-handler';
import { fixedClock } from '../../server/services/context/clock';
import { operationHandlers } from '../../server/services/operation-handlers';
import { generateDemoDistrict, type DemoOptions } from '../../server/services/demo/generate-demo-district';
import { writeDemoDistrict } from '../../server/services/demo/write-demo-district';
import { getDashboard } from '../../server/services/metrics/dashboard';
import { listMetricCases } from '../../server/services/metrics/metric-cases';
import * as metricQueries from '../../server/services/metrics/metric-queries';
import { queryParams, type QueryParams } from '../../server/services/metrics/metric-sql';
import { previousReviewPeriod, reviewPeriodOf, reviewPeriodRange } from '../../shared/metrics/review-period';
import { STANDALONE_ROLES } from '../../shared/domain/roles';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    years: { type: 'string', default: '10' },
    runs: { type: 'string', default: '15' },
    'with-index': { type: 'string', multiple: true, default: [] },
    fresh: { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const QUERY_TARGET_MS = 50;
const DASHBOARD_TARGET_MS = 1000;
const AS_OF = '2026-06-15';
/** The bench's pinned clock: 12:00 in Amsterdam on the as-of day. */
const NOW = new Date(`${AS_OF}T10:00:00Z`);
const OPTIONS: DemoOptions = { seed: 2026, casesPerYear: Number(args.cases), years: Number(args.years), asOf: AS_OF, moves: true, chain: true };
/** Tables whose full scan over ten years is what the targets forbid. */
const BIG_TABLES = ['criminal_case', 'audit_event'];

const database = await openHistory();
const sqlite = database.sqlite;
const prototypes = args['with-index'] ?? [];
for (const statement of prototypes) {
  console.log(`prototype index: ${statement}`);
  sqlite.exec(statement);
}
if (prototypes.length > 0) sqlite.exec('analyze');

const counts = sqlite
  .prepare("select (select count(*) from criminal_case) as cases, (select count(*) from audit_event) as events, (select count(*) from hearing) as hearings, (select count(*) from decision) as decisions")
  .get() as Record<string, number>;
console.log(`district: ${Object.entries(counts).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}`);

const period = previousReviewPeriod(reviewPeriodOf(AS_OF));
const range = reviewPeriodRange(period);
const filters = { from: range.from, to: range.to };
const params = queryParams({}, range.from, range.to);
const handle = createApiHandler(operationHandlers, { database: sqliteDistrictDatabase(database.db, database.sqlite), clock: fixedClock(NOW), actor: () => 'bench', roles: () => STANDALONE_ROLES });
const call = async (operation: string, input: unknown) => {
  const result = await handle(operation, input);
  if (!result.ok) throw new Error(`${operation}: ${result.error.code} ${result.error.message}`);
  return result.value;
};

interface Row {
  name: string;
  median: number;
  p95: number;
  baseline: number;
  targetMs: number;
}
const rows: Row[] = [];
const baselineOf = (sql: string, p: QueryParams) => {
  const statement = sqlite.prepare(sql);
  return () => statement.get(p);
};
const BASELINES: Record<string, string> = {
  fetchIntake: 'select count(*) from criminal_case where created_at between @fromInstant and @toInstant',
  fetchSessions: 'select count(*) from court_session where date between @from and @to',
  fetchHearings: 'select count(*) from court_session s join hearing h on h.session_id = s.id where s.date between @from and @to',
  fetchZsmDisposals: 'select count(*) from zsm_decision where decided_at between @fromInstant and @toInstant',
  fetchPending: "select count(*) from criminal_case where status in ('intake', 'zsm_decided', 'awaiting_planning', 'planned', 'adjourned')",
  fetchSteps: 'select count(*) from decision where decided_at between @fromInstant and @toInstant',
  fetchReturns: 'select count(*) from cjib_handoff where returned_at between @fromInstant and @toInstant',
};
const DEFAULT_BASELINE = BASELINES.fetchIntake!;

// Every single query of the metrics helper, with the SQL it prepares (for the plans).
const captured = new Map<string, { sql: string; args: unknown[] }>();
const recording = { $client: recordingClient() } as unknown as AppDatabase;
const sessionIds = (sqlite.prepare('select id from court_session where date between ? and ?').all(range.from, range.to) as { id: number }[]).map((r) => r.id);
for (const [name, fn] of Object.entries(metricQueries)) {
  if (!name.startsWith('fetch') || typeof fn !== 'function') continue;
  const argsFor: unknown[] = name === 'fetchFilterOptions' ? [] : name === 'fetchSlotHearings' ? [sessionIds] : [params];
  const work = () => (fn as (...a: unknown[]) => unknown)(database.db, ...argsFor);
  (fn as (...a: unknown[]) => unknown)(recording, ...argsFor);
  const { median, p95 } = await sample(work);
  const baseline = (await sample(baselineOf(BASELINES[name] ?? DEFAULT_BASELINE, params))).median;
  rows.push({ name: `query ${name}`, median, p95, baseline, targetMs: QUERY_TARGET_MS });
}

// 'Dashboard usable': the full handler for the review period, for a year, and with filters.
const unit = (sqlite.prepare('select police_unit as u from criminal_case limit 1').get() as { u: string }).u;
const location = (sqlite.prepare('select id from court_location order by id limit 1').get() as { id: number }).id;
const yearFrom = `${Number(AS_OF.slice(0, 4)) - 1}${AS_OF.slice(4)}`;
const dashboards: [string, Record<string, unknown>][] = [
  [`dashboard ${period}`, filters],
  [`dashboard ${yearFrom}..${AS_OF}`, { from: yearFrom, to: AS_OF }],
  [`dashboard ${period}, modality snelrecht_nd`, { ...filters, modality: 'snelrecht_nd' }],
  [`dashboard ${period}, police unit`, { ...filters, policeUnit: unit }],
  [`dashboard ${period}, location`, { ...filters, locationId: location }],
];
let dashboard: unknown;
for (const [name, input] of dashboards) {
  dashboard ??= await call('metrics.dashboard', input);
  const p = queryParams(input, String(input.from), String(input.to));
  const { median, p95 } = await sample(() => call('metrics.dashboard', input));
  rows.push({ name, median, p95, baseline: (await sample(baselineOf(DEFAULT_BASELINE, p))).median, targetMs: DASHBOARD_TARGET_MS });
}

// The cases behind each kind of figure: one drill key per kind, taken from the dashboard itself.
const drills = new Map<string, string>();
collectDrills(dashboard, drills);
for (const [kind, drill] of drills) {
  const { median, p95 } = await sample(() => call('metrics.cases', { drill, filters, offset: 0, limit: 100 }));
  rows.push({ name: `cases ${kind}`, median, p95, baseline: (await sample(baselineOf(DEFAULT_BASELINE, params))).median, targetMs: DASHBOARD_TARGET_MS });
}

// The statements the dashboard and the drill lists prepare themselves, for the plans.
try {
  await getDashboard(recording, filters, AS_OF);
  for (const drill of drills.values()) await listMetricCases(recording, { drill, filters, offset: 0, limit: 100 }, AS_OF);
} catch (error) {
  console.log(`note: could not record every statement of the dashboard for the plans (${(error as Error).message})`);
}

printRows(`Dashboard over ${counts.cases!.toLocaleString('en')} cases, ${counts.events!.toLocaleString('en')} audit events; period ${period} (median and p95 of ${RUNS})`, rows);

// Query plans of every statement the metrics helper prepared.
const scans: string[] = [];
const noIndex: string[] = [];
console.log('\nquery plans');
for (const { sql, args: bound } of captured.values()) {
  const plan = (sqlite.prepare(`explain query plan ${sql}`).all(...(bound as never[])) as { detail: string }[]).map((r) => r.detail);
  const names = bigTableNames(sql);
  const first = sql.replace(/\s+/g, ' ').trim().slice(0, 110);
  console.log(`- ${first}${sql.length > 110 ? '…' : ''}`);
  for (const line of plan) console.log(`    ${line}`);
  for (const line of plan) {
    const scan = /^SCAN (\w+)(.*)$/.exec(line);
    if (scan && names.has(scan[1]!) && !/USING (COVERING )?INDEX/.test(scan[2]!)) scans.push(`${scan[0]}  in: ${first}`);
  }
  if (!plan.some((line) => /USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY|USING ROWID/.test(line))) noIndex.push(first);
}

const missed = rows.filter((r) => r.median > r.targetMs);
console.log('');
for (const r of missed) console.log(`TARGET MISSED: ${r.name}: median ${r.median.toFixed(1)} ms > ${r.targetMs} ms (see its plan above)`);
for (const q of noIndex) console.log(`NO INDEX USED: ${q}`);
for (const s of scans) console.log(`FULL TABLE SCAN: ${s}`);
for (const statement of prototypes) sqlite.exec(`drop index if exists ${/create index (?:if not exists )?(\w+)/i.exec(statement)?.[1] ?? '_none_'}`);
database.close();
if (scans.length > 0) {
  console.error(`\nFAILED: ${scans.length} full table scan(s) of ${BIG_TABLES.join(' or ')}; every dashboard query must use an index.`);
  process.exit(1);
}
if (missed.length > 0) {
  console.error(`\nFAILED: ${missed.length} measurement(s) over target (query <= ${QUERY_TARGET_MS} ms, dashboard <= ${DASHBOARD_TARGET_MS} ms).`);
  process.exit(1);
}
console.log(`\nall targets met: every query <= ${QUERY_TARGET_MS} ms, the dashboard <= ${DASHBOARD_TARGET_MS} ms, no full scan of ${BIG_TABLES.join(' or ')}`);

/** The cached history (regenerated when the demo generator's source changes), opened with the current migrations. */
async function openHistory(): Promise<OpenedDatabase> {
  const demoDir = path.join(import.meta.dirname, '../../server/services/demo');
  const hash = createHash('sha256').update(JSON.stringify(OPTIONS));
  for (const file of fs.readdirSync(demoDir).sort()) hash.update(fs.readFileSync(path.join(demoDir, file)));
  const cacheDir = path.join(os.tmpdir(), 'kp-bench-dashboard');
  const file = path.join(cacheDir, `history-${hash.digest('hex').slice(0, 16)}.sqlite`);
  if (args.fresh) fs.rmSync(file, { force: true });
  if (fs.existsSync(file)) {
    console.log(`reusing ${file}`);
    return openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now: () => NOW });
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  const opened = await openDatabase(partial, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now: () => NOW });
  let started = performance.now();
  const demo = generateDemoDistrict(OPTIONS);
  const generated = performance.now() - started;
  started = performance.now();
  const summary = await writeDemoDistrict(opened.db, demo, NOW);
  const written = performance.now() - started;
  opened.sqlite.exec('analyze');
  opened.close();
  fs.renameSync(partial, file);
  console.log(
    `generated ${summary.cases.toLocaleString('en')} cases and ${summary.events.toLocaleString('en')} audit events over ${OPTIONS.years} years ` +
      `in ${(generated / 1000).toFixed(1)} s, written in ${(written / 1000).toFixed(1)} s: ${file}`,
  );
  return openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now: () => NOW });
}

/** Median and 95th percentile wall time of RUNS calls after one warm-up, in ms. */
async function sample(work: () => unknown): Promise<{ median: number; p95: number }> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]! };
}

function printRows(title: string, list: Row[]): void {
  console.log(`\n${title}`);
  console.log('name'.padEnd(52), 'median ms'.padStart(10), 'p95 ms'.padStart(9), 'baseline ms'.padStart(12), 'ratio'.padStart(8), '  target');
  for (const r of list) {
    const met = r.median <= r.targetMs ? 'met' : 'NOT met';
    console.log(r.name.slice(0, 52).padEnd(52), r.median.toFixed(1).padStart(10), r.p95.toFixed(1).padStart(9), r.baseline.toFixed(2).padStart(12), (r.median / r.baseline).toFixed(1).padStart(8), `  <= ${r.targetMs} ms: ${met}`);
  }
}

/** A better-sqlite3 client that remembers each statement it prepares with the first arguments it ran with. */
function recordingClient() {
  return new Proxy(sqlite, {
    get(target, key) {
      if (key === 'prepare') {
        return (sql: string) => {
          const statement = target.prepare(sql);
          return new Proxy(statement, {
            get(st, k) {
              const value = Reflect.get(st, k, st) as unknown;
              if (typeof value !== 'function') return value;
              return (...bound: unknown[]) => {
                if (['all', 'get', 'run', 'iterate'].includes(String(k)) && !captured.has(sql)) captured.set(sql, { sql, args: bound });
                return (value as (...a: unknown[]) => unknown).apply(st, bound);
              };
            },
          });
        };
      }
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** criminal_case and audit_event, and the aliases the statement gives them (EXPLAIN names a scan by alias). */
function bigTableNames(sql: string): Set<string> {
  const names = new Set(BIG_TABLES);
  for (const table of BIG_TABLES) {
    for (const match of sql.matchAll(new RegExp(`\\b${table}\\s+(?:as\\s+)?(\\w+)`, 'gi'))) {
      const alias = match[1]!;
      if (!/^(where|join|on|left|inner|group|order|limit|using)$/i.test(alias)) names.add(alias);
    }
  }
  return names;
}

function collectDrills(value: unknown, into: Map<string, string>): void {
  if (Array.isArray(value)) for (const item of value) collectDrills(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string' && /^drill/i.test(key)) {
        const kind = item.split(':')[0]!;
        if (!into.has(kind)) into.set(kind, item);
      } else collectDrills(item, into);
    }
  }
}
