import { parseAcceptedModalities, type SessionType } from '../../../shared/domain/session';
import { freePlaces } from '../../../shared/domain/slot-occupancy';
import { HEARD_MODALITIES, type HeardModality } from '../../../shared/domain/modality';
import { amsterdamDate, fromAmsterdamLocal } from '../../../shared/calendar/amsterdam-time';
import type { PlanningCase, PlanningProblem, PlanningSession } from '../../../shared/planner/planning-problem';
import type { UnfilledReservations } from '../../../shared/planner/reserved-capacity';
import type { AppDatabase } from '../../../db/open-database';
import { sessionOccupancy } from '../sessions/session-occupancy';
import { unfilledByModality } from '../../../shared/planning/reservation-fill';
import { loadAnnouncedHearings, type AnnouncedHearings } from './announced-hearings';
import { loadDeadlineContext } from '../settings/district-settings';
import { toPlanningCase, unservedSummonsFrom, type CaseLimitsRow, type SummonsFacts } from './planning-case';
import { sqlRows } from '../context/query-results';

export interface PlanningWindow {
  from: string;
  to: string;
  /** Also replan the hearings already planned in the window (announced ones stay stable: announced-hearings.ts). */
  replan?: boolean | undefined;
}

interface SessionRow {
  id: number;
  date: string;
  startTime: string;
  sessionType: SessionType;
  acceptedModalities: string;
  status: 'scheduled';
  capacitySlots: number;
  acceptsMinors: number;
}

interface CaseRow extends Omit<SummonsFacts, 'modality'> {
  id: number;
  modality: HeardModality;
  hearingFrom: string | null;
  hearingBy: string | null;
  hearingTargetBy: string | null;
  planningGaps: string;
  readyFrom: string | null;
  coDefendantGroup: string | null;
  nextLimitKind: CaseLimitsRow['nextLimitKind'];
  dateOfBirth: string;
  offenceAt: string | null;
  arrestedAt: string | null;
  /** 1 when a pending precondition's expected date has passed (not cached: time alone makes it so). */
  overdue: number;
}

export interface PlanningInput {
  problem: PlanningProblem;
  /** Cases awaiting planning that are not ready yet (what they wait for is on the case page). */
  notReady: number[];
  /** Unfilled prosecution reservations per session: only their modality may use them (shared/planner/reserved-capacity.ts). */
  reservedSlots: UnfilledReservations;
  /** When replanning: the hearings already planned in the window, now part of the problem. */
  announced: AnnouncedHearings | null;
}

/**
 * The planner's view of the district for a window: scheduled sessions with their free slots (cases
 * already planned keep their places: announced hearings stay stable), and the cases awaiting
 * planning that are ready, with the limits the deadline engine computed.
 */
