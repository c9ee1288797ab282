import { createCourtCalendar } from '../../../shared/calendar/court-calendar';
import type { DeadlineSettings } from '../../../shared/deadlines/settings';
import type { CaseIntake } from '../../../shared/intake/case-intake';
import { COLUMN_BY_HEADER, IMPORT_COLUMNS, normaliseHeader, type ImportColumn } from '../../../shared/intake/import-columns';
import { importColumnPlan, importRowToIntake, type RowProblem } from '../../../shared/intake/import-row';
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

const EMPTY_FILE = 'Het bestand is leeg: er staan geen kopregel en geen zaken in. Gebruik het sjabloon (CSV of Excel) voor de juiste kolommen.';

/** Reads the header row: known columns by position, unknown ones (ignored), doubles and missing required ones. */
export function mapImportColumns(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = { columnAt: new Map(), ignoredColumns: [], fileProblems: [] };
  // Nothing at all (an empty file, or only blank lines): one message, not one per missing column.
  if (headers.every((header) => header.trim() === '')) {
    mapping.fileProblems.push(EMPTY_FILE);
    return mapping;
  }
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
  const plan = importColumnPlan(columnAt);
  const checked: CheckedRow[] = [];
  for (const { row, cells } of rows) {
    if (cells.length < width || hasExtraCells(cells, width)) {
      checked.push({ row, problems: [{ row, column: '(rij)', message: `Rij heeft ${cells.length} kolommen, de kopregel ${width}: controleer scheidingstekens en aanhalingstekens` }] });
      continue;
    }
    const result = importRowToIntake(row, cells, columnAt, now, plan);
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

/**
 * Checked rows as they cross from the worker thread to the caller's: each valid row as one flat array
 * of its values instead of four objects. The caller's thread decodes every message it gets while it
 * also checks rows, and then writes them; flat arrays take a third of the time to decode and leave it
 * fewer objects to keep (unpackCheckedRows gives back the same rows). Rows with problems stay as they are.
 */
export type PackedCheckedRows = (PackedRow | { row: number; problems: RowProblem[] })[];

type Text = string | null;
type PackedIntake = [
  row: number,
  parketnummer: string,
  fullName: string,
  dateOfBirth: string,
  summonsAddress: Text,
  lawyerName: Text,
  modality: CaseIntake['modality'],
  fillerKind: CaseIntake['fillerKind'],
  policeUnit: string,
  offenceSummary: string,
  offenceAt: Text,
  arrestedAt: Text,
  custodyOrderedAt: Text,
  custodyExtendedAt: Text,
  remandOrderedAt: Text,
  summonsServedAt: Text,
  shortTermConsent: boolean,
  coDefendantGroup: Text,
  estimatedMinutes: number | null,
];
type PackedDerived = [
  ...events: [Text, Text, Text, Text, Text],
  voorgeleidingBy: Text,
  hearingBy: Text,
  hearingFrom: Text,
  hearingTargetBy: Text,
  nextLimit: Text,
  nextLimitKind: DerivedValues['nextLimitKind'],
  queueOrder: string,
  planningGaps: string,
  readyFrom: Text,
];
type PackedRow = PackedIntake | [...PackedIntake, ...PackedDerived];

export function packCheckedRows(checked: readonly CheckedRow[]): PackedCheckedRows {
  return checked.map((result) => {
    if ('problems' in result) return result;
    const { row, intake: i, limits: l, events: e } = result;
    const { suspect: s } = i;
    const intake: PackedIntake = [
      row, i.parketnummer, s.fullName, s.dateOfBirth, s.summonsAddress, s.lawyerName, i.modality, i.fillerKind, i.policeUnit, i.offenceSummary,
      i.offenceAt, i.arrestedAt, i.custodyOrderedAt, i.custodyExtendedAt, i.remandOrderedAt, i.summonsServedAt, i.shortTermConsent, i.coDefendantGroup, i.estimatedMinutes,
    ];
    if (!e || !l) return intake;
    return [
      ...intake,
      e.arrestedAt, e.custodyOrderedAt, e.custodyExtendedAt, e.remandOrderedAt, e.summonsServedAt,
      l.voorgeleidingBy, l.hearingBy, l.hearingFrom, l.hearingTargetBy, l.nextLimit, l.nextLimitKind, l.queueOrder, l.planningGaps, l.readyFrom,
    ];
  });
}

const INTAKE_VALUES = 19;

export function unpackCheckedRows(packed: PackedCheckedRows): CheckedRow[] {
  return packed.map((item) => {
    if (!Array.isArray(item)) return item;
    // Read by position, without destructuring's copies of the array's tail.
    const v = item as [...PackedIntake, ...PackedDerived];
    const intake: CaseIntake = {
      parketnummer: v[1],
      suspect: { fullName: v[2], dateOfBirth: v[3], summonsAddress: v[4], lawyerName: v[5] },
      modality: v[6],
      fillerKind: v[7],
      policeUnit: v[8],
      offenceSummary: v[9],
      offenceAt: v[10],
      arrestedAt: v[11],
      custodyOrderedAt: v[12],
      custodyExtendedAt: v[13],
      remandOrderedAt: v[14],
      summonsServedAt: v[15],
      shortTermConsent: v[16],
      coDefendantGroup: v[17],
      estimatedMinutes: v[18],
    };
    if (item.length === INTAKE_VALUES) return { row: v[0], intake };
    const events: StoredEvents = { arrestedAt: v[19], custodyOrderedAt: v[20], custodyExtendedAt: v[21], remandOrderedAt: v[22], summonsServedAt: v[23] };
    const limits: DerivedValues = {
      voorgeleidingBy: v[24],
      hearingBy: v[25],
      hearingFrom: v[26],
      hearingTargetBy: v[27],
      nextLimit: v[28],
      nextLimitKind: v[29],
      queueOrder: v[30],
      planningGaps: v[31],
      readyFrom: v[32],
    };
    return { row: v[0], intake, limits, events };
  });
}
