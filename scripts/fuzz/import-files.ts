// Import files made on purpose, well-formed and hostile, for the import's bench, its fuzzer and its tests.
// The zip writer is deliberately minimal and can lie (declared sizes, truncation): that is what it is for.
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '../../shared/intake/import-columns';
import { makeImportCsv } from '../../test/support/import-fixture';

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Stored or deflated; default deflated. */
  method?: 'store' | 'deflate';
  /** Claim this uncompressed size in the headers instead of the real one (a lying zip). */
  declaredSize?: number;
}

/** A zip archive (no data descriptors, no zip64), as small as the format allows. */
export function zipFile(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.method === 'store' ? 0 : 8;
    const body = method === 0 ? entry.data : zlib.deflateRawSync(entry.data);
    const crc = zlib.crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Column letters of a 1-based column number (1 = A, 16384 = XFD). */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** One `<row>` of inline-string cells; `null` leaves the cell out. */
export function sheetRowXml(row: number, cells: (string | null)[], firstColumn = 1): string {
  const body = cells
    .map((text, i) => (text === null ? '' : `<c r="${columnLetters(firstColumn + i)}${row}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(text)}</t></is></c>`))
    .join('');
  return `<row r="${row}">${body}</row>`;
}

export interface WorkbookParts {
  /** The content of `<sheetData>`. */
  sheetData: string | Buffer;
  sharedStrings?: string[];
  /** Extra entries, or replacements of the standard ones by name. */
  extra?: ZipEntry[];
  method?: 'store' | 'deflate';
}

/** A minimal XLSX (one worksheet) around hand-written sheet XML, the way Excel orders its parts. */
export function xlsxFromParts(parts: WorkbookParts): Buffer {
  const sheet = Buffer.concat([
    Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'),
    Buffer.isBuffer(parts.sheetData) ? parts.sheetData : Buffer.from(parts.sheetData),
    Buffer.from('</sheetData></worksheet>'),
  ]);
  const standard: ZipEntry[] = [
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Zaken" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ];
  if (parts.sharedStrings) {
    const items = parts.sharedStrings.map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`).join('');
    standard.push({
      name: 'xl/sharedStrings.xml',
      data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${parts.sharedStrings.length}" uniqueCount="${parts.sharedStrings.length}">${items}</sst>`),
    });
  }
  const replaced = new Set((parts.extra ?? []).map((e) => e.name));
  return zipFile([...standard.filter((e) => !replaced.has(e.name)), ...(parts.extra ?? [])].map((e) => ({ method: parts.method, ...e })));
}

export const IMPORT_HEADERS = IMPORT_COLUMNS.map((c) => c.header);

/** The import fixture's rows (header first) as cells. */
export function fixtureRows(rows: number, bad = 0, startNumber = 200000): string[][] {
  const { csv } = makeImportCsv(rows, bad, startNumber);
  return csv
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(';'));
}

/** A real XLSX written by exceljs (as the template is), header first. */
export async function xlsxWithRows(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Zaken');
  for (const row of rows) sheet.addRow(row);
  return await writtenWorkbook(workbook);
}

/** The colleague's 7 KB files: a header and one cell far away (A1048576, XFD1048576), written by exceljs. */
export async function farCellXlsx(address: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Zaken');
  sheet.addRow(IMPORT_HEADERS);
  sheet.getCell(address).value = 'x';
  return await writtenWorkbook(workbook);
}

/**
 * exceljs stamps the workbook (docProps/core.xml) and each zip entry (JSZip) with the time of writing:
 * pinned here, so a file made from a seed is the same bytes in every run (the fuzz's bit flips land on
 * the same bytes, and a failing run can be repeated).
 */
const WRITTEN_AT = new Date('2026-06-15T08:00:00Z');

async function writtenWorkbook(workbook: ExcelJS.Workbook): Promise<Buffer> {
  workbook.created = WRITTEN_AT;
  workbook.modified = WRITTEN_AT;
  return withZipTimes(Buffer.from(await workbook.xlsx.writeBuffer()), WRITTEN_AT);
}

/** The zip with every entry's MS-DOS time and date (central directory and local header) set to `at`, in UTC. */
function withZipTimes(zip: Buffer, at: Date): Buffer {
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2);
  const date = ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('No end of central directory in the workbook');
  let entry = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    if (zip.readUInt32LE(entry) !== 0x02014b50) throw new Error('Unexpected central directory entry in the workbook');
    zip.writeUInt16LE(time, entry + 12);
    zip.writeUInt16LE(date, entry + 14);
    const local = zip.readUInt32LE(entry + 42);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    entry += 46 + zip.readUInt16LE(entry + 28) + zip.readUInt16LE(entry + 30) + zip.readUInt16LE(entry + 32);
  }
  return zip;
}

/** A header and one row numbered far beyond what Excel allows (`<row r="999999999">`). */
export function farRowXlsx(rowNumber = 999_999_999): Buffer {
  return xlsxFromParts({ sheetData: sheetRowXml(1, IMPORT_HEADERS) + sheetRowXml(rowNumber, ['x']) });
}

/**
 * A zip bomb: a worksheet of about `unpackedMb` MB of rows that compresses well but not absurdly
 * (varying numbers), so the archive itself stays far below the upload limit.
 * `lie` declares a tiny uncompressed size in the headers.
 */
export function zipBombXlsx(unpackedMb: number, lie = false): Buffer {
  const chunks: string[] = [sheetRowXml(1, IMPORT_HEADERS)];
  let bytes = 0;
  for (let r = 2; bytes < unpackedMb * 1024 * 1024; r++) {
    const row = `<row><c><v>${r % 10007}</v></c><c><v>${r % 97}</v></c><c t="inlineStr"><is><t>Verdachte</t></is></c></row>`;
    chunks.push(row);
    bytes += row.length;
  }
  const sheetData = Buffer.from(chunks.join(''));
  if (!lie) return xlsxFromParts({ sheetData });
  return xlsxFromParts({
    sheetData: '',
    extra: [
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.concat([Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'), sheetData, Buffer.from('</sheetData></worksheet>')]),
        declaredSize: 4096,
      },
    ],
  });
}

/** A zip bomb of another kind: one inline cell of `unpackedMb` MB of the same letter (compresses about 1000:1). */
export function hugeCellXlsx(unpackedMb: number): Buffer {
  const text = Buffer.alloc(unpackedMb * 1024 * 1024, 'a');
  return xlsxFromParts({ sheetData: Buffer.concat([Buffer.from(`${sheetRowXml(1, IMPORT_HEADERS)}<row r="2"><c r="A2" t="inlineStr"><is><t>`), text, Buffer.from('</t></is></c></row>')]) });
}

/** A CSV of `rows` fixture cases (semicolon, CRLF), as Dutch Excel writes it. */
export function largeCsv(rows: number, bad = 0): Buffer {
  return Buffer.from(makeImportCsv(rows, bad).csv);
}

/** An XLSX of `rows` fixture cases written by exceljs's streaming writer (a large sheet, shared strings). */
export async function largeXlsx(rows: number, bad = 0): Promise<Buffer> {
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Zaken');
  for (const row of fixtureRows(rows, bad)) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
