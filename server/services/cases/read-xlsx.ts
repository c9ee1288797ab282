import path from 'node:path';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { wallClockDateToText } from '../../../shared/intake/dutch-datetime';
import { formatCount, formatMb, type ImportLimits } from './import-file-limits';
import { cellTooLongError, type RowCollector } from './import-rows';
import { ImportFileError } from './import-table';
import { XmlStream, XmlSyntaxError, XmlTooLongError, type XmlHandlers } from './xml-stream';

/*
 * The first worksheet of an XLSX, read as a stream: yauzl reads the zip's central directory (the declared
 * sizes are checked before anything is unpacked, and an entry that unpacks to more than it declared is
 * stopped as soon as it does), xml-stream.ts parses each part's XML as it is inflated, and the rows go to the collector one by one.
 * Nothing holds the whole sheet: a cell at XFD1048576 costs one cell, not a million empty rows.
 * Only the shared texts are kept, as Excel puts them in a separate part.
 */

const DAMAGED = 'Het XLSX-bestand is beschadigd of geen Excel-werkmap.';
const MAX_ENTRIES = 10_000;
/** Excel's own limits. */
const EXCEL_MAX_ROW = 1_048_576;
const EXCEL_MAX_COLUMN = 16_384;
/**
 * Built-in number formats that show a date or a time (ECMA-376 part 1, 18.8.30, and the East Asian
 * date formats Excel also ships).
 */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export async function readXlsx(content: Buffer, limits: ImportLimits, collector: RowCollector): Promise<void> {
  const zip = await openZip(content);
  try {
    const entries = await listEntries(zip);
    const entry = (name: string | null) => (name ? (entries.get(name.toLowerCase()) ?? null) : null);

    const rootRels = await readRelationships(zip, entry('_rels/.rels'), '', limits);
    const workbookName = rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
    const workbookEntry = entry(workbookName);
    if (!workbookEntry) throw new ImportFileError(DAMAGED);
    const workbookRels = await readRelationships(zip, entry(relationshipsPartOf(workbookName)), path.posix.dirname(workbookName), limits);
    const workbook = await readWorkbook(zip, workbookEntry, limits);
    if (!workbook.firstSheetRelationship) throw new ImportFileError('De Excel-werkmap heeft geen werkblad.');
    const sheetName = workbookRels.find((r) => r.id === workbook.firstSheetRelationship)?.target ?? null;
    const sheetEntry = entry(sheetName);
    if (!sheetEntry) throw new ImportFileError(`${DAMAGED} Het eerste werkblad ontbreekt.`);
    const stylesEntry = entry(workbookRels.find((r) => r.type.endsWith('/styles'))?.target ?? null);
    const sharedStringsEntry = entry(workbookRels.find((r) => r.type.endsWith('/sharedStrings'))?.target ?? null);

    // Before unpacking anything big: what the parts we read declare, against the limit.
    const parts = [entry('_rels/.rels'), workbookEntry, entry(relationshipsPartOf(workbookName)), stylesEntry, sharedStringsEntry, sheetEntry].filter((e) => e !== null);
    const unpacked = parts.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (unpacked > limits.maxUnpackedBytes) {
      throw new ImportFileError(
        `De werkmap is uitgepakt ${formatMb(unpacked)} groot; de grens voor één import is ${formatMb(limits.maxUnpackedBytes)}. Er is niets geïmporteerd; splits het bestand in delen.`,
      );
    }

    const dateStyles = stylesEntry ? await readDateStyles(zip, stylesEntry, limits) : new Set<number>();
    const sharedStrings = sharedStringsEntry ? await readSharedStrings(zip, sharedStringsEntry, limits, collector) : [];
    await readSheet(zip, sheetEntry, limits, collector, { sharedStrings, dateStyles, date1904: workbook.date1904 });
    collector.finish();
  } finally {
    zip.close();
  }
}

function openZip(content: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(content, { lazyEntries: true, validateEntrySizes: false, decodeStrings: true, strictFileNames: false }, (error, zip) => {
      if (error || !zip) reject(new ImportFileError(DAMAGED));
      else resolve(zip);
    });
  });
}

/** The central directory: names (lower case, as OOXML part names are case-insensitive) and declared sizes. */
function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    if (zip.entryCount > MAX_ENTRIES) {
      reject(new ImportFileError(`${DAMAGED} Het bevat ${formatCount(zip.entryCount)} onderdelen.`));
      return;
    }
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase(), entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(new ImportFileError(DAMAGED)));
    zip.readEntry();
  });
}

