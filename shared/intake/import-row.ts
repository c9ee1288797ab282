import { parseOffsetDateTime } from '../calendar/amsterdam-time';
import { isValidLocalDate } from '../calendar/local-date';
import { needsArrestTime } from '../domain/case-lifecycle';
import { FILLER_KINDS, MODALITIES } from '../domain/modality';
import { caseIntakeSchema, ESTIMATED_MINUTES_RANGE, PARKETNUMMER_PATTERN, type CaseIntake } from './case-intake';
import { columnForField, IMPORT_COLUMNS, type ImportColumn, type ImportField } from './import-columns';
import { checkCaseDates } from './plausibility';
import { findForbiddenCharacter, forbiddenCharacterMessage } from './text-checks';

export interface RowProblem {
  /** The row number as a spreadsheet shows it: the header is row 1, the first case row 2. */
  row: number;
  column: string;
  message: string;
}

export type RowResult = { ok: true; row: number; intake: CaseIntake } | { ok: false; row: number; problems: RowProblem[] };

/**
 * One data row (its cells as read, and which import column stands at which position) into a checked
 * case intake. Every problem is reported with its row and the Dutch column header; nothing is guessed.
 * `now` (epoch ms, the operation's clock) is what a date in the future is measured against.
 *
 * Each cell is parsed once. A row that passes every rule of caseIntakeSchema as written out in
 * acceptedIntake is built from those parsed cells directly; any other row goes through the schema
 * itself (importRowBySchema), which then names each problem. acceptedIntake only ever accepts: it
 * never words a problem, so a rule it lacks would let a row through that the schema refuses, and
 * test/unit/intake/import-row-fast-path.test.ts holds the two to the same answers on the fixture rows,
 * the fuzz campaign's malformed rows and a mutation of every column. `plan` is importColumnPlan(columnAt),
 * made once for a batch of rows by a caller that checks many.
 */
export function importRowToIntake(
  row: number,
  cells: readonly string[],
  columnAt: ReadonlyMap<number, ImportColumn>,
  now: number,
  plan: ImportColumnPlan = importColumnPlan(columnAt),
): RowResult {
  const intake = acceptedIntake(cells, plan, now);
  if (intake) return { ok: true, row, intake };
  const byColumn = new Map<ImportColumn, string>();
  for (const [index, column] of columnAt) byColumn.set(column, cells[index] ?? '');
  return importRowBySchema(row, byColumn, now);
}

/** The same row through caseIntakeSchema: the reference for acceptedIntake, and the messages of a row it does not accept. */
export function importRowBySchema(row: number, cells: ReadonlyMap<ImportColumn, string>, now: number): RowResult {
  const problems: RowProblem[] = [];
  const draft: Record<string, unknown> = { suspect: {} };
  for (const [column, raw] of cells) {
    const value = raw.trim();
    if (value === '') continue;
    const forbidden = findForbiddenCharacter(value);
    if (forbidden) {
      problems.push({ row, column: column.header, message: forbiddenCharacterMessage(forbidden) });
      continue;
    }
    const parsed = column.parse(value);
    if (!parsed.ok) {
      problems.push({ row, column: column.header, message: parsed.message });
      continue;
    }
    const [head, tail] = column.field.split('.') as [string, string | undefined];
    if (tail) (draft[head] as Record<string, unknown>)[tail] = parsed.value;
    else draft[head] = parsed.value;
  }
  const checked = caseIntakeSchema.safeParse(draft);
  if (!checked.success) {
    const already = new Set(problems.map((p) => p.column));
    for (const issue of checked.error.issues) {
      const column = columnForField(issue.path.join('.'))?.header ?? issue.path.join('.');
      if (already.has(column)) continue;
      const empty = !hasValue(cells, column) && issue.code === 'invalid_type';
      problems.push({ row, column, message: empty ? `Kolom '${column}' is leeg, maar verplicht` : issue.message });
    }
  }
  if (checked.success) {
    // Dates that cannot be true: in the future, centuries ago, a suspect under twelve (art. 486 Sv).
    for (const issue of checkCaseDates({ ...checked.data, dateOfBirth: checked.data.suspect.dateOfBirth }, now)) {
      problems.push({ row, column: columnForField(issue.path)?.header ?? issue.path, message: issue.message });
    }
  }
  if (problems.length > 0 || !checked.success) return { ok: false, row, problems };
  return { ok: true, row, intake: checked.data };
}

