import { fromAmsterdamLocal } from '../../../shared/calendar/amsterdam-time';
import type { Modality } from '../../../shared/domain/modality';
import { parseAcceptedModalities, type SessionType } from '../../../shared/domain/session';
import type { DisposalRow, HearingRow, IntakeRow, PendingRow, ReturnRow, SessionRow, StepRow } from '../../../shared/metrics/metric-rows';
import { dateOfInstant } from '../../../shared/metrics/time-buckets';
import type { AppDatabase } from '../../../db/open-database';
import { SLOT_USING_HEARING_STATUSES } from '../../../shared/domain/slot-occupancy';
import { SLOT_OCCUPYING_SQL, sqlStatusList } from '../sessions/session-occupancy';
import { CASE_FILTER, type QueryParams } from './metric-sql';
import { sqlRows } from '../context/query-results';

type Db = Pick<AppDatabase, '$client'>;

/** A case registered in the range, with its registration instant. */
export interface IntakeInstantRow {
  caseId: number;
  modality: Modality;
  policeUnit: string;
  createdAt: string;
}

/** Cases registered in the range. Uses an index on criminal_case(created_at) (see docs/metrics.md). */
export async function fetchIntake(db: Db, p: QueryParams): Promise<IntakeRow[]> {
  return (await loadIntakeInstants(db, p)).map(intakeRowOf);
}

export async function loadIntakeInstants(db: Db, p: QueryParams): Promise<IntakeInstantRow[]> {
  return await sqlRows(db.$client, `select c.id as "caseId", c.modality, c.police_unit as "policeUnit", c.created_at as "createdAt" from criminal_case c
       where c.created_at between @fromInstant and @toInstant and ${CASE_FILTER}`, [p]) as IntakeInstantRow[];
}

export const intakeRowOf = (r: IntakeInstantRow): IntakeRow => ({ caseId: r.caseId, modality: r.modality, policeUnit: r.policeUnit, intakeDate: dateOfInstant(r.createdAt) });

/**
 * The fill rate counts a slot as used by a hearing that is planned, was held, or took place and was
 * adjourned by the court (docs/metrics.md): deliberately more than the places hearings hold now.
 */
const SLOT_USED = sqlStatusList(SLOT_USING_HEARING_STATUSES);

/** Sessions in the range with reserved, used and booked slots (court_session_date_idx, hearing_session_status_idx). Not filtered by police unit. */
export async function fetchSessions(db: Db, p: QueryParams): Promise<SessionRow[]> {
  const rows = await sqlRows(db.$client, `select s.id as "sessionId", s.date, s.status, s.capacity_slots as "capacitySlots", s.session_type as "sessionType", s.accepted_modalities as accepted,
         (select coalesce(sum(v.slots - coalesce(v.released_slots, 0)), 0) from reservation v where v.session_id = s.id) as "reservedSlots",
         (select count(*) from hearing h where h.session_id = s.id and h.status in ${SLOT_USED}) as "usedSlots",
         (select count(*) from hearing h where h.session_id = s.id and h.status in ${SLOT_OCCUPYING_SQL}) as "bookedSlots"
       from court_session s join courtroom r on r.id = s.courtroom_id
       where s.date between @from and @to and (cast(@locationId as integer) is null or r.location_id = @locationId)`, [p]) as { sessionId: number; date: string; status: string; capacitySlots: number; sessionType: SessionType; accepted: string; reservedSlots: number; usedSlots: number; bookedSlots: number }[];
  return rows
    .filter((r) => p.modality === null || parseAcceptedModalities(r.accepted, r.sessionType).some((m) => m === p.modality))
    .map((r) => ({ sessionId: r.sessionId, date: r.date, cancelled: r.status === 'cancelled', capacitySlots: r.capacitySlots, reservedSlots: r.reservedSlots, usedSlots: r.usedSlots, bookedSlots: r.bookedSlots }));
}

/**
 * Hearings that took place (held or adjourned) on sessions in the range, each with the case's hearings
 * before it and the moves up to it: counted in one pass over the case's hearings (x), not a lookup per figure.
 */
