import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, type ImportColumn } from '../../../shared/intake/import-columns';
import { importRowBySchema, importRowToIntake, type RowResult } from '../../../shared/intake/import-row';
import { makeImportCsv } from '../../support/import-fixture';

// importRowToIntake builds the intake of a row that passes every rule straight from its parsed cells
// and sends every other row through caseIntakeSchema. Here both answers are compared, row for row:
// the same intake (keys and their order included) or the same problems.

const NOW = Date.parse('2026-06-15T10:00:00+02:00');
const HEADERS = IMPORT_COLUMNS.map((c) => c.header);
const columnAt = new Map<number, ImportColumn>(IMPORT_COLUMNS.map((column, index) => [index, column]));

function bySchema(row: number, cells: readonly string[]): RowResult {
  const byColumn = new Map<ImportColumn, string>();
  for (const [index, column] of columnAt) byColumn.set(column, cells[index] ?? '');
  return importRowBySchema(row, byColumn, NOW);
}

/** Both ways; returns whether the row was accepted. */
function same(row: number, cells: readonly string[]): boolean {
  const fast = importRowToIntake(row, cells, columnAt, NOW);
  const reference = bySchema(row, cells);
  expect(fast, `row ${row}: ${cells.join(';')}`).toStrictEqual(reference);
  if (fast.ok) expect(JSON.stringify(fast.intake)).toBe(JSON.stringify((reference as typeof fast).intake));
  return fast.ok;
}

const fixture = () =>
  makeImportCsv(400, 40)
    .csv.split('\r\n')
    .filter((line) => line !== '')
    .slice(1)
    .map((line) => line.split(';'));

/** Values to put in any column: near every rule's edge, in each notation the parsers take. */
const ANY = ['', ' ', '\u0000', 'a\tb', '\ufffd', 'x'.repeat(41), 'x'.repeat(61), 'x'.repeat(121), 'x'.repeat(201), 'x'.repeat(301), 'NULL', '-0', '1e309'];
const BY_HEADER: Record<string, string[]> = {
  parketnummer: ['19/123456-26', ' 19/123456-26 ', '19/12345-26', '19-123456-26', '19/123456-2', `19/123456-26${' '.repeat(30)}x`],
  'naam verdachte': ['Çelik Öztürk', 'Łukasz Żółć', 'Ĳsbrand – “De Vries” œ', 'x'.repeat(120), 'x'.repeat(121)],
  geboortedatum: ['03-07-1994', '3/7/1994', '1994-07-03', '29-02-2000', '29-02-2001', '01-01-1900', '15-06-2026', '16-06-2026', '15-06-2014', '14-06-2014', '01-01-2015', '31-12-2026', '03.07.1994', '1994-7-3'],
  'adres voor dagvaarding': ['Postbus 1, Hanzestad', 'x'.repeat(200)],
  advocaat: ['mr. T. Wolters', 'x'.repeat(120)],
  modaliteit: ['zsm', 'ZSM', 'supersnelrecht', 'snelrecht', 'Snelrecht gedetineerd', 'snelrecht_nd', 'snelrecht niet-gedetineerd', 'opvulzaak', 'filler', 'turbo'],
  'soort opvulzaak': ['verzet', 'oudere zaak', 'vtl', 'older_case', 'stock_case', 'nee'],
  'politie-eenheid': ['Basisteam Noord', 'x'.repeat(120)],
  feit: ['Winkeldiefstal', 'x'.repeat(300)],
  pleegdatum: ['14-03-2026', '14-03-2026 16:40', '2026-03-14T16:40:00+01:00', '2026-03-14T15:40:00Z', '14-03-2006', '14-03-2005', '01-01-1999', '15-06-2026 10:04', '15-06-2026 10:06', '29-03-2026 02:30', '25-10-2026 02:30'],
  aanhouding: ['14-03-2026 17:05', '14-03-2026', '14-3-2026 9.05', '2026-03-14 17:05', '2026-03-14T17:05:00+01:00', '2026-03-14T17:05:00.5+01:00', '1999-12-31T23:30:00Z', '1999-12-31T23:30:00+00:00', '01-01-2000 00:30', '15-06-2026 10:06', '29-03-2026 02:30', '25-10-2026 02:30', '14-03-2026 24:00', '14-03-2026 17:05:30'],
  inverzekeringstelling: ['14-03-2026 23:30', '14-03-2026 17:00', '13-03-2026 10:00', '15-03-2026 09:00'],
  'verlenging inverzekeringstelling': ['16-03-2026 23:00', '14-03-2026 20:00', '13-03-2026 10:00'],
  bewaring: ['17-03-2026 11:00', '14-03-2026 20:00', '13-03-2026 10:00'],
  'betekening dagvaarding': ['15-03-2026 10:00', '13-03-2026 10:00', '2100-01-01T10:00:00+01:00'],
  'instemming kortere termijn': ['ja', 'JA', 'j', 'x', 'nee', '0', '1', 'misschien'],
  zaaksgroep: ['PL0900-2026041412', 'x'.repeat(60)],
  duur_minuten: ['5', '4', '480', '481', '0030', '30', '4.5', '12345'],
};

