// npx tsx scripts/bench/check-rows-cost.ts [runs] — the CPU cost of the case import's per-row checks
// (checkImportRows with the district's deadline basis, as the import's threads run them) on the
// import bench's 100,000 valid rows, in this process: CPU time (process.cpuUsage, user + system) per
// run and the median; and fingerprints (sha256 of the JSON of every result) of those rows and of a
// varied table (seeded: other years, clock-change nights, custody events, date-only and offset cells,
// broken cells, an equivalent day), to prove a change leaves every result byte-identical.
// Also times packCheckedRows (the worker's packing of its rows). `--only=<intake|derived>` times just
// one half (importRowToIntake, or intakeDerivedValues on rows already checked). Prints figures, never
// pass/fail. Profile it with `node --import tsx --cpu-prof scripts/bench/check-rows-cost.ts 3`.
import { createHash } from 'node:crypto';
import { checkImportRows, deadlineContextOf, mapImportColumns, packCheckedRows, type DeadlineBasis } from '../../server/services/cases/check-import-rows';
import { intakeDerivedValues } from '../../server/services/cases/derived-values';
import { readInThisThread } from '../../server/services/cases/read-import-file';
import { DEFAULT_DEADLINE_SETTINGS } from '../../shared/deadlines/settings';
import { IMPORT_COLUMNS } from '../../shared/intake/import-columns';
import * as importRow from '../../shared/intake/import-row';
import { largeCsv } from '../fuzz/import-files';

/** The import bench's pinned clock. */
const NOW = Date.parse('2026-06-15T10:00:00Z');
const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
/** The bench database's basis: the default settings, no equivalent days configured. */
const basis: DeadlineBasis = { settings: structuredClone(DEFAULT_DEADLINE_SETTINGS), equivalentDaysByYear: {} };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};
const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

async function tableOf(csv: string | Buffer) {
  const table = await readInThisThread('bench.csv', Buffer.isBuffer(csv) ? csv : Buffer.from(csv));
  const mapping = mapImportColumns(table.headers);
  if (mapping.fileProblems.length > 0) throw new Error(mapping.fileProblems.join('; '));
  return { table, mapping };
}

