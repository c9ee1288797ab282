// npm run bench:export — exports.list of a 100,000-row werkvoorraad (CSV and XLSX): wall time, the
// longest stretch the event loop was blocked (what other requests to the back end wait), and memory,
// against the baseline of only reading the same rows (listWorkQueue page by page), measured in the same run.
// "bytes out": the file for the build-only rows, its base64 (what goes over IPC/HTTP) for exports.list.
//   --cases N   waiting cases (default 100000)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { openDatabase } from '../../db/open-database';
import { importCases } from '../../server/services/cases/import-cases';
import { exportList } from '../../server/services/exports/handlers';
import { queueTable } from '../../server/services/exports/list-tables';
import { writeTable } from '../../server/services/exports/write-table';
import type { WorkQueueRow } from '../../shared/api/case-schemas';
import { listWorkQueue } from '../../server/services/queue/work-queue';
import { makeImportCsv } from '../../test/support/import-fixture';
import { benchContext } from './measure';

const { values: args } = parseArgs({ options: { cases: { type: 'string', default: '100000' } } });
const CASES = Number(args.cases);
/** The bench's pinned clock. */
const NOW = new Date('2026-06-15T10:00:00Z');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-bench-export-'));
const database = await openDatabase(path.join(dir, 'export.sqlite'), { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now: () => NOW });
const ctx = benchContext(database, NOW);
// Three in four imported cases are court cases (the rest ZSM), so import enough for CASES waiting ones.
// (in files of 20,000 rows: one import file is at most 20 MB)
const IMPORT_FILE_ROWS = 20_000;
const toImport = Math.ceil((CASES * 4) / 3);
for (let start = 0; start < toImport; start += IMPORT_FILE_ROWS) {
  const csv = makeImportCsv(Math.min(IMPORT_FILE_ROWS, toImport - start), 0, 200_000 + start).csv;
  const imported = await importCases(ctx, { fileName: 'bench.csv', content: Buffer.from(csv), mode: 'valid_only', dryRun: false });
  if (imported.fileProblems.length > 0) throw new Error(imported.fileProblems.join('; '));
}
database.sqlite.prepare("update criminal_case set status = 'awaiting_planning' where id in (select id from criminal_case where modality != 'zsm' order by id limit ?)").run(CASES);
database.sqlite.exec('analyze');
const waiting = database.sqlite.prepare("select count(*) from criminal_case where status = 'awaiting_planning'").pluck().get() as number;

interface Measured {
  ms: number;
  blockedMs: number;
  heapDeltaMb: number;
  rssPeakMb: number;
  bytes: number;
}

async function measure(work: () => Promise<number> | number): Promise<Measured> {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let rssPeak = process.memoryUsage().rss;
  let heapPeak = heapBefore;
  // The longest stretch between two ticks of a 5 ms timer: how long any other request had to wait.
  let lastTick = performance.now();
  let longestGap = 0;
  const sampler = setInterval(() => {
    const tick = performance.now();
    longestGap = Math.max(longestGap, tick - lastTick);
    lastTick = tick;
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  }, 5);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  const bytes = await work();
  const ms = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 10));
  longestGap = Math.max(longestGap, performance.now() - lastTick - 10);
  loop.disable();
  clearInterval(sampler);
  const m = process.memoryUsage();
  rssPeak = Math.max(rssPeak, m.rss);
  heapPeak = Math.max(heapPeak, m.heapUsed);
  return { ms, blockedMs: Math.max(longestGap, loop.max / 1e6), heapDeltaMb: (heapPeak - heapBefore) / 2 ** 20, rssPeakMb: rssPeak / 2 ** 20, bytes };
}

const queueRows: WorkQueueRow[] = [];
const baseline = await measure(async () => {
  for (let offset = 0; offset < waiting; offset += 5_000) queueRows.push(...(await listWorkQueue(database.db, { stage: 'planning', offset, limit: 5_000 }, NOW)).rows);
  return queueRows.length;
});
const results: [string, Measured][] = [['read the rows only (baseline)', baseline]];
// The file alone (write-table.ts, in steps with turns of the event loop between them).
const table = queueTable(queueRows, 'planning');
for (const format of ['csv', 'xlsx'] as const) {
  results.push([`build the ${format} only`, await measure(async () => (await writeTable(table, format)).content.length)]);
}
for (const format of ['csv', 'xlsx'] as const) {
  results.push([`exports.list workQueue ${format}`, await measure(async () => (await exportList({ list: 'workQueue', format, filters: {} }, ctx)).contentBase64.length)]);
}
console.log(`\nWerkvoorraad export over ${waiting.toLocaleString('en')} waiting cases (one run each${global.gc ? ', gc before each' : ''})`);
console.log('name'.padEnd(36), 'ms'.padStart(8), 'ratio'.padStart(7), 'loop blocked ms'.padStart(16), 'heap +MB'.padStart(9), 'rss peak MB'.padStart(12), 'bytes out'.padStart(13));
for (const [name, r] of results) {
  console.log(name.padEnd(36), r.ms.toFixed(0).padStart(8), (r.ms / baseline.ms).toFixed(2).padStart(7), r.blockedMs.toFixed(0).padStart(16), r.heapDeltaMb.toFixed(0).padStart(9), r.rssPeakMb.toFixed(0).padStart(12), String(r.bytes).padStart(13));
}
database.close();
fs.rmSync(dir, { recursive: true, force: true });