/** The compressed bytes of an entry, as stored (bounded by the file itself). */
function rawBytes(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  if (entry.isEncrypted()) return Promise.reject(new ImportFileError('De werkmap is versleuteld. Sla haar op zonder wachtwoord en importeer opnieuw.'));
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) return Promise.reject(new ImportFileError(`${DAMAGED} (${entry.fileName} is op een onbekende manier ingepakt.)`));
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, stream: Readable) => {
      if (error || !stream) {
        reject(new ImportFileError(DAMAGED));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', () => reject(new ImportFileError(DAMAGED)));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    };
    // yauzl accepts the decompress option only for deflated entries; a stored entry is its own bytes.
    if (entry.compressionMethod === 8) zip.openReadStream(entry, { decompress: false, decrypt: null, start: null, end: null }, done);
    else zip.openReadStream(entry, done);
  });
}

class LyingEntryError extends Error {}

/**
 * The entry's bytes as they are inflated, in chunks, never more than the central directory declared
 * (checked before: against the limit). zlib does the inflating here rather than yauzl: yauzl 2's own
 * size check swallows its error on current Node (it overrides the stream's destroy), so the stream stalls.
 */
async function* inflatedChunks(zip: yauzl.ZipFile, entry: yauzl.Entry): AsyncGenerator<Buffer> {
  const raw = await rawBytes(zip, entry);
  if (entry.compressionMethod === 0) {
    if (raw.length !== entry.uncompressedSize) throw new LyingEntryError();
    for (let start = 0; start < raw.length; start += 65536) yield raw.subarray(start, start + 65536);
    return;
  }
  const inflater = zlib.createInflateRaw({ chunkSize: 65536 });
  inflater.end(raw);
  let total = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.uncompressedSize) throw new LyingEntryError();
      yield chunk;
    }
  } finally {
    inflater.destroy();
  }
}

/**
 * Streams one part through the XML reader, names without their namespace prefix. The longest run of
 * text between two tags is bounded (a 300 MB cell is refused before it is gathered), and an entry that
 * inflates to more than it declared is stopped (inflatedChunks).
 */
async function parseXml(zip: yauzl.ZipFile, entry: yauzl.Entry, limits: ImportLimits, handlers: XmlHandlers, collector?: RowCollector): Promise<void> {
  // Entities and character references can make one character take up to 10 characters of XML.
  const maxRun = limits.maxCellChars * 10 + 4096;
  const { text, close } = handlers;
  const parser = new XmlStream(
    {
      open: (name, attributes) => handlers.open(localName(name), attributes),
      text: text && ((t) => text(t)),
      close: close && ((name) => close(localName(name))),
    },
    maxRun,
  );
  let run = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of inflatedChunks(zip, entry)) {
      const text = decoder.decode(chunk, { stream: true });
      const firstTag = text.indexOf('<');
      if (firstTag < 0) run += text.length;
      else {
        if (run + firstTag > maxRun) throw cellTooLongError(limits, null, null, null);
        run = text.length - text.lastIndexOf('<') - 1;
      }
      if (run > maxRun) throw cellTooLongError(limits, null, null, null);
      parser.write(text);
      collector?.checkTime();
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    if (error instanceof XmlTooLongError) throw cellTooLongError(limits, null, null, null);
    if (error instanceof LyingEntryError) {
      throw new ImportFileError(
        `Een onderdeel van de werkmap (${entry.fileName}) is uitgepakt groter dan de werkmap zelf aangeeft: het bestand is beschadigd of gemaakt om te misleiden. Er is niets geïmporteerd.`,
      );
    }
    if (error instanceof XmlSyntaxError) throw new ImportFileError(`${DAMAGED} (${entry.fileName} is geen geldige XML.)`);
    throw new ImportFileError(`${DAMAGED} (${entry.fileName} is niet uit te pakken.)`);
  }
}

const localName = (name: string) => (name.includes(':') ? name.slice(name.indexOf(':') + 1) : name);

interface Relationship {
  id: string;
  type: string;
  /** Resolved to a part name (no leading slash). */
  target: string;
}

function relationshipsPartOf(partName: string): string {
  return path.posix.join(path.posix.dirname(partName), '_rels', `${path.posix.basename(partName)}.rels`);
}

/** Small parts (relationships, workbook, styles) are read whole, but still within a size of their own. */
const SMALL_PART_BYTES = 16 * 1024 * 1024;

function checkSmallPart(entry: yauzl.Entry) {
  if (entry.uncompressedSize > SMALL_PART_BYTES) throw new ImportFileError(`${DAMAGED} (${entry.fileName} is ${formatMb(entry.uncompressedSize)} groot.)`);
}

