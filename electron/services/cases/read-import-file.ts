import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { wallClockDateToText } from '../../../shared/intake/dutch-datetime';

export interface ImportTable {
  headers: string[];
  /** Data rows with their spreadsheet row number (header = 1). Fully empty rows are left out; a row's
   * cells may be more or fewer than the headers (the import reports that). */
  rows: { row: number; cells: string[] }[];
}

export class ImportFileError extends Error {}

/** Reads a CSV (comma or semicolon, as Dutch Excel writes it) or an XLSX file into text cells. */
export async function readImportFile(fileName: string, content: Buffer): Promise<ImportTable> {
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension === 'csv' || extension === 'txt') return readCsv(content);
  if (extension === 'xlsx') return readXlsx(content);
  throw new ImportFileError(`Bestand "${fileName}" is geen CSV of XLSX. Gebruik het sjabloon (.csv of .xlsx).`);
}

/** UTF-8 as it should be; Dutch Excel often still writes Windows-1252, which is read as such, never mangled. */
function decodeText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(content);
  }
}

function readCsv(content: Buffer): ImportTable {
  const parsed = Papa.parse<string[]>(decodeText(content), { delimiter: '', skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new ImportFileError(`CSV niet leesbaar bij rij ${(fatal.row ?? 0) + 1}: een aanhalingsteken wordt niet gesloten.`);
  const [headers = [], ...data] = parsed.data;
  return {
    headers,
    rows: data.map((cells, i) => ({ row: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== '')),
  };
}

async function readXlsx(content: Buffer): Promise<ImportTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError('Het XLSX-bestand is beschadigd of geen Excel-werkmap.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError('De Excel-werkmap heeft geen werkblad.');
  // columnCount, not actualColumnCount: the latter skips empty columns and would shift the cells.
  const width = Math.max(sheet.columnCount, sheet.getRow(1).cellCount);
  const rowCells = (rowNumber: number) =>
    Array.from({ length: width }, (_, i) => cellText(sheet.getRow(rowNumber).getCell(i + 1).value));
  const rows: ImportTable['rows'] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = rowCells(r);
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: r, cells });
  }
  return { headers: rowCells(1), rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return wallClockDateToText(value);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}
