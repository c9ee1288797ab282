import type { CaseIntake } from '../../../shared/intake/case-intake';
import { COLUMN_BY_HEADER, IMPORT_COLUMNS, normaliseHeader, type ImportColumn } from '../../../shared/intake/import-columns';
import { importRowToIntake, type RowProblem } from '../../../shared/intake/import-row';
import type { ImportTable } from './import-table';

/** How the header row maps onto the import columns, and what is wrong with it as a whole. */
export interface ColumnMapping {
  columnAt: Map<number, ImportColumn>;
  ignoredColumns: string[];
  fileProblems: string[];
}

/** One data row after its checks: a case intake, or the row's problems. Plain data (crosses threads). */
export type CheckedRow = { row: number; intake: CaseIntake } | { row: number; problems: RowProblem[] };

/** Reads the header row: known columns by position, unknown ones (ignored), doubles and missing required ones. */
export function mapImportColumns(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = { columnAt: new Map(), ignoredColumns: [], fileProblems: [] };
  headers.forEach((header, index) => {
    if (header.trim() === '') return;
    const column = COLUMN_BY_HEADER.get(normaliseHeader(header));
    if (!column) mapping.ignoredColumns.push(header.trim());
    else if ([...mapping.columnAt.values()].includes(column)) mapping.fileProblems.push(`Kolom '${column.header}' staat twee keer in het bestand.`);
    else mapping.columnAt.set(index, column);
  });
  const present = new Set(mapping.columnAt.values());
  for (const column of IMPORT_COLUMNS) {
    if (column.required && !present.has(column)) mapping.fileProblems.push(`Kolom '${column.header}' ontbreekt. Gebruik het sjabloon voor de juiste kolommen.`);
  }
  return mapping;
}

/**
 * The per-row checks of the case import (pure: the row's width against the header, then
 * importRowToIntake against `now`, epoch ms). Runs in the import's worker thread as the rows are read,
 * so the thread that answers the UI only checks duplicates and writes.
 */
export function checkImportRows(rows: ImportTable['rows'], headers: readonly string[], columnAt: ReadonlyMap<number, ImportColumn>, now: number): CheckedRow[] {
  const width = headers.length;
  const checked: CheckedRow[] = [];
  for (const { row, cells } of rows) {
    const extra = cells.slice(width).some((c) => c.trim() !== '');
    if (extra || cells.length < width) {
      checked.push({ row, problems: [{ row, column: '(rij)', message: `Rij heeft ${cells.length} kolommen, de kopregel ${width}: controleer scheidingstekens en aanhalingstekens` }] });
      continue;
    }
    const byColumn = new Map<ImportColumn, string>();
    for (const [index, column] of columnAt) byColumn.set(column, cells[index] ?? '');
    const result = importRowToIntake(row, byColumn, now);
    checked.push(result.ok ? { row, intake: result.intake } : { row, problems: result.problems });
  }
  return checked;
}
