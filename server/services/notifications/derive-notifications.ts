import { addDays } from '../../../shared/calendar/local-date';
import { amsterdamDate, fromAmsterdamLocal, startOfAmsterdamDay } from '../../../shared/calendar/amsterdam-time';
import type { CourtCalendar } from '../../../shared/calendar/court-calendar';
import { dutchDay, dutchDayOf } from '../../../shared/cjib/dutch-day';
import { describeReturnReason } from '../../../shared/cjib/return-reasons';
import { isDetainedModality, type Modality } from '../../../shared/domain/modality';
import { problemSeverity, type ProblemSeverity } from '../../../shared/domain/problem-severity';
import { byUrgency } from '../../../shared/notifications/notification-order';
import {
  NOTIFICATION_ROLES_OF_KIND,
  notificationKey,
  type AppNotification,
  type NotificationEntityType,
  type NotificationKind,
  type NotificationRole,
} from '../../../shared/notifications/notification-schemas';
import { DutchTimeFormatter, MODALITY_LABELS } from '../../../shared/planner/dutch-time';
import type { AppDatabase } from '../../../db/open-database';
import { listPlanningProblems, type PlanningProblemItem } from '../planner/planning-problems';
import { reservationStateOfSessions, sessionOccupancy } from '../sessions/session-occupancy';
import { loadCourtCalendar } from '../settings/district-settings';
import { sqlRows } from '../context/query-results';

const DUTCH = new DutchTimeFormatter();

type Reader = Pick<AppDatabase, '$client' | 'select'>;

/**
 * The notifications of this moment, derived from the data (never stored copies that go stale), for
 * every role; notifications marked done are left out. The legal rules are not computed again here:
 * detained cases near their limit, summons to serve and underfilled sessions come from the planning
 * problems (server/services/planner/planning-problems.ts), the release of reservations from its
 * stored release date (shared/planning/reservation-release.ts), returns from the CJIB hand-off.
 */
export async function deriveNotifications(db: AppDatabase, now: Date): Promise<AppNotification[]> {
  const today = amsterdamDate(now.getTime());
  const calendar = await loadCourtCalendar(db);
  const problems = await listPlanningProblems(db, now);
  const all = [
    ...await detainedNearLimit(db, problems, calendar),
    ...await summonsDueToday(db, problems, today),
    ...await underfilledSessions(db, problems, now),
    ...await reservationsAboutToBeReleased(db, today, calendar),
    ...await cjibReturns(db),
  ];
  const done = await doneKeys(db, all.map((n) => n.key));
  const startOfToday = new Date(startOfAmsterdamDay(today)).toISOString();
  return all.filter((n) => !isDone(n, done.get(n.key), startOfToday)).sort(byUrgency);
}

/**
 * Kinds whose mark 'Afgehandeld' holds only for the day it was given: a detained suspect whose hard
 * limit (art. 59a, 64 and 66 Sv) is near or passed while the case is still not planned must not drop
 * out of view for good because someone marked it once; it is back the next day until the case is
 * planned or its limit changes.
 */
export const DONE_FOR_THE_DAY_ONLY: ReadonlySet<NotificationKind> = new Set(['detained_near_limit']);

/** Whether a mark given at `doneAt` (ISO instant) still hides the notification on the day starting at `startOfToday`. */
export function isDone(n: Pick<AppNotification, 'kind'>, doneAt: string | undefined, startOfToday: string): boolean {
  if (doneAt === undefined) return false;
  return !DONE_FOR_THE_DAY_ONLY.has(n.kind) || doneAt >= startOfToday;
}

/** The notifications for the given roles (a notification for several roles shows once). */
export function notificationsForRoles(all: readonly AppNotification[], roles: readonly NotificationRole[]): AppNotification[] {
  const chosen = new Set(roles);
  return all.filter((n) => n.roles.some((r) => chosen.has(r)));
}

function notification(
  kind: NotificationKind,
  entity: [NotificationEntityType, number],
  moment: string,
  fields: { severity: ProblemSeverity; title: string; text: string; route: string; linkLabel: string; dueAt: number },
): AppNotification {
  return {
    key: notificationKey(kind, entity[0], entity[1], moment),
    kind,
    roles: [...NOTIFICATION_ROLES_OF_KIND[kind]],
    ...fields,
    dueAt: new Date(fields.dueAt).toISOString(),
  };
}

/**
 * A case with a hard limit (custody limits of art. 59a, 64 and 66 Sv; voorgeleiding art. 59a Sv) within
 * one working day and not planned: the planning problem 'case_near_limit' (one rule for "near").
 */
