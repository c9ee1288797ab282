import { createTestApi } from '../support/test-api';
import { describe, expect, it } from 'vitest';
import type { PlannerSummary } from '../../shared/api/case-schemas';
import { openDemoDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
const NOW = new Date('2026-06-15T06:00:00+02:00');
const WINDOW = { from: '2026-06-15', to: '2026-07-26' };

/**
 * A district where one detained snelrecht case can only be heard on one mixed session M, which is full
 * of non-detained cases that could also go later: only replanning an announced hearing saves it.
 */
async function setup() {
  const database = await openDemoDatabase(tempDir(), { seed: 5, casesPerYear: 2800, asOf: '2026-06-15' });
  const sqlite = database.sqlite;
  const handle = createTestApi(database, { actor: 'coordinator.test', today: () => '2026-06-15', now: () => NOW });
  const run = async (input: Record<string, unknown>) => {
    const result = await handle('planner.run', { ...WINDOW, ...input });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as PlannerSummary;
  };
  await run({ dryRun: false });

  const m = sqlite.prepare("select id, date from court_session where session_type = 'mixed' and status = 'scheduled' and date >= '2026-06-29' order by date limit 1").get() as { id: number; date: string };
  sqlite
    .prepare("update court_session set status = 'cancelled', cancel_reason = 'test' where id != ? and date <= ? and date >= '2026-06-15' and session_type in ('snelrecht', 'mixed')")
    .run(m.id, m.date);
  sqlite.prepare("update hearing set status = 'cancelled' where session_id = ?").run(m.id);
  sqlite.prepare('update court_session set capacity_slots = 2 where id = ?').run(m.id);
  // Two non-detained cases planned a few days before M are put on M instead, as if announced there.
  const fillers = (
    sqlite
      .prepare(
        `select c.id from criminal_case c join hearing h on h.case_id = c.id and h.status = 'planned' join court_session s on s.id = h.session_id
         where c.modality = 'snelrecht_nd' and c.status = 'planned' and s.date between '2026-06-23' and ? order by s.date desc, c.id limit 2`,
      )
      .all(m.date) as { id: number }[]
  ).map((r) => r.id);
  expect(fillers).toHaveLength(2);
  for (const id of fillers) {
    sqlite.prepare("update hearing set status = 'cancelled' where case_id = ? and status = 'planned'").run(id);
    sqlite.prepare("insert into hearing (case_id, session_id, status, explanation) values (?, ?, 'planned', 'eerder gepland')").run(id, m.id);
  }
  sqlite.exec(`
    insert into suspect (full_name, date_of_birth) values ('V. Vast', '1991-02-03');
    insert into criminal_case (parketnummer, suspect_id, modality, status, police_unit, offence_summary, arrested_at, remand_ordered_at, hearing_from, hearing_by, next_limit, next_limit_kind, queue_order)
    values ('19/555001-26', (select max(id) from suspect), 'snelrecht', 'awaiting_planning', 'Noord', 'Diefstal', '2026-06-14T08:00:00.000Z', '2026-06-15T08:00:00.000Z',
            '2026-06-15T06:00:00.000Z', '${m.date}T21:59:00.000Z', '${m.date}T21:59:00.000Z', 'hearing', '${m.date}T21:59:00.000Z');
  `);
  const urgent = (sqlite.prepare("select id from criminal_case where parketnummer = '19/555001-26'").get() as { id: number }).id;
  return { database, sqlite, run, m, fillers, urgent };
}

describe('replanning announced hearings', () => {
  it('leaves announced hearings alone unless asked, then moves one at a cost to save a custody limit, and records it', async () => {
    const { sqlite, run, m, fillers, urgent } = await setup();

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
    expect(sqlite.prepare("select count(*) as n from hearing where status = 'planned' and case_id = ?").get(urgent)).toEqual({ n: 0 });

    const recorded = await run({ dryRun: false, replan: true });
    expect(recorded.moved.map((x) => [x.caseId, x.toSessionId])).toEqual(proposal.moved.map((x) => [x.caseId, x.toSessionId]));
    const moved = recorded.moved[0]!;
    expect(sqlite.prepare("select session_id as s from hearing where case_id = ? and status = 'planned'").all(moved.caseId)).toEqual([{ s: moved.toSessionId }]);
    expect(sqlite.prepare("select count(*) as n from hearing where case_id = ? and status = 'cancelled' and session_id = ?").get(moved.caseId, m.id)).toEqual({ n: 1 });
    expect(sqlite.prepare("select status from criminal_case where id = ?").get(moved.caseId)).toEqual({ status: 'planned' });
    const audit = sqlite.prepare("select actor, reason, details from audit_event where action = 'hearing.moved' and actor = 'coordinator.test'").all() as { reason: string; details: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ caseId: moved.caseId, fromSessionId: m.id, toSessionId: moved.toSessionId, by: 'planner' });
    expect(audit[0]!.reason).toBe(moved.explanation);

    // Replanning again changes nothing: the plan is stable.
    const again = await run({ dryRun: true, replan: true });
    expect(again.moved).toEqual([]);
    expect(again.planned).toEqual([]);
  });

  it('never moves a pinned hearing, even to save a custody limit', async () => {
    const { sqlite, run, m, urgent } = await setup();
    sqlite.prepare('update hearing set pinned = 1 where session_id = ? and status = ?').run(m.id, 'planned');
    const proposal = await run({ dryRun: true, replan: true });
    expect(proposal.moved).toEqual([]);
    expect(proposal.infeasible.map((i) => i.caseId)).toContain(urgent);
  });

  it('keeps a hearing inside the summons window where it is', async () => {
    const { database, m, fillers, urgent } = await setup();
    // On the morning of M a summons served now could not make any other date lawful for the two cases on it.
    const morning = new Date(`${m.date}T05:00:00.000Z`);
    const handle = createTestApi(database, { actor: 'coordinator.test', today: () => m.date, now: () => morning });
    const result = await handle('planner.run', { from: m.date, to: WINDOW.to, dryRun: true, replan: true });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const summary = result.value as PlannerSummary;
    expect(summary.moved).toEqual([]);
    expect(summary.pinnedBySummonsWindow).toBeGreaterThanOrEqual(fillers.length);
    expect(summary.infeasible.map((i) => i.caseId)).toContain(urgent);
  });
});

