import { createTestApi } from '../support/test-api';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DERIVED_COLUMNS_VERSION, ensureDerivedColumnsCurrent } from '../../server/services/cases/derived-columns';
import { buildPlanningProblem } from '../../server/services/planner/build-planning-problem';
import type { CaseDetail, PlannerSummary } from '../../shared/api/case-schemas';
import { districtSettings } from '../../db/schema';
import type { OpenedDatabase } from '../../db/open-database';
import { openDemoDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
const TODAY = '2026-06-15';
const NOW = new Date('2026-06-15T06:00:00+02:00');
const WINDOW = { from: TODAY, to: '2026-07-26' };

function api(database: OpenedDatabase, today = TODAY, now = NOW) {
  const handle = createTestApi(database, { actor: 'coordinator.test', today: () => today, now: () => now });
  const call = async <T>(op: string, input: unknown): Promise<T> => {
    const result = await handle(op, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { body: result.error });
    return result.value as T;
  };
  return { handle, call };
}

async function setup() {
  const database = await openDemoDatabase(tempDir(), { seed: 5, casesPerYear: 2800, asOf: TODAY });
  return { database, ...api(database) };
}

const dryRun = (call: ReturnType<typeof api>['call']) => call<PlannerSummary>('planner.run', { ...WINDOW, dryRun: true });
/** The case's current version, as an edit sends it back (`expectedVersion`). */
const caseVersion = (database: OpenedDatabase, caseId: number) =>
  (database.sqlite.prepare('select version from criminal_case where id = ?').get(caseId) as { version: number }).version;
/**
 * What stays on the SQLite file: the planner's input (no operation returns it) and the recomputation
 * of the cached columns of a file written by older rules. The operations are in test/operations/preconditions.test.ts.
 */
describe('preconditions of a case on a real district file', () => {
  it("the planner's input carries a pending precondition's date as the earliest moment, and the co-defendant group", async () => {
    const { database, call } = await setup();
    const [target, other] = (await dryRun(call)).planned.map((p) => p.caseId);
    await call<CaseDetail>('cases.setPrecondition', { caseId: target, kind: 'advice_3ro', status: 'pending', expectedOn: '2026-07-06', note: null, expectedVersion: caseVersion(database, target!) });
    for (const id of [target, other]) {
      await call('cases.updateEvents', { caseId: id, changes: { coDefendantGroup: 'PL0900-2026061501' }, reason: 'Medeverdachten in één pv', expectedVersion: caseVersion(database, id!) });
    }
    const input = await buildPlanningProblem(database.db, WINDOW, NOW);
    expect(input.problem.cases.find((c) => c.id === target)!.earliest).toBe(Date.parse('2026-07-05T22:00:00.000Z'));
    expect(input.problem.cases.filter((c) => c.group === 'PL0900-2026061501').map((c) => c.id).sort()).toEqual([target, other].sort());
    database.close();
  });

  it('the version bump recomputes the cached readiness of a file written by the old rules', async () => {
    const { database } = await setup();
    const [first, second] = database.sqlite
      .prepare("select id from criminal_case where status = 'awaiting_planning' and planning_gaps = '' order by id limit 2")
      .all()
      .map((r) => (r as { id: number }).id) as [number, number];
    // What an older version left behind: preconditions on file, but not in the cached columns.
    const insert = database.sqlite.prepare(
      "insert into case_precondition (case_id, kind, status, expected_on, updated_at, updated_by) values (?, ?, 'pending', ?, '2026-06-01T10:00:00.000Z', 'old')",
    );
    insert.run(first, 'interpreter', null);
    insert.run(second, 'dossier', '2026-06-30');
    database.db.update(districtSettings).set({ value: 2 }).where(eq(districtSettings.key, 'derived.columnsVersion')).run();
    const marker = database.db.select().from(districtSettings).where(eq(districtSettings.key, 'derived.columnsVersion')).get();
    if (!marker) database.db.insert(districtSettings).values({ key: 'derived.columnsVersion', value: 2, updatedAt: '2026-06-01T10:00:00.000Z', updatedBy: 'old' }).run();

    expect(await ensureDerivedColumnsCurrent(database.db, NOW)).toBe(true);
    const cached = database.sqlite.prepare('select id, planning_gaps as gaps, ready_from as readyFrom from criminal_case where id in (?, ?) order by id').all(first, second);
    expect(cached).toEqual([
      { id: first, gaps: 'precondition_no_date:interpreter', readyFrom: null },
      { id: second, gaps: '', readyFrom: '2026-06-29T22:00:00.000Z' },
    ]);
    expect(database.db.select().from(districtSettings).where(eq(districtSettings.key, 'derived.columnsVersion')).get()?.value).toBe(DERIVED_COLUMNS_VERSION);
    expect(await ensureDerivedColumnsCurrent(database.db, NOW)).toBe(false);
    database.close();
  });
});
