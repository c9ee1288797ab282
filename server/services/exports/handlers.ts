import type { ParsedInput } from '../../../shared/api/contract';
import { EXPORT_LIST_DISCLOSES } from '../../../shared/api/disclosures';
import type { WorkQueueRow } from '../../../shared/api/case-schemas';
import type { AppDatabase } from '../../../db/open-database';
import type { FeatureHandlers } from '../api-handler';
import { cjibHandlers } from '../cjib/handlers';
import type { OperationContext } from '../context/operation-context';
import { getDistrict } from '../district/district-service';
import { listMetricCases } from '../metrics/metric-cases';
import { plannerHandlers } from '../planner/handlers';
import { listWorkQueue } from '../queue/work-queue';
import { reservationsHandlers } from '../reservations/handlers';
import { ServiceError } from '../service-error';
import { sessionsHandlers } from '../sessions/handlers';
import { courtRollTable, disclosuresTable, handoffTable, metricCasesTable, problemsTable, queueTable, reservationsTable } from './list-tables';
import { listDisclosures } from '../disclosures/disclosure-log';
import { writeTable, type TableInput } from './write-table';

/**
 * `exports.list` (issue 15 item 5): a list as CSV or XLSX, exactly as its page shows it: the rows come
 * from the list's own operation or service function with the same filters, every page of it, not only
 * the rows on screen.
 */

/** The most rows one export holds; a larger list is refused with a message, never cut off silently. */
export const MAX_EXPORT_ROWS = 100_000;

/** The queue is read in pages (its page query joins each page's cases; SQLite limits the ids per query). */
const QUEUE_PAGE = 5_000;

type ExportInput = ParsedInput<'exports.list'>;

const FILE_BASE: Record<ExportInput['list'], string> = {
  workQueue: 'werkvoorraad',
  intake: 'instroom',
  metricCases: 'dashboard-zaken',
  reservations: 'reserveringen',
  handoffQueue: 'overdracht-cjib',
  problems: 'problemen',
  courtRoll: 'zittingsrol',
  disclosures: 'inzage-log',
};

const LIST_NAMES: Record<ExportInput['list'], string> = {
  workQueue: 'de werkvoorraad',
  intake: 'de instroom',
  metricCases: 'de lijst met zaken achter het cijfer',
  reservations: 'het overzicht van de reserveringen',
  handoffQueue: 'de overdracht aan het CJIB',
  problems: 'de lijst met problemen',
  courtRoll: 'de zittingsrol',
  disclosures: 'het inzage-log',
};

function tooLarge(list: ExportInput['list'], total: number, maxRows: number): never {
  const count = total.toLocaleString('nl-NL');
  const max = maxRows.toLocaleString('nl-NL');
  throw new ServiceError(
    'INVALID_INPUT',
    `Exporteren: ${LIST_NAMES[list]} heeft ${count} regels, meer dan de ${max} die één bestand mag bevatten. Kies strengere filters (bijvoorbeeld een modaliteit of politie-eenheid, of een kortere periode) en exporteer opnieuw.`,
  );
}

/** The district's name as a file-name part: 'Arrondissement Amsterdam' -> 'amsterdam'. */
export async function districtSlug(db: AppDatabase): Promise<string> {
  const name = (await getDistrict(db))?.name ?? 'arrondissement';
  const slug = name
    .replace(/^arrondissement\s+/i, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'arrondissement';
}

async function allQueueRows(db: AppDatabase, input: Extract<ExportInput, { list: 'workQueue' | 'intake' }>, now: Date, maxRows: number): Promise<WorkQueueRow[]> {
  const stage = input.list === 'intake' ? 'intake' : 'planning';
  const rows: WorkQueueRow[] = [];
  for (let offset = 0; ; offset += QUEUE_PAGE) {
    const page = await listWorkQueue(db, { ...input.filters, stage, offset, limit: QUEUE_PAGE }, now);
    if (page.total > maxRows) tooLarge(input.list, page.total, maxRows);
    rows.push(...page.rows);
    if (page.rows.length < QUEUE_PAGE || rows.length >= page.total) return rows;
  }
}

/** A list with names discloses every case in the file: the api handler traces them (shared/api/disclosures.ts). */
function discloseIfNamed(list: ExportInput['list'], ctx: OperationContext, caseIds: number[]): void {
  if (EXPORT_LIST_DISCLOSES[list]) ctx.disclose?.(caseIds);
}

async function tableOf(input: ExportInput, ctx: OperationContext, maxRows: number): Promise<{ table: TableInput; datePart: string }> {
  const today = ctx.clock.today();
  switch (input.list) {
    case 'workQueue':
    case 'intake': {
      const rows = await allQueueRows(ctx.db, input, ctx.clock.now(), maxRows);
      discloseIfNamed(input.list, ctx, rows.map((row) => row.id));
      return { table: queueTable(rows, input.list === 'intake' ? 'intake' : 'planning'), datePart: today };
    }
    case 'metricCases': {
      const page = await listMetricCases(ctx.db, { ...input.filters, offset: 0, limit: maxRows }, today);
      if (page.total > maxRows) tooLarge(input.list, page.total, maxRows);
      return { table: metricCasesTable(page.rows), datePart: today };
    }
    case 'reservations':
      return { table: reservationsTable(await reservationsHandlers['reservations.list'](input.filters, ctx)), datePart: today };
    case 'handoffQueue': {
      const queue = await cjibHandlers['cjib.queue'](input.filters, ctx);
      discloseIfNamed(input.list, ctx, queue.items.map((item) => item.caseId));
      return { table: handoffTable(queue), datePart: today };
    }
    case 'problems':
      return { table: problemsTable(await plannerHandlers['planner.problems'](input.filters, ctx)), datePart: today };
    case 'courtRoll': {
      const roll = await sessionsHandlers['sessions.courtRoll'](input.filters, ctx);
      discloseIfNamed(input.list, ctx, roll.rows.map((row) => row.caseId));
      // The roll is named after its session's date (and number, as a day can have several sessions).
      return { table: courtRollTable(roll), datePart: `${roll.session.date}-zitting-${roll.session.id}` };
    }
    case 'disclosures': {
      // One query for every row (ids and names of users only): the count first, so a too large log is refused before it is read.
      const page = await listDisclosures(ctx.db, { ...input.filters, offset: 0, limit: maxRows }, today);
      if (page.total > maxRows) tooLarge(input.list, page.total, maxRows);
      return { table: disclosuresTable(page.rows), datePart: today };
    }
  }
}

export async function exportList(input: ExportInput, ctx: OperationContext, { maxRows = MAX_EXPORT_ROWS }: { maxRows?: number } = {}) {
  const { table, datePart } = await tableOf(input, ctx, maxRows);
  if (table.rows.length > maxRows) tooLarge(input.list, table.rows.length, maxRows);
  const file = await writeTable(table, input.format);
  return {
    fileName: `${FILE_BASE[input.list]}-${await districtSlug(ctx.db)}-${datePart}.${file.extension}`,
    mimeType: file.mimeType,
    contentBase64: file.content.toString('base64'),
    rowCount: table.rows.length,
  };
}

export const exportsHandlers: FeatureHandlers<'exports'> = {
  'exports.list': (input, ctx) => exportList(input, ctx),
};
