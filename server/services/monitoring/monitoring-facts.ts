import type { AppDatabase } from '../../../db/open-database';
import type { MonitoringCaseFacts } from '../../../shared/monitoring/monitoring-record';
import { sqlRows } from '../context/query-results';

type Client = Pick<AppDatabase, '$client'>;


interface CaseRow {
  id: number;
  parketnummer: string;
  modality: MonitoringCaseFacts['modality'];
  fillerKind: MonitoringCaseFacts['fillerKind'];
  status: MonitoringCaseFacts['status'];
  policeUnit: string;
  arrestedAt: string | null;
  createdAt: string;
  hearingBy: string | null;
  hearingTargetBy: string | null;
  judgmentAt: string | null;
}

function groupBy<T extends { caseId: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(row.caseId);
    if (list) list.push(row);
    else map.set(row.caseId, [row]);
  }
  return map;
}

/** Every case with the facts the monitoring export needs, read in a handful of set queries. */
export async function readMonitoringFacts(db: Client): Promise<{ parketnummer: string; facts: MonitoringCaseFacts }[]> {
  const sqlite = db.$client;
  const cases = await sqlRows(sqlite, `select id, parketnummer, modality, filler_kind as "fillerKind", status, police_unit as "policeUnit", arrested_at as "arrestedAt",
              created_at as "createdAt", hearing_by as "hearingBy", hearing_target_by as "hearingTargetBy", judgment_at as "judgmentAt"
         from criminal_case order by id`) as CaseRow[];
  const zsm = new Map(
    (
      await sqlRows(sqlite, `select case_id as "caseId", min(decided_at) as "firstAt",
                  (select z2.outcome from zsm_decision z2 where z2.case_id = z.case_id order by z2.decided_at desc, z2.id desc limit 1) as outcome
             from zsm_decision z group by case_id`) as { caseId: number; firstAt: string; outcome: string }[]
    ).map((r) => [r.caseId, r]),
  );
  const hearings = groupBy(
    await sqlRows(sqlite, `select h.case_id as "caseId", h.status, s.date as "sessionDate", l.name as location
           from hearing h join court_session s on s.id = h.session_id join courtroom r on r.id = s.courtroom_id join court_location l on l.id = r.location_id`) as ({ caseId: number } & MonitoringCaseFacts['hearings'][number])[],
  );
  const decisions = groupBy(
    await sqlRows(sqlite, 'select case_id as "caseId", kind, decided_at as "decidedAt" from decision order by decided_at, id') as {
      caseId: number;
      kind: string;
      decidedAt: string;
    }[],
  );
  const sanctions = groupBy(
    await sqlRows(sqlite, 'select d.case_id as "caseId", s.kind from sanction s join decision d on d.id = s.decision_id') as { caseId: number; kind: string }[],
  );
  const handoffs = new Map(
    (
      await sqlRows(sqlite, `select d.case_id as "caseId", h.status, h.sent_at as "sentAt", h.acknowledged_at as "acknowledgedAt", h.return_count as "returnCount"
             from cjib_handoff h join decision d on d.id = h.decision_id order by h.id`) as { caseId: number; status: string; sentAt: string | null; acknowledgedAt: string | null; returnCount: number }[]
    ).map((r) => [r.caseId, r]),
  );
  const executions = new Map(
    (
      await sqlRows(sqlite, `select id as "caseId", execution_completed_at as "completedAt" from criminal_case where execution_completed_at is not null`) as { caseId: number; completedAt: string }[]
    ).map((r) => [r.caseId, r.completedAt]),
  );

  return cases.map((c) => {
    const firstDecision = decisions.get(c.id)?.[0] ?? null;
    const handoff = handoffs.get(c.id) ?? null;
    return {
      parketnummer: c.parketnummer,
      facts: {
        modality: c.modality,
        fillerKind: c.fillerKind,
        status: c.status,
        policeUnit: c.policeUnit,
        arrestedAt: c.arrestedAt,
        createdAt: c.createdAt,
        hearingBy: c.hearingBy,
        hearingTargetBy: c.hearingTargetBy,
        zsmDecidedAt: zsm.get(c.id)?.firstAt ?? null,
        zsmOutcome: zsm.get(c.id)?.outcome ?? null,
        hearings: (hearings.get(c.id) ?? []).map(({ status, sessionDate, location }) => ({ status, sessionDate, location })),
        judgmentAt: c.judgmentAt ?? firstDecision?.decidedAt ?? null,
        decisionKind: firstDecision?.kind ?? null,
        sanctionKinds: (sanctions.get(c.id) ?? []).map((s) => s.kind),
        cjibStatus: handoff?.status ?? null,
        cjibSentAt: handoff?.sentAt ?? null,
        cjibAcknowledgedAt: handoff?.acknowledgedAt ?? null,
        cjibReturnCount: handoff?.returnCount ?? 0,
        executionCompletedAt: executions.get(c.id) ?? null,
      },
    };
  });
}
