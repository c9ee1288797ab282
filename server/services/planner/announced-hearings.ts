import { fromAmsterdamLocal } from '../../../shared/calendar/amsterdam-time';
import { earliestHearing } from '../../../shared/deadlines/summons-term';
import type { HeardModality } from '../../../shared/domain/modality';
import type { PlanningCase } from '../../../shared/planner/planning-problem';
import { toPlanningCase, type CaseLimitsRow } from './planning-case';
import type { AppDatabase } from '../../../db/open-database';
import { loadCourtCalendar, loadDeadlineSettings } from '../settings/district-settings';
import { sqlRows } from '../context/query-results';

interface HearingRow {
  hearingId: number;
  caseId: number;
  sessionId: number;
  date: string;
  startTime: string;
  pinned: number;
  modality: HeardModality;
  shortTermConsent: number;
  hearingFrom: string | null;
  hearingBy: string | null;
  hearingTargetBy: string | null;
  readyFrom: string | null;
  coDefendantGroup: string | null;
  nextLimitKind: CaseLimitsRow['nextLimitKind'];
  dateOfBirth: string;
  offenceAt: string | null;
  arrestedAt: string | null;
}

export interface AnnouncedHearings {
  /** Planned cases of the window as planner cases: fixed (pinnedSessionId) or movable at a cost (currentSessionId). */
  cases: PlanningCase[];
  /** Per session, the slots these cases hold: the planner gets them back as capacity, since it places the cases again. */
  heldSlots: Map<number, number>;
  hearingIdByCase: Map<number, number>;
  /** Cases fixed because a new summons could no longer be served in time for another date. */
  pinnedBySummonsWindow: number[];
}

/**
 * The hearings already planned in a window, for replanning. An announced hearing stays stable: it is
 * pinned when a coordinator pinned it, or when it lies inside the summons window (a summons served
 * now could not make another date lawful: art. 265 lid 1 / art. 370 Sv, computed by the same rule the
 * deadline engine uses); otherwise the planner may move it, at the cost `moveCost`.
 */
export interface AnnouncedOptions {
  /** Only the hearings of these co-defendant groups (context for planning their partners). */
  onlyGroups?: ReadonlySet<string> | undefined;
  /** Keep every hearing where it is (context only, not replanning). */
  pinAll?: boolean | undefined;
}

export async function loadAnnouncedHearings(db: AppDatabase, window: { from: string; to: string }, now: Date, options: AnnouncedOptions = {}): Promise<AnnouncedHearings> {
  const rows = await sqlRows(db.$client, `select h.id as "hearingId", c.id as "caseId", s.id as "sessionId", s.date, s.start_time as "startTime", h.pinned, c.modality,
              c.short_term_consent as "shortTermConsent", c.hearing_from as "hearingFrom", c.hearing_by as "hearingBy",
              c.hearing_target_by as "hearingTargetBy", c.ready_from as "readyFrom", c.co_defendant_group as "coDefendantGroup", c.next_limit_kind as "nextLimitKind",
              su.date_of_birth as "dateOfBirth", c.offence_at as "offenceAt", c.arrested_at as "arrestedAt"
       from hearing h join court_session s on s.id = h.session_id join criminal_case c on c.id = h.case_id join suspect su on su.id = c.suspect_id
       where h.status = 'planned' and c.status = 'planned' and s.status = 'scheduled' and s.date between ? and ?
       order by s.date, s.start_time, h.id`, [window.from, window.to]) as HearingRow[];
  const settings = await loadDeadlineSettings(db);
  const calendar = await loadCourtCalendar(db);
  const result: AnnouncedHearings = { cases: [], heldSlots: new Map(), hearingIdByCase: new Map(), pinnedBySummonsWindow: [] };
  for (const row of rows) {
    const [hour, minute] = row.startTime.split(':').map(Number) as [number, number];
    const start = fromAmsterdamLocal(row.date, hour, minute);
    if (start < now.getTime()) continue;
    if (options.onlyGroups && (row.coDefendantGroup === null || !options.onlyGroups.has(row.coDefendantGroup))) continue;
    const summonsWindowEnd = earliestHearing(now.getTime(), row.modality, Boolean(row.shortTermConsent), settings, calendar).at;
    const insideSummonsWindow = start < summonsWindowEnd;
    const pinned = options.pinAll === true || Boolean(row.pinned) || insideSummonsWindow;
    if (!options.pinAll && insideSummonsWindow && !row.pinned) result.pinnedBySummonsWindow.push(row.caseId);
    // Moving the hearing means serving a new summons: no other date before the window ends.
    const planningCase = toPlanningCase({ ...row, id: row.caseId }, now.getTime(), summonsWindowEnd);
    result.cases.push({ ...planningCase, ...(pinned ? { pinnedSessionId: row.sessionId } : { currentSessionId: row.sessionId }) });
    result.heldSlots.set(row.sessionId, (result.heldSlots.get(row.sessionId) ?? 0) + 1);
    result.hearingIdByCase.set(row.caseId, row.hearingId);
  }
  return result;
}
