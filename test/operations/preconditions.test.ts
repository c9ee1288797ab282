import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDetail, PlannerSummary, WorkQueuePage } from '../../shared/api/case-schemas';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
const TODAY = '2026-06-15';
const NOW = new Date('2026-06-15T06:00:00+02:00');
const WINDOW = { from: TODAY, to: '2026-07-26' };

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

function api(database: TestDistrict, today = TODAY, now = NOW) {
  const handle = database.api({ actor: 'coordinator.test', today: () => today, now: () => now });
  const call = async <T>(op: string, input: unknown): Promise<T> => {
    const result = await handle(op, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { body: result.error });
    return result.value as T;
  };
  return { handle, call };
}

async function setup() {
  const database = await openTestDistrict(tempDir(), { seed: 5, casesPerYear: 2800, asOf: TODAY });
  district = database;
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
const caseVersion = async (database: TestDistrict, caseId: number) => (await database.row<{ version: number }>('select version from criminal_case where id = ?', [caseId]))!.version;
const auditOf = async (database: TestDistrict, caseId: number) =>
  (await database.rows<{ action: string; actor: string; details: string }>(
    "select action, actor, details from audit_event where entity_type = 'case' and entity_id = ? and action like 'case.precondition%' order by id",
    [caseId],
  )).map((row) => ({ action: row.action, actor: row.actor, details: JSON.parse(row.details) as unknown }));

describe('preconditions of a case on a real district file', () => {
  it('a pending precondition with a date moves the earliest moment: the planner never places the case before it', async () => {
    const { database, call } = await setup();
    const before = await dryRun(call);
    // A case at liberty the planner puts on an early session: its readiness is all that moves.
    const atLiberty = new Set((await database.rows<{ id: number }>('select id from criminal_case where hearing_by is null')).map((r) => r.id));
    const target = before.planned.filter((p) => atLiberty.has(p.caseId)).sort((a, b) => a.date.localeCompare(b.date))[0]!;
    expect(target.date < '2026-07-06').toBe(true);

    const detail = await call<CaseDetail>('cases.setPrecondition', { caseId: target.caseId, kind: 'advice_3ro', status: 'pending', expectedOn: '2026-07-06', note: 'Reclassering levert maandag', expectedVersion: await caseVersion(database, target.caseId) });
    expect(detail.readyFrom).toBe('2026-07-05T22:00:00.000Z');
    expect(detail.readinessGaps).toEqual([]);
    expect(detail.preconditions).toEqual([
      expect.objectContaining({ kind: 'advice_3ro', status: 'pending', expectedOn: '2026-07-06', metOn: null, note: 'Reclassering levert maandag', updatedBy: 'coordinator.test' }),
    ]);

    const after = await dryRun(call);
    const placed = after.planned.find((p) => p.caseId === target.caseId);
    expect(placed).toBeDefined();
    expect(placed!.date >= '2026-07-06').toBe(true);

    // Placing it by hand before that date is a breach that must be confirmed.
    const candidates = await call<{ date: string; breaches: string[] }[]>('planner.candidates', { caseId: target.caseId, ...WINDOW });
    const early = candidates.find((c) => c.date < '2026-07-06')!;
    expect(early.breaches.join(' ')).toMatch(/pas klaar op 06-07-2026/);
    expect(candidates.filter((c) => c.date >= '2026-07-06').every((c) => !c.breaches.some((b) => b.includes('pas klaar')))).toBe(true);
  });

  it('one without a date keeps the case out of the planning with the gap named; met lets it in again; every change is audited', async () => {
    const { database, call } = await setup();
    const before = await dryRun(call);
    const caseId = before.planned[0]!.caseId;

    const waiting = await call<CaseDetail>('cases.setPrecondition', { caseId, kind: 'advice_nifp', status: 'pending', expectedOn: null, note: null, expectedVersion: await caseVersion(database, caseId) });
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
    expect(await auditOf(database, caseId)).toEqual([
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
  });

  it('a date that passes while still pending makes the precondition overdue: the case waits for a new date', async () => {
    const { database, call } = await setup();
    const caseId = (await dryRun(call)).planned[0]!.caseId;
    await call<CaseDetail>('cases.setPrecondition', { caseId, kind: 'dossier', status: 'pending', expectedOn: '2026-06-17', note: null, expectedVersion: await caseVersion(database, caseId) });

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
    expect(await auditOf(database, caseId)).toHaveLength(2);
  });

  it('refuses bad input with a Dutch message and changes nothing', async () => {
    const { database, handle, call } = await setup();
    const caseId = (await dryRun(call)).planned[0]!.caseId;
    const badDate = await handle('cases.setPrecondition', { caseId, kind: 'dossier', status: 'pending', expectedOn: '2026-02-30', note: null, expectedVersion: await caseVersion(database, caseId) });
    expect(badDate.ok).toBe(false);
    if (!badDate.ok) expect(badDate.error.details?.map((d) => d.path)).toEqual(['expectedOn']);
    // No such case, so no version to read: any version passes the check and the operation says NOT_FOUND.
    const unknownCase = await handle('cases.setPrecondition', { caseId: 999_999, kind: 'dossier', status: 'pending', expectedOn: null, note: null, expectedVersion: 1 });
    expect(unknownCase).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const nothingToRemove = await handle('cases.removePrecondition', { caseId, kind: 'interpreter', expectedVersion: await caseVersion(database, caseId) });
    expect(nothingToRemove).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('Tolk geregeld') } });
    const met = await call<CaseDetail>('cases.setPrecondition', { caseId, kind: 'dossier', status: 'met', expectedOn: null, note: null, expectedVersion: await caseVersion(database, caseId) });
    const same = await handle('cases.setPrecondition', { caseId, kind: 'dossier', status: 'met', expectedOn: null, note: null, expectedVersion: met.version });
    expect(same).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await auditOf(database, caseId)).toHaveLength(1);
  });

  it('co-defendants: the group is shown on the case page', async () => {
    const { database, call } = await setup();
    const [a, b] = (await dryRun(call)).planned.map((p) => p.caseId);
    for (const id of [a, b]) {
      await call('cases.updateEvents', { caseId: id, changes: { coDefendantGroup: ' PL0900-2026061501 ', estimatedMinutes: 45 }, reason: 'Medeverdachten in één pv', expectedVersion: await caseVersion(database, id!) });
    }
    const detail = await call<CaseDetail>('cases.get', { id: a });
    expect(detail.coDefendantGroup).toBe('PL0900-2026061501');
    expect(detail.estimatedMinutes).toBe(45);
    const other = (await database.row<{ parketnummer: string; status: string }>('select parketnummer, status from criminal_case where id = ?', [b]))!;
    expect(detail.coDefendants).toEqual([expect.objectContaining({ id: b, parketnummer: other.parketnummer, status: other.status })]);
  });
});