function hasValue(cells: ReadonlyMap<ImportColumn, string>, header: string): boolean {
  for (const [column, value] of cells) if (column.header === header && value.trim() !== '') return true;
  return false;
}

const isText = (value: unknown, min: number, max: number): value is string => typeof value === 'string' && value.length >= min && value.length <= max;
const MODALITY_SET: ReadonlySet<unknown> = new Set(MODALITIES);
const FILLER_KIND_SET: ReadonlySet<unknown> = new Set(FILLER_KINDS);
/** The deadline engine's calendar range (shared/deadlines/input.ts). */
const EARLIEST_EVENT_YEAR = 2000;
const LATEST_EVENT_YEAR = 2099;

/** An optional text field as the schema gives it: null when absent, undefined when the schema refuses it. */
function optional(value: unknown, max: number): string | null | undefined {
  return value === undefined ? null : isText(value, 1, max) ? value : undefined;
}

/** An optional moment as the schema's `instant` gives it: null when absent, undefined when refused. */
function moment(value: unknown): string | null | undefined {
  return value === undefined ? null : isText(value, 1, 40) && parseOffsetDateTime(value).ok ? value : undefined;
}

function precedes(later: number | undefined, earlier: number | undefined): boolean {
  return later !== undefined && earlier !== undefined && later < earlier;
}

/** An event moment as deadlineInputSchema takes it: an instant within its years, or undefined for none; NaN when it refuses it. */
function eventInstant(value: string | null): number | undefined {
  if (value === null) return undefined;
  const parsed = parseOffsetDateTime(value);
  const year = Number(value.slice(0, 4));
  return parsed.ok && year >= EARLIEST_EVENT_YEAR && year <= LATEST_EVENT_YEAR ? parsed.instant : NaN;
}

/**
 * Where each field of a case intake is kept while acceptedIntake reads a row: one array slot per
 * import column's field (an array of fixed length, not an object that gains keys cell by cell).
 */
const SLOT_OF_FIELD = new Map<ImportField, number>(IMPORT_COLUMNS.map((column, slot) => [column.field, slot]));
const slotOf = (field: ImportField) => SLOT_OF_FIELD.get(field)!;
const S = {
  parketnummer: slotOf('parketnummer'),
  fullName: slotOf('suspect.fullName'),
  dateOfBirth: slotOf('suspect.dateOfBirth'),
  summonsAddress: slotOf('suspect.summonsAddress'),
  lawyerName: slotOf('suspect.lawyerName'),
  modality: slotOf('modality'),
  fillerKind: slotOf('fillerKind'),
  policeUnit: slotOf('policeUnit'),
  offenceSummary: slotOf('offenceSummary'),
  offenceAt: slotOf('offenceAt'),
  arrestedAt: slotOf('arrestedAt'),
  custodyOrderedAt: slotOf('custodyOrderedAt'),
  custodyExtendedAt: slotOf('custodyExtendedAt'),
  remandOrderedAt: slotOf('remandOrderedAt'),
  summonsServedAt: slotOf('summonsServedAt'),
  shortTermConsent: slotOf('shortTermConsent'),
  coDefendantGroup: slotOf('coDefendantGroup'),
  estimatedMinutes: slotOf('estimatedMinutes'),
};

/**
 * The header's columns as acceptedIntake walks them: cell positions, their columns and each one's field
 * slot, in the order of the header map. Made once per batch of rows (checkImportRows), not per row.
 */
export interface ImportColumnPlan {
  readonly indexes: readonly number[];
  readonly columns: readonly ImportColumn[];
  readonly slots: readonly number[];
}

export function importColumnPlan(columnAt: ReadonlyMap<number, ImportColumn>): ImportColumnPlan {
  const plan = { indexes: [] as number[], columns: [] as ImportColumn[], slots: [] as number[] };
  for (const [index, column] of columnAt) {
    plan.indexes.push(index);
    plan.columns.push(column);
    plan.slots.push(slotOf(column.field));
  }
  return plan;
}

/**
 * The intake of a row that passes every rule of caseIntakeSchema (its fields, its cross-field rules,
 * the deadline engine's order of events) and of checkCaseDates, built as the schema's output is; null
 * for any row that does not, or that this cannot tell.
 */