export async function fetchHearings(db: Db, p: QueryParams): Promise<HearingRow[]> {
  const rows = await sqlRows(db.$client, `select h.id as "hearingId", h.case_id as "caseId", c.modality, c.police_unit as "policeUnit", r.location_id as "locationId", l.name as "locationName",
         c.created_at as "intakeAt", s.date, s.start_time as "startTime", h.status, c.hearing_by as "hearingBy", c.hearing_target_by as "hearingTargetBy",
         x."earlierHearings", x."earlierTookPlace", x."earlierHeld", x."movedEvents"
       from court_session s
       join hearing h on h.session_id = s.id and h.status in ('held', 'adjourned')
       join (
         select t.id,
                count(case when e.id < t.id then 1 end) as "earlierHearings",
                count(case when e.id < t.id and e.status in ('held', 'adjourned') then 1 end) as "earlierTookPlace",
                count(case when e.id < t.id and e.status = 'held' then 1 end) as "earlierHeld",
                sum((select count(*) from audit_event a where a.entity_type = 'hearing' and a.entity_id = e.id and a.action = 'hearing.moved')) as "movedEvents"
           from court_session ts
           join hearing t on t.session_id = ts.id and t.status in ('held', 'adjourned')
           join hearing e on e.case_id = t.case_id and e.id <= t.id
          where ts.date between @from and @to and ts.status = 'scheduled'
          group by t.id) x on x.id = h.id
       join criminal_case c on c.id = h.case_id
       join courtroom r on r.id = s.courtroom_id
       join court_location l on l.id = r.location_id
       where s.date between @from and @to and s.status = 'scheduled'
         and (cast(@modality as text) is null or c.modality = @modality) and (cast(@policeUnit as text) is null or c.police_unit = @policeUnit)
         and (cast(@locationId as integer) is null or r.location_id = @locationId)`, [p]) as (Omit<HearingRow, 'startAt'> & { startTime: string })[];
  return rows.map(({ startTime, ...r }) => ({ ...r, startAt: localToInstant(`${r.date} ${startTime}`) }));
}

/** Cases settled at the ZSM table in the range (modality zsm: no hearing follows). */
export async function fetchZsmDisposals(db: Db, p: QueryParams): Promise<DisposalRow[]> {
  const rows = await sqlRows(db.$client, `select c.id as "caseId", c.created_at as "intakeAt", min(z.decided_at) as "disposedAt"
       from criminal_case c join zsm_decision z on z.case_id = c.id
       where c.modality = 'zsm' and ${CASE_FILTER}
       group by c.id having min(z.decided_at) between @fromInstant and @toInstant`, [p]) as Omit<DisposalRow, 'kind'>[];
  return rows.map((r) => ({ ...r, kind: 'zsm' as const }));
}

/** Disposals: the held hearing of each case (its first), and ZSM settlements. */
export function disposalsOf(hearings: readonly HearingRow[], zsm: readonly DisposalRow[]): DisposalRow[] {
  const heard = hearings
    .filter((h) => h.status === 'held' && h.earlierHeld === 0)
    .map((h): DisposalRow => ({ caseId: h.caseId, intakeAt: h.intakeAt, disposedAt: h.startAt, kind: 'heard' }));
  return [...heard, ...zsm];
}

const PENDING_STATUSES = "('intake', 'zsm_decided', 'awaiting_planning', 'planned', 'adjourned')";

/** Cases not yet disposed today (criminal_case_status_idx); a zsm case with a ZSM decision is settled. */
export async function fetchPending(db: Db, p: QueryParams): Promise<PendingRow[]> {
  const rows = await sqlRows(db.$client, `select c.id as "caseId", c.modality, c.created_at as "createdAt" from criminal_case c
       where c.status in ${PENDING_STATUSES} and not (c.status = 'zsm_decided' and c.modality = 'zsm') and c.created_at <= @toInstant and ${CASE_FILTER}`, [p]) as { caseId: number; modality: Modality; createdAt: string }[];
  return rows.map((r) => ({ caseId: r.caseId, modality: r.modality, intakeDate: dateOfInstant(r.createdAt), awaitsHearing: r.modality !== 'zsm' }));
}

/**
 * Every chain step of the cases that reached some step in the range. The steps are columns of the
 * case, kept by triggers on the tables they come from (migration 0009, ADR 16), each with an index,
 * so this reads only the cases concerned.
 */
