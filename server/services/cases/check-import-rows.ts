import { createCourtCalendar } from '../../../shared/calendar/court-calendar';
import type { DeadlineSettings } from '../../../shared/deadlines/settings';
import type { CaseIntake } from '../../../shared/intake/case-intake';
import { COLUMN_BY_HEADER, IMPORT_COLUMNS, normaliseHeader, type ImportColumn } from '../../../shared/intake/import-columns';
import { importRowToIntake, type RowProblem } from '../../../shared/intake/import-row';
import type { DeadlineContext } from '../settings/district-settings';
import { intakeDerivedValues, type DerivedValues } from './derived-values';
import type { StoredEvents } from './insert-intake';
import type { ImportTable } from './import-table';

/** How the header row maps onto the import columns, and what is wrong with it as a whole. */
export interface ColumnMapping {
  columnAt: Map<number, ImportColumn>;
  ignoredColumns: string[];
  fileProblems: string[];
}

/**
 * One data row after its checks: a case intake (with its derived columns when the checks were given
 * the district's deadline basis), or the row's problems. Plain data (crosses threads).
 */
export type CheckedRow = { row: number; intake: CaseIntake; limits?: DerivedValues; events?: StoredEvents } | { row: number; problems: RowProblem[] };

/** What the derived columns of a case are computed from, as plain data that crosses threads: the district's deadline settings and its equivalent days. */
export interface DeadlineBasis {
  settings: DeadlineSettings;
  equivalentDaysByYear: Record<string, string[]>;
}

/**
 * The deadline context (settings and court calendar) of a basis; the same as loadDeadlineContext gives
 * for that district. Its settings are a frozen copy: the deadline engine then knows them unchanged
 * between rows without comparing them field by field (resolveDeadlineSettings).
 */
export function deadlineContextOf(basis: DeadlineBasis): DeadlineContext {
  return { settings: deepFreeze(structuredClone(basis.settings)), calendar: createCourtCalendar({ equivalentDaysByYear: basis.equivalentDaysByYear }) };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

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
 * so the thread that answers the UI only checks duplicates and writes. With a deadline context, each
 * valid row also gets its derived columns and its event moments as stored (so the write transaction
 * need not compute them).
 */
export function checkImportRows(
  rows: ImportTable['rows'],
  headers: readonly string[],
  columnAt: ReadonlyMap<number, ImportColumn>,
  now: number,
  context?: DeadlineContext,
): CheckedRow[] {
  const width = headers.length;
  const checked: CheckedRow[] = [];
  for (const { row, cells } of rows) {
    if (cells.length < width || hasExtraCells(cells, width)) {
      checked.push({ row, problems: [{ row, column: '(rij)', message: `Rij heeft ${cells.length} kolommen, de kopregel ${width}: controleer scheidingstekens en aanhalingstekens` }] });
      continue;
    }
    const byColumn = new Map<ImportColumn, string>();
    for (const [index, column] of columnAt) byColumn.set(column, cells[index] ?? '');
    const result = importRowToIntake(row, byColumn, now);
    if (!result.ok) checked.push({ row, problems: result.problems });
    else if (context) {
      const { events, limits } = intakeDerivedValues(result.intake, context);
      const { arrestedAt, custodyOrderedAt, custodyExtendedAt, remandOrderedAt, summonsServedAt } = events;
      checked.push({ row, intake: result.intake, limits, events: { arrestedAt, custodyOrderedAt, custodyExtendedAt, remandOrderedAt, summonsServedAt } });
    }
    else checked.push({ row, intake: result.intake });
  }
  return checked;
}

function hasExtraCells(cells: readonly string[], width: number): boolean {
  for (let i = width; i < cells.length; i++) if (cells[i]!.trim() !== '') return true;
  return false;
}
