import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { escapeCell } from '../../../shared/spreadsheet/formula-cells';
import { MS_PER_DAY, instantOf, toAmsterdamLocal } from '../../../shared/calendar/amsterdam-time';
import { toEpochDay } from '../../../shared/calendar/local-date';

/*
 * The one table writer behind every list export (issue 15 item 5) and the court roll's CSV/XLSX: column
 * definitions (key, Dutch header, type) plus rows in, a CSV or XLSX file out.
 *  - CSV: UTF-8 with BOM, ';' separator and CRLF (what Dutch Excel opens with a double click), dates as
 *    dd-mm-jjjj, date-times as dd-mm-jjjj uu:mm (Europe/Amsterdam wall time), decimal comma.
 *  - XLSX (exceljs): real date cells (numFmt dd-mm-yyyy / dd-mm-yyyy hh:mm, Amsterdam wall time), a bold
 *    frozen header row with an autofilter, column widths from the content.
 * A large list is written in steps of ROWS_PER_TURN rows with a turn of the event loop between them: the
 * back end keeps answering other requests while a 100,000-row file is built (npm run bench:export).
 * Booleans are "ja"/"nee" in both. Text cells pass the one formula rule (shared/spreadsheet/formula-cells.ts);
 * numbers and dates are typed cells and never text, so a negative number stays a number.
 */

export type ColumnType = 'text' | 'date' | 'datetime' | 'number' | 'boolean';

export interface TableColumn {
  /** The row's property that holds the value. */
  key: string;
  /** The Dutch header shown in the first row. */
  header: string;
  type: ColumnType;
}

/**
 * A cell's value: text for 'text'; a local date 'YYYY-MM-DD' for 'date' (a date-time is cut to its
 * Amsterdam date); an ISO-8601 date-time with offset or 'Z' (or epoch milliseconds) for 'datetime';
 * a number for 'number'; a boolean for 'boolean'. null/undefined is an empty cell.
 */
export type CellValue = string | number | boolean | null | undefined;
export type TableRow = Readonly<Record<string, CellValue>>;

export type TableFormat = 'csv' | 'xlsx';

export interface TableInput {
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
  /** The worksheet's name in the XLSX (max 31 characters; cut if longer). */
  sheetName?: string;
}

export interface TableFile {
  mimeType: string;
  /** 'csv' or 'xlsx', without the dot. */
  extension: TableFormat;
  content: Buffer;
}

export const TABLE_MIME_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NAIVE_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

interface WallTime {
  date: string; // YYYY-MM-DD
  hour: number;
  minute: number;
}

/** A date-time value as Amsterdam wall time; a text without offset is taken as wall time already. */
function wallTimeOf(value: string | number): WallTime {
  if (typeof value === 'number') {
    const local = toAmsterdamLocal(value);
    return { date: local.date, hour: local.hour, minute: local.minute };
  }
  const naive = NAIVE_DATE_TIME.exec(value);
  if (naive) return { date: naive[1]!, hour: Number(naive[2]), minute: Number(naive[3]) };
  if (LOCAL_DATE.test(value)) return { date: value, hour: 0, minute: 0 };
  const local = toAmsterdamLocal(instantOf(value));
  return { date: local.date, hour: local.hour, minute: local.minute };
}

function dateOf(value: string | number): string {
  if (typeof value === 'string' && LOCAL_DATE.test(value)) return value;
  return wallTimeOf(value).date;
}

const pad = (n: number) => String(n).padStart(2, '0');

function dutchDate(date: string): string {
  const [, y, m, d] = LOCAL_DATE.exec(date)!;
  return `${d}-${m}-${y}`;
}

/** A JS Date whose UTC fields are the wall time: exceljs writes a Date's UTC reading as the cell's serial. */
function excelDate(date: string, hour = 0, minute = 0): Date {
  return new Date(toEpochDay(date) * MS_PER_DAY + hour * 3_600_000 + minute * 60_000);
}

function typeError(column: TableColumn, value: unknown): never {
  throw new TypeError(`Export column "${column.key}" (${column.type}) got an unexpected value: ${JSON.stringify(value)}`);
}