async function readRelationships(zip: yauzl.ZipFile, entry: yauzl.Entry | null, baseFolder: string, limits: ImportLimits): Promise<Relationship[]> {
  if (!entry) return [];
  checkSmallPart(entry);
  const relationships: Relationship[] = [];
  await parseXml(zip, entry, limits, {
    open(name, a) {
      if (name !== 'Relationship' || !a.get('Id') || !a.get('Target') || a.get('TargetMode') === 'External') return;
      const [id, written] = [a.get('Id')!, a.get('Target')!];
      const target = written.startsWith('/') ? written.slice(1) : path.posix.join(baseFolder, written);
      relationships.push({ id, type: a.get('Type') ?? '', target: path.posix.normalize(target) });
    },
  });
  return relationships;
}

async function readWorkbook(zip: yauzl.ZipFile, entry: yauzl.Entry, limits: ImportLimits): Promise<{ firstSheetRelationship: string | null; date1904: boolean }> {
  checkSmallPart(entry);
  let firstSheetRelationship: string | null = null;
  let date1904 = false;
  await parseXml(zip, entry, limits, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.get('date1904') === '1' || a.get('date1904') === 'true';
      if (name === 'sheet' && firstSheetRelationship === null) {
        firstSheetRelationship = a.entries().find(([key]) => localName(key) === 'id')?.[1] ?? null;
      }
    },
  });
  return { firstSheetRelationship, date1904 };
}

