import { criminalCases } from '../../../db/schema';
import type { AppDatabase } from '../../../db/open-database';
import type { OperationContext } from '../context/operation-context';
import { IMPORT_MODES, type ImportReport } from '../../../shared/api/case-schemas';
import { loadDeadlineContext, loadDeadlineSettings, loadEquivalentDays } from '../settings/district-settings';
import { insertIntakes, intakeWriter } from './insert-intake';
import { insertIntakesPortable } from './import-write-portable';
import { isPostgresClient } from '../context/query-results';
import { deferSearchIndexing } from './search-index-bulk';
import { mapImportColumns, type CheckedRow, type DeadlineBasis } from './check-import-rows';
import { recordImportProgress } from './import-progress';
import { ImportFileError, readAndCheckImportFile, type ImportProgress } from './read-import-file';

export type ImportMode = (typeof IMPORT_MODES)[number];

export interface ImportRequest {
  fileName: string;
  content: Buffer;
  mode: ImportMode;
  dryRun: boolean;
}

type ValidRow = Extract<CheckedRow, { intake: unknown }>;

/**
 * Checks every row of a police or OM export, then commits all valid rows in one transaction or
 * nothing, as the user chose. Duplicates (same parketnummer in the file or already in the district)
 * are reported, never doubled. Never half-imports.
 *
 * On a district file the rows are written while the file is still being read, in one transaction on a
 * connection of its own (ctx.writeApart): nobody sees them before the commit, and a refusal (a bad row
 * under all-or-nothing, a file refused halfway) rolls them back. Elsewhere (PostgreSQL) the valid rows
 * are kept and written after the reading, in one write transaction.
 */
export async function importCases(ctx: OperationContext, request: ImportRequest): Promise<ImportReport> {
  const report = emptyReport(request);
  try {
    if (request.dryRun) await checkOnly(ctx, request, report);
    else if (ctx.writeApart) await ctx.writeApart((db) => importWhileReading(db, ctx, request, report));
    else await importAfterReading(ctx, request, report);
  } catch (error) {
    if (error instanceof ImportFileError) return { ...emptyReport(request), fileProblems: [error.message] };
    throw error;
  } finally {
    if (ctx.requestId) recordImportProgress(ctx.requestId, report.totalRows, true);
  }
  return report;
}

/** The rows read so far, for the UI that waits (cases.importProgress), by the caller's request id. */
function progressOf({ requestId }: OperationContext) {
  return requestId ? ({ rowsRead }: ImportProgress) => recordImportProgress(requestId, rowsRead) : undefined;
}

function emptyReport(request: ImportRequest): ImportReport {
  const { fileName, mode, dryRun } = request;
  return { fileName, mode, dryRun, totalRows: 0, validRows: 0, invalidRows: 0, committed: 0, fileProblems: [], ignoredColumns: [], problems: [] };
}

/**
 * Sorts the checked rows as they come, in file order: a row with problems, a second row with a
 * parketnummer seen earlier in the file, one already in the district (`existing`), or a valid row.
 */
function rowSorter(report: ImportReport, existing: ReadonlySet<string> | null) {
  const firstRowOf = new Map<string, number>();
  return (rows: CheckedRow[]): ValidRow[] => {
    const valid: ValidRow[] = [];
    for (const result of rows) {
      const { row } = result;
      if ('problems' in result) {
        for (const problem of result.problems) report.problems.push(problem);
        report.invalidRows += 1;
        continue;
      }
      const { parketnummer } = result.intake;
      const earlier = firstRowOf.get(parketnummer);
      if (earlier !== undefined) {
        report.problems.push({ row, column: 'parketnummer', message: `Dubbel: parketnummer ${parketnummer} staat ook in rij ${earlier}` });
        report.invalidRows += 1;
        continue;
      }
      firstRowOf.set(parketnummer, row);
      if (existing?.has(parketnummer)) {
        report.problems.push(alreadyInDistrict(row, parketnummer));
        report.invalidRows += 1;
        continue;
      }
      valid.push(result);
    }
    return valid;
  };
}

const alreadyInDistrict = (row: number, parketnummer: string) => ({ row, column: 'parketnummer', message: `Parketnummer ${parketnummer} is al ingevoerd in dit arrondissement` });

/** After the reading: the header's problems, or an empty file. True when the rows read may be written. */
function concludeReading(report: ImportReport, table: { headers: string[]; rowCount: number }): boolean {
  report.totalRows = table.rowCount;
  const mapping = mapImportColumns(table.headers);
  report.ignoredColumns.push(...mapping.ignoredColumns);
  report.fileProblems.push(...mapping.fileProblems);
  if (table.rowCount === 0 && mapping.columnAt.size > 0) report.fileProblems.push('Het bestand bevat geen zaken (alleen een kopregel).');
  report.problems.sort((a, b) => a.row - b.row);
  return report.fileProblems.length === 0 && !(report.mode === 'all_or_nothing' && report.invalidRows > 0);
}

