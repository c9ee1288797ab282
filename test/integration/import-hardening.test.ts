import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { farCellXlsx, farRowXlsx, IMPORT_HEADERS, sheetRowXml, xlsxFromParts, zipFile } from '../../scripts/fuzz/import-files';
import { runImportFuzz } from '../../scripts/fuzz/import-fuzz';
import { IMPORT_LIMITS, ImportFileError, readImportFile, stopImportThread } from '../../server/services/cases/read-import-file';
import type { ImportReport } from '../../shared/api/case-schemas';
import { openTestDatabase } from '../support/demo-database';
import { makeImportCsv } from '../support/import-fixture';
import { createTestApi } from '../support/test-api';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
afterAll(() => stopImportThread());

async function setup() {
  const database = await openTestDatabase(tempDir());
  const handle = createTestApi(database, { actor: 'coordinator.test', now: new Date('2026-04-14T12:00:00+02:00') });
  const importFile = async (fileName: string, content: Buffer, mode: 'valid_only' | 'all_or_nothing' = 'valid_only') => {
    const result = await handle('cases.import', { fileName, contentBase64: content.toString('base64'), mode, dryRun: false });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as ImportReport;
  };
  const cases = () => (database.sqlite.prepare('select count(*) as n from criminal_case').get() as { n: number }).n;
  return { database, handle, importFile, cases };
}

const header = 'parketnummer;naam verdachte;geboortedatum;modaliteit;politie-eenheid;feit';
const row = (n: number, name: string, offence = 'Diefstal') => `19/${String(700000 + n)}-26;${name};03-07-1988;zsm;Basisteam Oost;${offence}`;

async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return (error as Error).message;
}

