// npm run soak:crash [-- --kills 200] [-- --short] [-- --seed 1]
// Kills a writer process at random moments, over and over, and checks the district file after each
// kill. Writers: a CLI import of a fresh CSV (bin/ketenplanner.mjs import, all or nothing or valid
// rows only) and the api handler in a child process (scripts/soak/soak-writer.ts: ZSM decisions and
// planner runs with request ids). Each gets SIGKILL after a random delay. After each kill:
//   - PRAGMA integrity_check is ok and no foreign key dangles;
//   - every case row has its case.created audit row;
//   - every import is all or nothing: the cases of that file number 0 or all its valid rows, and its
//     request is marked processed exactly when they are there;
//   - no processed_request row without its effect (a zsm.decide request: that decision at that
//     instant; a planner.run request: the hearings it planned at that instant), and no soak decision
//     without its processed request.
// Prints its counts; exits 1 on the first broken check (the file is kept for a look).
// `--short` (about 10 kills, well under 30 s) is what the test suite runs (test/integration/crash-soak.test.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { contract } from '../../shared/api/contract';
import { hashInput } from '../../server/services/context/processed-requests';
import { makeImportCsv } from '../../test/support/import-fixture';
import { openDemoDatabase, SMALL_DEMO } from '../../test/support/demo-database';
import { SOAK_START_MS } from './soak-clock';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'bin', 'ketenplanner.mjs');
const WRITER = path.join(ROOT, 'scripts', 'soak', 'soak-writer.ts');

const { values } = parseArgs({
  options: { kills: { type: 'string' }, short: { type: 'boolean' }, seed: { type: 'string' }, keep: { type: 'boolean' } },
  strict: true,
});
const KILLS = Number(values.kills ?? (values.short ? 10 : 200));
let seed = Number(values.seed ?? 20260615) >>> 0;
/** mulberry32: the same --seed gives the same run of choices (the kill moments still vary with timing). */
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const between = (min: number, max: number) => Math.floor(min + random() * (max - min + 1));

interface ImportAttempt {
  fileName: string;
  first: number;
  rows: number;
  expected: number;
  inputHash: string;
}

const counts = {
  kills: 0,
  importKills: 0,
  writerKills: 0,
  importsFinished: 0,
  importsCommitted: 0,
  importsAbsent: 0,
  checks: 0,
  zsmDecisions: 0,
  plannerRuns: 0,
  answersLost: 0,
  casesImported: 0,
};

const casesWithoutAuditSql = `select count(*) from criminal_case c
  where not exists (select 1 from audit_event a where a.action = 'case.created' and a.entity_type = 'case' and a.entity_id = c.id)`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-crash-soak-'));
const file = path.join(dir, 'district.sqlite');
const started = performance.now();

const demo = await openDemoDatabase(dir, SMALL_DEMO);
demo.close();
const baseline = openChecked((db) => ({
  casesWithoutAudit: db.prepare(casesWithoutAuditSql).pluck().get() as number,
}));

const imports: ImportAttempt[] = [];
let nextNumber = 300_000;
let seq = 0;
let attempts = 0;
/** How long one import of IMPORT_ROWS takes here, start to exit (measured first, unkilled): kills land inside it. */
let importMs = 0;
const IMPORT_ROWS = values.short ? 300 : 1500;