/** A seeded table of rows unlike the fixture's: years 2004-2027, DST nights, every event, every notation, some broken. */
function variedCsv(rows: number): string {
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const pad = (n: number) => String(n).padStart(2, '0');
  const headers = IMPORT_COLUMNS.map((c) => c.header);
  const dstDays = ['2026-03-29', '2025-10-26', '2026-10-25', '2024-03-31', '2019-10-27', '2026-05-14', '2026-04-03', '2026-12-24', '2025-12-31'];
  const baseDay = () => {
    if (rnd() < 0.25) return pick(dstDays);
    const t = Date.UTC(2004 + Math.floor(rnd() * 24), 0, 1) + Math.floor(rnd() * 366) * 86_400_000;
    return new Date(t).toISOString().slice(0, 10);
  };
  const shift = (day: string, hours: number, base: [number, number]) => {
    const t = Date.parse(`${day}T00:00:00Z`) + (base[0] + hours) * 3_600_000 + base[1] * 60_000;
    return new Date(t).toISOString();
  };
  const notation = (iso: string) => {
    const [d, time] = [iso.slice(0, 10), iso.slice(11, 16)];
    const [y, m, dd] = d.split('-');
    const kind = rnd();
    if (kind < 0.5) return `${dd}-${m}-${y} ${time}`;
    if (kind < 0.6) return `${Number(dd)}/${Number(m)}/${y} ${time.replace(':', '.')}`;
    if (kind < 0.7) return `${d} ${time}`;
    if (kind < 0.8) return `${d}T${time}:00${pick(['+01:00', '+02:00', 'Z'])}`;
    if (kind < 0.85) return `${dd}-${m}-${y} ${time}:${pad(Math.floor(rnd() * 60))}`;
    return `${dd}-${m}-${y} ${time}`;
  };
  const lines = [headers.join(';')];
  for (let i = 0; i < rows; i++) {
    const modality = pick(['supersnelrecht', 'snelrecht', 'snelrecht niet-gedetineerd', 'zsm', 'opvulzaak', 'snelrecht nd']);
    const day = baseDay();
    const start: [number, number] = [Math.floor(rnd() * 24), pick([0, 15, 30, 45, 59])];
    const has = (p: number) => rnd() < p;
    const cells: Record<string, string> = {
      parketnummer: has(0.01) ? '19-1234' : `19/${String(300000 + i).padStart(6, '0')}-${pick(['26', '25', '24'])}`,
      'naam verdachte': has(0.005) ? '' : `B. Verdachte ${i}`,
      geboortedatum: has(0.01) ? '31-02-1990' : has(0.005) ? `01-01-${pick(['2020', '1890', '2030'])}` : `${pad(1 + Math.floor(rnd() * 28))}-${pad(1 + Math.floor(rnd() * 12))}-${1950 + Math.floor(rnd() * 60)}`,
      'adres voor dagvaarding': has(0.5) ? `Postbus ${i}, Hanzestad` : '',
      advocaat: has(0.3) ? 'mr. T. Wolters' : '',
      modaliteit: has(0.005) ? 'turbo' : modality,
      'soort opvulzaak': modality === 'opvulzaak' ? pick(['oudere zaak', 'verzet', 'vtl', 'voorraadzaak']) : '',
      'politie-eenheid': `Basisteam ${pick(['Noord', 'Zuid', 'Oost'])}`,
      feit: has(0.002) ? 'Diefstal\u0007' : 'Winkeldiefstal',
      pleegdatum: has(0.3) ? '' : has(0.5) ? notation(shift(day, -2, start)).slice(0, 10).replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3-$2-$1') : notation(shift(day, -1, start)),
      aanhouding: modality === 'zsm' && has(0.3) ? '' : has(0.01) ? notation(shift(day, 0, start)).slice(0, 10) : notation(shift(day, 0, start)),
      inverzekeringstelling: has(0.5) ? notation(shift(day, 6, start)) : '',
      'verlenging inverzekeringstelling': has(0.15) ? notation(shift(day, 72, start)) : '',
      bewaring: has(0.3) ? notation(shift(day, pick([60, 80, 100]), start)) : '',
      'betekening dagvaarding': has(0.5) ? notation(shift(day, pick([-5, 20, 30, 200]), start)) : '',
      'instemming kortere termijn': pick(['ja', 'nee', '', 'x', 'misschien']),
      zaaksgroep: has(0.2) ? `PL${i % 50}` : '',
      duur_minuten: has(0.2) ? pick(['30', '5', '480', '481', '2', 'lang']) : '',
    };
    lines.push(headers.map((h) => cells[h] ?? '').join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const main = await tableOf(largeCsv(100_000));
const varied = await tableOf(variedCsv(30_000));
const variedBasis: DeadlineBasis = { settings: structuredClone(DEFAULT_DEADLINE_SETTINGS), equivalentDaysByYear: { '2026': ['2026-05-15', '2026-12-24'] } };

const check = (t: typeof main, b: DeadlineBasis) => checkImportRows(t.table.rows, t.table.headers, t.mapping.columnAt, NOW, deadlineContextOf(b));
const mainResults = check(main, basis);
const variedResults = check(varied, variedBasis);
const valid = mainResults.filter((r) => 'intake' in r).length;
const variedValid = variedResults.filter((r) => 'intake' in r).length;
console.log(`rows ${mainResults.length} (${valid} valid); varied rows ${variedResults.length} (${variedValid} valid)`);
console.log(`fingerprint (100,000 fixture rows): ${sha(mainResults)}`);
console.log(`fingerprint (30,000 varied rows):   ${sha(variedResults)}`);
console.log(`fingerprint (packed, both):         ${sha([packCheckedRows(mainResults), packCheckedRows(variedResults)])}`);

const intakes = mainResults.flatMap((r) => ('intake' in r ? [r.intake] : []));
const context = deadlineContextOf(basis);
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const since = process.cpuUsage();
  if (only === 'intake') {
    // With one column plan per batch, as checkImportRows makes it (where the module has it).
    const plan = 'importColumnPlan' in importRow ? (importRow.importColumnPlan as unknown as (m: typeof main.mapping.columnAt) => never)(main.mapping.columnAt) : undefined;
    for (const { row, cells } of main.table.rows) importRow.importRowToIntake(row, cells, main.mapping.columnAt, NOW, plan);
  }
  else if (only === 'derived') for (const intake of intakes) intakeDerivedValues(intake, context);
  else check(main, basis);
  times.push(cpuMs(since));
}
const what = only === 'intake' ? 'importRowToIntake' : only === 'derived' ? 'intakeDerivedValues' : 'checkImportRows with deadline basis';
console.log(`${what}, 100,000 rows: CPU ms per run ${times.map((t) => t.toFixed(0)).join(', ')}; median ${median(times).toFixed(0)} ms (${((median(times) * 1000) / 100_000).toFixed(1)} µs/row)`);
if (!only) {
  // The worker also packs the rows it checked for the other thread (packCheckedRows).
  const packTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const since = process.cpuUsage();
    packCheckedRows(mainResults);
    packTimes.push(cpuMs(since));
  }
  console.log(`packCheckedRows, 100,000 rows: CPU ms median ${median(packTimes).toFixed(0)} ms`);
}