describe('the import under files made to hurt it (issue 12)', () => {
  it('reads a 7 kB workbook with one cell at A1048576 as the one row it is', async () => {
    const { database, importFile, cases } = await setup();
    const report = await importFile('ver.xlsx', await farCellXlsx('A1048576'));
    expect(report).toMatchObject({ fileProblems: [], totalRows: 1, committed: 0 });
    expect(report.problems[0]).toMatchObject({ row: 1048576 });
    expect(cases()).toBe(0);
    database.close();
  });

  it.each([
    ['one cell at XFD1048576', () => farCellXlsx('XFD1048576'), 'Rij 1048576 heeft een gevulde cel in kolom 16.384; een importbestand heeft hoogstens 256 kolommen.'],
    ['<row r="999999999">', () => farRowXlsx(), 'Rijnummer 999999999 ligt buiten het bereik van Excel'],
    [
      'a zip bomb (300 MB declared), before unpacking',
      () => xlsxFromParts({ sheetData: '', extra: [{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet><sheetData/></worksheet>'), declaredSize: 300 * 1024 * 1024 }] }),
      'De werkmap is uitgepakt 301 MB groot; de grens voor één import is 100 MB.',
    ],
    [
      'a zip bomb that declares 4 kB and unpacks to 5 MB, while unpacking',
      () => {
        const rows = Array.from({ length: 60_000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c></row>`).join('');
        const sheet = Buffer.from(`<worksheet><sheetData>${sheetRowXml(1, IMPORT_HEADERS)}${rows}</sheetData></worksheet>`);
        return xlsxFromParts({ sheetData: '', extra: [{ name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: 4096 }] });
      },
      'is uitgepakt groter dan de werkmap zelf aangeeft',
    ],
    [
      'one cell of 50 MB (50 kB packed)',
      () => xlsxFromParts({ sheetData: Buffer.concat([Buffer.from(`${sheetRowXml(1, IMPORT_HEADERS)}<row r="2"><c r="A2" t="inlineStr"><is><t>`), Buffer.alloc(50 * 1024 * 1024, 'a'), Buffer.from('</t></is></c></row>')]) }),
      'de grens is 10.000 tekens per cel',
    ],
    ['a truncated workbook', async () => (await farCellXlsx('B2')).subarray(0, 3000), 'Het XLSX-bestand is beschadigd of geen Excel-werkmap.'],
  ])('refuses an XLSX with %s as a whole, naming why', async (_label, make, message) => {
    const { database, importFile, cases } = await setup();
    const report = await importFile('werkmap.xlsx', await make());
    expect(report.fileProblems).toHaveLength(1);
    expect(report.fileProblems[0]).toContain(message);
    expect(report.committed).toBe(0);
    expect(cases()).toBe(0);
    database.close();
  });

  it.each([
    ['more rows than the limit', () => `${header}\r\n${'x;\r\n'.repeat(IMPORT_LIMITS.maxRows + 1)}`, 'Het bestand heeft meer dan 100.000 rijen met zaken: dat is de grens voor één import.'],
    ['a filled cell beyond column 256', () => `${header}\r\n${Array.from({ length: 300 }, (_, i) => `c${i}`).join(';')}`, 'Rij 2 heeft een gevulde cel in kolom 300; een importbestand heeft hoogstens 256 kolommen.'],
    ['a cell of 20,000 characters', () => `${header}\r\n${row(1, 'x'.repeat(20_000))}`, 'Rij 2, kolom 2: de cel is 20.000 tekens lang; de grens is 10.000 tekens per cel.'],
    ['a quote that is never closed', () => `${header}\r\n${row(1, '"A. Jansen')}\r\n${row(2, 'B')}`, 'CSV niet leesbaar bij rij 2: een aanhalingsteken wordt niet gesloten.'],
  ])('refuses a CSV with %s as a whole, naming the limit', async (_label, make, message) => {
    const { database, importFile, cases } = await setup();
    const report = await importFile('zaken.csv', Buffer.from(make()));
    expect(report.fileProblems).toEqual([expect.stringContaining(message)]);
    expect(cases()).toBe(0);
    database.close();
  });

  it('refuses a file over 20 MB, and a file that takes longer than the time limit, before or while reading', async () => {
    expect(await refusal(readImportFile('groot.csv', Buffer.alloc(IMPORT_LIMITS.maxFileBytes + 1, 'a')))).toBe(
      'Het bestand is 21 MB groot; de grens voor één import is 20 MB. Er is niets geïmporteerd; splits het bestand in delen.',
    );
    expect(await refusal(readImportFile('traag.csv', Buffer.from(makeImportCsv(2_000, 0).csv), { limits: { maxSeconds: 0 } }))).toBe(
      'Het lezen van het bestand duurde langer dan 0 seconden, de grens voor één import. Er is niets geïmporteerd; splits het bestand in kleinere delen.',
    );
  });

  it('reads in a worker thread: the calling thread keeps turning while a file is read, and hears how far it is', async () => {
    const content = Buffer.from(makeImportCsv(12_000, 0).csv);
    const progress: number[] = [];
    let turns = 0;
    let reading = true;
    const spin = () => {
      turns += 1;
      if (reading) setImmediate(spin);
    };
    const read = readImportFile('veel.csv', content, { onProgress: ({ rowsRead }) => progress.push(rowsRead) });
    spin();
    const table = await read;
    reading = false;
    expect(table.rows).toHaveLength(12_000);
    expect(table.rows[0]).toMatchObject({ row: 2 });
    expect(turns).toBeGreaterThan(1);
    expect(progress).toEqual([5_000, 10_000, 12_000]);
  });

  it('answers another request while a large file is being read', async () => {
    const { database, handle } = await setup();
    const order: string[] = [];
    const big = handle('cases.import', { fileName: 'veel.csv', contentBase64: Buffer.from(makeImportCsv(20_000, 0).csv).toString('base64'), mode: 'valid_only', dryRun: true }).then(() => order.push('import'));
    const small = handle('cases.find', { parketnummer: '19/999999-26' }).then(() => order.push('find'));
    await Promise.all([big, small]);
    expect(order).toEqual(['find', 'import']);
    database.close();
  });
});

describe('the text of an import arrives exactly as written (issue 12)', () => {
  const NAMES = ['Çelik Öztürk', 'Łukasz Żółć', 'Ĳsbrand de Ĳssel', 'Ağrı Doğan', 'Cœur – “De Vries”'];

  it('stores UTF-8 names with ç, ł, ż, Ĳ, ğ, œ, – and “ ” exactly, with or without BOM, and from UTF-16 with BOM', async () => {
    const { database, importFile } = await setup();
    const text = (start: number) => `${header}\r\n${NAMES.map((name, i) => row(start + i, name)).join('\r\n')}\r\n`;
    expect((await importFile('a.csv', Buffer.from(text(0)))).committed).toBe(5);
    expect((await importFile('b.csv', Buffer.from(`\uFEFF${text(10)}`))).committed).toBe(5);
    expect((await importFile('c.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(20), 'utf16le')]))).committed).toBe(5);
    const stored = (database.sqlite.prepare('select full_name from suspect order by id').all() as { full_name: string }[]).map((r) => r.full_name);
    expect(stored).toEqual([...NAMES, ...NAMES, ...NAMES]);
    database.close();
  });

  it('refuses a UTF-8 file with one invalid byte, naming line and byte, instead of storing "Ãelik"', async () => {
    const { database, importFile, cases } = await setup();
    const good = Buffer.from(`${header}\r\n${row(1, 'Çelik Öztürk')}\r\n${row(2, 'Piet')}\r\n`);
    const lineThree = good.indexOf('\r\n19/700002') + 2;
    const bad = Buffer.concat([good.subarray(0, lineThree + 20), Buffer.from([0xe9]), good.subarray(lineThree + 20)]);
    const report = await importFile('kapot.csv', bad);
    expect(report.fileProblems).toEqual([expect.stringContaining('ongeldige byte op regel 3, byte 21 van die regel (0xE9)')]);
    expect(report.totalRows).toBe(0);
    expect(cases()).toBe(0);
    database.close();
  });

  it('decodes a real Windows-1252 file with its table: €, –, “ ”, œ and é are not lost', async () => {
    const { database, importFile } = await setup();
    const ansi = (text: string) =>
      Buffer.from(Array.from(text, (c) => ({ '€': 0x80, '–': 0x96, '“': 0x93, '”': 0x94, 'œ': 0x9c })[c] ?? c.charCodeAt(0)));
    const content = ansi(`${header}\r\n${row(1, 'Cœur Sénéchal', 'Oplichting – “€ 50”')}\r\n`);
    expect((await importFile('ansi.csv', content)).committed).toBe(1);
    expect(database.sqlite.prepare('select full_name from suspect').get()).toEqual({ full_name: 'Cœur Sénéchal' });
    expect(database.sqlite.prepare('select offence_summary from criminal_case').get()).toEqual({ offence_summary: 'Oplichting – “€ 50”' });
    database.close();
  });

  it('refuses a control character or NUL in a field for that row and field only, in Dutch', async () => {
    const { database, importFile } = await setup();
    const content = Buffer.from(`${header}\r\n${row(1, 'A. Jansen')}\r\n${row(2, 'B.\u0000Smit')}\r\n${row(3, 'C. de Vries', 'Diefstal\u0007')}\r\n`);
    const report = await importFile('stuur.csv', content);
    expect(report.problems).toEqual([
      { row: 3, column: 'naam verdachte', message: 'Bevat een nul-teken (U+0000) op positie 3: verwijder het uit de cel' },
      { row: 4, column: 'feit', message: 'Bevat een stuurteken (U+0007) op positie 9: verwijder het uit de cel' },
    ]);
    expect(report.committed).toBe(1);
    database.close();
  });

  it('reads Excel escapes (_x0007_) in a workbook and refuses the control character in its row', async () => {
    const { database, importFile } = await setup();
    const cells = header.split(';');
    const sheetData = [cells, row(1, 'A. Jansen').split(';'), row(2, 'B._x0007_Smit').split(';')].map((c, i) => sheetRowXml(i + 1, c)).join('');
    const report = await importFile('stuur.xlsx', xlsxFromParts({ sheetData }));
    expect(report.problems).toEqual([{ row: 3, column: 'naam verdachte', message: 'Bevat een stuurteken (U+0007) op positie 3: verwijder het uit de cel' }]);
    expect(report.committed).toBe(1);
    database.close();
  });

  it('uses the cached value of a formula cell and reads a stored (uncompressed) workbook', async () => {
    const { database, importFile } = await setup();
    const cells = header.split(';').map((h, i) => `<c r="${String.fromCharCode(65 + i)}2" t="inlineStr"><is><t>${row(1, 'A. Jansen').split(';')[i]}</t></is></c>`);
    cells[1] = '<c r="B2" t="str"><f>CONCAT("A. ","Jansen")</f><v>A. Jansen</v></c>';
    const workbook = xlsxFromParts({ sheetData: `${sheetRowXml(1, header.split(';'))}<row r="2">${cells.join('')}</row>`, method: 'store' });
    expect((await importFile('formule.xlsx', workbook)).committed).toBe(1);
    expect(database.sqlite.prepare('select full_name from suspect').get()).toEqual({ full_name: 'A. Jansen' });
    database.close();
  });

  it('refuses a control character in the header as a whole', async () => {
    const { database, importFile } = await setup();
    const report = await importFile('kop.csv', Buffer.from(`${header.replace('naam verdachte', 'naam\u0001verdachte')}\r\n${row(1, 'A. Jansen')}\r\n`));
    expect(report.fileProblems).toEqual(['Kopregel, kolom 2: Bevat een stuurteken (U+0001) op positie 5: verwijder het uit de cel.']);
    database.close();
  });

  it('holds the rota import, which reads with the same reader, to the same rules', async () => {
    const { database, handle } = await setup();
    const content = Buffer.concat([Buffer.from('naam;rol\r\nÇelik;rechter\r\n'), Buffer.from([0xff])]);
    const result = await handle('people.import', { fileName: 'rooster.csv', contentBase64: content.toString('base64'), dryRun: false });
    expect(result).toMatchObject({ ok: true, value: { committed: false, fileProblems: [expect.stringContaining('ongeldige byte op regel 3')] } });
    database.close();
  });
});

describe('npm run fuzz:import, short', () => {
  it('runs malformed rows and files through dry run and commit: no error envelope, no partial import, every refusal in Dutch', async () => {
    const result = await runImportFuzz({ rows: 300, files: 70, seed: 12 });
    expect(result.failures).toEqual([]);
    expect(result).toMatchObject({ malformedRows: 300, malformedFiles: 70 });
    expect(result.refusedFiles).toBeGreaterThan(30);
    expect(result.rowProblems).toBeGreaterThan(100);
  }, 120_000);
});

// Keep the zip writer honest: an archive it writes is one yauzl and Excel's readers accept.
describe('the test zip writer', () => {
  it('writes entries that inflate to what they hold', () => {
    const zip = zipFile([{ name: 'a.txt', data: Buffer.from('hallo') }]);
    const body = zip.subarray(30 + 'a.txt'.length, zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    expect(zlib.inflateRawSync(body).toString()).toBe('hallo');
  });
});
