import type { AppDatabase } from '../../../db/open-database';
import type { CourtRoll, CourtRollRow } from '../../../shared/sessions/court-roll-schemas';
import type { ParsedInput } from '../../../shared/api/contract';
import { isDetainedModality, type Modality } from '../../../shared/domain/modality';
import type { HearingStatus } from '../../../shared/domain/case-status';
import type { Daypart, SessionStatus, SessionType } from '../../../shared/domain/session';
import { ServiceError } from '../service-error';
import { SLOT_OCCUPYING_SQL } from './session-occupancy';
import { sqlRow, sqlRows } from '../context/query-results';

interface SessionRow {
  id: number;
  date: string;
  daypart: Daypart;
  startTime: string;
  endTime: string;
  sessionType: SessionType;
  status: SessionStatus;
  capacitySlots: number;
  capacityMinutes: number;
  locationName: string;
  city: string;
  courtroomName: string;
  districtName: string;
  judgeName: string | null;
  prosecutorName: string | null;
}

interface CaseRow {
  caseId: number;
  caseVersion: number;
  parketnummer: string;
  suspectName: string;
  offence: string;
  modality: Modality;
  lawyerName: string | null;
  estimatedMinutes: number | null;
  hearingBy: string | null;
  hearingStatus: HearingStatus;
  interpreterStatus: string | null;
  interpreterNote: string | null;
}

/**
 * The court roll (zittingsrol) of one session: its header (place, time, judge, prosecutor) and the cases
 * holding a place on it, in the order they are on the roll (the order they were placed, as the week view
 * shows them), each with the time it is expected to be called: the session's start plus the minutes of
 * the cases before it (a case's own estimate, else the minutes per place the session was sized with).
 */
export async function getCourtRoll(db: AppDatabase, input: ParsedInput<'sessions.courtRoll'>): Promise<CourtRoll> {
  const session = await sqlRow(db.$client, `select s.id, s.date, s.daypart, s.start_time as "startTime", s.end_time as "endTime", s.session_type as "sessionType", s.status,
              s.capacity_slots as "capacitySlots", s.capacity_minutes as "capacityMinutes",
              l.name as "locationName", l.city, r.name as "courtroomName", d.name as "districtName",
              j.name as "judgeName", p.name as "prosecutorName"
       from court_session s
       join courtroom r on r.id = s.courtroom_id
       join court_location l on l.id = r.location_id
       join district d on d.id = l.district_id
       left join person j on j.id = s.judge_id
       left join person p on p.id = s.prosecutor_id
       where s.id = ?`, [input.sessionId]) as SessionRow | undefined;
  if (!session) throw new ServiceError('NOT_FOUND', `Zitting ${input.sessionId} bestaat niet. Kies een zitting in het weekoverzicht.`);

  const cases = await sqlRows(db.$client, `select c.id as "caseId", c.version as "caseVersion", c.parketnummer, su.full_name as "suspectName", c.offence_summary as offence, c.modality,
              su.lawyer_name as "lawyerName", c.estimated_minutes as "estimatedMinutes", c.hearing_by as "hearingBy", h.status as "hearingStatus",
              pc.status as "interpreterStatus", pc.note as "interpreterNote"
       from hearing h
       join criminal_case c on c.id = h.case_id
       join suspect su on su.id = c.suspect_id
       left join case_precondition pc on pc.case_id = c.id and pc.kind = 'interpreter'
       where h.session_id = ? and h.status in ${SLOT_OCCUPYING_SQL}
       order by h.id`, [session.id]) as CaseRow[];

  const perPlace = session.capacitySlots > 0 ? session.capacityMinutes / session.capacitySlots : 0;
  let offset = 0;
  const rows: CourtRollRow[] = cases.map((c, index) => {
    const minutes = Math.round(c.estimatedMinutes ?? perPlace);
    const row: CourtRollRow = {
      order: index + 1,
      time: addMinutes(session.startTime, offset),
      minutes,
      caseId: c.caseId,
      caseVersion: c.caseVersion,
      parketnummer: c.parketnummer,
      suspectName: c.suspectName,
      offence: c.offence,
      modality: c.modality,
      lawyerName: c.lawyerName && c.lawyerName.trim() !== '' ? c.lawyerName : null,
      interpreterNeeded: c.interpreterStatus !== null && c.interpreterStatus !== 'not_needed',
      interpreterArranged: c.interpreterStatus === 'met',
      interpreterNote: c.interpreterStatus !== null && c.interpreterStatus !== 'not_needed' && c.interpreterNote ? c.interpreterNote : null,
      detained: isDetainedModality(c.modality),
      // The hearing limit of a detained case: within the custody (supersnelrecht, art. 58/59a Sv) or the
      // bewaring (snelrecht, art. 64 and 67a Sv); the deadline engine's cached result (derived-columns.ts).
      hardLimit: isDetainedModality(c.modality) ? c.hearingBy : null,
      hearingStatus: c.hearingStatus,
    };
    offset += minutes;
    return row;
  });

  return {
    districtName: session.districtName,
    session: {
      id: session.id,
      date: session.date,
      daypart: session.daypart,
      startTime: session.startTime,
      endTime: session.endTime,
      sessionType: session.sessionType,
      status: session.status,
      locationName: session.locationName,
      city: session.city,
      courtroomName: session.courtroomName,
      judgeName: session.judgeName,
      prosecutorName: session.prosecutorName,
      clerkName: null,
    },
    rows,
  };
}

/** 'uu:mm' plus whole minutes, on the clock of the same day. */
function addMinutes(time: string, minutes: number): string {
  const [hours, mins] = time.split(':').map(Number) as [number, number];
  const total = hours * 60 + mins + minutes;
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
