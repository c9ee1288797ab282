import { addDays, format, parseISO } from 'date-fns';
import { amsterdamDate, fromAmsterdamLocal } from '../../../shared/calendar/amsterdam-time';
import type { ProblemKind } from '../../../shared/domain/planning-problem-kinds';
import { isDetainedModality, type Modality } from '../../../shared/domain/modality';
import { compareSeverity, problemSeverity, type ProblemSeverity } from '../../../shared/domain/problem-severity';
import { isUnavailabilityReason, UNAVAILABILITY_REASON_LABELS } from '../../../shared/rota/unavailability-reasons';
import type { AppDatabase } from '../../../db/open-database';
import { loadCourtCalendar, loadDeadlineSettings } from '../settings/district-settings';
import { needsSummonsService } from '../../../shared/domain/planning-readiness';
import { latestServiceDay } from '../../../shared/deadlines/summons-term';
import { dutchDay as weekdayDay } from '../../../shared/cjib/dutch-day';
import type { HeardModality } from '../../../shared/domain/modality';
import { SLOT_OCCUPYING_SQL, sessionOccupancy } from '../sessions/session-occupancy';
import { DutchTimeFormatter } from '../../../shared/planner/dutch-time';
import { sqlRows } from '../context/query-results';

const DUTCH = new DutchTimeFormatter();
const dayMonthYear = (date: string) => date.split('-').reverse().join('-');

export interface PlanningProblemItem {
  kind: ProblemKind;
  severity: ProblemSeverity;
  date: string;
  sessionId: number | null;
  caseId: number | null;
  /** The person, room or case the problem is about, as the list shows it. */
  subject: string;
}

interface SessionRow {
  id: number;
  date: string;
  startTime: string;
  endTime: string;
  room: string;
  courtroomId: number;
  locationId: number;
  judgeId: number | null;
  judgeName: string | null;
  prosecutorId: number | null;
  prosecutorName: string | null;
  status: 'scheduled';
  capacitySlots: number;
  overbookingSlots: number;
  capacityMinutes: number;
}

const HORIZON_DAYS = 42;
const UNDERFILLED_WITHIN_DAYS = 7;

/**
 * What needs a coordinator's attention in the coming six weeks: sessions without a judge or
 * prosecutor, a person who is away or on two sessions at once, a room booked twice or closed that day,
 * sessions booked beyond capacity plus their overbooking allowance or beyond their minutes, sessions
 * less than half full a week ahead (capacity that will be lost), unplanned cases within one working
 * day of a hard limit, planned hearings that no longer fit their case, and planned hearings whose session passed without an outcome. Each with a severity by how near its date is, most severe first.
 */
