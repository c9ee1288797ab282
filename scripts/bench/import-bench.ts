// npm run bench:import — the case import against a bare parse-and-insert of the same file, same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { openDatabase } from '../../db/open-database';
import { importCases } from '../../electron/services/cases/import-cases';
import { makeImportCsv } from '../../test/support/import-fixture';
import { report } from './measure';

const ROWS = 10_000;
const BAD = 50;
const RUNS = 5;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-bench-import-'));
const fixture = makeImportCsv(ROWS, BAD);
const content = Buffer.from(fixture.csv);
let n = 0;
const freshDatabase = () => openDatabase(path.join(dir, `db-${n++}.sqlite`), { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });

async function product(mode: 'valid_only' | 'all_or_nothing') {
  const database = await freshDatabase();
  const start = performance.now();
  const result = await importCases(database.db, { fileName: 'bench.csv', content, mode, dryRun: false }, 'bench');
  const ms = performance.now() - start;
  database.close();
  if (result.invalidRows !== BAD) throw new Error(`expected ${BAD} bad rows, got ${result.invalidRows}`);
  return ms;
}

/** The floor: parse the same CSV and insert the same number of suspects and cases, no checks, no limits, no audit. */
async function baseline() {
  const database = await freshDatabase();
  const sqlite = database.sqlite;
  const start = performance.now();
  const rows = Papa.parse<string[]>(content.toString('utf8'), { delimiter: ';' }).data.slice(1, ROWS - BAD + 1);
  const suspect = sqlite.prepare('insert into suspect (full_name, date_of_birth) values (?, ?)');
  const insertCase = sqlite.prepare("insert into criminal_case (parketnummer, suspect_id, modality, police_unit, offence_summary) values (?, ?, 'zsm', ?, ?)");
  sqlite.transaction(() => {
    rows.forEach((r, i) => insertCase.run(`B${i}`, suspect.run(r[1], '1990-01-01').lastInsertRowid, r[7], r[8]));
  })();
  const ms = performance.now() - start;
  database.close();
  return ms;
}

const times = { valid: [] as number[], strict: [] as number[], base: [] as number[] };
await baseline();
for (let i = 0; i < RUNS; i++) {
  times.base.push(await baseline());
  times.valid.push(await product('valid_only'));
  times.strict.push(await product('all_or_nothing'));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const valid = median(times.valid);
report(`Import of ${ROWS.toLocaleString('en')} rows with ${BAD} bad (median of ${RUNS}, fresh database each run)`, [
  { name: 'valid rows committed (check + commit)', productMs: valid, baselineMs: median(times.base), target: `<= 2000 ms: ${valid <= 2000 ? 'met' : 'NOT met'}` },
  { name: 'all or nothing (check, nothing committed)', productMs: median(times.strict), baselineMs: median(times.base), target: 'refuses in full' },
]);
fs.rmSync(dir, { recursive: true, force: true });
