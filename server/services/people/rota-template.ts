import Papa from 'papaparse';
import { ROTA_COLUMNS } from '../../../shared/rota/rota-columns';

/** The rota CSV template: the headers, a person without absence and one with. */
export function rotaTemplate(): { fileName: string; mimeType: string; contentBase64: string } {
  const rows = [
    ROTA_COLUMNS.map((c) => c.header),
    ['mr. A.B. de Vries', 'politierechter', '', '', ''],
    ['mr. C. Jansen', 'ovj', '03-08-2026', '14-08-2026', 'verlof'],
  ];
  // Semicolons and a BOM: what Dutch Excel opens correctly with a double click.
  const csv = `\uFEFF${Papa.unparse(rows, { delimiter: ';' })}\r\n`;
  return { fileName: 'ketenplanner-rooster-sjabloon.csv', mimeType: 'text/csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') };
}