try {
  // One import that runs to its end: the time the kills aim at, and cases waiting at the ZSM table.
  const warmUp = performance.now();
  await runImport(IMPORT_ROWS, 0, 'all-or-nothing', null);
  importMs = performance.now() - warmUp;
  while (counts.kills < KILLS) {
    attempts += 1;
    if (attempts > KILLS * 4) throw new Error(`only ${counts.kills} kills in ${attempts - 1} attempts: the writers finish before they can be killed`);
    const before = counts.kills;
    if (random() < 0.4) await importAndKill();
    else await writerAndKill();
    check();
    if (counts.kills !== before && counts.kills % 20 === 0) console.log(`  ${counts.kills} kills, ${counts.checks} checks passed (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const final = openChecked((db) => ({
    cases: db.prepare('select count(*) from criminal_case').pluck().get() as number,
    processed: db.prepare('select count(*) from processed_request').pluck().get() as number,
  }));
  console.log(`crash soak: ${counts.kills} kills (${counts.importKills} CLI imports, ${counts.writerKills} api writers) in ${seconds} s, ${counts.checks} checks passed`);
  console.log(`  imports: ${imports.length} started, ${counts.importsFinished} finished before their kill; after the kills ${counts.importsCommitted} in full, ${counts.importsAbsent} not at all, none in part (${counts.casesImported} cases)`);
  console.log(`  writer: ${counts.zsmDecisions} ZSM decisions and ${counts.plannerRuns} planner runs committed with their request ids; ${counts.answersLost} answers lost to a kill after the commit (a resend is told it was done)`);
  console.log(`  file: ${final.cases} cases, ${final.processed} processed requests, integrity ok`);
  if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
} catch (error) {
  console.error(`crash soak FAILED after ${counts.kills} kills: ${(error as Error).message}`);
  console.error(`  the district file is kept: ${file}`);
  process.exitCode = 1;
}
// The demo writer's worker threads may linger; the soak is done.
process.exit();

/** One CLI import of a fresh file, killed after a random delay inside its expected run time (or finished first). */
async function importAndKill(): Promise<void> {
  const rows = between(Math.round(IMPORT_ROWS / 2), IMPORT_ROWS * 2);
  const bad = random() < 0.3 ? between(1, 5) : 0;
  const mode = bad > 0 || random() < 0.5 ? 'valid-only' : 'all-or-nothing';
  const killed = await runImport(rows, bad, mode, Math.round(importMs * (0.2 + random())));
  if (killed) counts.importKills += 1;
  else counts.importsFinished += 1;
}

/** Writes a fresh CSV and imports it with the CLI; killed after `killAfterMs` unless null. */
async function runImport(rows: number, bad: number, mode: 'valid-only' | 'all-or-nothing', killAfterMs: number | null): Promise<boolean> {
  const fileName = `soak-${imports.length + 1}.csv`;
  const csv = makeImportCsv(rows, bad, nextNumber).csv;
  const content = Buffer.from(csv);
  fs.writeFileSync(path.join(dir, fileName), content);
  const parsed = contract['cases.import'].input.parse({
    fileName,
    contentBase64: content.toString('base64'),
    mode: mode === 'valid-only' ? 'valid_only' : 'all_or_nothing',
    dryRun: false,
  });
  imports.push({ fileName, first: nextNumber, rows, expected: rows - bad, inputHash: hashInput('cases.import', parsed) });
  nextNumber += rows;
  const child = spawn(process.execPath, [CLI, 'import', '--db', file, '--mode', mode, '--now', new Date(SOAK_START_MS).toISOString(), path.join(dir, fileName)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return killAfter(child, killAfterMs);
}

/** The api writer in its child process, killed a random time after it opened the file. */
async function writerAndKill(): Promise<void> {
  seq += 1000;
  // node itself runs the writer (tsx as a loader, not its CLI, which would run it in a grandchild the kill misses).
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, String(seq), String(between(1, 1_000_000))], { stdio: ['ignore', 'pipe', 'pipe'] });
  // Now and then while it opens the file (migrations check, old request ids forgotten).
  if (random() < 0.15) {
    if (await killAfter(child, between(50, 1500))) counts.writerKills += 1;
    return;
  }
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the writer did not start within 30 s')), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (out.includes('ready')) return;
      out += chunk.toString();
      if (out.includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the writer stopped before it was ready (exit ${code})`));
    });
  });
  if (await killAfter(child, between(0, 1200))) counts.writerKills += 1;
}

/** SIGKILL after `ms` (null: never) unless the process ended first; true when the kill hit a live process. */
function killAfter(child: ReturnType<typeof spawn>, ms: number | null): Promise<boolean> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let killed = false;
    const timer =
      ms === null
        ? undefined
        : setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, ms);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (killed && signal === 'SIGKILL') {
        counts.kills += 1;
        resolve(true);
      } else if (code !== null && code > 1) reject(new Error(`a writer failed (exit ${code}): ${stderr.slice(0, 500)}`));
      else resolve(false);
    });
  });
}

