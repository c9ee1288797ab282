import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { IMPORT_COLUMNS } from '../../../shared/intake/import-columns';

export type TemplateFormat = 'csv' | 'xlsx';

/**
 * The downloadable import template, made from the one column definition: the Dutch headers and one
 * example row. The XLSX has a second sheet that explains each column.
 */
export async function importTemplate(format: TemplateFormat): Promise<{ fileName: string; mimeType: string; contentBase64: string }> {
  const headers = IMPORT_COLUMNS.map((c) => c.header);
  const example = IMPORT_COLUMNS.map((c) => c.example);
  if (format === 'csv') {
    // Semicolons and a BOM: what Dutch Excel opens correctly with a double click.
    const csv = `\uFEFF${Papa.unparse([headers, example], { delimiter: ';' })}\r\n`;
    return { fileName: 'ketenplanner-import-sjabloon.csv', mimeType: 'text/csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Zaken');
  sheet.addRow(headers).font = { bold: true };
  sheet.addRow(example);
  sheet.columns.forEach((column) => (column.width = 24));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const help = workbook.addWorksheet('Uitleg');
  help.addRow(['Kolom', 'Verplicht', 'Vorm', 'Voorbeeld']).font = { bold: true };
  for (const c of IMPORT_COLUMNS) help.addRow([c.header, c.required ? 'ja' : 'nee', c.format, c.example]);
  help.columns.forEach((column) => (column.width = 32));
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: 'ketenplanner-import-sjabloon.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: buffer.toString('base64'),
  };
}
