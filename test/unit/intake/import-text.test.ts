import { describe, expect, it } from 'vitest';
import { decodeImportText, decodeWindows1252, scanUtf8 } from '../../../server/services/cases/decode-import-text';
import { ImportFileError } from '../../../server/services/cases/import-table';
import { decodeOoxmlEscapes, isDateFormatCode } from '../../../server/services/cases/read-xlsx';
import { findForbiddenCharacter, forbiddenCharacterMessage } from '../../../shared/intake/text-checks';

const NAMES = 'Çelik Öztürk; Łukasz Żółć; Ĳsbrand; Ağrı; Cœur – “De Vries”';

function refusal(bytes: Uint8Array): string {
  try {
    decodeImportText(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('decoding an import CSV', () => {
  it('reads UTF-8 exactly, with or without BOM', () => {
    expect(decodeImportText(Buffer.from(NAMES))).toEqual({ text: NAMES, encoding: 'utf-8' });
    expect(decodeImportText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NAMES)]))).toEqual({ text: NAMES, encoding: 'utf-8' });
  });

  it('refuses UTF-8 with one bad byte, naming the line and the byte, instead of garbling every name', () => {
    const bytes = Buffer.concat([Buffer.from('kop\r\nÇelik Öztürk\r\nab'), Buffer.from([0xff]), Buffer.from('c\r\n')]);
    expect(refusal(bytes)).toBe(
      'Het bestand is UTF-8 maar bevat een ongeldige byte op regel 3, byte 3 van die regel (0xFF): waarschijnlijk is het bestand beschadigd of zijn twee tekensets gemengd. Herstel die regel, of sla het bestand opnieuw op als "CSV UTF-8 (door komma\'s gescheiden)".',
    );
    // With a BOM the file says it is UTF-8: a bad byte is refused even without other multi-byte text.
    expect(refusal(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xe9, 0x62]))).toContain('regel 1, byte 2 van die regel (0xE9)');
  });

  it('reads Windows-1252 with its real table: € – “ ” œ and the Latin-1 letters arrive as written', () => {
    // "Cœur – “€ 5” Sénéchal" in Windows-1252.
    const bytes = Buffer.from([0x43, 0x9c, 0x75, 0x72, 0x20, 0x96, 0x20, 0x93, 0x80, 0x20, 0x35, 0x94, 0x20, 0x53, 0xe9, 0x6e, 0xe9, 0x63, 0x68, 0x61, 0x6c]);
    expect(decodeImportText(bytes)).toEqual({ text: 'Cœur – “€ 5” Sénéchal', encoding: 'windows-1252' });
  });

  it('has the whole WHATWG windows-1252 table for 0x80-0x9F', () => {
    const expected = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
    const high = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect(decodeWindows1252(high)).toBe(expected);
    const latin1 = Uint8Array.from({ length: 96 }, (_, i) => 0xa0 + i);
    expect(decodeWindows1252(latin1)).toBe(Buffer.from(latin1).toString('latin1'));
  });

  it('refuses a byte that Windows-1252 leaves undefined, naming it', () => {
    expect(refusal(Buffer.from([0x61, 0x0a, 0x62, 0x81]))).toContain('regel 2, byte 2 van die regel (0x81) komt in geen van beide voor');
  });

  it('reads UTF-16 with a BOM, and refuses UTF-16 without one, an XLSX and an old .xls by their bytes', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NAMES, 'utf16le')]);
    expect(decodeImportText(le)).toEqual({ text: NAMES, encoding: 'utf-16le' });
    const be = Buffer.from(Buffer.from(NAMES, 'utf16le'));
    be.swap16();
    expect(decodeImportText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text).toBe(NAMES);
    expect(refusal(Buffer.from('parketnummer', 'utf16le'))).toContain('UTF-16 zonder byte order mark');
    expect(refusal(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toContain('Excel-werkmap (XLSX)');
    expect(refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toContain('oud Excel-bestand (.xls)');
  });

  it('scans UTF-8 as the standard does: overlong forms, surrogates and truncated sequences are invalid', () => {
    expect(scanUtf8(Buffer.from('aé€😀'))).toEqual({ firstInvalid: -1, multiByte: 3 });
    expect(scanUtf8(Buffer.from([0xc0, 0xaf]))).toMatchObject({ firstInvalid: 0 });
    expect(scanUtf8(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toMatchObject({ firstInvalid: 1 });
    expect(scanUtf8(Buffer.from([0x61, 0xe2, 0x82]))).toMatchObject({ firstInvalid: 1 });
    expect(scanUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toMatchObject({ firstInvalid: 0 });
  });
});

describe('characters a text field may not hold', () => {
  it.each([
    ['A. Jansen', null],
    ['Ĳsbrand œ – “x”', null],
    ['A\u0000B', { position: 2, codePoint: 0 }],
    ['tab\there', { position: 4, codePoint: 9 }],
    ['twee\nregels', { position: 5, codePoint: 10 }],
    ['\u0096', { position: 1, codePoint: 0x96 }],
    ['kapot \ufffd', { position: 7, codePoint: 0xfffd }],
    ['del\u007f', { position: 4, codePoint: 0x7f }],
  ])('%j', (text, found) => {
    expect(findForbiddenCharacter(text)).toEqual(found);
  });

  it('names the character and where it is, in Dutch', () => {
    expect(forbiddenCharacterMessage({ position: 3, codePoint: 0 })).toBe('Bevat een nul-teken (U+0000) op positie 3: verwijder het uit de cel');
    expect(forbiddenCharacterMessage({ position: 1, codePoint: 7 })).toBe('Bevat een stuurteken (U+0007) op positie 1: verwijder het uit de cel');
  });
});

describe('XLSX text and number formats', () => {
  it('decodes OOXML _xHHHH_ escapes, _x005F_ being a literal underscore', () => {
    expect(decodeOoxmlEscapes('a_x000D_b')).toBe('a\rb');
    expect(decodeOoxmlEscapes('_x005F_x0041_')).toBe('_x0041_');
    expect(decodeOoxmlEscapes('geen_xescape')).toBe('geen_xescape');
  });

  it.each([
    ['dd-mm-yyyy', true],
    ['d/m/yy h:mm', true],
    ['[$-413]d mmmm yyyy', true],
    ['0.00', false],
    ['#,##0 "dagen"', false],
    ['0.00E+00', false],
    ['@', false],
  ])('%s is a date format: %s', (code, isDate) => {
    expect(isDateFormatCode(code)).toBe(isDate);
  });
});
