import { describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

/**
 * The planner's problem (buildPlanningProblem, a service without an operation of its own) when replanning,
 * on SQLite; replanning through the api runs on both engines in test/operations/replan.test.ts.
 */
const tempDir = useTempDir();
const NOW = new Date('2026-06-15T06:00:00+02:00');

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
