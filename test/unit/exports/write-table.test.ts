import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { tableCsvText, tableXlsxBuffer, writeTable, type TableColumn, type TableRow } from '../../../server/services/exports/write-table';
import { escapeCell, unescapeCell } from '../../../shared/cjib/batch-csv';

const columns: TableColumn[] = [
  { key: 'name', header: 'Naam verdachte', type: 'text' },
  { key: 'hearing', header: 'Zittingsdatum', type: 'date' },
  { key: 'arrest', header: 'Aanhouding', type: 'datetime' },
  { key: 'amount', header: 'Bedrag', type: 'number' },
  { key: 'detained', header: 'Gedetineerd', type: 'boolean' },
];

const row = (name: string): TableRow => ({ name, hearing: '2026-06-15', arrest: '2026-06-12T22:15:00Z', amount: -5, detained: true });

async function readXlsx(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

function readCsv(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
}

describe('write-table: formula-starting text cells are neutralised in CSV and XLSX', () => {
  const cases: { text: string; expected: string }[] = [
    { text: '=HYPERLINK("http://evil.example","klik")', expected: `'=HYPERLINK("http://evil.example","klik")` },
    { text: '+31 20 123 4567', expected: "'+31 20 123 4567" },
    { text: '-5', expected: "'-5" },
    { text: '@SUM(A1:A9)', expected: "'@SUM(A1:A9)" },
    { text: '\t=1+1', expected: "'\t=1+1" },
    { text: '\r=1+1', expected: "'\r=1+1" },
    { text: "'al gequote", expected: "''al gequote" },
    { text: 'Jansen', expected: 'Jansen' },
    { text: 'a=b', expected: 'a=b' },
  ];
  it.each(cases)('text $text', async ({ text, expected }) => {
    const csv = readCsv(tableCsvText({ columns, rows: [row(text)] }));
    expect(csv[1]![0]).toBe(expected);
    const sheet = await readXlsx(await tableXlsxBuffer({ columns, rows: [row(text)] }));
    // XML reads a bare CR back as LF (XML 1.0 end-of-line handling); the leading apostrophe is what matters.
    expect(sheet.getCell('A2').value).toBe(expected.replace(/\r/g, '\n'));
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
  });

  it('keeps the rule in one place: the CJIB batch uses the same escape, reversibly', () => {
    for (const { text, expected } of cases) {
      expect(escapeCell(text)).toBe(expected);
      expect(unescapeCell(escapeCell(text))).toBe(text);
    }
  });

  it('keeps a negative number a number (typed cell), while the text "-5" becomes text', async () => {
    const rows = [row('-5')];
    const csv = readCsv(tableCsvText({ columns, rows }));
    expect(csv[1]![0]).toBe("'-5");
    expect(csv[1]![3]).toBe('-5');
    const sheet = await readXlsx(await tableXlsxBuffer({ columns, rows }));
    expect(sheet.getCell('D2').value).toBe(-5);
    expect(sheet.getCell('D2').type).toBe(ExcelJS.ValueType.Number);
  });
});

describe('write-table: CSV as Dutch Excel expects', () => {
  const text = tableCsvText({ columns, rows: [row('Jansen'), { name: 'De Vries', hearing: null, arrest: null, amount: 12.5, detained: false }] });

  it('starts with a BOM, separates with ";" and ends lines with CRLF', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n')[0]).toBe('\uFEFFNaam verdachte;Zittingsdatum;Aanhouding;Bedrag;Gedetineerd');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it.each([
    { column: 1, expected: ['15-06-2026', ''], what: 'dates as dd-mm-jjjj' },
    { column: 2, expected: ['13-06-2026 00:15', ''], what: 'date-times in Amsterdam wall time (22:15 UTC = 00:15 CEST next day)' },
    { column: 3, expected: ['-5', '12,5'], what: 'numbers with a decimal comma' },
    { column: 4, expected: ['ja', 'nee'], what: 'booleans as ja/nee' },
  ])('$what', ({ column, expected }) => {
    const rows = readCsv(text);
    expect(rows.slice(1).map((r) => r[column])).toEqual(expected);
  });

  it('quotes a cell holding the separator or a line break', () => {
    const rows = readCsv(tableCsvText({ columns, rows: [{ ...row('a;b'), name: 'regel 1\nregel 2; meer' }] }));
    expect(rows[1]![0]).toBe('regel 1\nregel 2; meer');
  });
});

