import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OperationOutput } from '../../shared/api/contract';
import type { WorkQueueRow } from '../../shared/api/case-schemas';
import { toAmsterdamLocal } from '../../shared/calendar/amsterdam-time';
import { compareSeverity } from '../../shared/domain/problem-severity';
import { SMALL_DEMO, SMALL_DEMO_NOW } from '../support/demo-database';
import { openTestDistrict, type TestDistrict } from '../support/test-district';

/*
 * issue 15 item 5: every list exported through the api handler on a demo district, with a filter, read
 * back (XLSX with exceljs, CSV with papaparse) and compared with the rows of the list's own operation.
 */

let dir: string;
let district: TestDistrict;
let handle: ReturnType<TestDistrict['api']>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketenplanner-exports-'));
  // With the chain after planning (outcomes, hand-offs to CJIB), so the hand-off queue has rows.
  district = await openTestDistrict(dir, { ...SMALL_DEMO, chain: true });
  handle = district.api({ actor: 'griffie.test', now: SMALL_DEMO_NOW });
  // New cases in the instroom (the demo's have all been decided), from two police units.
  for (let i = 0; i < 4; i++) {
    await call('cases.create', { ...INTAKE, parketnummer: `19/${700001 + i}-26`, policeUnit: i % 2 === 0 ? 'Basisteam Noord' : 'Basisteam Zuid' });
  }
  // An OM reservation on the first session that takes one.
  const overview = await call<OperationOutput<'reservations.list'>>('reservations.list', RESERVATION_PERIOD);
  const session = overview.sessions.find((s) => s.reservableModalities.length > 0)!;
  await call('reservations.reserve', { sessionId: session.sessionId, modality: session.reservableModalities[0], slots: 1, note: '=1+1 (toelichting)' });
}, 60_000);

const RESERVATION_PERIOD = { from: '2026-06-15', to: '2026-07-27' };

const INTAKE = {
  suspect: { fullName: 'K. Bakker', dateOfBirth: '1991-02-03', summonsAddress: 'Postbus 1, Hanzestad', lawyerName: null },
  modality: 'zsm',
  policeUnit: 'Basisteam Noord',
  offenceSummary: 'Winkeldiefstal',
  offenceAt: '2026-06-14T16:40:00+02:00',
  arrestedAt: '2026-06-14T17:05:00+02:00',
  custodyOrderedAt: null,
  shortTermConsent: true,
};

