import { caseIntakeSchema, type CaseIntake } from './case-intake';
import { columnForField, type ImportColumn } from './import-columns';
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
 * One data row, its cells keyed by the column they stand in, into a checked case intake.
 * Every problem is reported with its row and the Dutch column header; nothing is guessed. `now`
 * (epoch ms, the operation's clock) is what a date in the future is measured against.
 */
export function importRowToIntake(row: number, cells: ReadonlyMap<ImportColumn, string>, now: number): RowResult {
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
