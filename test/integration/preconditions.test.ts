import { createTestApi } from '../support/test-api';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DERIVED_COLUMNS_VERSION, ensureDerivedColumnsCurrent } from '../../server/services/cases/derived-columns';
import { buildPlanningProblem } from '../../server/services/planner/build-planning-problem';
import type { CaseDetail, PlannerSummary, WorkQueuePage } from '../../shared/api/case-schemas';
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
async function queueRows(call: ReturnType<typeof api>['call'], readiness: 'ready' | 'waiting') {
  const rows: WorkQueuePage['rows'] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await call<WorkQueuePage>('queue.list', { stage: 'planning', readiness, offset, limit: 500 });
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) return rows;
  }
}
/** The case's current version, as an edit sends it back (`expectedVersion`). */
const caseVersion = (database: OpenedDatabase, caseId: number) =>
  (database.sqlite.prepare('select version from criminal_case where id = ?').get(caseId) as { version: number }).version;
const auditOf = (database: OpenedDatabase, caseId: number) =>
  database.sqlite
    .prepare("select action, actor, details from audit_event where entity_type = 'case' and entity_id = ? and action like 'case.precondition%' order by id")
    .all(caseId)
    .map((r) => {
      const row = r as { action: string; actor: string; details: string };
      return { action: row.action, actor: row.actor, details: JSON.parse(row.details) as unknown };
    });

