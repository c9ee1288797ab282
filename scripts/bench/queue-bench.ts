// npm run bench:queue — work-queue pages over 50,000 waiting cases against the bare indexed query, same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { openDatabase } from '../../db/open-database';
import { importCases } from '../../server/services/cases/import-cases';
import { listWorkQueue } from '../../server/services/queue/work-queue';
import { makeImportCsv } from '../../test/support/import-fixture';
import { benchContext, medianMs, report } from './measure';

const CASES = 50_000;
const PAGE = 200;
/** The bench's pinned clock. */
const NOW = new Date('2026-06-15T10:00:00Z');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-bench-queue-'));
const database = await openDatabase(path.join(dir, 'queue.sqlite'), { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now: () => NOW });
// Three in four imported cases are court cases (the rest ZSM), so import enough for CASES waiting ones.
await importCases(benchContext(database, NOW), { fileName: 'bench.csv', content: Buffer.from(makeImportCsv(Math.ceil((CASES * 4) / 3), 0).csv), mode: 'valid_only', dryRun: false });
database.sqlite.exec("update criminal_case set status = 'awaiting_planning' where modality != 'zsm'");
database.sqlite.exec('analyze');
const waiting = (database.sqlite.prepare("select count(*) as n from criminal_case where status = 'awaiting_planning'").get() as { n: number }).n;

const bare = database.sqlite.prepare(
  "select id from criminal_case where status = 'awaiting_planning' order by queue_order, id limit ? offset ?",
);
const plan = database.sqlite
  .prepare("explain query plan select id from criminal_case c where c.status = 'awaiting_planning' order by c.queue_order, c.id limit 200")
  .all() as { detail: string }[];

const rows = [
  { name: 'first page', offset: 0, filter: {} },
  { name: `page at offset ${(waiting - PAGE).toLocaleString('en')}`, offset: waiting - PAGE, filter: {} },
  { name: 'first page, modality filter', offset: 0, filter: { modality: 'supersnelrecht' as const } },
];
const results = [];
for (const r of rows) {
  const productMs = await medianMs(20, async () => await listWorkQueue(database.db, { stage: 'planning', ...r.filter, offset: r.offset, limit: PAGE }, NOW));
  const baselineMs = await medianMs(20, () => bare.all(PAGE, r.offset));
  results.push({ name: r.name, productMs, baselineMs, target: `<= 100 ms per page: ${productMs <= 100 ? 'met' : 'NOT met'}` });
}
report(`Work queue over ${waiting.toLocaleString('en')} cases awaiting planning, pages of ${PAGE} (median of 20)`, results);
console.log(`query plan (first page): ${plan.map((p) => p.detail).join(' | ')}`);
database.close();
fs.rmSync(dir, { recursive: true, force: true });