function openChecked<T>(read: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** The checks after one kill; throws naming the first broken rule. */
function check(): void {
  openChecked((db) => {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity_check: ${String(integrity)}`);
    const dangling = db.pragma('foreign_key_check') as unknown[];
    if (dangling.length > 0) throw new Error(`foreign_key_check: ${JSON.stringify(dangling.slice(0, 3))}`);

    const withoutAudit = db.prepare(casesWithoutAuditSql).pluck().get() as number;
    if (withoutAudit !== baseline.casesWithoutAudit) throw new Error(`${withoutAudit - baseline.casesWithoutAudit} case rows without their case.created audit row`);

    const processed = new Map(
      (db.prepare('select request_id as id, operation, input_hash as hash, answer from processed_request').all() as { id: string; operation: string; hash: string; answer: string | null }[]).map(
        (r) => [r.id, r],
      ),
    );
    const processedHashes = new Set([...processed.values()].filter((r) => r.operation === 'cases.import').map((r) => r.hash));

    counts.importsCommitted = 0;
    counts.importsAbsent = 0;
    counts.casesImported = 0;
    const countCases = db.prepare('select count(*) from criminal_case where parketnummer between ? and ?').pluck();
    for (const attempt of imports) {
      const n = countCases.get(parketnummer(attempt.first), parketnummer(attempt.first + attempt.rows - 1)) as number;
      const marked = processedHashes.has(attempt.inputHash);
      if (n !== 0 && n !== attempt.expected) throw new Error(`${attempt.fileName}: ${n} of its ${attempt.expected} cases are in the file (a half import)`);
      if ((n === attempt.expected) !== marked) throw new Error(`${attempt.fileName}: ${n} cases but its request is ${marked ? '' : 'not '}marked processed`);
      if (n === 0) counts.importsAbsent += 1;
      else counts.importsCommitted += 1;
      counts.casesImported += n;
    }

    // A processed request has its effect, stamped with the request's own instant.
    const decisionAt = db.prepare("select count(*) from zsm_decision where case_id = ? and decided_at = ? and recorded_by = 'soak.writer'").pluck();
    const plannedAt = db
      .prepare("select count(*) from audit_event where occurred_at = ? and actor = 'soak.writer' and action in ('hearing.planned', 'hearing.moved', 'hearing.unplanned')")
      .pluck();
    let zsm = 0;
    let plans = 0;
    let lost = 0;
    for (const request of processed.values()) {
      if (request.id.startsWith('soak-') && request.answer === null) lost += 1;
      const zsmMatch = /^soak-zsm-(\d+)-(\d+)$/.exec(request.id);
      if (zsmMatch) {
        const at = instantOf(Number(zsmMatch[2]));
        if (decisionAt.get(Number(zsmMatch[1]), at) !== 1) throw new Error(`${request.id} is marked processed, but case ${zsmMatch[1]} has no ZSM decision at ${at}`);
        zsm += 1;
      }
      const planMatch = /^soak-plan-(\d+)$/.exec(request.id);
      if (planMatch) {
        const at = instantOf(Number(planMatch[1]));
        if ((plannedAt.get(at) as number) === 0) throw new Error(`${request.id} is marked processed, but no hearing was planned, moved or unplanned at ${at}`);
        plans += 1;
      }
    }
    // And the other way: every soak decision came with its processed request (one transaction).
    const decisions = db.prepare("select case_id as caseId, decided_at as at from zsm_decision where recorded_by = 'soak.writer'").all() as { caseId: number; at: string }[];
    for (const d of decisions) {
      const seqOf = Math.round((Date.parse(d.at) - SOAK_START_MS) / 1000);
      if (!processed.has(`soak-zsm-${d.caseId}-${seqOf}`)) throw new Error(`the ZSM decision on case ${d.caseId} at ${d.at} has no processed request`);
    }
    counts.zsmDecisions = zsm;
    counts.plannerRuns = plans;
    counts.answersLost = lost;
    counts.checks += 1;
  });
}

function parketnummer(n: number): string {
  return `19/${String(n).padStart(6, '0')}-26`;
}

function instantOf(writerSeq: number): string {
  return new Date(SOAK_START_MS + writerSeq * 1000).toISOString();
}
