import type { OperationContext } from '../context/operation-context';
import { personUnavailability, persons } from '../../../db/schema';
import { PERSON_ROLE_LABELS, type PersonRole } from '../../../shared/domain/person';
import { ROTA_COLUMNS, rotaColumnOf, type RotaColumnKey } from '../../../shared/rota/rota-columns';
import { parseRotaRow, type RotaRow } from '../../../shared/rota/rota-import-row';
import type { RotaImportReport } from '../../../shared/rota/rota-schemas';
import { rangesOverlap } from '../../../shared/rota/unavailability-reasons';
import { ImportFileError, readImportFile, type ImportTable } from '../cases/read-import-file';
import { describeAbsence, insertAbsence, insertPerson } from './person-writes';
import { inTransaction } from '../context/query-results';

export interface RotaImportRequest {
  fileName: string;
  content: Buffer;
  dryRun: boolean;
}

interface PlannedPerson {
  key: string;
  name: string;
  role: PersonRole;
  existingId: number | null;
}

interface PlannedAbsence {
  row: number;
  person: PlannedPerson;
  absence: NonNullable<RotaRow['absence']>;
}

const personKey = (name: string, role: PersonRole) => `${name.toLowerCase()}|${role}`;

/**
 * Reads a rota CSV (naam;rol;afwezig_van;afwezig_tot;reden), checks every row against the file and the
 * rota, and then adds the new people and absences in one transaction, or nothing if any row is wrong.
 * Rows already on the rota add nothing, so importing the same file twice changes nothing.
 */
export async function importRota(ctx: OperationContext, request: RotaImportRequest): Promise<RotaImportReport> {
  const report: RotaImportReport = {
    fileName: request.fileName,
    dryRun: request.dryRun,
    totalRows: 0,
    validRows: 0,
    invalidRows: 0,
    newPersons: 0,
    newAbsences: 0,
    committed: false,
    fileProblems: [],
    ignoredColumns: [],
    problems: [],
  };
  if (!/\.(csv|txt)$/i.test(request.fileName)) return { ...report, fileProblems: [`Bestand "${request.fileName}" is geen CSV. Gebruik het sjabloon (.csv).`] };
  let table: ImportTable;
  try {
    table = await readImportFile(request.fileName, request.content);
  } catch (error) {
    if (error instanceof ImportFileError) return { ...report, fileProblems: [error.message] };
    throw error;
  }
  report.totalRows = table.rows.length;

  const columnAt = new Map<number, RotaColumnKey>();
  table.headers.forEach((header, index) => {
    if (header.trim() === '') return;
    const column = rotaColumnOf(header);
    if (!column) report.ignoredColumns.push(header.trim());
    else if ([...columnAt.values()].includes(column)) report.fileProblems.push(`Kolom '${column}' staat twee keer in het bestand.`);
    else columnAt.set(index, column);
  });
  const present = new Set(columnAt.values());
  for (const column of ROTA_COLUMNS) {
    if (column.required && !present.has(column.key)) report.fileProblems.push(`Kolom '${column.header}' ontbreekt. Gebruik het sjabloon voor de juiste kolommen.`);
  }
  if (table.rows.length === 0) report.fileProblems.push('Het bestand bevat geen rijen (alleen een kopregel of niets).');
  if (report.fileProblems.length > 0) return report;

  // Checked against the rota and written in one write transaction, so a concurrent change cannot slip between.
  const checkAndCommit = async () => await checkRowsAndCommit(ctx, request, table, columnAt, report);
  if (request.dryRun) await checkAndCommit();
  else await ctx.write(checkAndCommit);
  return report;
}

async function checkRowsAndCommit(
  ctx: OperationContext,
  request: RotaImportRequest,
  table: ImportTable,
  columnAt: Map<number, RotaColumnKey>,
  report: RotaImportReport,
): Promise<void> {
  const { db, actor } = ctx;
  const existingPersons = new Map((await db.select().from(persons)).map((p) => [personKey(p.name, p.role), p]));
  const existingAbsences = (await db.select().from(personUnavailability));
  const plannedPersons = new Map<string, PlannedPerson>();
  const plannedAbsences: PlannedAbsence[] = [];
  const width = table.headers.length;

  for (const { row, cells } of table.rows) {
    // Missing trailing cells are empty optional columns; extra filled cells mean a wrong delimiter.
    if (cells.slice(width).some((c) => c.trim() !== '')) {
      report.problems.push({ row, column: '(rij)', message: `Rij heeft ${cells.length} kolommen, de kopregel ${width}: controleer de scheidingstekens` });
      report.invalidRows += 1;
      continue;
    }
    const byColumn = new Map<RotaColumnKey, string>();
    for (const [index, column] of columnAt) byColumn.set(column, cells[index] ?? '');
    const parsed = parseRotaRow(row, byColumn);
    if (!parsed.ok) {
      report.problems.push(...parsed.problems);
      report.invalidRows += 1;
      continue;
    }
    const { name, role, absence } = parsed.value;
    const key = personKey(name, role);
    const existing = existingPersons.get(key);
    if (existing && !existing.active) {
      report.problems.push({ row, column: 'naam', message: `${existing.name} (${PERSON_ROLE_LABELS[role].toLowerCase()}) is niet meer actief; maak die persoon eerst weer actief op de roosterpagina` });
      report.invalidRows += 1;
      continue;
    }
    let person = plannedPersons.get(key);
    if (!person) {
      person = { key, name: existing?.name ?? name, role, existingId: existing?.id ?? null };
      plannedPersons.set(key, person);
    }
    if (absence) {
      const stored = person.existingId === null ? [] : existingAbsences.filter((a) => a.personId === person.existingId);
      const same = (a: { fromDate: string; toDate: string; reason: string }) => a.fromDate === absence.fromDate && a.toDate === absence.toDate && a.reason === absence.reason;
      const storedClash = stored.find((a) => !same(a) && rangesOverlap(a, absence));
      const earlier = plannedAbsences.filter((p) => p.person === person);
      const fileClash = earlier.find((p) => !same(p.absence) && rangesOverlap(p.absence, absence));
      if (storedClash || fileClash) {
        const message = storedClash
          ? `${person.name} is al afwezig op ${describeAbsence(storedClash)}; dat overlapt met deze periode`
          : `Overlapt met de afwezigheid van ${person.name} in rij ${fileClash!.row}`;
        report.problems.push({ row, column: 'afwezig_van', message });
        report.invalidRows += 1;
        continue;
      }
      if (!stored.some(same) && !earlier.some((p) => same(p.absence))) plannedAbsences.push({ row, person, absence });
    }
    report.validRows += 1;
  }
  report.newPersons = [...plannedPersons.values()].filter((p) => p.existingId === null).length;
  report.newAbsences = plannedAbsences.length;
  if (request.dryRun || report.invalidRows > 0) return;

  const now = ctx.clock.now();
  const source = { source: 'import', file: request.fileName };
  await inTransaction(db, async (tx) => {
    for (const person of plannedPersons.values()) {
      if (person.existingId === null) person.existingId = await insertPerson(tx, { name: person.name, role: person.role }, actor, now, source);
    }
    for (const { row, person, absence } of plannedAbsences) await insertAbsence(tx, person.existingId!, absence, actor, now, { ...source, row });
  });
  report.committed = true;
}
