import { afterEach, describe, expect, it } from 'vitest';
import type { PlannerSummary } from '../../shared/api/case-schemas';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/** Replanning announced hearings through the api, on both engines (the planner's problem itself: test/integration/replan.test.ts). */
const tempDir = useTempDir();
const NOW = new Date('2026-06-15T06:00:00+02:00');
const WINDOW = { from: '2026-06-15', to: '2026-07-26' };

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

/**
 * A district where one detained snelrecht case can only be heard on one mixed session M, which is full
 * of non-detained cases that could also go later: only replanning an announced hearing saves it.
 */
async function setup() {
  const database = await openTestDistrict(tempDir(), { seed: 5, casesPerYear: 2800, asOf: '2026-06-15' });
  district = database;
  const handle = database.api({ actor: 'coordinator.test', today: () => '2026-06-15', now: () => NOW, onInternalError: (_op, error) => console.error(error) });
  const run = async (input: Record<string, unknown>) => {
    const result = await handle('planner.run', { ...WINDOW, ...input });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as PlannerSummary;
  };
  await run({ dryRun: false });

  const m = (await database.row("select id, date from court_session where session_type = 'mixed' and status = 'scheduled' and date >= '2026-06-29' order by date, id limit 1")) as { id: number; date: string };
  await database.run("update court_session set status = 'cancelled', cancel_reason = 'test' where id != ? and date <= ? and date >= '2026-06-15' and session_type in ('snelrecht', 'mixed')", [m.id, m.date]);
  await database.run("update hearing set status = 'cancelled' where session_id = ?", [m.id]);
  await database.run('update court_session set capacity_slots = 2 where id = ?', [m.id]);
  // Two non-detained cases planned a few days before M are put on M instead, as if announced there.
  const fillers = (
    (await database.rows(`select c.id from criminal_case c join hearing h on h.case_id = c.id and h.status = 'planned' join court_session s on s.id = h.session_id
         where c.modality = 'snelrecht_nd' and c.status = 'planned' and s.date between '2026-06-23' and ? order by s.date desc, c.id limit 2`, [m.date])) as { id: number }[]
  ).map((r) => r.id);
  expect(fillers).toHaveLength(2);
  for (const id of fillers) {
    await database.run("update hearing set status = 'cancelled' where case_id = ? and status = 'planned'", [id]);
    await database.run("insert into hearing (case_id, session_id, status, explanation) values (?, ?, 'planned', 'eerder gepland')", [id, m.id]);
  }
  await database.run("insert into suspect (full_name, date_of_birth) values ('V. Vast', '1991-02-03')");
  await database.run(`
    insert into criminal_case (parketnummer, suspect_id, modality, status, police_unit, offence_summary, arrested_at, remand_ordered_at, hearing_from, hearing_by, next_limit, next_limit_kind, queue_order)
    values ('19/555001-26', (select max(id) from suspect), 'snelrecht', 'awaiting_planning', 'Noord', 'Diefstal', '2026-06-14T08:00:00.000Z', '2026-06-15T08:00:00.000Z',
            '2026-06-15T06:00:00.000Z', '${m.date}T21:59:00.000Z', '${m.date}T21:59:00.000Z', 'hearing', '${m.date}T21:59:00.000Z')`);
  const urgent = ((await database.row("select id from criminal_case where parketnummer = '19/555001-26'")) as { id: number }).id;
  return { database, run, m, fillers, urgent };
}

describe('replanning announced hearings', () => {
  it('leaves announced hearings alone unless asked, then moves one at a cost to save a custody limit, and records it', async () => {
    const { database, run, m, fillers, urgent } = await setup();

    const without = await run({ dryRun: true });
    expect(without.infeasible.map((i) => i.caseId)).toContain(urgent);
    expect(without.moved).toEqual([]);

    const proposal = await run({ dryRun: true, replan: true });
    expect(proposal.planned.find((p) => p.caseId === urgent)?.sessionId).toBe(m.id);
    expect(proposal.moved).toHaveLength(1);
    expect(fillers).toContain(proposal.moved[0]!.caseId);
    expect(proposal.moved[0]!.fromSessionId).toBe(m.id);
    // Every announced hearing the plan changes is listed (moved) or explained (infeasible); nothing silently.
    expect(proposal.moves).toBe(proposal.moved.length + proposal.infeasible.filter((i) => i.caseId !== urgent).length);
    // Nothing else moves: stability costs, and hearings in the next days are inside the summons window.
    expect(proposal.pinnedBySummonsWindow).toBeGreaterThan(0);
    expect((await database.row("select count(*) as n from hearing where status = 'planned' and case_id = ?", [urgent]))).toEqual({ n: 0 });

    const recorded = await run({ dryRun: false, replan: true });
    expect(recorded.moved.map((x) => [x.caseId, x.toSessionId])).toEqual(proposal.moved.map((x) => [x.caseId, x.toSessionId]));
    const moved = recorded.moved[0]!;
    expect((await database.rows("select session_id as s from hearing where case_id = ? and status = 'planned'", [moved.caseId]))).toEqual([{ s: moved.toSessionId }]);
    expect((await database.row("select count(*) as n from hearing where case_id = ? and status = 'cancelled' and session_id = ?", [moved.caseId, m.id]))).toEqual({ n: 1 });
    expect((await database.row("select status from criminal_case where id = ?", [moved.caseId]))).toEqual({ status: 'planned' });
    const audit = (await database.rows("select actor, reason, details from audit_event where action = 'hearing.moved' and actor = 'coordinator.test'")) as { reason: string; details: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ caseId: moved.caseId, fromSessionId: m.id, toSessionId: moved.toSessionId, by: 'planner' });
    expect(audit[0]!.reason).toBe(moved.explanation);

    // Replanning again changes nothing: the plan is stable.
    const again = await run({ dryRun: true, replan: true });
    expect(again.moved).toEqual([]);
    expect(again.planned).toEqual([]);
  });

  it('never moves a pinned hearing, even to save a custody limit', async () => {
    const { database, run, m, urgent } = await setup();
    await database.run('update hearing set pinned = true where session_id = ? and status = ?', [m.id, 'planned']);
    const proposal = await run({ dryRun: true, replan: true });
    expect(proposal.moved).toEqual([]);
    expect(proposal.infeasible.map((i) => i.caseId)).toContain(urgent);
  });

  it('keeps a hearing inside the summons window where it is', async () => {
    const { database, m, fillers, urgent } = await setup();
    // On the morning of M a summons served now could not make any other date lawful for the two cases on it.
    const morning = new Date(`${m.date}T05:00:00.000Z`);
    const handle = database.api({ actor: 'coordinator.test', today: () => m.date, now: () => morning });
    const result = await handle('planner.run', { from: m.date, to: WINDOW.to, dryRun: true, replan: true });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const summary = result.value as PlannerSummary;
    expect(summary.moved).toEqual([]);
    expect(summary.pinnedBySummonsWindow).toBeGreaterThanOrEqual(fillers.length);
    expect(summary.infeasible.map((i) => i.caseId)).toContain(urgent);
  });
});