/** The cell styles (their index is a cell's `s`) whose number format shows a date or a time. */
async function readDateStyles(zip: yauzl.ZipFile, entry: yauzl.Entry, limits: ImportLimits): Promise<Set<number>> {
  checkSmallPart(entry);
  const customDateFormats = new Set<number>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  await parseXml(zip, entry, limits, {
    open(name, a) {
      if (name === 'numFmt' && isDateFormatCode(a.get('formatCode') ?? '')) customDateFormats.add(Number(a.get('numFmtId')));
      if (name === 'cellXfs') inCellXfs = true;
      if (name === 'xf' && inCellXfs) styleFormats.push(Number(a.get('numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const dates = new Set<number>();
  styleFormats.forEach((format, index) => {
    if (BUILT_IN_DATE_FORMATS.has(format) || customDateFormats.has(format)) dates.add(index);
  });
  return dates;
}

/** A format code shows a date or time when, outside quoted text and [brackets], it has y, m, d, h or s (as exceljs decides). */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhsb]/i.test(bare.replace(/\\./g, '').replace(/E[+-]/gi, ''));
}

/** OOXML escapes characters XML cannot carry as _xHHHH_ (ECMA-376 part 1, 22.9.2.19); _x005F_ is a literal underscore. */
export function decodeOoxmlEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, code: string) => String.fromCharCode(parseInt(code, 16))) : text;
}

/** Text of a string item (`<si>` or `<is>`): its `<t>` elements, rich-text runs included, phonetic runs (`<rPh>`) left out. */
class StringItem {
  private joined = '';
  private inText = false;
  private inPhonetic = false;

  constructor(private readonly limits: ImportLimits) {}

  open(name: string) {
    if (name === 'rPh') this.inPhonetic = true;
    else if (name === 't' && !this.inPhonetic) this.inText = true;
  }

  text(text: string) {
    if (!this.inText) return;
    if (this.joined.length + text.length > this.limits.maxCellChars) throw cellTooLongError(this.limits, null, null, null);
    this.joined += text;
  }

  close(name: string) {
    if (name === 'rPh') this.inPhonetic = false;
    else if (name === 't') this.inText = false;
  }

  value(): string {
    return decodeOoxmlEscapes(this.joined);
  }
}

async function readSharedStrings(zip: yauzl.ZipFile, entry: yauzl.Entry, limits: ImportLimits, collector: RowCollector): Promise<string[]> {
  const strings: string[] = [];
  let item: StringItem | null = null;
  await parseXml(
    zip,
    entry,
    limits,
    {
      open(name) {
        if (name === 'si') item = new StringItem(limits);
        else item?.open(name);
      },
      text(text) {
        item?.text(text);
      },
      close(name) {
        if (name === 'si' && item) {
          strings.push(item.value());
          item = null;
        } else item?.close(name);
      },
    },
    collector,
  );
  return strings;
}

interface SheetContext {
  sharedStrings: string[];
  dateStyles: Set<number>;
  date1904: boolean;
}

/** Column number of a cell reference such as "AB12" (1-based: one to three letters, then digits or nothing), or null if it is none. */
function columnOf(reference: string): number | null {
  let column = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const c = reference.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
  }
  if (i === 0 || i > 3) return null;
  for (; i < reference.length; i++) {
    const c = reference.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return column;
}

async function readSheet(zip: yauzl.ZipFile, entry: yauzl.Entry, limits: ImportLimits, collector: RowCollector, context: SheetContext): Promise<void> {
  let inSheetData = false;
  let rowNumber = 0;
  let cells: string[] | null = null;
  let headerWidth = 0;
  let column = 0;
  // The cell being read (one at a time; plain variables rather than an object per cell).
  let inCell = false;
  let cellType = 'n';
  let cellStyle = 0;
  let cellValue = '';
  let inValue = false;
  let inline: StringItem | null = null;

  await parseXml(
    zip,
    entry,
    limits,
    {
      open(name, a) {
        if (name === 'sheetData') inSheetData = true;
        if (!inSheetData) return;
        if (name === 'row') {
          const written = a.get('r');
          const declared = written === undefined ? rowNumber + 1 : Number(written);
          if (!Number.isInteger(declared) || declared < 1 || declared > EXCEL_MAX_ROW) {
            throw new ImportFileError(`${DAMAGED} (Rijnummer ${written} ligt buiten het bereik van Excel, 1 tot ${formatCount(EXCEL_MAX_ROW)}.)`);
          }
          if (declared <= rowNumber) throw new ImportFileError(`${DAMAGED} (Rij ${declared} staat twee keer of niet op volgorde.)`);
          rowNumber = declared;
          cells = [];
          column = 0;
        } else if (name === 'c' && cells) {
          const reference = a.get('r');
          const declared = reference === undefined ? column + 1 : columnOf(reference);
          if (declared === null || declared < 1 || declared > EXCEL_MAX_COLUMN) throw new ImportFileError(`${DAMAGED} (Celverwijzing ${reference} is ongeldig.)`);
          column = declared;
          inCell = true;
          cellType = a.get('t') ?? 'n';
          const style = a.get('s');
          cellStyle = style === undefined ? 0 : Number(style);
          cellValue = '';
          inValue = false;
          inline = null;
        } else if (inCell) {
          if (name === 'v') inValue = true;
          else if (name === 'is') inline = new StringItem(limits);
          else inline?.open(name);
        }
      },
      text(text) {
        if (!inCell) return;
        if (inValue) {
          if (cellValue.length + text.length > limits.maxCellChars) throw cellTooLongError(limits, rowNumber, column, null);
          cellValue += text;
        } else inline?.text(text);
      },
      close(name) {
        if (name === 'sheetData') inSheetData = false;
        if (inCell) {
          if (name === 'v') inValue = false;
          else if (name !== 'c') inline?.close(name);
          else {
            const text = cellText(cellType, cellValue, inline, cellStyle, context, rowNumber, column);
            if (text !== '') {
              if (column > limits.maxColumns) {
                throw new ImportFileError(`Rij ${rowNumber} heeft een gevulde cel in kolom ${formatCount(column)}; een importbestand heeft hoogstens ${formatCount(limits.maxColumns)} kolommen.`);
              }
              cells![column - 1] = text;
            }
            inCell = false;
            inline = null;
          }
          return;
        }
        if (name === 'row' && cells) {
          const width = rowNumber === 1 ? cells.length : Math.max(cells.length, headerWidth);
          const dense: string[] = [];
          for (let i = 0; i < width; i++) dense.push(cells[i] ?? '');
          if (rowNumber === 1) headerWidth = dense.length;
          cells = null;
          collector.add(rowNumber, dense);
        }
      },
    },
    collector,
  );
}

function cellText(type: string, raw: string, inline: StringItem | null, style: number, context: SheetContext, row: number, column: number): string {
  switch (type) {
    case 's': {
      if (raw.trim() === '') return '';
      const text = context.sharedStrings[Number(raw)];
      if (text === undefined) throw new ImportFileError(`${DAMAGED} (Rij ${row}, kolom ${column} verwijst naar een tekst die niet in de werkmap staat.)`);
      return text;
    }
    case 'inlineStr':
      return inline ? inline.value() : decodeOoxmlEscapes(raw);
    case 'str':
      return decodeOoxmlEscapes(raw);
    case 'b':
      return raw.trim() === '' ? '' : String(raw.trim() !== '0');
    case 'e':
    case 'd':
      return raw.trim();
    default: {
      if (inline) return inline.value();
      const trimmed = raw.trim();
      if (trimmed === '') return '';
      const number = Number(trimmed);
      if (!Number.isFinite(number)) return trimmed;
      if (context.dateStyles.has(style)) {
        // Excel's serial day count, read as the wall-clock time it shows (as exceljs does).
        const date = new Date(Math.round((number - 25569 + (context.date1904 ? 1462 : 0)) * 86_400_000));
        if (Number.isFinite(date.getTime())) return wallClockDateToText(date);
      }
      return String(number);
    }
  }
}
