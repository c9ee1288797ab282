import { afterEach, describe, expect, it } from 'vitest';
import type { OperationInput, OperationName, OperationOutput } from '../../shared/api/contract';
import { reviewPeriodRange } from '../../shared/metrics/review-period';
import { FINISHED_STATUSES, PSEUDONYMISED_SUSPECT, REMOVED_VALUE } from '../../shared/retention/retention';
import { SMALL_DEMO, SMALL_DEMO_NOW } from '../support/demo-database';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/** Retention through the api on both engines; the command line stays in test/integration/retention. */
const tempDir = useTempDir();
const NOW = SMALL_DEMO_NOW; // Monday 15 June 2026, 10:00 Amsterdam
const PERIODS = ['2025-T2', '2025-T3', '2026-T1', '2026-T2'];

let opened: TestDistrict | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

async function openDistrict(): Promise<TestDistrict> {
  opened = await openTestDistrict(tempDir(), SMALL_DEMO);
  return opened;
}

function apiOf(database: TestDistrict) {
  const handle = database.api({ actor: 'privacy.officer', now: NOW });
  return async <K extends OperationName>(operation: K, input: OperationInput<K>): Promise<OperationOutput<K>> => {
    const result = await handle(operation, input);
    if (!result.ok) throw new Error(`${operation}: ${JSON.stringify(result.error)}`);
    return result.value as OperationOutput<K>;
  };
}

/** Every figure the dashboard and the review packs of the demo's periods show, and the monitoring records. */
async function figures(call: ReturnType<typeof apiOf>) {
  const dashboards = [];
  for (const period of PERIODS) {
    dashboards.push(await call('metrics.dashboard', reviewPeriodRange(period)));
    dashboards.push(await call('review.agreements.list', { period }));
    dashboards.push(await call('review.signals.list', { period }));
  }
  dashboards.push(await call('metrics.dashboard', { from: '2025-01-01', to: '2026-12-31' }));
  dashboards.push(await call('metrics.dashboard', { from: '2025-01-01', to: '2026-12-31', modality: 'snelrecht_nd' }));
  const exported = await call('monitoring.export', {});
  const monitoring = JSON.parse(Buffer.from(exported.contentBase64, 'base64').toString('utf8')) as { records: unknown[] };
  return { dashboards, monitoring: monitoring.records };
}

interface SuspectRow {
  caseId: number;
  parketnummer: string;
  fullName: string;
  dateOfBirth: string;
  summonsAddress: string | null;
  lawyerName: string | null;
}