/** A dry run: every check, against the district as it is now; nothing written, no row kept. */
async function checkOnly(ctx: OperationContext, request: ImportRequest, report: ImportReport) {
  const sort = rowSorter(report, await existingParketnummers(ctx.db));
  const table = await readAndCheckImportFile(request.fileName, request.content, ctx.clock.now().getTime(), {
    onChecked: (rows) => (report.validRows += sort(rows).length),
    onProgress: progressOf(ctx),
  });
  concludeReading(report, table);
}

/**
 * A district file: inside one write transaction (on its own connection) from before the first row is
 * read, each batch of checked rows is written as it arrives. The derived columns are computed with the
 * checks, against the settings read inside this transaction. What must not stay is rolled back to the
 * savepoint taken before the first row (the request id, marked before it, stays).
 */
async function importWhileReading(db: AppDatabase, ctx: OperationContext, request: ImportRequest, report: ImportReport) {
  const sqlite = db.$client;
  const basis = await loadDeadlineBasis(db);
  const sort = rowSorter(report, await existingParketnummers(db));
  sqlite.exec('SAVEPOINT import_rows');
  const searchIndex = await deferSearchIndexing(db);
  const writer = intakeWriter(sqlite, await loadDeadlineContext(db), ctx.clock.now(), { actor: ctx.actor, source: 'import', file: request.fileName });
  let written = 0;
  // A failure or a file refused halfway throws: runWriteTransaction rolls the whole transaction back.
  const table = await readAndCheckImportFile(request.fileName, request.content, ctx.clock.now().getTime(), {
    basis,
    onChecked: (rows) => {
      const valid = sort(rows);
      report.validRows += valid.length;
      // Under all-or-nothing, once a row is refused nothing more is written (it is all rolled back below).
      if (valid.length > 0 && (request.mode === 'valid_only' || report.invalidRows === 0)) {
        written += writer.add(valid).length;
        searchIndex.indexNew();
      }
    },
    onProgress: progressOf(ctx),
  });
  if (concludeReading(report, table) && written > 0) {
    await searchIndex.finish();
    sqlite.exec('RELEASE import_rows');
    report.committed = written;
  } else {
    sqlite.exec('ROLLBACK TO import_rows');
    sqlite.exec('RELEASE import_rows');
  }
}

/**
 * PostgreSQL (and a database in memory): the valid rows are kept while the file is read; then the
 * check against the district and the write share one write transaction, so a second import of the same
 * file at the same time waits, then finds these cases and refuses them.
 */
async function importAfterReading(ctx: OperationContext, request: ImportRequest, report: ImportReport) {
  const { db } = ctx;
  const basis = await loadDeadlineBasis(db);
  const sort = rowSorter(report, null);
  const valid: ValidRow[] = [];
  // The derived columns are computed with the checks, in both threads, against the district's settings
  // as read now; the write below uses them only if the settings are still the same then.
  const table = await readAndCheckImportFile(request.fileName, request.content, ctx.clock.now().getTime(), {
    basis,
    onChecked: (rows) => {
      for (const row of sort(rows)) valid.push(row);
    },
    onProgress: progressOf(ctx),
  });
  concludeReading(report, table);
  if (report.fileProblems.length > 0) return;
  await ctx.write(async () => {
    const existing = await existingParketnummers(db);
    const fresh = valid.filter(({ row, intake }) => {
      if (!existing.has(intake.parketnummer)) return true;
      report.problems.push(alreadyInDistrict(row, intake.parketnummer));
      report.invalidRows += 1;
      return false;
    });
    report.problems.sort((a, b) => a.row - b.row);
    report.validRows = fresh.length;
    if ((request.mode === 'all_or_nothing' && report.invalidRows > 0) || fresh.length === 0) return;
    // Settings changed while the file was read (another workstation): compute the columns afresh.
    const sameBasis = JSON.stringify(await loadDeadlineBasis(db)) === JSON.stringify(basis);
    const items = sameBasis ? fresh : fresh.map(({ row, intake, events }) => ({ row, intake, events }));
    const audit = { actor: ctx.actor, source: 'import' as const, file: request.fileName };
    if (isPostgresClient(db.$client)) {
      await insertIntakesPortable(db, await loadDeadlineContext(db), ctx.clock.now(), audit, items);
    } else {
      const searchIndex = await deferSearchIndexing(db);
      await insertIntakes(db, await loadDeadlineContext(db), ctx.clock.now(), audit, items);
      await searchIndex.finish();
    }
    report.committed = fresh.length;
  });
}

async function existingParketnummers(db: AppDatabase): Promise<Set<string>> {
  return new Set((await db.select({ p: criminalCases.parketnummer }).from(criminalCases)).map((r) => r.p));
}

async function loadDeadlineBasis(db: AppDatabase): Promise<DeadlineBasis> {
  return { settings: await loadDeadlineSettings(db), equivalentDaysByYear: await loadEquivalentDays(db) };
}