describe('replanning with prosecution reservations', () => {
  it('counts a reserved slot held by a replanned case as unfilled, so only its modality can take it back', async () => {
    const database = await openDemoDatabase(tempDir(), { seed: 5, casesPerYear: 2800, asOf: '2026-06-15' });
    const sqlite = database.sqlite;
    const s = sqlite.prepare("select id, date from court_session where session_type = 'mixed' and status = 'scheduled' and date >= '2026-06-29' order by date limit 1").get() as { id: number; date: string };
    sqlite.prepare("update hearing set status = 'cancelled' where session_id = ?").run(s.id);
    const a = (sqlite.prepare("select id from criminal_case where modality = 'snelrecht' and status = 'awaiting_planning' order by id limit 1").get() as { id: number } | undefined)?.id;
    const caseId =
      a ??
      Number(
        sqlite
          .prepare(
            "insert into criminal_case (parketnummer, suspect_id, modality, status, police_unit, offence_summary, arrested_at) values ('19/555002-26', 1, 'snelrecht', 'planned', 'Noord', 'Diefstal', '2026-06-14T08:00:00.000Z')",
          )
          .run().lastInsertRowid,
      );
    sqlite.prepare("update criminal_case set status = 'planned' where id = ?").run(caseId);
    sqlite.prepare("insert into hearing (case_id, session_id, status) values (?, ?, 'planned')").run(caseId, s.id);
    sqlite
      .prepare("insert into reservation (session_id, modality, slots, reserved_by, reserved_at, release_due_on) values (?, 'snelrecht', 1, 'ovj.test', '2026-06-15T06:00:00.000Z', ?)")
      .run(s.id, s.date);

    const { buildPlanningProblem } = await import('../../server/services/planner/build-planning-problem');
    const window = { from: '2026-06-15', to: '2026-07-26' };
    expect((await buildPlanningProblem(database.db, window, NOW)).reservedSlots.get(s.id)).toEqual({});
    const replanning = await buildPlanningProblem(database.db, { ...window, replan: true }, NOW);
    expect(replanning.reservedSlots.get(s.id)).toEqual({ snelrecht: 1 });
    expect(replanning.problem.cases.find((c) => c.id === caseId)).toMatchObject({ currentSessionId: s.id });
  });
});

describe('co-defendants already planned', () => {
  it('come into the problem pinned, with their slot, so a waiting partner can join them', async () => {
    const database = await openDemoDatabase(tempDir(), { seed: 5, casesPerYear: 2800, asOf: '2026-06-15' });
    const sqlite = database.sqlite;
    const partner = sqlite
      .prepare(
        `select h.case_id as caseId, s.id as sessionId from hearing h join court_session s on s.id = h.session_id
         where h.status = 'planned' and s.date >= '2026-06-16' and s.status = 'scheduled' order by s.date limit 1`,
      )
      .get() as { caseId: number; sessionId: number };
    const waiting = (sqlite.prepare("select id from criminal_case where status = 'awaiting_planning' and planning_gaps = '' order by id limit 1").get() as { id: number }).id;
    sqlite.prepare("update criminal_case set co_defendant_group = 'PV-2026-0042' where id in (?, ?)").run(partner.caseId, waiting);

    const { buildPlanningProblem } = await import('../../server/services/planner/build-planning-problem');
    const window = { from: '2026-06-15', to: '2026-07-26' };
    const withGroup = await buildPlanningProblem(database.db, window, NOW);
    expect(withGroup.problem.cases.find((c) => c.id === partner.caseId)).toMatchObject({ pinnedSessionId: partner.sessionId, group: 'PV-2026-0042' });
    expect(withGroup.problem.cases.find((c) => c.id === waiting)).toMatchObject({ group: 'PV-2026-0042' });

    sqlite.prepare('update criminal_case set co_defendant_group = null where id = ?').run(waiting);
    const without = await buildPlanningProblem(database.db, window, NOW);
    expect(without.problem.cases.some((c) => c.id === partner.caseId)).toBe(false);
    const capacity = (p: typeof without) => p.problem.sessions.find((s) => s.id === partner.sessionId)?.capacity;
    // The pinned partner takes back the slot it holds: the free capacity for others is the same.
    expect(capacity(withGroup)).toBe(capacity(without)! + 1);
  });
});