export async function fetchSteps(db: Db, p: QueryParams): Promise<StepRow[]> {
  const rows = await sqlRows(db.$client, `select c.id as "caseId", c.arrested_at as arrest, c.zsm_decided_at as zsm, c.first_hearing_local as "hearingLocal",
              c.judgment_at as judgment, c.handoff_sent_at as handoff, c.cjib_acknowledged_at as acknowledged, c.execution_completed_at as executed
       from criminal_case c
       where (c.zsm_decided_at between @fromInstant and @toInstant
           or c.first_hearing_local between @from and cast(@to as text) || ' 99:99'
           or c.judgment_at between @fromInstant and @toInstant
           or c.handoff_sent_at between @fromInstant and @toInstant
           or c.cjib_acknowledged_at between @fromInstant and @toInstant
           or c.execution_completed_at between @fromInstant and @toInstant)
         and ${CASE_FILTER}`, [p]) as { caseId: number; arrest: string | null; zsm: string | null; hearingLocal: string | null; judgment: string | null; handoff: string | null; acknowledged: string | null; executed: string | null }[];
  return rows.map((row) => {
    const steps: StepRow['steps'] = {};
    if (row.arrest !== null) steps.arrest = row.arrest;
    if (row.zsm !== null) steps.zsm = row.zsm;
    if (row.hearingLocal !== null) steps.hearing = localToInstant(row.hearingLocal);
    if (row.judgment !== null) steps.judgment = row.judgment;
    if (row.handoff !== null) steps.handoff = row.handoff;
    if (row.acknowledged !== null) steps.acknowledged = row.acknowledged;
    if (row.executed !== null) steps.executed = row.executed;
    return { caseId: row.caseId, steps };
  });
}

/** Session starts repeat (a few hundred sessions a year for thousands of cases): converted once each. */
const sessionInstants = new Map<string, string>();

function localToInstant(local: string): string {
  let instant = sessionInstants.get(local);
  if (instant === undefined) {
    const [date, time] = local.split(' ');
    const [hour, minute] = (time ?? '00:00').split(':').map(Number);
    instant = new Date(fromAmsterdamLocal(date!, hour ?? 0, minute ?? 0)).toISOString();
    if (sessionInstants.size > 50_000) sessionInstants.clear();
    sessionInstants.set(local, instant);
  }
  return instant;
}

/** Hand-offs whose latest return falls in the range. */
export async function fetchReturns(db: Db, p: QueryParams): Promise<ReturnRow[]> {
  return await sqlRows(db.$client, `select d.case_id as "caseId", f.return_code as "returnCode", f.returned_at as "returnedAt"
       from cjib_handoff f join decision d on d.id = f.decision_id join criminal_case c on c.id = d.case_id
       where f.returned_at between @fromInstant and @toInstant and ${CASE_FILTER}`, [p]) as ReturnRow[];
}

/** The hearings that used (or hold) a slot on the given sessions, for the drill lists: by session in the order given, each by hearing id. */
export async function fetchSlotHearings(db: Db, sessionIds: readonly number[]): Promise<{ caseId: number; sessionId: number }[]> {
  const bySession = new Map<number, { caseId: number; sessionId: number }[]>(sessionIds.map((id) => [id, []]));
  for (const ids of chunks(sessionIds)) {
    const rows = await sqlRows(db.$client, `select h.case_id as "caseId", h.session_id as "sessionId" from hearing h
         where h.session_id in (${ids.map(() => '?').join(', ')}) and h.status in ${SLOT_USED} order by h.id`, ids) as { caseId: number; sessionId: number }[];
    for (const row of rows) bySession.get(row.sessionId)!.push(row);
  }
  return [...bySession.values()].flat();
}

/** The parketnummer, modality and police unit of the given cases (the drill list's page), by id. */
export async function loadCaseLabels(db: Db, caseIds: readonly number[]): Promise<Map<number, { parketnummer: string; modality: Modality; policeUnit: string }>> {
  const result = new Map<number, { parketnummer: string; modality: Modality; policeUnit: string }>();
  for (const ids of chunks([...new Set(caseIds)])) {
    const rows = await sqlRows(db.$client, `select id, parketnummer, modality, police_unit as "policeUnit" from criminal_case where id in (${ids.map(() => '?').join(', ')})`, ids) as {
      id: number;
      parketnummer: string;
      modality: Modality;
      policeUnit: string;
    }[];
    for (const { id, ...label } of rows) result.set(id, label);
  }
  return result;
}

/** Lists of ids bound as parameters a few hundred at a time (far below either engine's limit on parameters). */
function chunks<T>(list: readonly T[], size = 500): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < list.length; i += size) result.push(list.slice(i, i + size));
  return result;
}

export async function fetchFilterOptions(db: Db) {
  const policeUnits = (await sqlRows(db.$client, 'select distinct police_unit as unit from criminal_case order by 1') as { unit: string }[]).map((r) => r.unit);
  const locations = await sqlRows(db.$client, 'select id, name from court_location order by name') as { id: number; name: string }[];
  return { policeUnits, locations };
}
