import type { HeardModality } from '../../../shared/domain/modality';
import type { ReadinessGap } from '../../../shared/domain/planning-readiness';
import { amsterdamDate } from '../../../shared/calendar/amsterdam-time';
import type { AppDatabase } from '../../../db/open-database';
import { loadCourtCalendar } from '../settings/district-settings';

export interface WorkQueueQuery {
  modality?: HeardModality | undefined;
  policeUnit?: string | undefined;
  readiness?: 'ready' | 'waiting' | undefined;
  offset: number;
  limit: number;
}

export type Urgency = 'overdue' | 'urgent' | 'soon' | 'normal' | 'none';

interface QueueRow {
  id: number;
  parketnummer: string;
  suspectName: string;
  modality: HeardModality;
  policeUnit: string;
  offenceSummary: string;
  planningGaps: string;
  hearingBy: string | null;
  hearingFrom: string | null;
  hearingTargetBy: string | null;
}

const HOUR = 3_600_000;

/**
 * The cases awaiting planning, nearest limit first (the hard legal limit, or else the policy target;
 * cases without any limit first, as they need a look), a page at a time along an index (the page is
 * rendered in a virtual list). Each row carries its countdown in working days and hours, so urgency
 * is shown in words and not by colour alone.
 */
export function listWorkQueue(db: AppDatabase, query: WorkQueueQuery, now = new Date()) {
  const calendar = loadCourtCalendar(db);
  const where: string[] = ["c.status = 'awaiting_planning'"];
  const params: unknown[] = [];
  if (query.modality) {
    where.push('c.modality = ?');
    params.push(query.modality);
  }
  if (query.policeUnit) {
    where.push('c.police_unit = ?');
    params.push(query.policeUnit);
  }
  if (query.readiness === 'waiting') where.push("c.planning_gaps <> ''");
  if (query.readiness === 'ready') where.push("c.planning_gaps = ''");
  const filter = where.join(' and ');
  const sqlite = db.$client;
  const total = (sqlite.prepare(`select count(*) as n from criminal_case c where ${filter}`).get(...params) as { n: number }).n;
  // Page through the index for ids only, then fetch those rows: skipped rows are never joined.
  const rows = sqlite
    .prepare(
      `with page as (
         select c.id, coalesce(c.hearing_by, c.hearing_target_by) as queue_limit from criminal_case c
         where ${filter} order by queue_limit, c.id limit ? offset ?)
       select c.id, c.parketnummer, s.full_name as suspectName, c.modality, c.police_unit as policeUnit, c.offence_summary as offenceSummary,
              c.planning_gaps as planningGaps, c.hearing_by as hearingBy, c.hearing_from as hearingFrom, c.hearing_target_by as hearingTargetBy
       from page join criminal_case c on c.id = page.id join suspect s on s.id = c.suspect_id
       order by page.queue_limit, c.id`,
    )
    .all(...params, query.limit, query.offset) as QueueRow[];
  // The filter choices come with the first page only; later pages of the same list reuse them.
  const policeUnits =
    query.offset === 0
      ? (sqlite.prepare("select distinct police_unit as u from criminal_case where status = 'awaiting_planning' order by u").all() as { u: string }[]).map((r) => r.u)
      : [];

  const today = amsterdamDate(now.getTime());
  return {
    total,
    offset: query.offset,
    policeUnits,
    rows: rows.map((r) => {
      const limit = r.hearingBy ?? r.hearingTargetBy;
      const hoursLeft = limit ? Math.floor((Date.parse(limit) - now.getTime()) / HOUR) : null;
      const workingDaysLeft = limit ? calendar.workingDaysBetween(today, amsterdamDate(Date.parse(limit))) : null;
      return {
        id: r.id,
        parketnummer: r.parketnummer,
        suspectName: r.suspectName,
        modality: r.modality,
        policeUnit: r.policeUnit,
        offenceSummary: r.offenceSummary,
        hearingBy: r.hearingBy,
        hearingFrom: r.hearingFrom,
        hearingTargetBy: r.hearingTargetBy,
        limitIsHard: r.hearingBy !== null,
        hoursLeft,
        workingDaysLeft,
        urgency: urgencyOf(hoursLeft, workingDaysLeft, r.hearingBy !== null),
        readinessGaps: (r.planningGaps ? r.planningGaps.split(',') : []) as ReadinessGap[],
      };
    }),
  };
}

function urgencyOf(hoursLeft: number | null, workingDaysLeft: number | null, hard: boolean): Urgency {
  if (hoursLeft === null || workingDaysLeft === null) return 'none';
  if (hoursLeft < 0) return 'overdue';
  if (hard && workingDaysLeft <= 1) return 'urgent';
  if (workingDaysLeft <= 3) return 'soon';
  return 'normal';
}