export async function listPlanningProblems(db: AppDatabase, now: Date): Promise<PlanningProblemItem[]> {
  const today = amsterdamDate(now.getTime());
  const horizon = format(addDays(parseISO(today), HORIZON_DAYS), 'yyyy-MM-dd');
  const underfilledUntil = format(addDays(parseISO(today), UNDERFILLED_WITHIN_DAYS), 'yyyy-MM-dd');
  const sessions = await sqlRows(db.$client, `select s.id, s.date, s.start_time as "startTime", s.end_time as "endTime", r.name as room, s.courtroom_id as "courtroomId", r.location_id as "locationId",
              s.judge_id as "judgeId", j.name as "judgeName", s.prosecutor_id as "prosecutorId", p.name as "prosecutorName", s.status, s.capacity_slots as "capacitySlots",
              s.overbooking_slots as "overbookingSlots", s.capacity_minutes as "capacityMinutes"
       from court_session s join courtroom r on r.id = s.courtroom_id
       left join person j on j.id = s.judge_id left join person p on p.id = s.prosecutor_id
       where s.status = 'scheduled' and s.date between ? and ? order by s.date, s.start_time, s.id`, [today, horizon]) as SessionRow[];
  const occupancy = await sessionOccupancy(db, sessions);
  const minutesBySession = await bookedMinutes(db, today, horizon);
  const absencesByPerson = await absences(db, today, horizon);
  const closures = new Map(
    (await sqlRows(db.$client, 'select location_id as "locationId", date, reason from location_closure where date between ? and ?', [today, horizon]) as {
      locationId: number;
      date: string;
      reason: string;
    }[]).map((c) => [`${c.locationId}|${c.date}`, c.reason]),
  );

  const calendar = await loadCourtCalendar(db);
  const problems: PlanningProblemItem[] = [];
  const add = (kind: ProblemKind, date: string, sessionId: number | null, caseId: number | null, subject: string) =>
    problems.push({ kind, severity: problemSeverity(today, date, calendar), date, sessionId, caseId, subject });
  const session = (kind: ProblemKind, s: SessionRow, subject: string) => add(kind, s.date, s.id, null, subject);

  for (const s of sessions) {
    const { capacity, booked } = occupancy.get(s.id)!;
    if (!s.judgeName) session('no_judge', s, s.room);
    if (!s.prosecutorName) session('no_prosecutor', s, s.room);
    for (const [id, name] of [[s.judgeId, s.judgeName], [s.prosecutorId, s.prosecutorName]] as const) {
      const away = id === null ? undefined : absencesByPerson.get(id)?.find((a) => a.fromDate <= s.date && s.date <= a.toDate);
      if (away) session('person_unavailable', s, `${name ?? id} (${reasonLabel(away.reason)}): ${s.room}`);
    }
    const closed = closures.get(`${s.locationId}|${s.date}`);
    if (closed !== undefined) session('room_closed', s, `${s.room}: ${closed}`);
    // Booking into the overbooking allowance is the coordinator's choice (no-shows are common), not a problem.
    if (booked > capacity + s.overbookingSlots) {
      const allowance = s.overbookingSlots > 0 ? ` (+${s.overbookingSlots} overboeking toegestaan)` : '';
      session('overbooked', s, `${s.room}: ${booked} van ${capacity}${allowance} geboekt`);
    }
    const minutes = Math.round(minutesBySession.get(s.id) ?? 0);
    if (minutes > s.capacityMinutes) session('over_minutes', s, `${s.room}: ${minutes} van ${s.capacityMinutes} minuten geboekt`);
    if (s.date <= underfilledUntil && booked * 2 < capacity) session('underfilled', s, `${s.room}: ${booked} van ${capacity} geboekt`);
  }
  // Two sessions on one day whose times overlap cannot share a judge, a prosecutor or a room.
  for (let i = 0; i < sessions.length; i++) {
    for (let j = i + 1; j < sessions.length && sessions[j]!.date === sessions[i]!.date; j++) {
      const [a, b] = [sessions[i]!, sessions[j]!];
      if (a.startTime >= b.endTime || b.startTime >= a.endTime) continue;
      for (const [id, name] of [[a.judgeId, a.judgeName], [a.prosecutorId, a.prosecutorName]] as const) {
        if (id !== null && (id === b.judgeId || id === b.prosecutorId)) session('double_booked_person', b, name ?? String(id));
      }
      if (a.courtroomId === b.courtroomId) session('double_booked_room', b, b.room);
    }
  }

  const cases = await sqlRows(db.$client, `select c.id, c.parketnummer, c.next_limit as "nextLimit" from criminal_case c
       where c.status = 'awaiting_planning' and c.next_limit_kind in ('voorgeleiding', 'hearing') order by c.queue_order`) as { id: number; parketnummer: string; nextLimit: string }[];
  for (const c of cases) {
    const limitDate = amsterdamDate(Date.parse(c.nextLimit));
    if (limitDate <= today || calendar.workingDaysBetween(today, limitDate) <= 1) add('case_near_limit', limitDate, null, c.id, c.parketnummer);
  }
  // A case whose session was cancelled and that has no new hearing yet: it must be planned again (issue 11, item 8).
  // Per case its latest cancelled session (the latest date, then the highest id), written for both engines.
  const orphaned = await sqlRows(db.$client, `select distinct c.id, c.parketnummer, s.date, r.name as room from criminal_case c
       join hearing h on h.case_id = c.id and h.status = 'cancelled' join court_session s on s.id = h.session_id and s.status = 'cancelled'
       join courtroom r on r.id = s.courtroom_id
       where c.status = 'awaiting_planning' and s.date >= ? and not exists (select 1 from hearing p where p.case_id = c.id and p.status in ${SLOT_OCCUPYING_SQL})
         and not exists (select 1 from hearing h2 join court_session s2 on s2.id = h2.session_id and s2.status = 'cancelled'
                         where h2.case_id = c.id and h2.status = 'cancelled' and (s2.date > s.date or (s2.date = s.date and s2.id > s.id)))
       order by s.date, c.id`, [today]) as { id: number; parketnummer: string; date: string; room: string }[];
  for (const c of orphaned) add('replan_after_cancellation', c.date, null, c.id, `${c.parketnummer} (${c.room}, ${dayMonthYear(c.date)})`);
  // A planned hearing that no longer fits its case: facts corrected or a precondition's date moved after it was planned.
  const planned = await sqlRows(db.$client, `select c.id, c.parketnummer, s.id as "sessionId", s.date, s.start_time as "startTime", case when c.next_limit_kind = 'none' then null else c.hearing_by end as "hearingBy", c.hearing_from as "hearingFrom", c.ready_from as "readyFrom",
              c.modality, c.summons_served_at as "summonsServedAt", c.short_term_consent as "shortTermConsent"
       from hearing h join court_session s on s.id = h.session_id join criminal_case c on c.id = h.case_id
       where h.status = 'planned' and s.status = 'scheduled' and s.date >= ?`, [today]) as {
    id: number;
    parketnummer: string;
    sessionId: number;
    date: string;
    startTime: string;
    hearingBy: string | null;
    hearingFrom: string | null;
    readyFrom: string | null;
    modality: HeardModality;
    summonsServedAt: string | null;
    shortTermConsent: number;
  }[];
  const deadlineSettings = await loadDeadlineSettings(db);
  for (const h of planned) {
    const [hour, minute] = h.startTime.split(':').map(Number) as [number, number];
    const starts = fromAmsterdamLocal(h.date, hour, minute);
    // A session that has started is listed below as passed, not as out of bounds.
    if (starts <= now.getTime()) continue;
    const why = [
      h.hearingBy && starts > Date.parse(h.hearingBy) ? `na de wettelijke termijn (${DUTCH.moment(Date.parse(h.hearingBy))})` : null,
      h.hearingFrom && starts < Date.parse(h.hearingFrom) ? `vóór het einde van de dagvaardingstermijn (${DUTCH.moment(Date.parse(h.hearingFrom))})` : null,
      h.readyFrom && starts < Date.parse(h.readyFrom) ? `vóór de zaak klaar is (${DUTCH.moment(Date.parse(h.readyFrom))})` : null,
    ].filter((w): w is string => w !== null);
    if (why.length > 0) add('hearing_out_of_bounds', h.date, h.sessionId, h.id, `${h.parketnummer}: zitting ${why.join(' en ')}`);
    // The summons for a planned date must be served by the session minus the summons term (art. 265
    // lid 1 Sv, art. 370 Sv; Atw per the district settings): listed until served, more severe as that day nears.
    if (needsSummonsService(h)) {
      const serveBy = latestServiceDay(starts, h.modality, Boolean(h.shortTermConsent), deadlineSettings, calendar);
      const day = weekdayDay(serveBy);
      add('summons_not_served', serveBy, h.sessionId, h.id, serveBy < today ? `${h.parketnummer}: dagvaarding niet betekend, uiterlijk ${day} (te laat voor deze zitting)` : `${h.parketnummer}: dagvaarding uiterlijk betekenen op ${day}`);
    }
  }
  problems.push(...await passedHearings(db, now));
  return problems.sort((x, y) => compareSeverity(x.severity, y.severity) || (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/**
 * Planned hearings whose session has started or took place without an outcome recorded: the case
 * looks planned but may not have been heard. Listed until a clerk records what happened (held,
 * adjourned) or the case is planned again; critical for a detained case, whose hard limit (custody limits of
 * art. 59a, 64 and 66 Sv) keeps running, with that limit in the text. Any date in the past counts, not only the horizon.
 */
async function passedHearings(db: AppDatabase, now: Date): Promise<PlanningProblemItem[]> {
  const rows = await sqlRows(db.$client, `select c.id, c.parketnummer, c.modality, s.id as "sessionId", s.date, s.start_time as "startTime",
              case when c.next_limit_kind = 'none' then null else c.hearing_by end as "hearingBy"
       from hearing h join court_session s on s.id = h.session_id join criminal_case c on c.id = h.case_id
       where h.status = 'planned' and s.status = 'scheduled' and s.date <= ? order by s.date, s.start_time, c.id`, [amsterdamDate(now.getTime())]) as { id: number; parketnummer: string; modality: Modality; sessionId: number; date: string; startTime: string; hearingBy: string | null }[];
  return rows.flatMap((h) => {
    const [hour, minute] = h.startTime.split(':').map(Number) as [number, number];
    const starts = fromAmsterdamLocal(h.date, hour, minute);
    if (starts > now.getTime()) return [];
    const detained = isDetainedModality(h.modality);
    const limit = h.hearingBy ? `; uiterste zittingsdatum ${DUTCH.moment(Date.parse(h.hearingBy))}` : '';
    const subject = `${h.parketnummer}: zitting van ${DUTCH.moment(starts)} is voorbij, maar er is geen uitkomst vastgelegd${limit}. Leg vast wat er gebeurde of plan de zaak opnieuw.`;
    return [{ kind: 'hearing_session_passed' as const, severity: detained ? ('critical' as const) : ('warning' as const), date: h.date, sessionId: h.sessionId, caseId: h.id, subject }];
  });
}

/**
 * Booked hearing minutes per session: each case's own estimate, or else the minutes per slot the
 * session was sized with (capacity minutes / slots), so only estimates that differ can exceed it.
 */
async function bookedMinutes(db: AppDatabase, from: string, to: string): Promise<Map<number, number>> {
  const rows = await sqlRows(db.$client, `select h.session_id as "sessionId", c.estimated_minutes as estimated,
              case when s.capacity_slots > 0 then s.capacity_minutes * 1.0 / s.capacity_slots else 0 end as "perSlot"
       from hearing h join criminal_case c on c.id = h.case_id join court_session s on s.id = h.session_id
       where h.status in ${SLOT_OCCUPYING_SQL} and s.date between ? and ?`, [from, to]) as { sessionId: number; estimated: number | null; perSlot: number }[];
  const minutes = new Map<number, number>();
  for (const r of rows) {
    const each = r.estimated ?? r.perSlot;
    minutes.set(r.sessionId, (minutes.get(r.sessionId) ?? 0) + each);
  }
  return minutes;
}

async function absences(db: AppDatabase, from: string, to: string): Promise<Map<number, { fromDate: string; toDate: string; reason: string }[]>> {
  const rows = await sqlRows(db.$client, 'select person_id as "personId", from_date as "fromDate", to_date as "toDate", reason from person_unavailability where to_date >= ? and from_date <= ?', [from, to]) as { personId: number; fromDate: string; toDate: string; reason: string }[];
  const byPerson = new Map<number, { fromDate: string; toDate: string; reason: string }[]>();
  for (const r of rows) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
  return byPerson;
}

function reasonLabel(reason: string): string {
  return isUnavailabilityReason(reason) ? UNAVAILABILITY_REASON_LABELS[reason].toLowerCase() : reason;
}
