// npm run fuzz:import — malformed rows and malformed CSV/XLSX files, made here from a seed, each run
// through the case import via the api handler (dry run, then commit) on a temporary SQLite file.
// Checks: never an error envelope (INTERNAL or other), never a partial import, every refusal in Dutch.
// `--short` (or FUZZ_SHORT=1) runs a small version; `--seed N` another sequence; FUZZ_VERBOSE=1 prints
// what became of each file. Exit code 1 on a failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { openDatabase } from '../../db/open-database';
import { stopImportThread } from '../../server/services/cases/read-import-file';
import type { ImportReport } from '../../shared/api/case-schemas';
import { createTestApi } from '../../test/support/test-api';
import { columnLetters, fixtureRows, IMPORT_HEADERS, sheetRowXml, xlsxFromParts, xlsxWithRows, zipFile } from './import-files';

export interface FuzzOptions {
  /** Malformed rows to make (spread over CSV and XLSX files). */
  rows: number;
  /** Malformed files to make (CSV and XLSX). */
  files: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface FuzzResult {
  rowFiles: number;
  malformedRows: number;
  malformedFiles: number;
  csvFiles: number;
  xlsxFiles: number;
  refusedFiles: number;
  committedRows: number;
  rowProblems: number;
  failures: string[];
}

/** The fuzzer's pinned clock. */
const NOW = new Date('2026-06-15T10:00:00+02:00');

/** mulberry32: a small seeded generator, so a failing run can be repeated with its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  return { next, int, pick, bytes };
}
type Random = ReturnType<typeof random>;

// ---------------------------------------------------------------------------------------------------
// Malformed rows: a valid fixture row, broken in one or more ways.

const NASTY_TEXT = [
  '=HYPERLINK("http://x","klik")',
  '+cmd|\' /C calc\'!A0',
  '@SUM(1+1)',
  '-2+3',
  '\u0000',
  'a\u0007b',
  'regel\neen\r\ntwee',
  'tab\there',
  '\u001b[31mrood',
  '\u202egnirts',
  '\u200b',
  '\ufeff',
  '\ufffd',
  '\u0085',
  '😀👨‍👩‍👧',
  'Ĳsselmeer œuvre – “quote”',
  'Çelik Öztürk Łukasz Żółć Ğ',
  '   ',
  '\u00a0',
  '"',
  '""',
  '"half',
  ';',
  ',',
  'NULL',
  'undefined',
  '<script>alert(1)</script>',
  '&amp;&lt;',
  "'; drop table criminal_case; --",
  '1e309',
  '-0',
  'NaN',
  '19/123456-26 ',
  '19/000000-00',
  '31-02-2026',
  '00-00-0000',
  '29-02-2025 10:00',
  '14-04-2026 25:61',
  '2026-13-01',
  '14-04-2026T10:00:00+99:00',
  '9999-12-31',
  '01-01-0001',
  'ja nee',
  'JA',
  '0',
  '481',
  '4.5',
  'x'.repeat(300),
  'y'.repeat(5000),
];

function malformedRow(rng: Random, base: string[]): string[] {
  const row = [...base];
  const breaks = 1 + rng.int(3);
  for (let b = 0; b < breaks; b++) {
    const column = rng.int(row.length);
    switch (rng.int(8)) {
      case 0:
        row[column] = rng.pick(NASTY_TEXT);
        break;
      case 1:
        row[column] = '';
        break;
      case 2:
        row[column] = `${row[column]}${rng.pick(NASTY_TEXT)}`;
        break;
      case 3:
        row.length = rng.int(row.length);
        break;
      case 4:
        row.push(...Array.from({ length: 1 + rng.int(4) }, () => rng.pick(NASTY_TEXT)));
        break;
      case 5:
        row[column] = rng.bytes(1 + rng.int(12)).toString('latin1');
        break;
      case 6:
        row[column] = String.fromCharCode(...Array.from({ length: 1 + rng.int(8) }, () => rng.int(0x3000)));
        break;
      default:
        row[0] = rng.pick(['19/200000-26', '', '19/1-26', row[0] ?? '']);
    }
  }
  return row;
}

/** Control characters cannot stand in XML; OOXML writes them as _xHHHH_ (and a literal "_x" as "_x005F_x"). */
function ooxmlText(text: string): string {
  let out = '';
  for (const char of text.replace(/_x/g, '_x005F_x')) {
    const code = char.charCodeAt(0);
    const xmlSafe = code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code < 0xd800) || (code > 0xdfff && code < 0xfffe) || char.length === 2;
    out += xmlSafe ? char : code >= 0xd800 && code <= 0xdfff ? '\ufffd' : `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
  }
  return out;
}

function rowsFile(rng: Random, rows: string[][], index: number): { fileName: string; content: Buffer; kind: 'csv' | 'xlsx' } {
  if (rng.next() < 0.25) {
    const sheetData = [IMPORT_HEADERS, ...rows].map((cells, i) => sheetRowXml(i + 1, cells.map(ooxmlText))).join('');
    return { fileName: `rijen-${index}.xlsx`, content: xlsxFromParts({ sheetData }), kind: 'xlsx' };
  }
  const delimiter = rng.pick([';', ';', ',', '\t']);
  const text = Papa.unparse([IMPORT_HEADERS, ...rows], { delimiter, newline: rng.pick(['\r\n', '\n']) });
  const encoding = rng.int(10);
  const content = encoding === 0 ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) : Buffer.from(text);
  return { fileName: `rijen-${index}.csv`, content, kind: 'csv' };
}

// ---------------------------------------------------------------------------------------------------
// Malformed files.

type FileMaker = (rng: Random, index: number) => { fileName: string; content: Buffer } | Promise<{ fileName: string; content: Buffer }>;

const header = IMPORT_HEADERS.join(';');
const someRows = (rng: Random, index: number, n = 3) => fixtureRows(n, 0, 500000 + index * 10).slice(1);
const csvOf = (rows: string[][]) => rows.map((r) => r.join(';')).join('\r\n');

const WINDOWS_1252 = Buffer.from([0x80, 0x96, 0x93, 0x94, 0x9c, 0xe7, 0xeb]); // € – “ ” œ ç ë

const CSV_MAKERS: Record<string, FileMaker> = {
  randomBytes: (rng, i) => ({ fileName: `ruis-${i}.csv`, content: rng.bytes(rng.int(4000)) }),
  empty: (_rng, i) => ({ fileName: `leeg-${i}.csv`, content: Buffer.alloc(0) }),
  bomOnly: (_rng, i) => ({ fileName: `bom-${i}.csv`, content: Buffer.from([0xef, 0xbb, 0xbf]) }),
  invalidUtf8Byte: (rng, i) => {
    const good = Buffer.from(`${header}\r\n${csvOf(someRows(rng, i))}\r\nÇelik Öztürk`);
    const at = rng.int(good.length);
    return { fileName: `kapot-${i}.csv`, content: Buffer.concat([good.subarray(0, at), Buffer.from([rng.pick([0xff, 0xc3, 0x80, 0xed, 0xf4])]), good.subarray(at)]) };
  },
  windows1252: (rng, i) => {
    const rows = someRows(rng, i).map((r) => r.join(';'));
    return { fileName: `ansi-${i}.csv`, content: Buffer.concat([Buffer.from(`${header}\r\n${rows.join('\r\n')};`, 'latin1'), WINDOWS_1252]) };
  },
  undefinedWindows1252Byte: (rng, i) => ({ fileName: `ansi-${i}.csv`, content: Buffer.concat([Buffer.from(`${header}\r\n${csvOf(someRows(rng, i))}`), Buffer.from([0x81, 0x8d])]) }),
  utf16: (rng, i) => {
    const text = `${header}\r\n${csvOf(someRows(rng, i))}`;
    const variant = rng.int(3);
    const le = Buffer.from(text, 'utf16le');
    if (variant === 0) return { fileName: `utf16-${i}.csv`, content: Buffer.concat([Buffer.from([0xff, 0xfe]), le]) };
    if (variant === 1) return { fileName: `utf16-${i}.csv`, content: le };
    const be = Buffer.from(le);
    be.swap16();
    return { fileName: `utf16-${i}.csv`, content: Buffer.concat([Buffer.from([0xfe, 0xff]), be]) };
  },
  hugeCell: (rng, i) => ({ fileName: `groot-${i}.csv`, content: Buffer.from(`${header}\r\n19/1-26;${'a'.repeat(10_001 + rng.int(50_000))}`) }),
  manyColumns: (rng, i) => ({ fileName: `breed-${i}.csv`, content: Buffer.from(`${header}\r\n${Array.from({ length: 257 + rng.int(1000) }, (_, k) => `c${k}`).join(';')}`) }),
  oddDelimiter: (rng, i) => {
    const delimiter = rng.pick(['|', '\u001e', '\u001f', ' ', ':', ';;', '\t,']);
    return { fileName: `scheiding-${i}.csv`, content: Buffer.from([IMPORT_HEADERS, ...someRows(rng, i)].map((r) => r.join(delimiter)).join('\n')) };
  },
  unclosedQuote: (rng, i) => ({ fileName: `quote-${i}.csv`, content: Buffer.from(`${header}\r\n${csvOf(someRows(rng, i))}\r\n"19/1-26;${'x'.repeat(rng.int(100))}`) }),
  lineEndings: (rng, i) => ({ fileName: `regels-${i}.csv`, content: Buffer.from([IMPORT_HEADERS, ...someRows(rng, i)].map((r) => r.join(';')).join(rng.pick(['\r', '\n\r', '\u2028']))) }),
  headerOnly: (_rng, i) => ({ fileName: `kop-${i}.csv`, content: Buffer.from(`${header}\r\n`) }),
  duplicateHeader: (rng, i) => ({ fileName: `dubbel-${i}.csv`, content: Buffer.from(`${header};parketnummer\r\n${csvOf(someRows(rng, i))}`) }),
  nulBytes: (rng, i) => {
    const text = Buffer.from(`${header}\r\n${csvOf(someRows(rng, i))}`);
    for (let k = 0; k < 3; k++) text[rng.int(text.length)] = 0;
    return { fileName: `nul-${i}.csv`, content: text };
  },
  xlsxNamedCsv: async (rng, i) => ({ fileName: `werkmap-${i}.csv`, content: await xlsxWithRows([IMPORT_HEADERS, ...someRows(rng, i)]) }),
  formulas: (rng, i) => ({ fileName: `formule-${i}.csv`, content: Buffer.from(`${header}\r\n${someRows(rng, i).map((r) => r.map((c) => (rng.next() < 0.3 ? `=${c}` : c)).join(';')).join('\r\n')}`) }),
  manyRows: (rng, i) => ({ fileName: `veel-${i}.csv`, content: Buffer.from(`${header}\r\n${'x;\r\n'.repeat(100_001 + rng.int(1000))}`) }),
};

const validSheet = (rng: Random, i: number) => [IMPORT_HEADERS, ...someRows(rng, i)].map((cells, r) => sheetRowXml(r + 1, cells)).join('');

const XLSX_MAKERS: Record<string, FileMaker> = {
  truncated: async (rng, i) => {
    const good = await xlsxWithRows([IMPORT_HEADERS, ...someRows(rng, i)]);
    return { fileName: `afgebroken-${i}.xlsx`, content: good.subarray(0, rng.int(good.length)) };
  },
  bitFlips: async (rng, i) => {
    const content = Buffer.from(await xlsxWithRows([IMPORT_HEADERS, ...someRows(rng, i)]));
    for (let k = 0; k < 1 + rng.int(20); k++) {
      const at = rng.int(content.length);
      content[at] = content[at]! ^ (1 << rng.int(8));
    }
    return { fileName: `bitfout-${i}.xlsx`, content };
  },
  lyingSize: (rng, i) => {
    const sheet = Buffer.from(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${validSheet(rng, i)}${'<row/>'.repeat(20_000)}</sheetData></worksheet>`);
    return { fileName: `liegt-${i}.xlsx`, content: xlsxFromParts({ sheetData: '', extra: [{ name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: 1 + rng.int(sheet.length - 1) }] }) };
  },
  declaredHuge: (rng, i) => {
    const sheet = Buffer.from(`<worksheet><sheetData>${validSheet(rng, i)}</sheetData></worksheet>`);
    return { fileName: `bom-${i}.xlsx`, content: xlsxFromParts({ sheetData: '', extra: [{ name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: 200 * 1024 * 1024 + rng.int(1e9) }] }) };
  },
  missingPart: (rng, i) => {
    const name = rng.pick(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/_rels/workbook.xml.rels', '_rels/.rels']);
    return { fileName: `zonder-${i}.xlsx`, content: xlsxFromParts({ sheetData: validSheet(rng, i), extra: [{ name, data: Buffer.from('') }] }) };
  },
  sharedStringOutOfRange: (_rng, i) => ({
    fileName: `tekst-${i}.xlsx`,
    content: xlsxFromParts({ sheetData: `${sheetRowXml(1, IMPORT_HEADERS)}<row r="2"><c r="A2" t="s"><v>99</v></c></row>`, sharedStrings: ['a'] }),
  }),
  badReferences: (rng, i) => {
    const ref = rng.pick(['A0', '1A', 'ZZZZ1', '', 'A-1', 'XFE2', 'a2']);
    const row = rng.pick(['0', '-1', '2', '2', '1048577', 'x', '1.5']);
    return { fileName: `verwijzing-${i}.xlsx`, content: xlsxFromParts({ sheetData: `${sheetRowXml(1, IMPORT_HEADERS)}<row r="${row}"><c r="${ref}" t="inlineStr"><is><t>x</t></is></c></row><row r="2"><c><v>1</v></c></row>` }) };
  },
  cellKinds: (rng, i) => {
    const cells = [
      '<c r="A2" t="str"><f>CONCAT("19/","1")</f><v>19/600001-26</v></c>',
      '<c r="B2"><f>1+1</f></c>',
      '<c r="C2" t="e"><v>#N/A</v></c>',
      '<c r="D2" t="b"><v>1</v></c>',
      '<c r="E2" t="d"><v>2026-04-14T10:00:00</v></c>',
      `<c r="F2" s="1"><v>${rng.pick(['1e308', '-5', '45000.5', 'abc', ''])}</v></c>`,
      '<c r="G2" t="inlineStr"><is><r><t>rich</t></r><r><t> text</t></r><rPh><t>phonetic</t></rPh></is></c>',
      '<c r="H2" t="s"><v>x</v></c>',
    ];
    const styles = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>';
    return {
      fileName: `soorten-${i}.xlsx`,
      content: xlsxFromParts({
        sheetData: `${sheetRowXml(1, IMPORT_HEADERS)}<row r="2">${cells.filter(() => rng.next() < 0.7).join('')}</row>`,
        sharedStrings: [],
        extra: [
          { name: 'xl/styles.xml', data: Buffer.from(styles) },
          {
            name: 'xl/_rels/workbook.xml.rels',
            data: Buffer.from(
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
            ),
          },
        ],
      }),
    };
  },
  entityExpansion: (_rng, i) => ({
    fileName: `entiteit-${i}.xlsx`,
    content: xlsxFromParts({
      sheetData: '',
      extra: [
        {
          name: 'xl/worksheets/sheet1.xml',
          data: Buffer.from(
            `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><worksheet><sheetData>${sheetRowXml(1, IMPORT_HEADERS)}<row r="2"><c r="A2" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>`,
          ),
        },
      ],
    }),
  }),
  brokenXml: (rng, i) => ({ fileName: `xml-${i}.xlsx`, content: xlsxFromParts({ sheetData: `${sheetRowXml(1, IMPORT_HEADERS)}<row r="2"><c r="A2"><v>1</c>${rng.pick(['<', '&bogus;', '\u0001', ']]>'])}` }) }),
  notUtf8Xml: (rng, i) => ({ fileName: `bytes-${i}.xlsx`, content: xlsxFromParts({ sheetData: Buffer.concat([Buffer.from(sheetRowXml(1, IMPORT_HEADERS)), Buffer.from('<row r="2"><c r="A2" t="inlineStr"><is><t>'), rng.bytes(20), Buffer.from('</t></is></c></row>')]) }) }),
  hugeCell: (rng, i) => ({ fileName: `cel-${i}.xlsx`, content: xlsxFromParts({ sheetData: `${sheetRowXml(1, IMPORT_HEADERS)}${sheetRowXml(2, ['z'.repeat(10_001 + rng.int(100_000))])}` }) }),
  farColumn: (rng, i) => ({ fileName: `ver-${i}.xlsx`, content: xlsxFromParts({ sheetData: `${sheetRowXml(1, IMPORT_HEADERS)}<row r="2"><c r="${columnLetters(257 + rng.int(16000))}2" t="inlineStr"><is><t>x</t></is></c></row>` }) }),
  stored: (rng, i) => ({ fileName: `opgeslagen-${i}.xlsx`, content: xlsxFromParts({ sheetData: validSheet(rng, i), method: 'store' }) }),
  encryptedFlag: (rng, i) => {
    const content = Buffer.from(xlsxFromParts({ sheetData: validSheet(rng, i) }));
    // Set "encrypted" in every central directory header.
    for (let at = content.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = content.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) content[at + 8] = content[at + 8]! | 1;
    return { fileName: `versleuteld-${i}.xlsx`, content };
  },
  unknownMethod: (rng, i) => {
    const content = Buffer.from(xlsxFromParts({ sheetData: validSheet(rng, i) }));
    for (let at = content.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = content.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) content.writeUInt16LE(99, at + 10);
    return { fileName: `methode-${i}.xlsx`, content };
  },
  randomBytes: (rng, i) => ({ fileName: `ruis-${i}.xlsx`, content: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), rng.bytes(rng.int(3000))]) }),
  csvNamedXlsx: (rng, i) => ({ fileName: `tekst-${i}.xlsx`, content: Buffer.from(`${header}\r\n${csvOf(someRows(rng, i))}`) }),
  oldXls: (rng, i) => ({ fileName: `oud-${i}.xlsx`, content: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), rng.bytes(500)]) }),
  emptyZip: (_rng, i) => ({ fileName: `leeg-${i}.xlsx`, content: zipFile([]) }),
  rowsOutOfOrder: (rng, i) => ({ fileName: `volgorde-${i}.xlsx`, content: xlsxFromParts({ sheetData: `${sheetRowXml(1, IMPORT_HEADERS)}${sheetRowXml(5, ['a'])}${sheetRowXml(rng.pick([3, 5]), ['b'])}` }) }),
  controlEscapes: (rng, i) => ({
    fileName: `stuur-${i}.xlsx`,
    content: xlsxFromParts({ sheetData: [IMPORT_HEADERS, ...someRows(rng, i).map((r) => r.map((c, k) => (k === 1 ? `${c}_x000${rng.int(9)}_` : c)))].map((cells, r) => sheetRowXml(r + 1, cells)).join('') }),
  }),
};

// ---------------------------------------------------------------------------------------------------

const DUTCH = /\b(de|het|een|is|niet|geen|van|in|op|bij|rij|kolom|bestand|vul|te|dubbel|al|staat|werkmap|grens|ligt|na|vóór|voor|moet|leeg|ontbreekt|bevat|verwijder|kies|tekens|geldige|hoogstens)\b/i;
const ENGLISH = /\b(the|invalid|expected|received|undefined|error|cannot|failed|must|string|number|option|too (big|small))\b/i;

/** Dutch words in the message, and no English ones outside the quoted value it repeats from the file. */
function checkDutch(message: string): string | null {
  if (message.trim() === '') return 'empty message';
  const own = message.replace(/"[^"]*"/g, '""').replace(/'[^']*'/g, "''");
  if (!DUTCH.test(own) || ENGLISH.test(own)) return `not Dutch: ${JSON.stringify(message.slice(0, 200))}`;
  return null;
}

export async function runImportFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const seed = options.seed ?? 20260615;
  const log = options.log ?? (() => undefined);
  const rng = random(seed);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-fuzz-import-'));
  const database = await openDatabase(path.join(dir, 'fuzz.sqlite'), { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now: () => NOW });
  const internal: string[] = [];
  const handle = createTestApi(database, { actor: 'fuzz', now: NOW, onInternalError: (operation, error) => internal.push(`${operation}: ${String(error).slice(0, 300)}`) });
  const count = (table: string) => (database.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const result: FuzzResult = { rowFiles: 0, malformedRows: 0, malformedFiles: 0, csvFiles: 0, xlsxFiles: 0, refusedFiles: 0, committedRows: 0, rowProblems: 0, failures: [] };

  async function check(label: string, fileName: string, content: Buffer) {
    const fail = (what: string) => result.failures.push(`${label} (${fileName}, seed ${seed}): ${what}`);
    if (fileName.endsWith('.xlsx')) result.xlsxFiles += 1;
    else result.csvFiles += 1;
    const mode = rng.pick(['valid_only', 'all_or_nothing'] as const);
    const input = { fileName, contentBase64: content.toString('base64'), mode };
    const casesBefore = count('criminal_case');
    const auditBefore = count('audit_event');
    const internalBefore = internal.length;
    const dry = await handle('cases.import', { ...input, dryRun: true });
    if (!dry.ok) return fail(`dry run answered ${dry.error.code}: ${dry.error.message}`);
    if (count('criminal_case') !== casesBefore || count('audit_event') !== auditBefore) fail('the dry run wrote');
    const commit = await handle('cases.import', { ...input, dryRun: false });
    if (!commit.ok) return fail(`commit answered ${commit.error.code}: ${commit.error.message}`);
    if (internal.length > internalBefore) fail(`internal error: ${internal.slice(internalBefore).join('; ')}`);
    const d = dry.value as ImportReport;
    const c = commit.value as ImportReport;
    const added = count('criminal_case') - casesBefore;
    const audited = count('audit_event') - auditBefore;
    if (d.committed !== 0) fail('a dry run reported committed rows');
    if (added !== c.committed) fail(`report says ${c.committed} committed, the database has ${added} new cases (partial import)`);
    if (audited < added) fail(`${added} cases but ${audited} audit rows`);
    if (c.fileProblems.length > 0 && c.committed > 0) fail('file refused but rows committed');
    if (c.mode === 'all_or_nothing' && c.invalidRows > 0 && c.committed > 0) fail('all or nothing committed despite invalid rows');
    if (c.mode === 'valid_only' && c.fileProblems.length === 0 && c.committed !== c.validRows) fail(`valid only: ${c.validRows} valid, ${c.committed} committed`);
    if (JSON.stringify(d.fileProblems) !== JSON.stringify(c.fileProblems) || d.validRows !== c.validRows || d.invalidRows !== c.invalidRows) fail('dry run and commit disagree');
    if (c.fileProblems.length === 0 && c.totalRows !== c.validRows + c.invalidRows) fail(`${c.totalRows} rows, ${c.validRows} valid + ${c.invalidRows} invalid`);
    for (const message of [...c.fileProblems, ...c.problems.map((p) => p.message)]) {
      const problem = checkDutch(message);
      if (problem) fail(problem);
    }
    if (process.env['FUZZ_VERBOSE']) log(`${label} ${fileName}: ${c.fileProblems[0] ?? `${c.validRows} valid, ${c.invalidRows} invalid, ${c.committed} committed; ${c.problems[0]?.message ?? ''}`}`);
    if (c.fileProblems.length > 0) result.refusedFiles += 1;
    result.committedRows += c.committed;
    result.rowProblems += c.problems.length;
  }

  try {
    // Malformed rows, in files of 20 to 200 rows.
    let made = 0;
    for (let f = 0; made < options.rows; f++) {
      const n = Math.min(options.rows - made, 20 + rng.int(180));
      const bases = fixtureRows(n, 0, 100000 + made).slice(1);
      const rows = bases.map((base) => malformedRow(rng, base));
      made += n;
      const file = rowsFile(rng, rows, f);
      await check('malformed rows', file.fileName, file.content);
      result.rowFiles += 1;
    }
    result.malformedRows = made;
    log(`rows: ${made} malformed rows in ${result.rowFiles} files`);

    // Malformed files, the makers taken in turn (CSV and XLSX alternately), so a short run still sees each kind.
    const csv = Object.entries(CSV_MAKERS);
    const xlsx = Object.entries(XLSX_MAKERS);
    for (let i = 0; i < options.files; i++) {
      const [kind, make] = i % 2 === 0 ? csv[(i / 2) % csv.length]! : xlsx[((i - 1) / 2) % xlsx.length]!;
      const file = await make(rng, i);
      await check(`malformed file: ${kind}`, file.fileName, file.content);
      result.malformedFiles += 1;
      if ((i + 1) % 100 === 0) log(`files: ${i + 1} of ${options.files}`);
    }
  } finally {
    database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

async function main() {
  const args = process.argv.slice(2);
  const short = args.includes('--short') || process.env['FUZZ_SHORT'] === '1';
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : undefined;
  const start = performance.now();
  const result = await runImportFuzz({ rows: short ? 400 : 10_000, files: short ? 80 : 600, ...(seed === undefined ? {} : { seed }), log: (line) => console.log(line) });
  await stopImportThread();
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  console.log(`\nImport fuzz (${short ? 'short' : 'full'}, ${seconds} s)`);
  console.log(`  malformed rows:  ${result.malformedRows} in ${result.rowFiles} files`);
  console.log(`  malformed files: ${result.malformedFiles} (all files: ${result.csvFiles} CSV, ${result.xlsxFiles} XLSX; each a dry run and a commit)`);
  console.log(`  refused files:   ${result.refusedFiles}; rows committed: ${result.committedRows}; row problems reported: ${result.rowProblems}`);
  console.log(`  failures:        ${result.failures.length}`);
  for (const failure of result.failures.slice(0, 50)) console.log(`    ${failure}`);
  process.exitCode = result.failures.length > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