/** One cell for the CSV: always text, formulas neutralised in text cells only. */
function csvCell(column: TableColumn, value: CellValue): string {
  if (value === null || value === undefined || value === '') return '';
  switch (column.type) {
    case 'text':
      return escapeCell(String(value));
    case 'date':
      if (typeof value === 'boolean') return typeError(column, value);
      return dutchDate(dateOf(value));
    case 'datetime': {
      if (typeof value === 'boolean') return typeError(column, value);
      const wall = wallTimeOf(value);
      return `${dutchDate(wall.date)} ${pad(wall.hour)}:${pad(wall.minute)}`;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return typeError(column, value);
      // Dutch Excel reads a decimal comma; integers stay as they are (a minus sign included: a number, not text).
      return String(value).replace('.', ',');
    case 'boolean':
      if (typeof value !== 'boolean') return typeError(column, value);
      return value ? 'ja' : 'nee';
  }
}

/** One cell for the XLSX: a typed value (Date, number, text). */
function xlsxCell(column: TableColumn, value: CellValue): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (column.type) {
    case 'text':
      return escapeCell(String(value));
    case 'date':
      if (typeof value === 'boolean') return typeError(column, value);
      return excelDate(dateOf(value));
    case 'datetime': {
      if (typeof value === 'boolean') return typeError(column, value);
      const wall = wallTimeOf(value);
      return excelDate(wall.date, wall.hour, wall.minute);
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return typeError(column, value);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') return typeError(column, value);
      return value ? 'ja' : 'nee';
  }
}

export const XLSX_DATE_FORMAT = 'dd-mm-yyyy';
export const XLSX_DATE_TIME_FORMAT = 'dd-mm-yyyy hh:mm';

/** Rows written between two turns of the event loop (a step takes a few milliseconds). */
export const ROWS_PER_TURN = 1_000;

const CSV_OPTIONS = { delimiter: ';', newline: '\r\n' } as const;

/** The CSV text (BOM, ';', CRLF, trailing line break). */
export function tableCsvText(input: TableInput): string {
  const header = input.columns.map((c) => escapeCell(c.header));
  const body = input.rows.map((row) => input.columns.map((c) => csvCell(c, row[c.key])));
  return `\uFEFF${Papa.unparse([header, ...body], CSV_OPTIONS)}\r\n`;
}

/** The same CSV as tableCsvText, built in steps with a turn of the event loop between them. */
export async function tableCsvBuffer(input: TableInput): Promise<Buffer> {
  const parts = [`\uFEFF${Papa.unparse([input.columns.map((c) => escapeCell(c.header))], CSV_OPTIONS)}\r\n`];
  for (let start = 0; start < input.rows.length; start += ROWS_PER_TURN) {
    if (start > 0) await nextTurn();
    const body = input.rows.slice(start, start + ROWS_PER_TURN).map((row) => input.columns.map((c) => csvCell(c, row[c.key])));
    parts.push(`${Papa.unparse(body, CSV_OPTIONS)}\r\n`);
  }
  return Buffer.from(parts.join(''), 'utf8');
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const FIXED_WIDTH: Partial<Record<ColumnType, number>> = { date: 12, datetime: 17, boolean: 6 };
/** Widths are measured on the first rows only: enough to size a column, cheap for 100,000 rows. */
const WIDTH_SAMPLE_ROWS = 2_000;

export async function tableXlsxBuffer(input: TableInput): Promise<Buffer> {
  // The streaming writer: rows are serialised as they are added (100,000 rows take a fraction of the
  // time and memory of the in-memory workbook).
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Ketenplanner';
  // Excel's sheet names: max 31 characters, none of : \ / ? * [ ]
  const sheetName = (input.sheetName ?? 'Lijst').replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Lijst';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = input.columns.map((c) => ({
    width: columnWidth(c, input.rows),
    style: c.type === 'date' ? { numFmt: XLSX_DATE_FORMAT } : c.type === 'datetime' ? { numFmt: XLSX_DATE_TIME_FORMAT } : {},
  }));
  if (input.columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, input.rows.length + 1), column: input.columns.length } };
  }
  const headerRow = sheet.addRow(input.columns.map((c) => escapeCell(c.header)));
  headerRow.eachCell((cell) => {
    cell.font = { bold: true };
    // The header is text, not a date, even in a date column.
    cell.numFmt = 'General';
  });
  headerRow.commit();
  for (let start = 0; start < input.rows.length; start += ROWS_PER_TURN) {
    if (start > 0) await nextTurn();
    for (const row of input.rows.slice(start, start + ROWS_PER_TURN)) sheet.addRow(input.columns.map((c) => xlsxCell(c, row[c.key]))).commit();
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

function columnWidth(c: TableColumn, rows: readonly TableRow[]): number {
  let width = c.header.length;
  if (c.type === 'text' || c.type === 'number') {
    for (const row of rows.slice(0, WIDTH_SAMPLE_ROWS)) {
      const value = row[c.key];
      if (value !== null && value !== undefined) width = Math.max(width, String(value).length + (c.type === 'text' ? 1 : 0));
    }
  } else {
    width = Math.max(width, FIXED_WIDTH[c.type] ?? MIN_WIDTH);
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2));
}

/** The file in the chosen format. */
export async function writeTable(input: TableInput, format: TableFormat): Promise<TableFile> {
  const content = format === 'csv' ? await tableCsvBuffer(input) : await tableXlsxBuffer(input);
  return { mimeType: TABLE_MIME_TYPES[format], extension: format, content };
}
