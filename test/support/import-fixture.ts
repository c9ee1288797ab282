import { IMPORT_COLUMNS } from '../../shared/intake/import-columns';

export interface ImportFixture {
  csv: string;
  /** Spreadsheet row numbers (header = 1) of the rows made bad on purpose, with the column each breaks. */
  badRows: { row: number; column: string }[];
}

const HEADERS = IMPORT_COLUMNS.map((c) => c.header);

/** A police/OM export of `rows` cases in Dutch notation, semicolon-separated as Dutch Excel writes it; every `badEvery`-th row broken in one column. */
export function makeImportCsv(rows: number, badCount: number, startNumber = 200000): ImportFixture {
  const badEvery = badCount > 0 ? Math.floor(rows / badCount) : Infinity;
  const breakers: [string, (cells: Record<string, string>) => void][] = [
    ['parketnummer', (c) => (c['parketnummer'] = '19-12345')],
    ['geboortedatum', (c) => (c['geboortedatum'] = '31-02-1990')],
    ['modaliteit', (c) => (c['modaliteit'] = 'turbo')],
    ['aanhouding', (c) => (c['aanhouding'] = '14-04-2026')],
    ['naam verdachte', (c) => (c['naam verdachte'] = '')],
  ];
  const lines = [HEADERS.join(';')];
  const badRows: ImportFixture['badRows'] = [];
  for (let i = 0; i < rows; i++) {
    const day = 1 + (i % 28);
    const modality = ['supersnelrecht', 'snelrecht', 'snelrecht niet-gedetineerd', 'zsm'][i % 4]!;
    const cells: Record<string, string> = {
      parketnummer: `19/${String(startNumber + i).padStart(6, '0')}-26`,
      'naam verdachte': `A. Verdachte ${i}`,
      geboortedatum: `${String(day).padStart(2, '0')}-05-1990`,
      'adres voor dagvaarding': `Postbus ${i}, Hanzestad`,
      advocaat: i % 3 === 0 ? 'mr. T. Wolters' : '',
      modaliteit: modality,
      'soort opvulzaak': '',
      'politie-eenheid': `Basisteam ${['Noord', 'Zuid', 'Oost'][i % 3]}`,
      feit: 'Winkeldiefstal',
      pleegdatum: `${String(day).padStart(2, '0')}-03-2026`,
      aanhouding: `${String(day).padStart(2, '0')}-03-2026 ${String(i % 18).padStart(2, '0')}:15`,
      inverzekeringstelling: '',
      'verlenging inverzekeringstelling': '',
      bewaring: '',
      'betekening dagvaarding': modality === 'snelrecht niet-gedetineerd' ? `${String(day).padStart(2, '0')}-03-2026 18:00` : '',
      'instemming kortere termijn': modality === 'supersnelrecht' ? 'ja' : 'nee',
    };
    if (badCount > 0 && i % badEvery === badEvery - 1 && badRows.length < badCount) {
      const [column, breakIt] = breakers[badRows.length % breakers.length]!;
      breakIt(cells);
      badRows.push({ row: i + 2, column });
    }
    lines.push(HEADERS.map((h) => cells[h] ?? '').join(';'));
  }
  return { csv: `${lines.join('\r\n')}\r\n`, badRows };
}
