import { afterEach, describe, expect, it } from 'vitest';
import type { PlannerSummary } from '../../shared/api/case-schemas';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/** The planner, manual placement and the problems panel through the api, on both engines. */
const tempDir = useTempDir();
const NOW = new Date('2026-06-15T06:00:00+02:00');

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

async function setup() {
  const database = await openTestDistrict(tempDir(), { seed: 5, casesPerYear: 2800, asOf: '2026-06-15' });
  district = database;
  const handle = database.api({ actor: 'coordinator.test', today: () => '2026-06-15', now: () => NOW, onInternalError: (_op, error) => console.error(error) });
  const call = async (input: unknown) => {
    const result = await handle('planner.run', input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as PlannerSummary;
  };
  /** The case's current version, as an edit sends it back (`expectedVersion`). */
  const caseVersion = async (caseId: number) => (await database.row<{ version: number }>('select version from criminal_case where id = ?', [caseId]))!.version;
  return { database, call, handle, caseVersion };
}

describe('running the planner on a real district file', () => {
  it('proposes without writing on a dry run, then records every placement with its explanation and audit', async () => {
    const { database, call } = await setup();
    const waiting = async () => ((await database.row("select count(*) as n from criminal_case where status = 'awaiting_planning'")) as { n: number }).n;
    const before = (await waiting());
    expect(before).toBeGreaterThan(5);
    const proposal = await call({ from: '2026-06-15', to: '2026-07-26', dryRun: true });
    expect(proposal.planned.length).toBeGreaterThan(0);
    expect((await waiting())).toBe(before);

    const run = await call({ from: '2026-06-15', to: '2026-07-26', dryRun: false });
    expect(run.planned.map((p) => [p.caseId, p.sessionId])).toEqual(proposal.planned.map((p) => [p.caseId, p.sessionId]));
    expect((await waiting())).toBe(before - run.planned.length);
    const first = run.planned[0]!;
    const hearing = (await database.row("select status, explanation from hearing where case_id = ? and status = 'planned'", [first.caseId]));
    expect(hearing).toEqual({ status: 'planned', explanation: first.explanation });
    expect(first.explanation).toMatch(/zitting/);
    const audit = (await database.rows("select actor, reason from audit_event where action = 'hearing.planned' and actor = 'coordinator.test'"));
    expect(audit).toHaveLength(run.planned.length);
  });

  it('never exceeds a session, never plans a modality a session refuses, and never a detained case after its limit', async () => {
    const { database, call } = await setup();
    await call({ from: '2026-06-15', to: '2026-07-26', dryRun: false });
    const over = (await database.rows(`select s.id from court_session s where (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned','held')) > s.capacity_slots`));
    expect(over).toEqual([]);
    const late = (await database.rows(`select c.id from criminal_case c join hearing h on h.case_id = c.id and h.status = 'planned' join court_session s on s.id = h.session_id
         where c.hearing_by is not null and h.explanation is not null and s.date > substr(c.hearing_by, 1, 10)`));
    expect(late).toEqual([]);
  });

  it('lists a detained case no session can take before its limit as infeasible, with the options, and leaves it unplanned', async () => {
    const { database, call } = await setup();
    // A supersnelrecht case whose limit has all but passed: arrested three days ago.
    await database.run("insert into suspect (full_name, date_of_birth) values ('Z. Laat', '1990-01-01')");
    await database.run(`
      insert into criminal_case (parketnummer, suspect_id, modality, status, police_unit, offence_summary, arrested_at, custody_ordered_at, short_term_consent,
                                 hearing_by, next_limit, next_limit_kind, queue_order)
      values ('19/999001-26', (select max(id) from suspect), 'supersnelrecht', 'awaiting_planning', 'Noord', 'Diefstal',
              '2026-06-12T06:00:00.000Z', '2026-06-12T08:00:00.000Z', true, '2026-06-15T05:00:00.000Z', '2026-06-15T05:00:00.000Z', 'hearing', '2026-06-15T05:00:00.000Z')`);
    const run = await call({ from: '2026-06-15', to: '2026-07-26', dryRun: false });
    const late = run.infeasible.find((i) => i.parketnummer === '19/999001-26');
    expect(late?.reason).toBeTruthy();
    expect(late?.options.join(' ')).toMatch(/extra zitting|niet-gedetineerde route/);
    expect((await database.row("select status from criminal_case where parketnummer = '19/999001-26'"))).toEqual({ status: 'awaiting_planning' });
  });

  it.each([
    [{ from: '2026-07-01', to: '2026-06-01', dryRun: true }, 'Het einde ligt vóór het begin'],
    [{ from: '2026-01-01', to: '2027-06-01', dryRun: true }, 'Plan hoogstens een jaar tegelijk'],
  ])('refuses the window %j', async (input, message) => {
    const { handle } = await setup();
    const result = await handle('planner.run', input);
    expect(JSON.stringify(result)).toContain(message);
  });
});

describe('manual placement by a coordinator', () => {
  async function withWaitingCase() {
    const ctx = await setup();
    const row = (await ctx.database.row(`select id, modality, hearing_by as "hearingBy" from criminal_case where status = 'awaiting_planning' and planning_gaps = '' and modality = 'snelrecht_nd' order by id limit 1`)) as { id: number; modality: string };
    const session = async (modality: string, order: 'asc' | 'desc') =>
      (await ctx.database.row(`select s.id from court_session s where s.status = 'scheduled' and s.date >= '2026-06-29' and s.session_type in (${modality === 'snelrecht_nd' ? "'snelrecht_nd','mixed'" : "'supersnelrecht'"})
           and (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned','held')) < s.capacity_slots order by s.date ${order}, s.id ${order} limit 1`)) as { id: number };
    return { ...ctx, caseId: row.id, session };
  }
  const place = async (handle: Awaited<ReturnType<typeof setup>>['handle'], input: { expectedVersion: number } & Record<string, unknown>) =>
    handle('planner.place', { pin: false, confirmBreach: false, reason: 'Afspraak met de advocaat.', ...input });
  const detailVersion = (result: Awaited<ReturnType<typeof place>>) => {
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return (result.value as { detail: { version: number } }).detail.version;
  };

  it('places, moves and unplans a case; the moved hearing stays in the history as cancelled; every step audited', async () => {
    const { database, handle, caseId, session, caseVersion } = await withWaitingCase();
    const first = (await session('snelrecht_nd', 'asc')).id;
    const placed = await place(handle, { caseId, sessionId: first, pin: true, expectedVersion: (await caseVersion(caseId)) });
    expect(placed).toMatchObject({ ok: true, value: { breaches: [], detail: { status: 'planned' } } });
    const second = ((await database.row("select id from court_session where session_type = 'snelrecht_nd' and status = 'scheduled' and id > ? and date <= '2026-07-10' order by id limit 1", [first])) as { id: number }).id;
    const moved = await place(handle, { caseId, sessionId: second, reason: 'Verdachte verhinderd.', expectedVersion: detailVersion(placed) });
    expect(moved.ok).toBe(true);
    const rows = (await database.rows(`select session_id as "sessionId", status, case when pinned then 1 else 0 end as pinned from hearing where case_id = ? and status in ('planned', 'cancelled') order by id`, [caseId]));
    expect(rows).toEqual([
      { sessionId: first, status: 'cancelled', pinned: 1 },
      { sessionId: second, status: 'planned', pinned: 0 },
    ]);
    expect(await place(handle, { caseId, sessionId: null, reason: 'Dossier onvolledig.', expectedVersion: detailVersion(moved) })).toMatchObject({ ok: true, value: { detail: { status: 'awaiting_planning' } } });
    const actions = (await database.rows("select action, reason from audit_event where actor = 'coordinator.test' and action like 'hearing.%' order by id"));
    expect(actions).toEqual([
      { action: 'hearing.planned', reason: 'Afspraak met de advocaat.' },
      // The move's own row comes last: it is the action's undo token (history.undo, server/services/history/undo.ts).
      { action: 'hearing.planned', reason: 'Verdachte verhinderd.' },
      { action: 'hearing.moved', reason: 'Verdachte verhinderd.' },
      { action: 'hearing.unplanned', reason: 'Dossier onvolledig.' },
    ]);
  });

  it('refuses a breach of a hard limit without explicit confirmation, and records it with the reason when confirmed', async () => {
    const { database, handle, caseVersion } = await setup();
    await database.run("insert into suspect (full_name, date_of_birth) values ('Z. Laat', '1990-01-01')");
    await database.run(`
      insert into criminal_case (parketnummer, suspect_id, modality, status, police_unit, offence_summary, arrested_at, custody_ordered_at, short_term_consent, hearing_by)
      values ('19/999002-26', (select max(id) from suspect), 'supersnelrecht', 'awaiting_planning', 'Noord', 'Diefstal',
              '2026-06-12T06:00:00.000Z', '2026-06-12T08:00:00.000Z', true, '2026-06-15T08:00:00.000Z')`);
    const caseId = ((await database.row("select id from criminal_case where parketnummer = '19/999002-26'")) as { id: number }).id;
    const late = ((await database.row("select id from court_session where session_type = 'supersnelrecht' and date > '2026-06-20' order by date, id limit 1")) as { id: number }).id;
    const refused = await place(handle, { caseId, sessionId: late, expectedVersion: (await caseVersion(caseId)) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('na de wettelijke uiterste zittingsdatum') } });
    expect((await database.row('select count(*) as n from hearing where case_id = ?', [caseId]))).toEqual({ n: 0 });
    const confirmed = await place(handle, { caseId, sessionId: late, confirmBreach: true, reason: 'Verdachte heeft uitstel gevraagd en is in vrijheid gesteld.', expectedVersion: (await caseVersion(caseId)) });
    expect(confirmed).toMatchObject({ ok: true, value: { breaches: [expect.stringContaining('uiterste zittingsdatum')] } });
    const audit = (await database.row("select reason, details from audit_event where action = 'hearing.planned' and actor = 'coordinator.test'")) as { reason: string; details: string };
    expect(audit.reason).toBe('Verdachte heeft uitstel gevraagd en is in vrijheid gesteld.');
    expect(JSON.parse(audit.details)).toMatchObject({ confirmed: true, breaches: [expect.stringContaining('uiterste zittingsdatum')] });
  });

  it('refuses a session that does not take the modality, whatever is confirmed', async () => {
    const { database, handle, caseId, caseVersion } = await withWaitingCase();
    const ssr = ((await database.row("select id from court_session where session_type = 'supersnelrecht' and date > '2026-06-20' order by date, id limit 1")) as { id: number }).id;
    expect(await place(handle, { caseId, sessionId: ssr, confirmBreach: true, expectedVersion: (await caseVersion(caseId)) })).toMatchObject({ ok: false, error: { message: 'Deze zitting neemt deze modaliteit niet.' } });
  });
});