async function detainedNearLimit(db: Reader, problems: PlanningProblemItem[], calendar: CourtCalendar): Promise<AppNotification[]> {
  const caseIds = problems.filter((p) => p.kind === 'case_near_limit' && p.caseId !== null).map((p) => p.caseId!);
  return (await rowsByIds<{ id: number; parketnummer: string; modality: Modality; nextLimit: string; nextLimitKind: string }>(
    db,
    'select id, parketnummer, modality, next_limit as "nextLimit", next_limit_kind as "nextLimitKind" from criminal_case where id in',
    caseIds,
  )).map((c) => {
    const limit = Date.parse(c.nextLimit);
    const limitDate = amsterdamDate(limit);
    // Near from the first day with at most one working day up to the limit day (workingDaysBetween counts (day, limit]).
    const dueFrom = calendar.addWorkingDays(limitDate, calendar.isWorkingDay(limitDate) ? -1 : -2);
    const what = c.nextLimitKind === 'voorgeleiding' ? 'uiterste voorgeleiding' : 'uiterste datum';
    return notification('detained_near_limit', ['case', c.id], new Date(limit).toISOString(), {
      severity: 'critical',
      title: isDetainedModality(c.modality) ? 'Gedetineerde zaak niet gepland' : 'Zaak met harde termijn niet gepland',
      text: `${c.parketnummer}: ${isDetainedModality(c.modality) ? 'gedetineerd' : 'harde termijn'}, ${what} ${DUTCH.moment(limit)}, niet gepland. Plan de zaak of kies een andere route.`,
      route: `/zaken/${c.id}`,
      linkLabel: 'Naar de zaak',
      dueAt: startOfAmsterdamDay(dueFrom),
    });
  });
}

/**
 * A planned hearing whose summons must be served today (or should have been): the planning problem
 * 'summons_not_served', whose date is the last day to serve (art. 265 lid 1 Sv, art. 370 Sv; Atw).
 */
async function summonsDueToday(db: Reader, problems: PlanningProblemItem[], today: string): Promise<AppNotification[]> {
  const due = problems.filter((p) => p.kind === 'summons_not_served' && p.caseId !== null && p.sessionId !== null && p.date <= today);
  const sessions = new Map(
    (await rowsByIds<{ id: number; date: string; startTime: string; room: string }>(
      db,
      'select s.id, s.date, s.start_time as "startTime", r.name as room from court_session s join courtroom r on r.id = s.courtroom_id where s.id in',
      due.map((p) => p.sessionId!),
    )).map((s) => [s.id, s]),
  );
  const cases = new Map(
    (await rowsByIds<{ id: number; parketnummer: string }>(db, 'select id, parketnummer from criminal_case where id in', due.map((p) => p.caseId!))).map((c) => [c.id, c]),
  );
  return due.flatMap((p) => {
    const session = sessions.get(p.sessionId!);
    const c = cases.get(p.caseId!);
    if (!session || !c) return [];
    const [hour, minute] = session.startTime.split(':').map(Number) as [number, number];
    const hearing = `zitting ${DUTCH.moment(fromAmsterdamLocal(session.date, hour, minute))} (${session.room})`;
    const late = p.date < today;
    return [
      notification('summons_due_today', ['case', c.id], p.date, {
        severity: 'critical',
        title: late ? 'Dagvaarding te laat' : 'Dagvaarding vandaag betekenen',
        text: late
          ? `${c.parketnummer}: de dagvaarding had uiterlijk ${dutchDay(p.date)} betekend moeten zijn voor de ${hearing}. Leg de betekening vast of plan de zaak opnieuw.`
          : `${c.parketnummer}: dagvaarding uiterlijk vandaag (${dutchDay(p.date)}) betekenen voor de ${hearing}.`,
        route: `/zaken/${c.id}`,
        linkLabel: 'Naar de zaak',
        dueAt: startOfAmsterdamDay(p.date),
      }),
    ];
  });
}

/** A session less than half full within a week that has not started: the planning problem 'underfilled'. */
async function underfilledSessions(db: Reader, problems: PlanningProblemItem[], now: Date): Promise<AppNotification[]> {
  const ids = problems.filter((p) => p.kind === 'underfilled' && p.sessionId !== null);
  const severityOf = new Map(ids.map((p) => [p.sessionId!, p.severity]));
  const rows = await rowsByIds<{ id: number; date: string; startTime: string; room: string; status: 'scheduled'; capacitySlots: number }>(
    db,
    `select s.id, s.date, s.start_time as "startTime", r.name as room, s.status, s.capacity_slots as "capacitySlots"
     from court_session s join courtroom r on r.id = s.courtroom_id where s.id in`,
    [...severityOf.keys()],
  );
  const occupancy = await sessionOccupancy(db, rows);
  return rows.flatMap((s) => {
    const [hour, minute] = s.startTime.split(':').map(Number) as [number, number];
    const starts = fromAmsterdamLocal(s.date, hour, minute);
    if (starts <= now.getTime()) return [];
    const { capacity, booked } = occupancy.get(s.id)!;
    return [
      notification('session_underfilled', ['court_session', s.id], s.date, {
        severity: severityOf.get(s.id) ?? 'warning',
        title: 'Zitting minder dan half vol',
        text: `${DUTCH.moment(starts)}, ${s.room}: ${booked} van ${capacity} plaatsen geboekt. Vul de zitting aan of geef de capaciteit terug.`,
        route: `/zittingen?week=${s.date}`,
        linkLabel: 'Naar de zittingen',
        dueAt: startOfAmsterdamDay(addDays(s.date, -7)),
      }),
    ];
  });
}

