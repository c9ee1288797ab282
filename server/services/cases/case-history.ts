import type { AppDatabase } from '../../../db/open-database';
import { sqlRows } from '../context/query-results';

/** One audit event of a case's history, as stored. */
export interface CaseAuditRow {
  id: number;
  occurredAt: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: number;
  reason: string | null;
  details: Record<string, unknown> | null;
}

/**
 * The audit events that belong to a case, in one statement: those on the case itself (intake,
 * status, modality, events, ZSM decision, preconditions), on its hearings (planned, moved, unplanned,
 * outcomes), on its decisions (recorded, corrected, signed, signals) and their sanctions (execution
 * reported), on the CJIB hand-offs of those decisions, and the resending of a batch that carried one
 * of them. A batch's creation is about every case in it and stays out (each hand-off's own
 * `cjib.handoff_sent` says it left); nothing is recorded about a suspect apart from its cases.
 * Each branch reads audit_event_entity_idx.
 */
export const CASE_HISTORY_SQL = `
  select a.id, a.occurred_at as "occurredAt", a.actor, a.action, a.entity_type as "entityType", a.entity_id as "entityId", a.reason, a.details
  from audit_event a
  where (a.entity_type = 'case' and a.entity_id = @caseId)
     or (a.entity_type = 'hearing' and a.entity_id in (select h.id from hearing h where h.case_id = @caseId))
     or (a.entity_type = 'decision' and a.entity_id in (select d.id from decision d where d.case_id = @caseId))
     or (a.entity_type = 'sanction' and a.entity_id in (select s.id from sanction s join decision d on d.id = s.decision_id where d.case_id = @caseId))
     or (a.entity_type = 'cjib_handoff' and a.entity_id in (select f.id from cjib_handoff f join decision d on d.id = f.decision_id where d.case_id = @caseId))
     or (a.entity_type = 'cjib_batch' and a.action = 'cjib.batch_resent' and a.entity_id in (
           select i.batch_id from cjib_batch_item i join cjib_handoff f on f.id = i.handoff_id join decision d on d.id = f.decision_id where d.case_id = @caseId))
  order by a.occurred_at, a.id`;

/**
 * A case's history, oldest first: the one definition of which audit events are about a case, used by
 * the case page (newest first) and the timeline.
 */
export async function caseAuditTrail(db: Pick<AppDatabase, '$client'>, caseId: number): Promise<CaseAuditRow[]> {
  const rows = await sqlRows(db.$client, CASE_HISTORY_SQL, [{ caseId }]) as (Omit<CaseAuditRow, 'details'> & { details: string | null })[];
  return rows.map((r) => ({ ...r, details: r.details === null ? null : (JSON.parse(r.details) as Record<string, unknown>) }));
}