describe('preconditions of a case on a real district file', () => {
  it('a pending precondition with a date moves the earliest moment: the planner never places the case before it', async () => {
    const { database, call } = await setup();
    const before = await dryRun(call);
    // A case at liberty the planner puts on an early session: its readiness is all that moves.
    const target = before.planned
      .filter((p) => (database.sqlite.prepare('select hearing_by as h from criminal_case where id = ?').get(p.caseId) as { h: string | null }).h === null)
      .sort((a, b) => a.date.localeCompare(b.date))[0]!;
    expect(target.date < '2026-07-06').toBe(true);

    const detail = await call<CaseDetail>('cases.setPrecondition', { caseId: target.caseId, kind: 'advice_3ro', status: 'pending', expectedOn: '2026-07-06', note: 'Reclassering levert maandag', expectedVersion: caseVersion(database, target.caseId) });
    expect(detail.readyFrom).toBe('2026-07-05T22:00:00.000Z');
    expect(detail.readinessGaps).toEqual([]);
    expect(detail.preconditions).toEqual([
      expect.objectContaining({ kind: 'advice_3ro', status: 'pending', expectedOn: '2026-07-06', metOn: null, note: 'Reclassering levert maandag', updatedBy: 'coordinator.test' }),
    ]);

    const after = await dryRun(call);
    const placed = after.planned.find((p) => p.caseId === target.caseId);
    expect(placed).toBeDefined();
    expect(placed!.date >= '2026-07-06').toBe(true);
    // And the planner's input itself carries the moment.
    const input = await buildPlanningProblem(database.db, WINDOW, NOW);
    expect(input.problem.cases.find((c) => c.id === target.caseId)!.earliest).toBe(Date.parse('2026-07-05T22:00:00.000Z'));

    // Placing it by hand before that date is a breach that must be confirmed.
    const candidates = await call<{ date: string; breaches: string[] }[]>('planner.candidates', { caseId: target.caseId, ...WINDOW });
    const early = candidates.find((c) => c.date < '2026-07-06')!;
    expect(early.breaches.join(' ')).toMatch(/pas klaar op 06-07-2026/);
    expect(candidates.filter((c) => c.date >= '2026-07-06').every((c) => !c.breaches.some((b) => b.includes('pas klaar')))).toBe(true);
    database.close();
  });

  it('one without a date keeps the case out of the planning with the gap named; met lets it in again; every change is audited', async () => {
    const { database, call } = await setup();
    const before = await dryRun(call);
    const caseId = before.planned[0]!.caseId;

    const waiting = await call<CaseDetail>('cases.setPrecondition', { caseId, kind: 'advice_nifp', status: 'pending', expectedOn: null, note: null, expectedVersion: caseVersion(database, caseId) });
    expect(waiting.readinessGaps).toEqual(['precondition_no_date:advice_nifp']);
    expect(waiting.readyFrom).toBeNull();
    const run = await dryRun(call);
    expect(run.notReady).toBe(before.notReady + 1);
    expect([...run.planned, ...run.infeasible, ...run.unplanned].some((p) => p.caseId === caseId)).toBe(false);
    expect((await queueRows(call, 'waiting')).find((r) => r.id === caseId)?.readinessGaps).toEqual(['precondition_no_date:advice_nifp']);

    const met = await call<CaseDetail>('cases.setPrecondition', { caseId, kind: 'advice_nifp', status: 'met', expectedOn: null, note: 'Rapport ontvangen', expectedVersion: waiting.version });
    expect(met.readinessGaps).toEqual([]);
    expect(met.preconditions[0]).toMatchObject({ status: 'met', metOn: TODAY });
    expect((await dryRun(call)).notReady).toBe(before.notReady);

    await call<CaseDetail>('cases.removePrecondition', { caseId, kind: 'advice_nifp', expectedVersion: met.version });
    expect(auditOf(database, caseId)).toEqual([
      {
        action: 'case.precondition_set',
        actor: 'coordinator.test',
        details: { kind: 'advice_nifp', from: null, to: { status: 'pending', expectedOn: null, metOn: null, note: null } },
      },
      {
        action: 'case.precondition_set',
        actor: 'coordinator.test',
        details: {
          kind: 'advice_nifp',
          from: { status: 'pending', expectedOn: null, metOn: null, note: null },
          to: { status: 'met', expectedOn: null, metOn: TODAY, note: 'Rapport ontvangen' },
        },
      },
      {
        action: 'case.precondition_removed',
        actor: 'coordinator.test',
        details: { kind: 'advice_nifp', from: { status: 'met', expectedOn: null, metOn: TODAY, note: 'Rapport ontvangen' }, to: null },
      },
    ]);
    database.close();
  });

  it('a date that passes while still pending makes the precondition overdue: the case waits for a new date', async () => {
    const { database, call } = await setup();
    const caseId = (await dryRun(call)).planned[0]!.caseId;
    await call<CaseDetail>('cases.setPrecondition', { caseId, kind: 'dossier', status: 'pending', expectedOn: '2026-06-17', note: null, expectedVersion: caseVersion(database, caseId) });

    const later = api(database, '2026-06-18', new Date('2026-06-18T06:00:00+02:00'));
    const detail = await later.call<CaseDetail>('cases.get', { id: caseId });
    expect(detail.readinessGaps).toEqual(['precondition_overdue:dossier']);
    const run = await later.call<PlannerSummary>('planner.run', { from: '2026-06-18', to: '2026-07-26', dryRun: true });
    expect(run.planned.some((p) => p.caseId === caseId)).toBe(false);
    expect((await queueRows(later.call, 'ready')).some((r) => r.id === caseId)).toBe(false);
    expect((await queueRows(later.call, 'waiting')).find((r) => r.id === caseId)?.readinessGaps).toEqual(['precondition_overdue:dossier']);

    // A new promise in the past is refused, naming the precondition; nothing is written.
    const refused = await later.handle('cases.setPrecondition', { caseId, kind: 'dossier', status: 'pending', expectedOn: '2026-06-16', note: null, expectedVersion: detail.version });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('Volledig dossier') });
    const fixed = await later.call<CaseDetail>('cases.setPrecondition', { caseId, kind: 'dossier', status: 'pending', expectedOn: '2026-06-22', note: null, expectedVersion: detail.version });
    expect(fixed.readinessGaps).toEqual([]);
    expect(auditOf(database, caseId)).toHaveLength(2);
    database.close();
  });

  it('refuses bad input with a Dutch message and changes nothing', async () => {
    const { database, handle, call } = await setup();
    const caseId = (await dryRun(call)).planned[0]!.caseId;
    const badDate = await handle('cases.setPrecondition', { caseId, kind: 'dossier', status: 'pending', expectedOn: '2026-02-30', note: null, expectedVersion: caseVersion(database, caseId) });
    expect(badDate.ok).toBe(false);
    if (!badDate.ok) expect(badDate.error.details?.map((d) => d.path)).toEqual(['expectedOn']);
    // No such case, so no version to read: any version passes the check and the operation says NOT_FOUND.
    const unknownCase = await handle('cases.setPrecondition', { caseId: 999_999, kind: 'dossier', status: 'pending', expectedOn: null, note: null, expectedVersion: 1 });
    expect(unknownCase).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const nothingToRemove = await handle('cases.removePrecondition', { caseId, kind: 'interpreter', expectedVersion: caseVersion(database, caseId) });
    expect(nothingToRemove).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('Tolk geregeld') } });
    const met = await call<CaseDetail>('cases.setPrecondition', { caseId, kind: 'dossier', status: 'met', expectedOn: null, note: null, expectedVersion: caseVersion(database, caseId) });
    const same = await handle('cases.setPrecondition', { caseId, kind: 'dossier', status: 'met', expectedOn: null, note: null, expectedVersion: met.version });
    expect(same).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(auditOf(database, caseId)).toHaveLength(1);
    database.close();
  });

  it('co-defendants: the group is shown on the case page and reaches the planner', async () => {
    const { database, call } = await setup();
    const [a, b] = (await dryRun(call)).planned.map((p) => p.caseId);
    for (const id of [a, b]) {
      await call('cases.updateEvents', { caseId: id, changes: { coDefendantGroup: ' PL0900-2026061501 ', estimatedMinutes: 45 }, reason: 'Medeverdachten in één pv', expectedVersion: caseVersion(database, id!) });
    }
    const detail = await call<CaseDetail>('cases.get', { id: a });
    expect(detail.coDefendantGroup).toBe('PL0900-2026061501');
    expect(detail.estimatedMinutes).toBe(45);
    const other = database.sqlite.prepare('select parketnummer, status from criminal_case where id = ?').get(b) as { parketnummer: string; status: string };
    expect(detail.coDefendants).toEqual([expect.objectContaining({ id: b, parketnummer: other.parketnummer, status: other.status })]);
    const input = await buildPlanningProblem(database.db, WINDOW, NOW);
    expect(input.problem.cases.filter((c) => c.group === 'PL0900-2026061501').map((c) => c.id).sort()).toEqual([a, b].sort());
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