afterAll(async () => {
  await district?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T>(operation: string, input: unknown): Promise<T> {
  const result = await handle(operation as never, input);
  if (!result.ok) throw new Error(`${operation}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

type ExportFile = OperationOutput<'exports.list'>;

async function exportBoth(list: string, filters: unknown) {
  const xlsx = await call<ExportFile>('exports.list', { list, filters, format: 'xlsx' });
  const csv = await call<ExportFile>('exports.list', { list, filters, format: 'csv' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const xlsxRows: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = row.values as unknown[];
    xlsxRows.push(Object.fromEntries(header.map((h, i) => [h, values[i + 1] ?? null])));
  });
  const text = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { delimiter: ';', header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual(header);
  expect(xlsx.rowCount).toBe(xlsxRows.length);
  expect(csv.rowCount).toBe(parsed.data.length);
  return { xlsx, csv, sheet, header, xlsxRows, csvRows: parsed.data };
}

const dutchDate = (isoDate: string) => isoDate.split('-').reverse().join('-');
const wall = (instant: string) => {
  const l = toAmsterdamLocal(Date.parse(instant));
  return { date: l.date, hour: l.hour, minute: l.minute };
};

async function allQueueRows(stage: 'intake' | 'planning', filters: object): Promise<WorkQueueRow[]> {
  const rows: WorkQueueRow[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await call<OperationOutput<'queue.list'>>('queue.list', { stage, ...filters, offset, limit: 500 });
    rows.push(...page.rows);
    if (rows.length >= page.total) return rows;
  }
}

describe('exports.list on a demo district', () => {
  it('exports the werkvoorraad with a filter: every row of the list, in its order, dates as dates, formulas neutralised', async () => {
    // A name a spreadsheet would run as a formula, on a case in the queue.
    const first = (await allQueueRows('planning', {}))[0]!;
    await district.run('update suspect set full_name = ? where id = (select suspect_id from criminal_case where id = ?)', ['=HYPERLINK("http://x.example","klik")', first.id]);
    const filters = { policeUnit: first.policeUnit };
    const expected = await allQueueRows('planning', filters);
    expect(expected.length).toBeGreaterThan(0);
    const { xlsx, csv, sheet, header, xlsxRows, csvRows } = await exportBoth('workQueue', filters);

    expect(xlsx.fileName).toBe('werkvoorraad-ijsselvallei-demo-2026-06-15.xlsx');
    expect(csv.fileName).toBe('werkvoorraad-ijsselvallei-demo-2026-06-15.csv');
    expect(header.slice(0, 5)).toEqual(['Zaak', 'Feit', 'Verdachte', 'Modaliteit', 'Politie-eenheid']);
    expect(xlsxRows.map((r) => r.Zaak)).toEqual(expected.map((r) => r.parketnummer));
    expect(csvRows.map((r) => r.Zaak)).toEqual(expected.map((r) => r.parketnummer));
    expect(new Set(xlsxRows.map((r) => r['Politie-eenheid']))).toEqual(new Set([first.policeUnit]));

    const index = expected.findIndex((r) => r.id === first.id);
    expect(xlsxRows[index]!.Verdachte).toBe('\'=HYPERLINK("http://x.example","klik")');
    expect(csvRows[index]!.Verdachte).toBe('\'=HYPERLINK("http://x.example","klik")');

    const withLimit = expected.findIndex((r) => r.nextLimit !== null);
    const limit = wall(expected[withLimit]!.nextLimit!);
    const cell = sheet.getRow(withLimit + 2).getCell(header.indexOf('Termijn') + 1);
    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect(cell.numFmt).toBe('dd-mm-yyyy hh:mm');
    expect((cell.value as Date).toISOString().slice(0, 16)).toBe(`${limit.date}T${String(limit.hour).padStart(2, '0')}:${String(limit.minute).padStart(2, '0')}`);
    expect(csvRows[withLimit]!.Termijn).toBe(`${dutchDate(limit.date)} ${String(limit.hour).padStart(2, '0')}:${String(limit.minute).padStart(2, '0')}`);
    const hours = expected[withLimit]!.hoursLeft;
    expect(xlsxRows[withLimit]!['Uren resterend']).toBe(hours);
  });

  it('exports the instroom with its own filter', async () => {
    const filters = { policeUnit: 'Basisteam Zuid' };
    const expected = await allQueueRows('intake', filters);
    expect(expected.map((r) => r.parketnummer).sort()).toEqual(['19/700002-26', '19/700004-26']);
    const { xlsx, xlsxRows, csvRows } = await exportBoth('intake', filters);
    expect(xlsx.fileName).toMatch(/^instroom-ijsselvallei-demo-2026-06-15\.xlsx$/);
    expect(xlsxRows.map((r) => r.Zaak)).toEqual(expected.map((r) => r.parketnummer));
    expect(csvRows.map((r) => r.Zaak)).toEqual(expected.map((r) => r.parketnummer));
  });

  it('exports the cases behind a dashboard figure: all of them, not only the page on screen', async () => {
    const filters = { from: '2026-01-01', to: '2026-06-14' };
    const dashboard = await call<OperationOutput<'metrics.dashboard'>>('metrics.dashboard', filters);
    const drill = dashboard.intake.total.drill;
    const list = await call<OperationOutput<'metrics.cases'>>('metrics.cases', { drill, filters, offset: 0, limit: 500 });
    expect(list.total).toBeGreaterThan(100); // more than one page of the screen (100 rows)
    const { xlsxRows, csvRows, header } = await exportBoth('metricCases', { drill, filters });
    expect(xlsxRows.map((r) => r.Parketnummer)).toEqual(list.rows.map((r) => r.parketnummer));
    expect(csvRows).toHaveLength(list.total);
    const label = list.rows[0]!.dates[0]!.label;
    expect(header).toContain(label);
    expect(xlsxRows[0]![label]).toBeInstanceOf(Date);
    expect(csvRows[0]![label]).toMatch(/^\d{2}-\d{2}-\d{4}$/);
  });

  it('exports the reservations of the chosen period, one row per reservation', async () => {
    const filters = RESERVATION_PERIOD;
    const overview = await call<OperationOutput<'reservations.list'>>('reservations.list', filters);
    type Session = (typeof overview.sessions)[number];
    type Expected = { s: Session; r: Session['reservations'][number] | null };
    const expected = overview.sessions.flatMap((s): Expected[] => (s.reservations.length === 0 ? [{ s, r: null }] : s.reservations.map((r) => ({ s, r }))));
    expect(overview.sessions.some((s) => s.reservations.length > 0)).toBe(true);
    const { xlsxRows, csvRows } = await exportBoth('reservations', filters);
    expect(xlsxRows).toHaveLength(expected.length);
    expect(csvRows.map((r) => r['Datum zitting'])).toEqual(expected.map(({ s }) => dutchDate(s.date)));
    expect(xlsxRows.map((r) => r['Reservering: plaatsen'])).toEqual(expected.map(({ r }) => r?.slots ?? null));
    expect(csvRows.find((r) => r.Toelichting !== '')?.Toelichting).toBe("'=1+1 (toelichting)");
  });

  it('exports the hand-off queue in the order of its groups', async () => {
    const queue = await call<OperationOutput<'cjib.queue'>>('cjib.queue', {});
    expect(queue.items.length).toBeGreaterThan(0);
    const order = ['ready', 'blocked', 'waiting', 'returned', 'sent'];
    const expected = order.flatMap((g) => queue.items.filter((i) => i.group === g));
    const { xlsxRows, csvRows } = await exportBoth('handoffQueue', {});
    expect(xlsxRows.map((r) => r.Parketnummer)).toEqual(expected.map((i) => i.parketnummer));
    expect(csvRows.map((r) => r.Parketnummer)).toEqual(expected.map((i) => i.parketnummer));
    expect(xlsxRows[0]!['Beslist op']).toBeInstanceOf(Date);
  });

  it('exports the problems in the order of the page, with Dutch kinds', async () => {
    const problems = await call<OperationOutput<'planner.problems'>>('planner.problems', {});
    expect(problems.length).toBeGreaterThan(0);
    const expected = [...problems].sort((a, b) => compareSeverity(a.severity, b.severity) || a.date.localeCompare(b.date));
    const { xlsxRows, csvRows, header } = await exportBoth('problems', {});
    expect(header).toEqual(['Ernst', 'Datum', 'Probleem', 'Betreft']);
    expect(xlsxRows.map((r) => r.Betreft)).toEqual(expected.map((p) => p.subject));
    expect(csvRows.map((r) => r.Datum)).toEqual(expected.map((p) => dutchDate(p.date)));
  });

  it('exports the court roll of a session (sessions.courtRoll), named after the session', async () => {
    const { sessionId } = (await district.row<{ sessionId: number }>(
      "select session_id as \"sessionId\" from hearing where status = 'planned' group by session_id order by count(*) desc, session_id limit 1",
    ))!;
    const roll = await call<OperationOutput<'sessions.courtRoll'>>('sessions.courtRoll', { sessionId });
    expect(roll.rows.length).toBeGreaterThan(0);
    const { xlsx, xlsxRows, csvRows } = await exportBoth('courtRoll', { sessionId });
    expect(xlsx.fileName).toBe(`zittingsrol-ijsselvallei-demo-${roll.session.date}-zitting-${sessionId}.xlsx`);
    expect(xlsxRows.map((r) => [r.Tijd, r.Parketnummer])).toEqual(roll.rows.map((r) => [r.time, r.parketnummer]));
    expect(csvRows.map((r) => r.Gedetineerd)).toEqual(roll.rows.map((r) => (r.detained ? 'ja' : 'nee')));
    expect(xlsxRows[0]!.Politierechter ?? null).toBe(roll.session.judgeName);
    expect(xlsxRows[0]!['Datum zitting']).toBeInstanceOf(Date);
  });

  it('checks the filters with the list\'s own schema', async () => {
    expect(await handle('exports.list', { list: 'workQueue', filters: { modality: 'onbekend' }, format: 'csv' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await handle('exports.list', { list: 'reservations', filters: { from: '2026-07-01', to: '2026-06-01' }, format: 'csv' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await handle('exports.list', { list: 'problems', filters: {}, format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