describe('keeping personal data of finished cases no longer than the term (AVG art. 5 lid 1 onder e)', () => {
  it('pseudonymises the cases past the term, scrubs their audit details, audits once per case, and leaves every figure the same', async () => {
    const database = await openDistrict();
    const call = apiOf(database);

    // The default term is a choice awaiting the privacy officer; the demo's first year is not past it yet.
    const first = await call('retention.preview', {});
    expect(first.term).toEqual({ months: 12, confirmed: false });
    expect(first.cutoff).toBe('2025-06-15');
    // A shorter term, confirmed, with a reason (audited as a settings change).
    await call('retention.setTerm', { months: 6, confirmed: true, reason: 'Vastgesteld door de FG', expectedVersion: first.version });
    const preview = await call('retention.preview', { limit: 100_000 });
    expect(preview.term).toEqual({ months: 6, confirmed: true });
    expect(preview.cutoff).toBe('2025-12-15');
    expect(preview.dueCount).toBeGreaterThan(20);
    expect(preview.cases).toHaveLength(preview.dueCount);
    expect(preview.cases.every((c) => FINISHED_STATUSES.includes(c.status) && c.finishedAt < '2025-12-15T')).toBe(true);
    // The dry-run list holds no personal data.
    expect(JSON.stringify(preview)).not.toMatch(/fullName|dateOfBirth|lawyer|summonsAddress/);

    const dueIds = preview.cases.map((c) => c.caseId);
    const suspectOf = async (caseId: number | undefined) =>
      (await database.row<SuspectRow>(
        `select c.id as "caseId", c.parketnummer, s.full_name as "fullName", s.date_of_birth as "dateOfBirth", s.summons_address as "summonsAddress", s.lawyer_name as "lawyerName"
           from criminal_case c join suspect s on s.id = c.suspect_id where c.id = ?`,
        [caseId],
      ))!;
    const target = await suspectOf(dueIds[0]);
    const openCase = (await database.row<{ caseId: number }>("select c.id as \"caseId\" from criminal_case c where c.status = 'planned' order by c.id limit 1"))!;
    const openBefore = await suspectOf(openCase.caseId);
    // An earlier edit of the suspect keeps old and new values in its audit details; a stored answer holds them too.
    await database.run(
      "insert into audit_event (occurred_at, actor, action, entity_type, entity_id, reason, details) values (?, 'griffie', 'case.details_changed', 'case', ?, 'Adres gecorrigeerd', ?)",
      [
        '2025-07-01T08:00:00.000Z',
        target.caseId,
        JSON.stringify({ summonsAddress: { from: 'Oude Gracht 1, Hanzestad', to: target.summonsAddress }, lawyerName: { from: null, to: target.lawyerName }, note: target.fullName }),
      ],
    );
    await database.run(
      "insert into processed_request (request_id, operation, input_hash, answer, actor, processed_at) values ('retention-test-1', 'cases.get', 'x', ?, 'griffie', ?)",
      [JSON.stringify({ parketnummer: target.parketnummer, suspect: { fullName: target.fullName, dateOfBirth: target.dateOfBirth } }), NOW.toISOString()],
    );

    const before = await figures(call);
    const applied = await call('retention.apply', { reason: 'Bewaartermijn van 6 maanden verstreken' });
    expect(applied.pseudonymised).toBe(preview.dueCount);
    expect(applied.caseIds.sort((a, b) => a - b)).toEqual([...dueIds].sort((a, b) => a - b));
    const after = await figures(call);
    // The figures, the review packs' data and the monitoring records are exactly the same.
    expect(after.dashboards).toEqual(before.dashboards);
    expect(after.monitoring).toEqual(before.monitoring);

    // The suspect records hold the pseudonym; an open case keeps its data.
    expect(await suspectOf(target.caseId)).toEqual({ caseId: target.caseId, parketnummer: target.parketnummer, ...PSEUDONYMISED_SUSPECT });
    const stillNamed = (await database.row<{ n: number }>(
      `select count(*) as "n" from criminal_case c join suspect s on s.id = c.suspect_id where c.id in (${dueIds.join(',')}) and s.full_name <> ?`,
      [PSEUDONYMISED_SUSPECT.fullName],
    ))!;
    expect(stillNamed.n).toBe(0);
    expect(await suspectOf(openCase.caseId)).toEqual(openBefore);

    // One audit row per case, with the reason and no personal data.
    const rows = await database.rows<{ caseId: number; reason: string; details: string }>("select entity_id as \"caseId\", reason, details from audit_event where action = 'retention.pseudonymised'");
    expect(rows.map((r) => r.caseId).sort((a, b) => a - b)).toEqual([...dueIds].sort((a, b) => a - b));
    expect(rows.every((r) => r.reason === 'Bewaartermijn van 6 maanden verstreken')).toBe(true);
    const mine = rows.find((r) => r.caseId === target.caseId)!;
    for (const secret of [target.fullName, target.dateOfBirth, target.summonsAddress!]) expect(mine.details).not.toContain(secret);

    // The earlier edit's details and the stored answer no longer hold the data; the professionals' names stay.
    const edit = (await database.row<{ details: string }>("select details from audit_event where action = 'case.details_changed' and entity_id = ?", [target.caseId]))!;
    expect(JSON.parse(edit.details)).toEqual({
      summonsAddress: { from: REMOVED_VALUE, to: REMOVED_VALUE },
      lawyerName: { from: null, to: REMOVED_VALUE },
      note: REMOVED_VALUE,
    });
    const answer = (await database.row<{ answer: string }>("select answer from processed_request where request_id = 'retention-test-1'"))!;
    expect(JSON.parse(answer.answer)).toEqual({ parketnummer: target.parketnummer, suspect: { fullName: REMOVED_VALUE, dateOfBirth: REMOVED_VALUE } });
    const caseDetails = await database.rows<{ details: string | null }>("select a.details from audit_event a where a.entity_type = 'case' and a.entity_id = ?", [target.caseId]);
    const leaks = caseDetails.filter((a) => [target.fullName, target.dateOfBirth, target.summonsAddress!].some((secret) => (a.details ?? '').includes(secret)));
    expect(leaks).toEqual([]);
    const zsmDetails = await database.rows<{ details: string }>("select details from audit_event where action = 'zsm.decided' and details is not null");
    const zsmNames = zsmDetails.filter((a) => String((JSON.parse(a.details) as { prosecutorName?: unknown }).prosecutorName ?? '').startsWith('mr. '));
    expect(zsmNames.length).toBeGreaterThan(0);

    // Nothing is due any more; applying again changes nothing.
    const again = await call('retention.preview', {});
    expect(again.dueCount).toBe(0);
    expect(again.pseudonymisedCount).toBe(preview.dueCount);
    expect((await call('retention.apply', { reason: 'Nogmaals' })).pseudonymised).toBe(0);
  });

  it('refuses a stale or empty term change with a Dutch message', async () => {
    const database = await openDistrict();
    const handle = database.api({ actor: 'fg', now: NOW });
    const preview = await handle('retention.preview', {});
    if (!preview.ok) throw new Error('preview failed');
    const version = (preview.value as { version: number }).version;
    expect(await handle('retention.setTerm', { months: 12, confirmed: false, reason: 'Geen wijziging', expectedVersion: version })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('Er is niets gewijzigd') },
    });
    expect(await handle('retention.setTerm', { months: 0, confirmed: true, reason: 'Te kort', expectedVersion: version })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: [{ path: 'months' }] },
    });
    expect(await handle('retention.setTerm', { months: 24, confirmed: true, reason: 'Vastgesteld', expectedVersion: version })).toMatchObject({ ok: true });
    expect(await handle('retention.setTerm', { months: 18, confirmed: true, reason: 'Oud scherm', expectedVersion: version })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
