import { afterEach, describe, expect, it } from 'vitest';
import { executionCompletion } from '../../shared/cjib/execution-rules';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

/**
 * The chain-step columns of a case are kept by triggers (SQLite migration 0009, PostgreSQL 0003), whatever
 * writes the facts: the same writes give the same columns on both engines.
 */
describe('chain steps on the case', () => {
  it('follow the ZSM decision, the hearing that took place, the hand-off, its acknowledgement and the completed execution', async () => {
    const d = (district = await openTestDistrict(tempDir(), { seed: 3, casesPerYear: 700, asOf: '2026-06-15' }));
    const steps = (id: number) =>
      d.row(
        'select zsm_decided_at as "zsm", first_hearing_local as "hearing", handoff_sent_at as "sent", cjib_acknowledged_at as "ack", execution_completed_at as "executed" from criminal_case where id = ?',
        [id],
      );
    const idOf = async (text: string, params: readonly unknown[]) => (await d.row<{ id: number }>(`${text} returning id`, params))!.id;
    const row = (await d.row<{ hearingId: number; caseId: number; date: string; startTime: string }>(
      `select h.id as "hearingId", h.case_id as "caseId", s.date, s.start_time as "startTime" from hearing h join court_session s on s.id = h.session_id
       where h.status = 'planned' order by s.date, h.id limit 1`,
    ))!;
    await d.run('delete from zsm_decision where case_id = ?', [row.caseId]);
    await d.run("update hearing set status = 'planned' where case_id = ?", [row.caseId]);
    await d.run('update criminal_case set zsm_decided_at = null, first_hearing_local = null where id = ?', [row.caseId]);

    await d.run("insert into zsm_decision (case_id, outcome, prosecutor_name, reason, decided_at, recorded_by) values (?, 'summons_snelrecht_nd', 'mr. X', 'r', '2026-06-01T09:00:00.000Z', 't')", [row.caseId]);
    await d.run("insert into zsm_decision (case_id, outcome, prosecutor_name, reason, decided_at, recorded_by) values (?, 'summons_snelrecht_nd', 'mr. X', 'r', '2026-06-02T09:00:00.000Z', 't')", [row.caseId]);
    await d.run("update hearing set status = 'held' where id = ?", [row.hearingId]);
    expect(await steps(row.caseId)).toEqual({ zsm: '2026-06-01T09:00:00.000Z', hearing: `${row.date} ${row.startTime}`, sent: null, ack: null, executed: null });

    const decision = await idOf("insert into decision (case_id, hearing_id, kind, decided_at, decided_by, recorded_by, recorded_at) values (?, ?, 'judgment', '2026-06-20T10:00:00.000Z', 'mr. Y', 't', 't')", [
      row.caseId,
      row.hearingId,
    ]);
    const sanction = await idOf("insert into sanction (decision_id, kind, amount_cents, substitute_detention_days) values (?, 'fine', 30000, 6)", [decision]);
    await d.run("insert into cjib_handoff (decision_id, correlation_id) values (?, 'c-1')", [decision]);
    expect(await steps(row.caseId)).toMatchObject({ sent: null });
    await d.run("update cjib_handoff set status = 'sent', sent_at = '2026-07-10T08:00:00.000Z' where decision_id = ?", [decision]);
    await d.run("update cjib_handoff set status = 'acknowledged', acknowledged_at = '2026-07-11T08:00:00.000Z' where decision_id = ?", [decision]);
    const message = await idOf(
      "insert into cjib_message (message_key, kind, handoff_id, attempt, occurred_at, file_name, imported_at, imported_by, payload) values ('k', 'execution', (select id from cjib_handoff where decision_id = ?), 1, 'x', 'f', 'x', 't', '{}')",
      [decision],
    );
    const service = await idOf("insert into sanction (decision_id, kind, hours, substitute_detention_days) values (?, 'community_service', 40, 20)", [decision]);
    await d.run("insert into sanction (decision_id, kind, days, conditional, probation_months) values (?, 'custodial', 30, true, 24)", [decision]);
    const execute = (sanctionId: number, status: string, at: string) => d.run('insert into sanction_execution (sanction_id, status, occurred_at, message_id) values (?, ?, ?, ?)', [sanctionId, status, at, message]);
    // Paying by arrangement is not completion; paying in full is, but the community service still runs.
    await execute(sanction, 'fine_paid_by_arrangement', '2026-08-01T00:00:00.000Z');
    expect(await steps(row.caseId)).toMatchObject({ sent: '2026-07-10T08:00:00.000Z', ack: '2026-07-11T08:00:00.000Z', executed: null });
    await execute(sanction, 'fine_paid_in_full', '2026-09-01T00:00:00.000Z');
    await execute(service, 'community_service_started', '2026-08-15T00:00:00.000Z');
    expect(await steps(row.caseId)).toMatchObject({ executed: null });
    // Complete when every sanction that needs executing ended (the conditional prison term does not), as the timeline says.
    await execute(service, 'community_service_completed', '2026-10-01T00:00:00.000Z');
    expect(await steps(row.caseId)).toMatchObject({ executed: '2026-10-01T00:00:00.000Z' });
    const executions = await d.rows<never>('select sanction_id as "sanctionId", status, occurred_at as "occurredAt" from sanction_execution order by id');
    // SQLite answers the boolean as 0/1, PostgreSQL as false/true.
    const sanctionsOfDecision = (await d.rows<{ id: number; kind: string; conditional: unknown }>('select id, kind, conditional from sanction where decision_id = ? order by id', [decision])).map((s) => ({
      ...s,
      conditional: s.conditional === true || s.conditional === 1,
    })) as never[];
    expect(executionCompletion(sanctionsOfDecision, executions)).toMatchObject({ complete: true, completedAt: '2026-10-01T00:00:00.000Z' });

    await d.run('delete from sanction_execution');
    await d.run('delete from cjib_message where id = ?', [message]);
    await d.run('delete from cjib_handoff where decision_id = ?', [decision]);
    expect(await steps(row.caseId)).toMatchObject({ sent: null, ack: null });
  });
});