export async function buildPlanningProblem(db: AppDatabase, window: PlanningWindow, now: Date): Promise<PlanningInput> {
  const sqlite = db.$client;
  const waiting = await loadWaitingCases(db, now);
  // Replanning brings every planned hearing of the window in; otherwise only those of co-defendants of
  // waiting cases come in, pinned, so the planner can put a partner on the same session.
  const groups = new Set(waiting.filter((row) => row.coDefendantGroup !== null).map((row) => row.coDefendantGroup!));
  const announced = window.replan
    ? await loadAnnouncedHearings(db, window, now)
    : groups.size > 0
      ? await loadAnnouncedHearings(db, window, now, { onlyGroups: groups, pinAll: true })
      : null;
  const sessions = await sqlRows(sqlite, `select s.id, s.date, s.start_time as "startTime", s.session_type as "sessionType", s.accepted_modalities as "acceptedModalities", s.status, s.capacity_slots as "capacitySlots",
              s.accepts_minors as "acceptsMinors"
       from court_session s where s.status = 'scheduled' and s.date between ? and ? order by s.date, s.start_time, s.id`, [window.from, window.to]) as SessionRow[];
  const occupancy = await sessionOccupancy(db, sessions);
  // The planner's capacity of a session: its places not booked (reservations are split off below), plus the
  // places of the announced cases it places again.
  const planningSessions: PlanningSession[] = sessions
    .map((s) => {
      const [hour, minute] = s.startTime.split(':').map(Number) as [number, number];
      const places = occupancy.get(s.id)!;
      return { id: s.id, date: s.date, start: fromAmsterdamLocal(s.date, hour, minute), capacity: freePlaces(places.capacity, places.booked - (announced?.heldSlots.get(s.id) ?? 0)), accepts: parseAcceptedModalities(s.acceptedModalities, s.sessionType), acceptsMinors: Boolean(s.acceptsMinors) };
    })
    // A session that has started (start <= now) is not offered: nothing is planned in the past.
    .filter((s) => s.start > now.getTime());
  // When replanning, the announced cases are placed again: their slots count as unfilled reservations until then.
  const replanned = new Map<number, Partial<Record<string, number>>>();
  for (const c of announced?.cases ?? []) {
    const sessionId = (c.pinnedSessionId ?? c.currentSessionId)!;
    const entry = replanned.get(sessionId) ?? {};
    entry[c.modality] = (entry[c.modality] ?? 0) + 1;
    replanned.set(sessionId, entry);
  }
  const reservedSlots = new Map(
    planningSessions.flatMap((s) => {
      const state = occupancy.get(s.id)!.reservation;
      if (!state) return [];
      const id = s.id;
      const away = replanned.get(id);
      if (!away) return [[id, state.unfilled] as const];
      const booked = Object.fromEntries(Object.entries(state.booked).map(([modality, n]) => [modality, Math.max(0, (n ?? 0) - (away[modality] ?? 0))]));
      return [[id, unfilledByModality(state.reservations, booked)] as const];
    }),
  );

  const cases: PlanningCase[] = [];
  const notReady: number[] = [];
  const context = await loadDeadlineContext(db);
  for (const row of waiting) {
    if (row.planningGaps || row.overdue) {
      notReady.push(row.id);
      continue;
    }
    // A summons not yet served: no earlier than the summons term allows from its expected service (summons-term.ts).
    cases.push(toPlanningCase(row, now.getTime(), unservedSummonsFrom(row, now.getTime(), context) ?? 0));
  }
  if (announced) {
    const open = new Set(planningSessions.map((s) => s.id));
    cases.push(...announced.cases.filter((c) => open.has(c.pinnedSessionId ?? c.currentSessionId ?? -1)));
  }
  return { problem: { sessions: planningSessions, cases }, notReady, reservedSlots, announced };
}

/** The cases awaiting planning, with their cached limits and whether a precondition's date has passed. */
async function loadWaitingCases(db: AppDatabase, now: Date): Promise<CaseRow[]> {
  return await sqlRows(db.$client, `select c.id, c.modality, c.hearing_from as "hearingFrom", c.hearing_by as "hearingBy", c.hearing_target_by as "hearingTargetBy", c.planning_gaps as "planningGaps",
              c.ready_from as "readyFrom", c.co_defendant_group as "coDefendantGroup", c.next_limit_kind as "nextLimitKind",
              c.summons_served_at as "summonsServedAt", c.short_term_consent as "shortTermConsent", c.expected_summons_service_on as "expectedSummonsServiceOn",
              su.date_of_birth as "dateOfBirth", c.offence_at as "offenceAt", c.arrested_at as "arrestedAt",
              exists (select 1 from case_precondition p where p.case_id = c.id and p.status = 'pending' and p.expected_on < ?) as overdue
       from criminal_case c join suspect su on su.id = c.suspect_id where c.status = 'awaiting_planning' and c.modality in (${HEARD_MODALITIES.map(() => '?').join(', ')}) order by c.id`, [amsterdamDate(now.getTime()), ...HEARD_MODALITIES]) as CaseRow[];
}
