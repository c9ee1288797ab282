import { criminalCases } from '../../../db/schema';
import type { OperationContext } from '../context/operation-context';
import { IMPORT_MODES, type ImportReport } from '../../../shared/api/case-schemas';
import type { CaseIntake } from '../../../shared/intake/case-intake';
import { loadDeadlineContext, loadDeadlineSettings, loadEquivalentDays } from '../settings/district-settings';
import { insertIntakes, type StoredEvents } from './insert-intake';
import { insertIntakesPortable } from './import-write-portable';
import { isPostgresClient } from '../context/query-results';
import { deferSearchIndexing } from './search-index-bulk';
import { mapImportColumns, type DeadlineBasis } from './check-import-rows';
import type { DerivedValues } from './derived-values';
import { ImportFileError, readAndCheckImportFile, type CheckedImportTable } from './read-import-file';

export type ImportMode = (typeof IMPORT_MODES)[number];

export interface ImportRequest {
  fileName: string;
  content: Buffer;
  mode: ImportMode;
  dryRun: boolean;
}

/**
 * Checks every row of a police or OM export first, then commits all valid rows in one transaction or
 * nothing, as the user chose. Duplicates (same parketnummer in the file or already in the district)
 * are reported, never doubled. Never half-imports.
 */
export async function importCases(ctx: OperationContext, request: ImportRequest): Promise<ImportReport> {
  const { db, actor } = ctx;
  const report: ImportReport = {
    fileName: request.fileName,
    mode: request.mode,
    dryRun: request.dryRun,
    totalRows: 0,
    validRows: 0,
    invalidRows: 0,
    committed: 0,
    fileProblems: [],
    ignoredColumns: [],
    problems: [],
  };
  // A dry run writes nothing: no derived columns needed.
  const basis = request.dryRun ? undefined : await loadDeadlineBasis(db);
  let table: CheckedImportTable;
  try {
    // The derived columns are computed with the checks, in both threads, against the district's
    // settings as read now; the write below uses them only if the settings are still the same then.
    table = await readAndCheckImportFile(request.fileName, request.content, ctx.clock.now().getTime(), basis);
  } catch (error) {
    if (error instanceof ImportFileError) return { ...report, fileProblems: [error.message] };
    throw error;
  }
  report.totalRows = table.rowCount;

  const mapping = mapImportColumns(table.headers);
  report.ignoredColumns.push(...mapping.ignoredColumns);
  report.fileProblems.push(...mapping.fileProblems);
  if (table.rowCount === 0) report.fileProblems.push('Het bestand bevat geen zaken (alleen een kopregel of niets).');
  if (report.fileProblems.length > 0) return report;

  // The rows were checked where they were read (checkImportRows); here only the doubles within the file.
  const firstRowOf = new Map<string, number>();
  const valid: { row: number; intake: CaseIntake; limits?: DerivedValues; events?: StoredEvents }[] = [];
  for (const result of table.checked) {
    const { row } = result;
    if ('problems' in result) {
      report.problems.push(...result.problems);
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
    valid.push(result);
  }

  // The check against the district and the write share one write transaction: a second import of the
  // same file running at the same time (another process) waits, then finds these cases and refuses them.
  const checkAndCommit = async () => {
    const existing = new Set((await db.select({ p: criminalCases.parketnummer }).from(criminalCases)).map((r) => r.p));
    const fresh = valid.filter(({ row, intake }) => {
      if (!existing.has(intake.parketnummer)) return true;
      report.problems.push({ row, column: 'parketnummer', message: `Parketnummer ${intake.parketnummer} is al ingevoerd in dit arrondissement` });
      report.invalidRows += 1;
      return false;
    });
    report.problems.sort((a, b) => a.row - b.row);
    report.validRows = fresh.length;
    const blocked = request.mode === 'all_or_nothing' && report.invalidRows > 0;
    if (request.dryRun || blocked || fresh.length === 0) return;
    // Settings changed while the file was read (another workstation): compute the columns afresh.
    const sameBasis = JSON.stringify(await loadDeadlineBasis(db)) === JSON.stringify(basis);
    const items = sameBasis ? fresh : fresh.map(({ row, intake, events }) => ({ row, intake, events }));
    const audit = { actor, source: 'import' as const, file: request.fileName };
    if (isPostgresClient(db.$client)) {
      await insertIntakesPortable(db, await loadDeadlineContext(db), ctx.clock.now(), audit, items);
    } else {
      const searchIndex = await deferSearchIndexing(db);
      await insertIntakes(db, await loadDeadlineContext(db), ctx.clock.now(), audit, items);
      await searchIndex.finish();
    }
    report.committed = fresh.length;
  };
  if (request.dryRun) await checkAndCommit();
  else await ctx.write(checkAndCommit);
  return report;
}

async function loadDeadlineBasis(db: OperationContext['db']): Promise<DeadlineBasis> {
  return { settings: await loadDeadlineSettings(db), equivalentDaysByYear: await loadEquivalentDays(db) };
}
