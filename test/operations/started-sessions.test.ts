import { afterEach, describe, expect, it } from 'vitest';
import type { PlannerSummary } from '../../shared/api/case-schemas';
import type { OperationOutput } from '../../shared/api/contract';
import { fromAmsterdamLocal } from '../../shared/calendar/amsterdam-time';
import { SMALL_DEMO } from '../support/demo-database';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/** Sessions that have started take no new cases, on both engines. */
const tempDir = useTempDir();
/** Monday 15 June 2026, 13:30 in Amsterdam: the morning session (09:00) took place, the afternoon one (13:30) starts now. */
const NOW = new Date(fromAmsterdamLocal('2026-06-15', 13, 30));

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

async function setup() {
  const d = await openTestDistrict(tempDir(), SMALL_DEMO);
  district = d;
  const api = d.api({ actor: 'coordinator.test', now: NOW, onInternalError: (_op, error) => console.error(error) });
  const started = await d.rows<{ id: number; startTime: string }>(
    "select id, start_time as \"startTime\" from court_session where date = '2026-06-15' and status = 'scheduled' order by start_time",
  );
  expect(started.map((s) => s.startTime)).toEqual(['09:00', '13:30']);
  // Room on every session, so only the start time can keep the case off the sessions of this morning and now.
  await d.run("update court_session set capacity_slots = 9 where date between '2026-06-15' and '2026-06-20'");
  await d.run("insert into suspect (full_name, date_of_birth) values ('S. Snel', '1990-05-06')");
  await d.run(
    `insert into criminal_case (parketnummer, suspect_id, modality, status, police_unit, offence_summary, arrested_at, hearing_from, hearing_by, next_limit, next_limit_kind, queue_order)
     values ('19/200001-26', (select max(id) from suspect), 'supersnelrecht', 'awaiting_planning', 'Noord', 'Winkeldiefstal', '2026-06-14T08:00:00.000Z',
             '2026-06-14T09:00:00.000Z', '2026-06-17T21:30:00.000Z', '2026-06-17T21:30:00.000Z', 'hearing', '2026-06-17T21:30:00.000Z')`,
  );
  const caseId = (await d.row<{ id: number }>("select id from criminal_case where parketnummer = '19/200001-26'"))!.id;
  const version = async () => (await d.row<{ version: number }>('select version from criminal_case where id = ?', [caseId]))!.version;
  return { district: d, api, startedIds: started.map((s) => s.id), caseId, version };
}

describe('sessions that have started take no new cases (issue 11, item 1)', () => {
  it('offers no started session as a candidate and refuses a manual placement on one, even when confirmed', async () => {
    const { api, startedIds, caseId, version } = await setup();
    const candidates = await api('planner.candidates', { caseId, from: '2026-06-15', to: '2026-06-20' });
    if (!candidates.ok) throw new Error(JSON.stringify(candidates.error));
    const offered = candidates.value as OperationOutput<'planner.candidates'>;
    expect(offered.length).toBeGreaterThan(0);
    for (const c of offered) expect(fromAmsterdamLocal(c.date, ...(c.startTime.split(':').map(Number) as [number, number]))).toBeGreaterThan(NOW.getTime());
    expect(offered.map((c) => c.sessionId)).not.toContain(startedIds[0]);

    for (const sessionId of startedIds) {
      const placed = await api('planner.place', { caseId, sessionId, pin: false, reason: 'Vanochtend nog behandeld', confirmBreach: true, expectedVersion: await version() });
      expect(placed.ok).toBe(false);
      if (placed.ok) continue;
      expect(placed.error.code).toBe('CONFLICT');
      expect(placed.error.message).toMatch(/al begonnen of voorbij/);
    }
    // A session still to come is accepted.
    const later = offered[0]!;
    const placed = await api('planner.place', { caseId, sessionId: later.sessionId, pin: false, reason: 'Eerstvolgende zitting', confirmBreach: true, expectedVersion: await version() });
    expect(placed.ok).toBe(true);
  });

  it('the planner places nothing on a session that has started, not even one starting this minute', async () => {
    const { district: d, api, startedIds, caseId } = await setup();
    const onStarted = async () =>
      (await d.row<{ n: number }>(`select count(*) as n from hearing where status = 'planned' and session_id in (${startedIds.map(() => '?').join(',')})`, startedIds))!.n;
    const before = await onStarted();
    const run = await api('planner.run', { from: '2026-06-15', to: '2026-06-20', dryRun: false });
    if (!run.ok) throw new Error(JSON.stringify(run.error));
    expect((run.value as PlannerSummary).planned.length).toBeGreaterThan(0);
    expect(await onStarted()).toBe(before);
    const hearing = await d.row<{ sessionId: number }>("select session_id as \"sessionId\" from hearing where case_id = ? and status = 'planned'", [caseId]);
    expect(hearing).toBeDefined();
    expect(startedIds).not.toContain(hearing!.sessionId);
  });

  it('lists a planned hearing whose session passed without an outcome, critical for a detained case, until the outcome is recorded', async () => {
    const { district: d, api, startedIds, caseId } = await setup();
    // As the app allowed before: the case was put on this morning's session.
    await d.run("insert into hearing (case_id, session_id, status, explanation) values (?, ?, 'planned', 'Handmatig geplaatst')", [caseId, startedIds[0]]);
    await d.run("update criminal_case set status = 'planned' where id = ?", [caseId]);
    const problems = async () => {
      const result = await api('planner.problems', {});
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return (result.value as OperationOutput<'planner.problems'>).filter((p) => p.kind === 'hearing_session_passed' && p.caseId === caseId);
    };
    const listed = await problems();
    expect(listed).toHaveLength(1);
    expect(listed[0]!.severity).toBe('critical');
    expect(listed[0]!.subject).toContain('19/200001-26');
    expect(listed[0]!.subject).toMatch(/uiterste zittingsdatum wo 17 jun\.? 23:30/);
    await d.run("update hearing set status = 'held' where case_id = ? and status = 'planned'", [caseId]);
    expect(await problems()).toHaveLength(0);
  });
});
