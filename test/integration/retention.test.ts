import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/run-cli';
import type { OperationInput, OperationName, OperationOutput } from '../../shared/api/contract';
import { reviewPeriodRange } from '../../shared/metrics/review-period';
import { FINISHED_STATUSES, PSEUDONYMISED_SUSPECT, REMOVED_VALUE, retentionCutoff } from '../../shared/retention/retention';
import { openDemoDatabase, openTestDatabase, SMALL_DEMO_NOW } from '../support/demo-database';
import { createTestApi } from '../support/test-api';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
const NOW = SMALL_DEMO_NOW; // Monday 15 June 2026, 10:00 Amsterdam
const PERIODS = ['2025-T2', '2025-T3', '2026-T1', '2026-T2'];

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function apiOf(database: Parameters<typeof createTestApi>[0]) {
  const handle = createTestApi(database, { actor: 'privacy.officer', now: NOW });
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
  it('finished means a status the lifecycle never leaves; the cut-off counts calendar months back', () => {
    expect(FINISHED_STATUSES).toEqual(['completed', 'withdrawn']);
    expect(retentionCutoff('2026-06-15', 12)).toBe('2025-06-15');
    expect(retentionCutoff('2026-08-31', 6)).toBe('2026-02-28');
    expect(retentionCutoff('2028-03-31', 1)).toBe('2028-02-29');
    expect(retentionCutoff('2026-01-10', 13)).toBe('2024-12-10');
  });

  it('pseudonymises the cases past the term, scrubs their audit details, audits once per case, and leaves every figure the same', async () => {
    const database = await openDemoDatabase(tempDir());
    const call = apiOf(database);
    const sqlite = database.sqlite;

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
    const suspectOf = sqlite.prepare(
      `select c.id as caseId, c.parketnummer, s.full_name as fullName, s.date_of_birth as dateOfBirth, s.summons_address as summonsAddress, s.lawyer_name as lawyerName
         from criminal_case c join suspect s on s.id = c.suspect_id where c.id = ?`,
    );
    const target = suspectOf.get(dueIds[0]) as SuspectRow;
    const open = sqlite.prepare("select c.id as caseId from criminal_case c where c.status = 'planned' limit 1").get() as { caseId: number };
    const openBefore = suspectOf.get(open.caseId) as SuspectRow;
    // An earlier edit of the suspect keeps old and new values in its audit details; a stored answer holds them too.
    sqlite
      .prepare("insert into audit_event (occurred_at, actor, action, entity_type, entity_id, reason, details) values (?, 'griffie', 'case.details_changed', 'case', ?, 'Adres gecorrigeerd', ?)")
      .run(
        '2025-07-01T08:00:00.000Z',
        target.caseId,
        JSON.stringify({ summonsAddress: { from: 'Oude Gracht 1, Hanzestad', to: target.summonsAddress }, lawyerName: { from: null, to: target.lawyerName }, note: target.fullName }),
      );
    sqlite
      .prepare("insert into processed_request (request_id, operation, input_hash, answer, actor, processed_at) values ('retention-test-1', 'cases.get', 'x', ?, 'griffie', ?)")
      .run(JSON.stringify({ parketnummer: target.parketnummer, suspect: { fullName: target.fullName, dateOfBirth: target.dateOfBirth } }), NOW.toISOString());

    const before = await figures(call);
    const applied = await call('retention.apply', { reason: 'Bewaartermijn van 6 maanden verstreken' });
    expect(applied.pseudonymised).toBe(preview.dueCount);
    expect(applied.caseIds.sort((a, b) => a - b)).toEqual([...dueIds].sort((a, b) => a - b));
    const after = await figures(call);
    // The figures, the review packs' data and the monitoring records are exactly the same.
    expect(after.dashboards).toEqual(before.dashboards);
    expect(after.monitoring).toEqual(before.monitoring);

    // The suspect records hold the pseudonym; an open case keeps its data.
    expect(suspectOf.get(target.caseId)).toEqual({ caseId: target.caseId, parketnummer: target.parketnummer, ...PSEUDONYMISED_SUSPECT });
    const stillNamed = sqlite
      .prepare(`select count(*) as n from criminal_case c join suspect s on s.id = c.suspect_id where c.id in (${dueIds.join(',')}) and s.full_name <> ?`)
      .get(PSEUDONYMISED_SUSPECT.fullName) as { n: number };
    expect(stillNamed.n).toBe(0);
    expect(suspectOf.get(open.caseId)).toEqual(openBefore);

    // One audit row per case, with the reason and no personal data.
    const rows = sqlite.prepare("select entity_id as caseId, reason, details from audit_event where action = 'retention.pseudonymised'").all() as { caseId: number; reason: string; details: string }[];
    expect(rows.map((r) => r.caseId).sort((a, b) => a - b)).toEqual([...dueIds].sort((a, b) => a - b));
    expect(rows.every((r) => r.reason === 'Bewaartermijn van 6 maanden verstreken')).toBe(true);
    const mine = rows.find((r) => r.caseId === target.caseId)!;
    for (const secret of [target.fullName, target.dateOfBirth, target.summonsAddress!]) expect(mine.details).not.toContain(secret);

    // The earlier edit's details and the stored answer no longer hold the data; the professionals' names stay.
    const edit = sqlite.prepare("select details from audit_event where action = 'case.details_changed' and entity_id = ?").get(target.caseId) as { details: string };
    expect(JSON.parse(edit.details)).toEqual({
      summonsAddress: { from: REMOVED_VALUE, to: REMOVED_VALUE },
      lawyerName: { from: null, to: REMOVED_VALUE },
      note: REMOVED_VALUE,
    });
    const answer = sqlite.prepare("select answer from processed_request where request_id = 'retention-test-1'").get() as { answer: string };
    expect(JSON.parse(answer.answer)).toEqual({ parketnummer: target.parketnummer, suspect: { fullName: REMOVED_VALUE, dateOfBirth: REMOVED_VALUE } });
    const leaks = sqlite
      .prepare(
        `select count(*) as n from audit_event a join criminal_case c on a.entity_type = 'case' and a.entity_id = c.id
           where c.id = ? and (instr(coalesce(a.details, ''), ?) > 0 or instr(coalesce(a.details, ''), ?) > 0 or instr(coalesce(a.details, ''), ?) > 0)`,
      )
      .get(target.caseId, target.fullName, target.dateOfBirth, target.summonsAddress) as { n: number };
    expect(leaks.n).toBe(0);
    const zsmNames = sqlite.prepare("select count(*) as n from audit_event where action = 'zsm.decided' and json_extract(details, '$.prosecutorName') like 'mr. %'").get() as { n: number };
    expect(zsmNames.n).toBeGreaterThan(0);

    // Nothing is due any more; applying again changes nothing.
    const again = await call('retention.preview', {});
    expect(again.dueCount).toBe(0);
    expect(again.pseudonymisedCount).toBe(preview.dueCount);
    expect((await call('retention.apply', { reason: 'Nogmaals' })).pseudonymised).toBe(0);
    database.close();
  });

  it('refuses a stale or empty term change with a Dutch message', async () => {
    const database = await openDemoDatabase(tempDir());
    const handle = createTestApi(database, { actor: 'fg', now: NOW });
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
    database.close();
  });

  it('the command lists with --dry-run without changing anything, and needs a reason to apply', async () => {
    const dir = tempDir();
    const database = await openDemoDatabase(dir);
    const call = apiOf(database);
    const { version } = await call('retention.preview', {});
    await call('retention.setTerm', { months: 6, confirmed: false, reason: 'Proef', expectedVersion: version });
    const file = database.path;
    database.close();
    const now = ['--now', NOW.toISOString()];

    const dry = await run('retention', '--db', file, '--dry-run', ...now);
    expect(dry.err).toBe('');
    expect(dry.code).toBe(0);
    const listed = JSON.parse(dry.out) as { dryRun: boolean; dueCount: number; cases: unknown[] };
    expect(listed.dryRun).toBe(true);
    expect(listed.dueCount).toBeGreaterThan(20);
    expect(listed.cases).toHaveLength(listed.dueCount);

    const refused = await run('retention', '--db', file, ...now);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--reason is required/);

    const reopened = await openTestDatabase(dir);
    const count = reopened.sqlite.prepare("select count(*) as n from audit_event where action = 'retention.pseudonymised'").get() as { n: number };
    expect(count.n).toBe(0);
    reopened.close();

    const applied = await run('retention', '--db', file, '--reason', 'Bewaartermijn verstreken', ...now);
    expect(applied.code, applied.err).toBe(0);
    expect(JSON.parse(applied.out)).toMatchObject({ dryRun: false, pseudonymised: listed.dueCount });
  });
});
