import { describe, expect, it } from 'vitest';
import { executionCompletion } from '../../shared/cjib/execution-rules';
import { openDemoDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

/** The chain-step columns of a case are kept by triggers (migration 0009), whatever writes the facts. */
describe('chain steps on the case', () => {
  it('follow the ZSM decision, the hearing that took place, the hand-off, its acknowledgement and the completed execution', async () => {
    const { sqlite } = await openDemoDatabase(tempDir(), { seed: 3, casesPerYear: 700, asOf: '2026-06-15' });
    const steps = (id: number) =>
      sqlite
        .prepare('select zsm_decided_at as zsm, first_hearing_local as hearing, handoff_sent_at as sent, cjib_acknowledged_at as ack, execution_completed_at as executed from criminal_case where id = ?')
        .get(id);
    const row = sqlite
      .prepare(
        `select h.id as hearingId, h.case_id as caseId, s.date, s.start_time as startTime from hearing h join court_session s on s.id = h.session_id
         where h.status = 'planned' order by s.date limit 1`,
      )
      .get() as { hearingId: number; caseId: number; date: string; startTime: string };
    sqlite.prepare('delete from zsm_decision where case_id = ?').run(row.caseId);
    sqlite.prepare("update hearing set status = 'planned' where case_id = ?").run(row.caseId);
    sqlite.prepare('update criminal_case set zsm_decided_at = null, first_hearing_local = null where id = ?').run(row.caseId);

    sqlite
      .prepare("insert into zsm_decision (case_id, outcome, prosecutor_name, reason, decided_at, recorded_by) values (?, 'summons_snelrecht_nd', 'mr. X', 'r', '2026-06-01T09:00:00.000Z', 't')")
      .run(row.caseId);
    sqlite
      .prepare("insert into zsm_decision (case_id, outcome, prosecutor_name, reason, decided_at, recorded_by) values (?, 'summons_snelrecht_nd', 'mr. X', 'r', '2026-06-02T09:00:00.000Z', 't')")
      .run(row.caseId);
    sqlite.prepare("update hearing set status = 'held' where id = ?").run(row.hearingId);
    expect(steps(row.caseId)).toEqual({ zsm: '2026-06-01T09:00:00.000Z', hearing: `${row.date} ${row.startTime}`, sent: null, ack: null, executed: null });

    const decision = Number(
      sqlite
        .prepare("insert into decision (case_id, hearing_id, kind, decided_at, decided_by, recorded_by, recorded_at) values (?, ?, 'judgment', '2026-06-20T10:00:00.000Z', 'mr. Y', 't', 't')")
        .run(row.caseId, row.hearingId).lastInsertRowid,
    );
    const sanction = Number(sqlite.prepare("insert into sanction (decision_id, kind, amount_cents, substitute_detention_days) values (?, 'fine', 30000, 6)").run(decision).lastInsertRowid);
    sqlite.prepare("insert into cjib_handoff (decision_id, correlation_id) values (?, 'c-1')").run(decision);
    expect(steps(row.caseId)).toMatchObject({ sent: null });
    sqlite.prepare("update cjib_handoff set status = 'sent', sent_at = '2026-07-10T08:00:00.000Z' where decision_id = ?").run(decision);
    sqlite.prepare("update cjib_handoff set status = 'acknowledged', acknowledged_at = '2026-07-11T08:00:00.000Z' where decision_id = ?").run(decision);
    const message = Number(
      sqlite
        .prepare("insert into cjib_message (message_key, kind, handoff_id, attempt, occurred_at, file_name, imported_at, imported_by, payload) values ('k', 'execution', (select id from cjib_handoff where decision_id = ?), 1, 'x', 'f', 'x', 't', '{}')")
        .run(decision).lastInsertRowid,
    );
    const service = Number(sqlite.prepare("insert into sanction (decision_id, kind, hours, substitute_detention_days) values (?, 'community_service', 40, 20)").run(decision).lastInsertRowid);
    sqlite.prepare("insert into sanction (decision_id, kind, days, conditional, probation_months) values (?, 'custodial', 30, 1, 24)").run(decision);
    const execute = (sanctionId: number, status: string, at: string) =>
      sqlite.prepare('insert into sanction_execution (sanction_id, status, occurred_at, message_id) values (?, ?, ?, ?)').run(sanctionId, status, at, message);
    // Paying by arrangement is not completion; paying in full is, but the community service still runs.
    execute(sanction, 'fine_paid_by_arrangement', '2026-08-01T00:00:00.000Z');
    expect(steps(row.caseId)).toMatchObject({ sent: '2026-07-10T08:00:00.000Z', ack: '2026-07-11T08:00:00.000Z', executed: null });
    execute(sanction, 'fine_paid_in_full', '2026-09-01T00:00:00.000Z');
    execute(service, 'community_service_started', '2026-08-15T00:00:00.000Z');
    expect(steps(row.caseId)).toMatchObject({ executed: null });
    // Complete when every sanction that needs executing ended (the conditional prison term does not), as the timeline says.
    execute(service, 'community_service_completed', '2026-10-01T00:00:00.000Z');
    expect(steps(row.caseId)).toMatchObject({ executed: '2026-10-01T00:00:00.000Z' });
    const executions = sqlite.prepare('select sanction_id as sanctionId, status, occurred_at as occurredAt from sanction_execution').all() as never[];
    const sanctionsOfDecision = sqlite.prepare('select id, kind, conditional from sanction where decision_id = ?').all(decision).map((s: any) => ({ ...s, conditional: s.conditional === 1 })) as never[];
    expect(executionCompletion(sanctionsOfDecision, executions)).toMatchObject({ complete: true, completedAt: '2026-10-01T00:00:00.000Z' });

    sqlite.prepare('delete from sanction_execution').run();
    sqlite.prepare('delete from cjib_message where id = ?').run(message);
    sqlite.prepare('delete from cjib_handoff where decision_id = ?').run(decision);
    expect(steps(row.caseId)).toMatchObject({ sent: null, ack: null });
  });
});
