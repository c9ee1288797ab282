import type { Modality } from '../../../shared/domain/modality';
import { preconditionGap, type ReadinessGap } from '../../../shared/domain/planning-readiness';
import type { PreconditionKind } from '../../../shared/domain/precondition';
import { amsterdamDate } from '../../../shared/calendar/amsterdam-time';
import type { AppDatabase } from '../../../db/open-database';
import { loadCourtCalendar } from '../settings/district-settings';
import { sqlRow, sqlRows } from '../context/query-results';

export const QUEUE_STAGES = { intake: 'intake', planning: 'awaiting_planning' } as const;

export interface WorkQueueQuery {
  /** intake: new cases awaiting their ZSM decision (or release to planning); planning: awaiting a session. */
  stage: keyof typeof QUEUE_STAGES;
  modality?: Modality | undefined;
  policeUnit?: string | undefined;
  readiness?: 'ready' | 'waiting' | undefined;
  offset: number;
  limit: number;
}

export type Urgency = 'infeasible' | 'overdue' | 'urgent' | 'soon' | 'normal' | 'none';

interface QueueRow {
  id: number;
  version: number;
  parketnummer: string;
  suspectName: string;
  modality: Modality;
  policeUnit: string;
  offenceSummary: string;
  planningGaps: string;
  nextLimit: string | null;
  nextLimitKind: 'voorgeleiding' | 'hearing' | 'target' | 'none';
  hearingBy: string | null;
  hearingFrom: string | null;
  hearingTargetBy: string | null;
  readyFrom: string | null;
  coDefendantGroup: string | null;
}

/** A pending precondition whose expected date lies before ?: not cached on the case, as time alone makes it so. */
const OVERDUE_EXISTS = "exists (select 1 from case_precondition p where p.case_id = c.id and p.status = 'pending' and p.expected_on < ?)";

const HOUR = 3_600_000;

/**
 * The cases awaiting planning, nearest binding limit first (cases without any limit last), a page at a
 * time along an index (the page is
 * rendered in a virtual list). Each row carries its countdown in working days and hours, so urgency
 * is shown in words and not by colour alone.
 */
export async function listWorkQueue(db: AppDatabase, query: WorkQueueQuery, now: Date) {
  const calendar = await loadCourtCalendar(db);
  const where: string[] = ['c.status = ?'];
  const params: unknown[] = [QUEUE_STAGES[query.stage]];
  if (query.modality) {
    where.push('c.modality = ?');
    params.push(query.modality);
  }
  if (query.policeUnit) {
    where.push('c.police_unit = ?');
    params.push(query.policeUnit);
  }
  const today = amsterdamDate(now.getTime());
  if (query.readiness === 'waiting') {
    where.push(`(c.planning_gaps <> '' or ${OVERDUE_EXISTS})`);
    params.push(today);
  }
  if (query.readiness === 'ready') {
    where.push(`c.planning_gaps = '' and not ${OVERDUE_EXISTS}`);
    params.push(today);
  }
  const filter = where.join(' and ');
  const sqlite = db.$client;
  const total = (await sqlRow(sqlite, `select count(*) as n from criminal_case c where ${filter}`, [...params]) as { n: number }).n;
  // Page through the index for ids only, then fetch those rows: skipped rows are never joined.
  const rows = await sqlRows(sqlite, `with page as (
         select c.id, c.queue_order from criminal_case c
         where ${filter} order by c.queue_order, c.id limit ? offset ?)
       select c.id, c.version, c.parketnummer, s.full_name as "suspectName", c.modality, c.police_unit as "policeUnit", c.offence_summary as "offenceSummary",
              c.planning_gaps as "planningGaps", c.next_limit as "nextLimit", c.next_limit_kind as "nextLimitKind",
              c.hearing_by as "hearingBy", c.hearing_from as "hearingFrom", c.hearing_target_by as "hearingTargetBy",
              c.ready_from as "readyFrom", c.co_defendant_group as "coDefendantGroup"
       from page join criminal_case c on c.id = page.id join suspect s on s.id = c.suspect_id
       order by page.queue_order, c.id`, [...params, query.limit, query.offset]) as QueueRow[];
  // The filter choices come with the first page only; later pages of the same list reuse them.
  const policeUnits =
    query.offset === 0
      ? (await sqlRows(sqlite, 'select distinct police_unit as u from criminal_case where status = ? order by u', [QUEUE_STAGES[query.stage]]) as { u: string }[]).map((r) => r.u)
      : [];

  const overdue = await overduePreconditions(db, rows.map((r) => r.id), today);
  return {
    total,
    offset: query.offset,
    policeUnits,
    rows: rows.map((r) => {
      const hoursLeft = r.nextLimit ? Math.floor((Date.parse(r.nextLimit) - now.getTime()) / HOUR) : null;
      const workingDaysLeft = r.nextLimit ? calendar.workingDaysBetween(today, amsterdamDate(Date.parse(r.nextLimit))) : null;
      // LEGAL-RULES.md: a hard limit that the summons term makes unreachable is flagged, never hidden.
      const infeasible = r.hearingBy !== null && r.hearingFrom !== null && r.hearingFrom >= r.hearingBy;
      return {
        id: r.id,
        version: r.version,
        parketnummer: r.parketnummer,
        suspectName: r.suspectName,
        modality: r.modality,
        policeUnit: r.policeUnit,
        offenceSummary: r.offenceSummary,
        nextLimit: r.nextLimit,
        nextLimitKind: r.nextLimitKind,
        hearingBy: r.hearingBy,
        hearingFrom: r.hearingFrom,
        hearingTargetBy: r.hearingTargetBy,
        limitIsHard: r.nextLimitKind === 'hearing' || r.nextLimitKind === 'voorgeleiding',
        hoursLeft,
        workingDaysLeft,
        urgency: infeasible ? 'infeasible' : urgencyOf(hoursLeft, workingDaysLeft, r.nextLimitKind !== 'target'),
        readinessGaps: [...(r.planningGaps ? (r.planningGaps.split(',') as ReadinessGap[]) : []), ...(overdue.get(r.id) ?? [])],
        readyFrom: r.readyFrom !== null && Date.parse(r.readyFrom) > now.getTime() ? r.readyFrom : null,
        coDefendantGroup: r.coDefendantGroup,
      };
    }),
  };
}

/** Per case of the page, its pending preconditions whose expected date lies before today. */
async function overduePreconditions(db: AppDatabase, caseIds: readonly number[], today: string): Promise<Map<number, ReadinessGap[]>> {
  const byCase = new Map<number, ReadinessGap[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await sqlRows(db.$client, `select case_id as "caseId", kind from case_precondition
       where status = 'pending' and expected_on < ? and case_id in (${caseIds.map(() => '?').join(', ')}) order by case_id, id`, [today, ...caseIds]) as { caseId: number; kind: PreconditionKind }[];
  for (const { caseId, kind } of rows) byCase.set(caseId, [...(byCase.get(caseId) ?? []), preconditionGap('overdue', kind)]);
  return byCase;
}

/** How pressing a limit is, in the words the queue shows next to its colour. */
export function urgencyOf(hoursLeft: number | null, workingDaysLeft: number | null, hard: boolean): Urgency {
  if (hoursLeft === null || workingDaysLeft === null) return 'none';
  if (hoursLeft < 0) return 'overdue';
  if (hard && workingDaysLeft <= 1) return 'urgent';
  if (workingDaysLeft <= 3) return 'soon';
  return 'normal';
}