describe('the problems panel', () => {
  it('flags a planned hearing that no longer fits its case after a precondition was given a later date', async () => {
    const { database, handle, caseVersion } = await setup();
    const planned = (await database.row(`select h.case_id as "caseId", s.date from hearing h join court_session s on s.id = h.session_id
         where h.status = 'planned' and s.date >= '2026-06-16' order by s.date, h.id limit 1`)) as { caseId: number; date: string };
    const before = await handle('planner.problems', {});
    if (!before.ok) throw new Error(JSON.stringify(before.error));
    expect((before.value as { kind: string; caseId: number | null }[]).filter((p) => p.kind === 'hearing_out_of_bounds' && p.caseId === planned.caseId)).toEqual([]);
    const set = await handle('cases.setPrecondition', { caseId: planned.caseId, kind: 'advice_nifp', status: 'pending', expectedOn: '2026-08-31', note: null, expectedVersion: (await caseVersion(planned.caseId)) });
    if (!set.ok) throw new Error(JSON.stringify(set.error));
    const after = await handle('planner.problems', {});
    if (!after.ok) throw new Error(JSON.stringify(after.error));
    const flagged = (after.value as { kind: string; caseId: number | null; subject: string }[]).find((p) => p.kind === 'hearing_out_of_bounds' && p.caseId === planned.caseId);
    expect(flagged?.subject).toMatch(/vóór de zaak klaar is \(ma 31 aug/);
  });

  it('flags missing people, double bookings, overbooking, capacity about to be lost and cases near a hard limit', async () => {
    const { database, handle } = await setup();
    const sessions = (await database.rows("select id, date, courtroom_id as room, judge_id as judge from court_session where date between '2026-06-16' and '2026-06-30' and status = 'scheduled' order by date, start_time, id")) as { id: number; date: string; room: number; judge: number }[];
    const a = sessions.find((s) => sessions.some((o) => o.date === s.date && o.id !== s.id))!;
    const b = sessions.find((s) => s.date === a.date && s.id !== a.id)!;
    await database.run('update court_session set judge_id = null where id = ?', [a.id]);
    const dubbel = (await database.row<{ id: number }>("insert into person (name, role) values ('mr. Dubbel', 'ovj') returning id"))!.id;
    await database.run("update court_session set prosecutor_id = ?, start_time = '09:00', end_time = '17:00' where id in (?, ?)", [dubbel, a.id, b.id]);
    await database.run('update court_session set capacity_slots = 0 where id = ?', [sessions.at(-1)!.id]);
    await database.run("insert into suspect (full_name, date_of_birth) values ('Z. Krap', '1990-01-01')");
    await database.run(`
      insert into criminal_case (parketnummer, suspect_id, modality, status, police_unit, offence_summary, arrested_at, hearing_by, next_limit, next_limit_kind, queue_order)
      values ('19/999003-26', (select max(id) from suspect), 'snelrecht', 'awaiting_planning', 'Noord', 'Diefstal', '2026-06-13T06:00:00.000Z',
              '2026-06-16T10:00:00.000Z', '2026-06-16T10:00:00.000Z', 'voorgeleiding', '2026-06-16T10:00:00.000Z')`);
    const result = await handle('planner.problems', {});
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const problems = result.value as { kind: string; sessionId: number | null; subject: string }[];
    const kinds = new Set(problems.map((p) => p.kind));
    expect(problems.find((p) => p.kind === 'no_judge')?.sessionId).toBe(a.id);
    const double = problems.find((p) => p.kind === 'double_booked_person' && p.subject === 'mr. Dubbel');
    expect([a.id, b.id]).toContain(double?.sessionId);
    expect(problems.find((p) => p.kind === 'case_near_limit')?.subject).toBe('19/999003-26');
    expect(kinds.has('underfilled')).toBe(true);
  });
});
