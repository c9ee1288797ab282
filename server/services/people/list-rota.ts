import { addDays } from '../../../shared/calendar/local-date';
import type { RotaOverview } from '../../../shared/rota/rota-schemas';
import type { AppDatabase } from '../../../db/open-database';
import { sqlRows } from '../context/query-results';

export const ROTA_HORIZON_DAYS = 42;

/**
 * The rota: every judge and prosecutor with their coming absences and their sessions in the next six
 * weeks, and those weeks' scheduled sessions with who sits on them.
 */
export async function listRota(db: AppDatabase, today: string): Promise<RotaOverview> {
  const to = addDays(today, ROTA_HORIZON_DAYS);
  const sessions = await sqlRows(db.$client, `select s.id, s.version, s.date, s.daypart, s.start_time as "startTime", s.end_time as "endTime", s.session_type as "sessionType",
              l.name as location, r.name as room, s.judge_id as "judgeId", j.name as "judgeName", s.prosecutor_id as "prosecutorId", p.name as "prosecutorName"
       from court_session s join courtroom r on r.id = s.courtroom_id join court_location l on l.id = r.location_id
       left join person j on j.id = s.judge_id left join person p on p.id = s.prosecutor_id
       where s.status = 'scheduled' and s.date between ? and ? order by s.date, s.start_time, l.name, r.name`, [today, to]) as RotaOverview['sessions'];
  const absences = await sqlRows(db.$client, 'select id, person_id as "personId", from_date as "fromDate", to_date as "toDate", reason from person_unavailability where to_date >= ? order by from_date', [today]) as (RotaOverview['persons'][number]['absences'][number] & { personId: number })[];
  const people = await sqlRows(db.$client, 'select id, version, name, role, active from person order by active desc, role, lower(name), id') as {
    id: number;
    version: number;
    name: string;
    role: RotaOverview['persons'][number]['role'];
    active: number;
  }[];

  return {
    from: today,
    to,
    persons: people.map((p) => ({
      id: p.id,
      version: p.version,
      name: p.name,
      role: p.role,
      active: Boolean(p.active),
      absences: absences.filter((a) => a.personId === p.id).map(({ id, fromDate, toDate, reason }) => ({ id, fromDate, toDate, reason })),
      sessions: sessions.flatMap((s) =>
        s.judgeId === p.id || s.prosecutorId === p.id
          ? [{ sessionId: s.id, date: s.date, startTime: s.startTime, room: s.room, as: s.judgeId === p.id ? ('judge' as const) : ('prosecutor' as const) }]
          : [],
      ),
    })),
    sessions,
  };
}
