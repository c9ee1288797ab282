import { ImportFileError } from './import-table';

export type ImportEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Windows-1252 bytes 0x80-0x9F (the WHATWG Encoding Standard's index); the rest of the table is
 * Latin-1. The five bytes the code page leaves undefined map to the C1 controls of the same number. Written out because Node's
 * TextDecoder('windows-1252') decodes this range as Latin-1 in the Node 20 and 22 lines we run on
 * (nodejs/node#56542, #60888): € would become U+0080 and curly quotes U+0093/U+0094.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];
/** The bytes Windows-1252 does not define: a file holding one is not Windows-1252 text. */
const UNDEFINED_IN_WINDOWS_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

const SAVE_AS_UTF8 = 'Sla het bestand in Excel op als "CSV UTF-8 (door komma\'s gescheiden)" en importeer het opnieuw.';

/** Where a byte is, as a person finds it in an editor: line (1-based) and byte within the line (1-based). */
export function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/** Scans UTF-8: the offset of the first byte that is not valid UTF-8 (or -1), and whether valid multi-byte sequences occur. */
export function scanUtf8(bytes: Uint8Array): { firstInvalid: number; multiByte: number } {
  let firstInvalid = -1;
  let multiByte = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      if (firstInvalid < 0) firstInvalid = i;
      i += 1;
    } else {
      multiByte += 1;
      i += length;
    }
  }
  return { firstInvalid, multiByte };
}

/** The length of the valid UTF-8 sequence starting at i (2-4), or 0 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  const cont = (k: number, low = 0x80, high = 0xbf) => {
    const b = bytes[i + k];
    return b !== undefined && b >= low && b <= high;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** Windows-1252 with its real table (the WHATWG decoder's). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80]! : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/**
 * The text of a CSV file. UTF-8 (with or without BOM) as it should be; UTF-16 with a BOM; Windows-1252
 * (what Dutch Excel writes as "CSV (gescheiden door lijstscheidingsteken)") only when the file is
 * plausibly that: no valid UTF-8 multi-byte sequence anywhere and none of the bytes the code page lacks.
 * Anything else is refused naming the line and the byte, never decoded by guesswork.
 */
export function decodeImportText(bytes: Uint8Array): { text: string; encoding: ImportEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes, 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes, 'utf-16be'), encoding: 'utf-16be' };
  refuseBinary(bytes);
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: find out why below.
  }
  const { firstInvalid, multiByte } = scanUtf8(body);
  const where = (offset: number) => {
    const { line, column } = bytePosition(body, offset);
    return `regel ${line}, byte ${column} van die regel (${hex(body[offset]!)})`;
  };
  if (hasBom || multiByte > 0) {
    throw new ImportFileError(
      `Het bestand is UTF-8 maar bevat een ongeldige byte op ${where(firstInvalid)}: waarschijnlijk is het bestand beschadigd of zijn twee tekensets gemengd. ` +
        `Herstel die regel, of sla het bestand opnieuw op als "CSV UTF-8 (door komma's gescheiden)".`,
    );
  }
  const undefinedByte = body.findIndex((b) => UNDEFINED_IN_WINDOWS_1252.has(b));
  if (undefinedByte >= 0) {
    throw new ImportFileError(`Het bestand is geen UTF-8 en ook geen Windows-1252: ${where(undefinedByte)} komt in geen van beide voor. ${SAVE_AS_UTF8}`);
  }
  return { text: decodeWindows1252(body), encoding: 'windows-1252' };
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError(`Het bestand begint als UTF-16 maar is daarin niet leesbaar. ${SAVE_AS_UTF8}`);
  }
}

/** A zip (an XLSX under another name), an old .xls or a file with NUL bytes in its first line is no CSV. */
function refuseBinary(bytes: Uint8Array) {
  const starts = (...signature: number[]) => signature.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) {
    throw new ImportFileError('Dit is een Excel-werkmap (XLSX) of een ander zip-bestand, geen CSV. Geef het de naam .xlsx of sla het op als CSV.');
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new ImportFileError('Dit is een oud Excel-bestand (.xls) of een met wachtwoord beveiligd bestand, geen CSV. Sla het op als CSV UTF-8 of als .xlsx zonder wachtwoord.');
  }
  const firstLineEnd = bytes.indexOf(0x0a);
  const nul = bytes.subarray(0, firstLineEnd < 0 ? Math.min(bytes.length, 65536) : firstLineEnd).indexOf(0);
  if (nul >= 0) {
    throw new ImportFileError(
      `De kopregel bevat een nul-byte (byte ${nul + 1}): dit is geen tekstbestand, of UTF-16 zonder byte order mark. ${SAVE_AS_UTF8}`,
    );
  }
}
