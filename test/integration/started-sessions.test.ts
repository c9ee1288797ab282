import { describe, expect, it } from 'vitest';
import type { PlannerSummary } from '../../shared/api/case-schemas';
import type { OperationOutput } from '../../shared/api/contract';
import { fromAmsterdamLocal } from '../../shared/calendar/amsterdam-time';
import { openDemoDatabase } from '../support/demo-database';
import { createTestApi } from '../support/test-api';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
/** Monday 15 June 2026, 13:30 in Amsterdam: the morning session (09:00) took place, the afternoon one (13:30) starts now. */
const NOW = new Date(fromAmsterdamLocal('2026-06-15', 13, 30));

async function setup() {
  const database = await openDemoDatabase(tempDir());
  const { sqlite } = database;
  const api = createTestApi(database, { actor: 'coordinator.test', now: NOW });
  const started = sqlite.prepare("select id, start_time as startTime from court_session where date = '2026-06-15' and status = 'scheduled' order by start_time").all() as { id: number; startTime: string }[];
  expect(started.map((s) => s.startTime)).toEqual(['09:00', '13:30']);
  // Room on every session, so only the start time can keep the case off the sessions of this morning and now.
  sqlite.prepare("update court_session set capacity_slots = 9 where date between '2026-06-15' and '2026-06-20'").run();
  sqlite.exec(`
    insert into suspect (full_name, date_of_birth) values ('S. Snel', '1990-05-06');
    insert into criminal_case (parketnummer, suspect_id, modality, status, police_unit, offence_summary, arrested_at, hearing_from, hearing_by, next_limit, next_limit_kind, queue_order)
    values ('19/200001-26', (select max(id) from suspect), 'supersnelrecht', 'awaiting_planning', 'Noord', 'Winkeldiefstal', '2026-06-14T08:00:00.000Z',
            '2026-06-14T09:00:00.000Z', '2026-06-17T21:30:00.000Z', '2026-06-17T21:30:00.000Z', 'hearing', '2026-06-17T21:30:00.000Z');
  `);
  const caseId = (sqlite.prepare("select id from criminal_case where parketnummer = '19/200001-26'").get() as { id: number }).id;
  const version = () => (sqlite.prepare('select version from criminal_case where id = ?').get(caseId) as { version: number }).version;
  return { database, sqlite, api, startedIds: started.map((s) => s.id), caseId, version };
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
      const placed = await api('planner.place', { caseId, sessionId, pin: false, reason: 'Vanochtend nog behandeld', confirmBreach: true, expectedVersion: version() });
      expect(placed.ok).toBe(false);
      if (placed.ok) continue;
      expect(placed.error.code).toBe('CONFLICT');
      expect(placed.error.message).toMatch(/al begonnen of voorbij/);
    }
    // A session still to come is accepted.
    const later = offered[0]!;
    const placed = await api('planner.place', { caseId, sessionId: later.sessionId, pin: false, reason: 'Eerstvolgende zitting', confirmBreach: true, expectedVersion: version() });
    expect(placed.ok).toBe(true);
  });

  it('the planner places nothing on a session that has started, not even one starting this minute', async () => {
    const { sqlite, api, startedIds, caseId } = await setup();
    const onStarted = () => (sqlite.prepare(`select count(*) as n from hearing where status = 'planned' and session_id in (${startedIds.join(',')})`).get() as { n: number }).n;
    const before = onStarted();
    const run = await api('planner.run', { from: '2026-06-15', to: '2026-06-20', dryRun: false });
    if (!run.ok) throw new Error(JSON.stringify(run.error));
    expect((run.value as PlannerSummary).planned.length).toBeGreaterThan(0);
    expect(onStarted()).toBe(before);
    const hearing = sqlite.prepare("select session_id as sessionId from hearing where case_id = ? and status = 'planned'").get(caseId) as { sessionId: number } | undefined;
    expect(hearing).toBeDefined();
    expect(startedIds).not.toContain(hearing!.sessionId);
  });

  it('lists a planned hearing whose session passed without an outcome, critical for a detained case, until the outcome is recorded', async () => {
    const { sqlite, api, startedIds, caseId } = await setup();
    // As the app allowed before: the case was put on this morning's session.
    sqlite.prepare("insert into hearing (case_id, session_id, status, explanation) values (?, ?, 'planned', 'Handmatig geplaatst')").run(caseId, startedIds[0]);
    sqlite.prepare("update criminal_case set status = 'planned' where id = ?").run(caseId);
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
    sqlite.prepare("update hearing set status = 'held' where case_id = ? and status = 'planned'").run(caseId);
    expect(await problems()).toHaveLength(0);
  });
});