/** mulberry32, so a failure can be repeated. */
function random(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

describe('an import row, built from its parsed cells or checked by the intake schema', () => {
  it('gives the same answer for the fixture rows, good and bad', () => {
    const rows = fixture();
    const accepted = rows.filter((cells, i) => same(i + 2, cells)).length;
    expect(accepted).toBe(rows.length - 40);
  });

  it('gives the same answer with every column set to each of its edge values', () => {
    const base = fixture()[1]!;
    let accepted = 0;
    let checked = 0;
    for (const [index, header] of HEADERS.entries()) {
      for (const value of [...(BY_HEADER[header] ?? []), ...ANY]) {
        const cells = [...base];
        cells[index] = value;
        if (same(2, cells)) accepted += 1;
        checked += 1;
      }
    }
    expect(accepted).toBeGreaterThan(checked / 4);
  });

  it('gives the same answer for every combination of modality, events and birth date (the rules across fields)', () => {
    const base = fixture()[1]!;
    const at = (header: string) => HEADERS.indexOf(header);
    const options: [string, string[]][] = [
      ['modaliteit', ['zsm', 'supersnelrecht', 'snelrecht', 'snelrecht niet-gedetineerd', 'opvulzaak']],
      ['soort opvulzaak', ['', 'verzet']],
      ['geboortedatum', ['03-07-1994', '13-03-2026', '15-03-2026']],
      ['aanhouding', ['', '14-03-2026 17:05', '12-03-2026 08:00']],
      ['inverzekeringstelling', ['', '14-03-2026 23:30', '14-03-2026 10:00', '13-03-2026 10:00']],
      ['verlenging inverzekeringstelling', ['', '16-03-2026 23:00', '14-03-2026 20:00']],
      ['bewaring', ['', '17-03-2026 11:00', '14-03-2026 20:00', '13-03-2026 09:00']],
      ['betekening dagvaarding', ['', '15-03-2026 10:00', '13-03-2026 10:00']],
    ];
    let rows = [base];
    for (const [header, values] of options) rows = rows.flatMap((cells) => values.map((value) => Object.assign([...cells], { [at(header)]: value })));
    // expect() per row is slow; compare first, report the first difference.
    const accepted = rows.filter((cells) => {
      const fast = importRowToIntake(2, cells, columnAt, NOW);
      if (JSON.stringify(fast) !== JSON.stringify(bySchema(2, cells))) same(2, cells);
      return fast.ok;
    }).length;
    expect(accepted).toBeGreaterThan(rows.length / 20);
  }, 60_000);

  it('gives the same answer for rows broken in up to four columns at once (seeded)', () => {
    const rows = fixture();
    const next = random(12);
    let accepted = 0;
    for (let n = 0; n < 5_000; n++) {
      const cells = [...rows[next(rows.length)]!];
      const breaks = 1 + next(4);
      for (let b = 0; b < breaks; b++) {
        const index = next(HEADERS.length);
        const pool = [...(BY_HEADER[HEADERS[index]!] ?? []), ...ANY];
        cells[index] = pool[next(pool.length)]!;
      }
      // A filler needs its kind, and other modalities refuse one: pair them now and then.
      if (next(4) === 0) [cells[5], cells[6]] = ['opvulzaak', BY_HEADER['soort opvulzaak']![next(5)]!];
      if (same(n + 2, cells)) accepted += 1;
    }
    expect(accepted).toBeGreaterThan(250);
  }, 60_000);
});