/**
 * An open reservation with unfilled places that is released at the next working day boundary (its
 * release date, N working days before the session per the district setting, is the next working day).
 */
async function reservationsAboutToBeReleased(db: Reader, today: string, calendar: CourtCalendar): Promise<AppNotification[]> {
  const rows = await sqlRows(db.$client, `select r.id, r.session_id as "sessionId", r.modality, r.slots, r.reserved_by as "reservedBy", r.release_due_on as "releaseDueOn", s.date, s.start_time as "startTime", c.name as room
       from reservation r join court_session s on s.id = r.session_id join courtroom c on c.id = s.courtroom_id
       where r.released_at is null and s.status = 'scheduled' and r.release_due_on > ? and r.release_due_on <= ? order by r.release_due_on, r.id`, [today, calendar.addWorkingDays(today, 1)]) as {
    id: number;
    sessionId: number;
    modality: keyof typeof MODALITY_LABELS;
    slots: number;
    reservedBy: string;
    releaseDueOn: string;
    date: string;
    startTime: string;
    room: string;
  }[];
  const state = await reservationStateOfSessions(db, [...new Set(rows.map((r) => r.sessionId))]);
  return rows.flatMap((r) => {
    const unfilled = state.get(r.sessionId)?.fill.get(r.id)?.unfilled ?? r.slots;
    if (unfilled <= 0) return [];
    const [hour, minute] = r.startTime.split(':').map(Number) as [number, number];
    return [
      notification('reservation_release', ['reservation', r.id], r.releaseDueOn, {
        severity: problemSeverity(today, r.releaseDueOn, calendar),
        title: 'Reservering wordt vrijgegeven',
        text: `Reservering ${MODALITY_LABELS[r.modality] ?? r.modality} van ${r.reservedBy} op de zitting van ${DUTCH.moment(fromAmsterdamLocal(r.date, hour, minute))} (${r.room}): ${unfilled} van ${r.slots} plaatsen nog niet gevuld. Die gaan ${dutchDay(r.releaseDueOn)} terug naar de rechtbank.`,
        route: '/reserveringen',
        linkLabel: 'Naar de reserveringen',
        dueAt: startOfAmsterdamDay(calendar.addWorkingDays(r.releaseDueOn, -1)),
      }),
    ];
  });
}

/** A decision CJIB sent back (returned or rejected) that still needs rework (server/services/cjib/rework-handoff.ts). */
async function cjibReturns(db: Reader): Promise<AppNotification[]> {
  const rows = await sqlRows(db.$client, `select h.id, h.returned_at as "returnedAt", h.return_code as "returnCode", h.return_reason as "returnReason", c.parketnummer
       from cjib_handoff h join decision d on d.id = h.decision_id join criminal_case c on c.id = d.case_id
       where h.status = 'returned' order by h.returned_at, h.id`) as { id: number; returnedAt: string | null; returnCode: string | null; returnReason: string | null; parketnummer: string }[];
  return rows.map((h) => {
    const returnedAt = h.returnedAt ? Date.parse(h.returnedAt) : 0;
    const why = h.returnCode ? ` (${describeReturnReason(h.returnCode, h.returnReason).replace(/[.\s]+$/, '')})` : '';
    return notification('cjib_returned', ['cjib_handoff', h.id], h.returnedAt ? new Date(returnedAt).toISOString() : '1970-01-01', {
      severity: 'warning',
      title: 'Retour van het CJIB',
      text: `${h.parketnummer}: door het CJIB teruggestuurd${h.returnedAt ? ` op ${dutchDayOf(returnedAt)}` : ''}${why}. Corrigeer de zaak en markeer de beslissing als hersteld.`,
      route: '/overdracht',
      linkLabel: 'Naar de overdracht',
      dueAt: returnedAt,
    });
  });
}

async function rowsByIds<T>(db: Reader, sqlBeforeList: string, ids: readonly number[]): Promise<T[]> {
  const unique = [...new Set(ids)];
  const rows: T[] = [];
  // SQLite limits bound parameters: chunks keep long lists safe.
  for (let k = 0; k < unique.length; k += 500) {
    const chunk = unique.slice(k, k + 500);
    rows.push(...(await sqlRows(db.$client, `${sqlBeforeList} (${chunk.map(() => '?').join(',')})`, [...chunk]) as T[]));
  }
  return rows;
}

/** When each marked key was marked done (ISO instant). */
async function doneKeys(db: Reader, keys: readonly string[]): Promise<Map<string, string>> {
  const done = new Map<string, string>();
  for (let k = 0; k < keys.length; k += 500) {
    const chunk = keys.slice(k, k + 500);
    if (chunk.length === 0) continue;
    for (const row of await sqlRows(db.$client, `select key, done_at as "doneAt" from notification_done where key in (${chunk.map(() => '?').join(',')})`, [...chunk]) as { key: string; doneAt: string }[]) {
      done.set(row.key, row.doneAt);
    }
  }
  return done;
}

