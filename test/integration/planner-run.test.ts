import { describe, expect, it } from 'vitest';
import { createApiHandler } from '../../electron/services/api-handler';
import { createOperationHandlers } from '../../electron/services/operation-handlers';
import type { PlannerSummary } from '../../shared/api/case-schemas';
import { openDemoDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
const NOW = new Date('2026-06-15T06:00:00+02:00');

async function setup() {
  const database = await openDemoDatabase(tempDir(), { seed: 5, casesPerYear: 2800, asOf: '2026-06-15' });
  const handle = createApiHandler(createOperationHandlers({ db: database.db, actor: () => 'coordinator.test', today: () => '2026-06-15', now: () => NOW }));
  const call = async (input: unknown) => {
    const result = await handle('planner.run', input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as PlannerSummary;
  };
  return { database, call, handle };
}

describe('running the planner on a real district file', () => {
  it('proposes without writing on a dry run, then records every placement with its explanation and audit', async () => {
    const { database, call } = await setup();
    const waiting = () => (database.sqlite.prepare("select count(*) as n from criminal_case where status = 'awaiting_planning'").get() as { n: number }).n;
    const before = waiting();
    expect(before).toBeGreaterThan(5);
    const proposal = await call({ from: '2026-06-15', to: '2026-07-26', dryRun: true });
    expect(proposal.planned.length).toBeGreaterThan(0);
    expect(waiting()).toBe(before);

    const run = await call({ from: '2026-06-15', to: '2026-07-26', dryRun: false });
    expect(run.planned.map((p) => [p.caseId, p.sessionId])).toEqual(proposal.planned.map((p) => [p.caseId, p.sessionId]));
    expect(waiting()).toBe(before - run.planned.length);
    const first = run.planned[0]!;
    const hearing = database.sqlite.prepare("select status, explanation from hearing where case_id = ? and status = 'planned'").get(first.caseId);
    expect(hearing).toEqual({ status: 'planned', explanation: first.explanation });
    expect(first.explanation).toMatch(/zitting/);
    const audit = database.sqlite.prepare("select actor, reason from audit_event where action = 'hearing.planned' and actor = 'coordinator.test'").all();
    expect(audit).toHaveLength(run.planned.length);
    database.close();
  });

  it('never exceeds a session, never plans a modality a session refuses, and never a detained case after its limit', async () => {
    const { database, call } = await setup();
    await call({ from: '2026-06-15', to: '2026-07-26', dryRun: false });
    const over = database.sqlite
      .prepare(
        `select s.id from court_session s where (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned','held')) > s.capacity_slots`,
      )
      .all();
    expect(over).toEqual([]);
    const late = database.sqlite
      .prepare(
        `select c.id from criminal_case c join hearing h on h.case_id = c.id and h.status = 'planned' join court_session s on s.id = h.session_id
         where c.hearing_by is not null and h.explanation is not null and s.date > substr(c.hearing_by, 1, 10)`,
      )
      .all();
    expect(late).toEqual([]);
    database.close();
  });

  it('lists a detained case no session can take before its limit as infeasible, with the options, and leaves it unplanned', async () => {
    const { database, call } = await setup();
    // A supersnelrecht case whose limit has all but passed: arrested three days ago.
    database.sqlite.exec(`
      insert into suspect (full_name, date_of_birth) values ('Z. Laat', '1990-01-01');
      insert into criminal_case (parketnummer, suspect_id, modality, status, police_unit, offence_summary, arrested_at, custody_ordered_at, short_term_consent,
                                 hearing_by, next_limit, next_limit_kind, queue_order)
      values ('19/999001-26', (select max(id) from suspect), 'supersnelrecht', 'awaiting_planning', 'Noord', 'Diefstal',
              '2026-06-12T06:00:00.000Z', '2026-06-12T08:00:00.000Z', 1, '2026-06-15T05:00:00.000Z', '2026-06-15T05:00:00.000Z', 'hearing', '2026-06-15T05:00:00.000Z');
    `);
    const run = await call({ from: '2026-06-15', to: '2026-07-26', dryRun: false });
    const late = run.infeasible.find((i) => i.parketnummer === '19/999001-26');
    expect(late?.reason).toBeTruthy();
    expect(late?.options.join(' ')).toMatch(/extra zitting|niet-gedetineerde route/);
    expect(database.sqlite.prepare("select status from criminal_case where parketnummer = '19/999001-26'").get()).toEqual({ status: 'awaiting_planning' });
    database.close();
  });

  it.each([
    [{ from: '2026-07-01', to: '2026-06-01', dryRun: true }, 'Het einde ligt vóór het begin'],
    [{ from: '2026-01-01', to: '2027-06-01', dryRun: true }, 'Plan hoogstens een jaar tegelijk'],
  ])('refuses the window %j', async (input, message) => {
    const { database, handle } = await setup();
    const result = await handle('planner.run', input);
    expect(JSON.stringify(result)).toContain(message);
    database.close();
  });
});