describe('write-table: XLSX with typed cells', () => {
  it('writes real date cells in Amsterdam wall time with Dutch formats', async () => {
    const sheet = await readXlsx(
      await tableXlsxBuffer({ columns, rows: [row('Jansen'), { ...row('Winter'), arrest: '2026-01-10T08:05:00+01:00', hearing: '2026-01-12' }] }),
    );
    const hearing = sheet.getCell('B2');
    expect(hearing.type).toBe(ExcelJS.ValueType.Date);
    expect((hearing.value as Date).toISOString()).toBe('2026-06-15T00:00:00.000Z');
    expect(hearing.numFmt).toBe('dd-mm-yyyy');
    const arrest = sheet.getCell('C2');
    expect(arrest.type).toBe(ExcelJS.ValueType.Date);
    // Summer time: 22:15 UTC is 00:15 on the next day in Amsterdam, and the cell shows that wall time.
    expect((arrest.value as Date).toISOString()).toBe('2026-06-13T00:15:00.000Z');
    expect(arrest.numFmt).toBe('dd-mm-yyyy hh:mm');
    // Winter time: +01:00.
    expect((sheet.getCell('C3').value as Date).toISOString()).toBe('2026-01-10T08:05:00.000Z');
    expect(sheet.getCell('E2').value).toBe('ja');
  });

  it('has a bold frozen header row with Dutch headers, an autofilter and column widths', async () => {
    const sheet = await readXlsx(await tableXlsxBuffer({ columns, rows: [row('Jansen')], sheetName: 'Werkvoorraad' }));
    expect(sheet.name).toBe('Werkvoorraad');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Naam verdachte', 'Zittingsdatum', 'Aanhouding', 'Bedrag', 'Gedetineerd']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    for (const column of sheet.columns) expect(column.width).toBeGreaterThanOrEqual(8);
  });

  it('writes an empty list as a header row only', async () => {
    const file = await writeTable({ columns, rows: [] }, 'xlsx');
    expect(file.extension).toBe('xlsx');
    const sheet = await readXlsx(file.content);
    expect(sheet.rowCount).toBe(1);
    const csv = await writeTable({ columns, rows: [] }, 'csv');
    expect(csv.mimeType).toContain('text/csv');
    expect(readCsv(csv.content.toString('utf8'))).toHaveLength(1);
  });
});

describe('write-table: a large list does not hold up the back end while its file is built', () => {
  /** Rows that count how often their cells are read, to see how much is built before the call returns. */
  function countingRows(count: number): { rows: TableRow[]; reads: () => number } {
    let reads = 0;
    const rows = Array.from({ length: count }, (_, i) => {
      const base = row(`Verdachte ${i}`);
      return Object.defineProperty({ ...base }, 'amount', {
        enumerable: true,
        get: () => {
          reads += 1;
          return i;
        },
      }) as TableRow;
    });
    return { rows, reads: () => reads };
  }

  it.each(['csv', 'xlsx'] as const)('builds a %s of 12,000 rows in steps, giving the event loop a turn between them, with every row in the file', async (format) => {
    const { rows, reads } = countingRows(12_000);
    const building = writeTable({ columns, rows }, format);
    // Before the first turn of the event loop only a first step of the rows may have been written.
    const readBeforeFirstTurn = reads();
    let turns = 0;
    const counting = setInterval(() => (turns += 1), 0);
    const file = await building;
    clearInterval(counting);
    expect(readBeforeFirstTurn).toBeLessThan(rows.length / 2);
    expect(turns).toBeGreaterThan(0);
    const body = format === 'csv' ? readCsv(file.content.toString('utf8')).slice(1) : ((await readXlsx(file.content)).getSheetValues().slice(2) as unknown[]);
    expect(body).toHaveLength(rows.length);
    // In steps or in one go: the same file.
    if (format === 'csv') expect(file.content.toString('utf8')).toBe(tableCsvText({ columns, rows }));
  });
});
