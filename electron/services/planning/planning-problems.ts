import { addDays, format, parseISO } from 'date-fns';
import { amsterdamDate } from '../../../shared/calendar/amsterdam-time';
import type { ProblemKind } from '../../../shared/domain/planning-problem-kinds';
import type { AppDatabase } from '../../../db/open-database';
import { loadCourtCalendar } from '../settings/district-settings';


export interface PlanningProblemItem {
  kind: ProblemKind;
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
  judgeId: number | null;
  judgeName: string | null;
  prosecutorId: number | null;
  prosecutorName: string | null;
  capacity: number;
  booked: number;
}

const HORIZON_DAYS = 42;
const UNDERFILLED_WITHIN_DAYS = 7;

/**
 * What needs a coordinator's attention in the coming six weeks: sessions without a judge or
 * prosecutor, a person or room on two sessions at once, overbooked sessions, sessions less than half
 * full a week ahead (capacity that will be lost), and unplanned cases within one working day of a hard limit.
 */
export function listPlanningProblems(db: AppDatabase, now: Date): PlanningProblemItem[] {
  const today = amsterdamDate(now.getTime());
  const horizon = format(addDays(parseISO(today), HORIZON_DAYS), 'yyyy-MM-dd');
  const underfilledUntil = format(addDays(parseISO(today), UNDERFILLED_WITHIN_DAYS), 'yyyy-MM-dd');
  const sessions = db.$client
    .prepare(
      `select s.id, s.date, s.start_time as startTime, s.end_time as endTime, r.name as room, s.courtroom_id as courtroomId,
              s.judge_id as judgeId, j.name as judgeName, s.prosecutor_id as prosecutorId, p.name as prosecutorName, s.capacity_slots as capacity,
              (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned','held')) as booked
       from court_session s join courtroom r on r.id = s.courtroom_id
       left join person j on j.id = s.judge_id left join person p on p.id = s.prosecutor_id
       where s.status = 'scheduled' and s.date between ? and ? order by s.date, s.start_time, s.id`,
    )
    .all(today, horizon) as SessionRow[];

  const problems: PlanningProblemItem[] = [];
  const session = (kind: ProblemKind, s: SessionRow, subject: string) => problems.push({ kind, date: s.date, sessionId: s.id, caseId: null, subject });
  for (const s of sessions) {
    if (!s.judgeName) session('no_judge', s, s.room);
    if (!s.prosecutorName) session('no_prosecutor', s, s.room);
    if (s.booked > s.capacity) session('overbooked', s, `${s.room}: ${s.booked} van ${s.capacity} geboekt`);
    if (s.date <= underfilledUntil && s.booked * 2 < s.capacity) session('underfilled', s, `${s.room}: ${s.booked} van ${s.capacity} geboekt`);
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

  const calendar = loadCourtCalendar(db);
  const cases = db.$client
    .prepare(
      `select c.id, c.parketnummer, c.next_limit as nextLimit from criminal_case c
       where c.status = 'awaiting_planning' and c.next_limit_kind in ('voorgeleiding', 'hearing') order by c.queue_order`,
    )
    .all() as { id: number; parketnummer: string; nextLimit: string }[];
  for (const c of cases) {
    const limitDate = amsterdamDate(Date.parse(c.nextLimit));
    if (limitDate <= today || calendar.workingDaysBetween(today, limitDate) <= 1) {
      problems.push({ kind: 'case_near_limit', date: limitDate, sessionId: null, caseId: c.id, subject: c.parketnummer });
    }
  }
  return problems.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}