function acceptedIntake(cells: readonly string[], plan: ImportColumnPlan, now: number): CaseIntake | null {
  const fields: (string | boolean | number | undefined)[] = new Array<undefined>(SLOT_OF_FIELD.size).fill(undefined);
  const { indexes, columns, slots } = plan;
  for (let i = 0; i < indexes.length; i++) {
    const value = (cells[indexes[i]!] ?? '').trim();
    if (value === '') continue;
    if (findForbiddenCharacter(value)) return null;
    const parsed = columns[i]!.parse(value);
    if (!parsed.ok) return null;
    fields[slots[i]!] = parsed.value;
  }
  const parketnummer = fields[S.parketnummer];
  const modality = fields[S.modality];
  const policeUnit = fields[S.policeUnit];
  const offenceSummary = fields[S.offenceSummary];
  const fullName = fields[S.fullName];
  const dateOfBirth = fields[S.dateOfBirth];
  if (!isText(parketnummer, 1, 40) || !PARKETNUMMER_PATTERN.test(parketnummer)) return null;
  if (!isText(fullName, 1, 120) || !isText(dateOfBirth, 1, 10) || !isValidLocalDate(dateOfBirth)) return null;
  if (!isText(policeUnit, 1, 120) || !isText(offenceSummary, 1, 300) || !MODALITY_SET.has(modality)) return null;
  const summonsAddress = optional(fields[S.summonsAddress], 200);
  const lawyerName = optional(fields[S.lawyerName], 120);
  const coDefendantGroup = optional(fields[S.coDefendantGroup], 60);
  const fillerKind = optional(fields[S.fillerKind], 200);
  if (summonsAddress === undefined || lawyerName === undefined || coDefendantGroup === undefined || fillerKind === undefined) return null;
  if (fillerKind !== null && !FILLER_KIND_SET.has(fillerKind)) return null;
  const offenceAt = moment(fields[S.offenceAt]);
  const arrestedAt = moment(fields[S.arrestedAt]);
  const custodyOrderedAt = moment(fields[S.custodyOrderedAt]);
  const custodyExtendedAt = moment(fields[S.custodyExtendedAt]);
  const remandOrderedAt = moment(fields[S.remandOrderedAt]);
  const summonsServedAt = moment(fields[S.summonsServedAt]);
  if (offenceAt === undefined || arrestedAt === undefined || custodyOrderedAt === undefined || custodyExtendedAt === undefined || remandOrderedAt === undefined || summonsServedAt === undefined) {
    return null;
  }
  const consent = fields[S.shortTermConsent] ?? false;
  const minutes = fields[S.estimatedMinutes] ?? null;
  if (typeof consent !== 'boolean') return null;
  if (minutes !== null && !(Number.isInteger(minutes) && (minutes as number) >= ESTIMATED_MINUTES_RANGE.min && (minutes as number) <= ESTIMATED_MINUTES_RANGE.max)) return null;
  // The schema's superRefine.
  if ((modality === 'filler') !== (fillerKind !== null)) return null;
  if (needsArrestTime(modality as string) && !arrestedAt) return null;
  if (arrestedAt && dateOfBirth > arrestedAt.slice(0, 10)) return null;
  // deadlineInputSchema: years 2000-2099, an extension only after an order, no event before the arrest, no extension or remand before the order.
  const arrested = eventInstant(arrestedAt);
  const ordered = eventInstant(custodyOrderedAt);
  const extended = eventInstant(custodyExtendedAt);
  const remand = eventInstant(remandOrderedAt);
  const served = eventInstant(summonsServedAt);
  if (Number.isNaN(arrested) || Number.isNaN(ordered) || Number.isNaN(extended) || Number.isNaN(remand) || Number.isNaN(served)) return null;
  if (extended !== undefined && ordered === undefined) return null;
  if (precedes(ordered, arrested) || precedes(extended, arrested) || precedes(remand, arrested) || precedes(served, arrested)) return null;
  if (precedes(extended, ordered) || precedes(remand, ordered)) return null;
  const intake: CaseIntake = {
    parketnummer,
    suspect: { fullName, dateOfBirth, summonsAddress, lawyerName },
    modality: modality as CaseIntake['modality'],
    fillerKind: fillerKind as CaseIntake['fillerKind'],
    policeUnit,
    offenceSummary,
    offenceAt,
    arrestedAt,
    custodyOrderedAt,
    custodyExtendedAt,
    remandOrderedAt,
    summonsServedAt,
    shortTermConsent: consent,
    coDefendantGroup,
    estimatedMinutes: minutes as number | null,
  };
  if (checkCaseDates({ dateOfBirth, offenceAt, arrestedAt, custodyOrderedAt, custodyExtendedAt, remandOrderedAt, summonsServedAt }, now).length > 0) return null;
  return intake;
}
