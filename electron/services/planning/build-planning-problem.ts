import { parseAcceptedModalities, type SessionType } from '../../../shared/domain/session';
import { HEARD_MODALITIES, type HeardModality } from '../../../shared/domain/modality';
import { fromAmsterdamLocal } from '../../../shared/calendar/amsterdam-time';
import type { PlanningCase, PlanningProblem, PlanningSession } from '../../../shared/planner/planning-problem';
import type { AppDatabase } from '../../../db/open-database';

export interface PlanningWindow {
  from: string;
  to: string;
}

interface SessionRow {
  id: number;
  date: string;
  startTime: string;
  sessionType: SessionType;
  acceptedModalities: string;
  capacitySlots: number;
  booked: number;
}

interface CaseRow {
  id: number;
  modality: HeardModality;
  hearingFrom: string | null;
  hearingBy: string | null;
  hearingTargetBy: string | null;
  planningGaps: string;
}

export interface PlanningInput {
  problem: PlanningProblem;
  /** Cases awaiting planning that are not ready yet (what they wait for is on the case page). */
  notReady: number[];
}

/**
 * The planner's view of the district for a window: scheduled sessions with their free slots (cases
 * already planned keep their places: announced hearings stay stable), and the cases awaiting
 * planning that are ready, with the limits the deadline engine computed.
 */
export function buildPlanningProblem(db: AppDatabase, window: PlanningWindow, now: Date): PlanningInput {
  const sqlite = db.$client;
  const sessions = sqlite
    .prepare(
      `select s.id, s.date, s.start_time as startTime, s.session_type as sessionType, s.accepted_modalities as acceptedModalities, s.capacity_slots as capacitySlots,
              (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned', 'held')) as booked
       from court_session s where s.status = 'scheduled' and s.date between ? and ? order by s.date, s.start_time, s.id`,
    )
    .all(window.from, window.to) as SessionRow[];
  const planningSessions: PlanningSession[] = sessions
    .map((s) => {
      const [hour, minute] = s.startTime.split(':').map(Number) as [number, number];
      return { id: s.id, date: s.date, start: fromAmsterdamLocal(s.date, hour, minute), capacity: Math.max(0, s.capacitySlots - s.booked), accepts: parseAcceptedModalities(s.acceptedModalities, s.sessionType) };
    })
    .filter((s) => s.start >= now.getTime());

  const rows = sqlite
    .prepare(
      `select id, modality, hearing_from as hearingFrom, hearing_by as hearingBy, hearing_target_by as hearingTargetBy, planning_gaps as planningGaps
       from criminal_case where status = 'awaiting_planning' and modality in (${HEARD_MODALITIES.map(() => '?').join(', ')}) order by id`,
    )
    .all(...HEARD_MODALITIES) as CaseRow[];
  const cases: PlanningCase[] = [];
  const notReady: number[] = [];
  for (const row of rows) {
    if (row.planningGaps) {
      notReady.push(row.id);
      continue;
    }
    cases.push({
      id: row.id,
      modality: row.modality,
      earliest: Math.max(now.getTime(), row.hearingFrom ? Date.parse(row.hearingFrom) : 0),
      latest: row.hearingBy ? Date.parse(row.hearingBy) : null,
      targetBy: row.hearingTargetBy ? Date.parse(row.hearingTargetBy) : null,
      detained: row.modality === 'supersnelrecht' || row.modality === 'snelrecht',
    });
  }
  return { problem: { sessions: planningSessions, cases }, notReady };
}
