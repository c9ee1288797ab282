import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../shared/api/case-schemas';
import type { OperationOutput } from '../../shared/api/contract';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
/** Monday 15 June 2026, 10:00 in Amsterdam (the small demo's moment). */
const NOW = new Date('2026-06-15T10:00:00+02:00');
const DEMO = { seed: 7, casesPerYear: 700, asOf: '2026-06-15' };

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

const INTAKE = {
  parketnummer: '19/400001-26',
  suspect: { fullName: 'P. Proef', dateOfBirth: '1990-05-06', summonsAddress: null, lawyerName: null },
  modality: 'supersnelrecht',
  policeUnit: 'Basisteam Noord',
  offenceSummary: 'Winkeldiefstal',
  offenceAt: '2026-06-14T16:40:00+02:00',
  arrestedAt: '2026-06-14T17:05:00+02:00',
  shortTermConsent: true,
};

async function setup() {
  const database = await openTestDistrict(tempDir(), DEMO);
  district = database;
  const api = database.api({ actor: 'coordinator.test', now: NOW });
  const call = async <T>(operation: string, input: unknown): Promise<T> => {
    const result = await api(operation, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as T;
  };
  return { database, api, call };
}

describe('impossible dates are refused, naming the field (issue 11, item 4)', () => {
  it.each([
    ['an arrest in 2099', { arrestedAt: '2099-01-01T10:00:00+01:00' }, 'arrestedAt', /Aanhouding ligt in de toekomst \(01-01-2099 10:00\)/],
    ['an offence in 2099', { offenceAt: '2099-01-01T10:00:00+01:00', arrestedAt: '2099-01-01T11:00:00+01:00' }, 'offenceAt', /Pleegdatum ligt in de toekomst/],
    ['an arrest in 2001', { offenceAt: null, arrestedAt: '2001-06-01T10:00:00+02:00' }, 'arrestedAt', /Aanhouding ligt meer dan 20 jaar terug/],
    ['a birth date in 1800', { suspect: { ...INTAKE.suspect, dateOfBirth: '1800-01-01' } }, 'suspect.dateOfBirth', /Geboortedatum 01-01-1800 geeft een leeftijd van 226 jaar/],
    ['a birth date in the year 0', { suspect: { ...INTAKE.suspect, dateOfBirth: '0000-01-01' } }, 'suspect.dateOfBirth', /Geboortedatum/],
    ['a birth date in 2100', { modality: 'snelrecht_nd', shortTermConsent: false, offenceAt: null, arrestedAt: null, suspect: { ...INTAKE.suspect, dateOfBirth: '2100-02-28' } }, 'suspect.dateOfBirth', /Geboortedatum ligt in de toekomst \(28-02-2100\)/],
    ['a six-year-old', { suspect: { ...INTAKE.suspect, dateOfBirth: '2020-01-01' } }, 'suspect.dateOfBirth', /6 jaar.*art\. 486 Sv/],
  ])('cases.create refuses %s', async (_what, change, path, message) => {
    const { api, database: sqlite } = await setup();
    const before = (await sqlite.row<{ n: number }>('select count(*) as n from criminal_case'))!.n;
    const result = await api('cases.create', { ...INTAKE, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    const detail = result.error.details?.find((d) => d.path === path);
    expect(detail?.message).toMatch(message);
    expect((await sqlite.row<{ n: number }>('select count(*) as n from criminal_case'))!.n).toBe(before);
  });

  it('cases.create accepts a clock a few minutes behind another workstation, and a 12-year-old', async () => {
    const { call } = await setup();
    const soon = new Date(NOW.getTime() + 3 * 60_000).toISOString();
    await call('cases.create', { ...INTAKE, offenceAt: null, arrestedAt: soon });
    await call('cases.create', { ...INTAKE, parketnummer: '19/400002-26', suspect: { ...INTAKE.suspect, dateOfBirth: '2014-06-14' } });
  });

  it('cases.updateEvents refuses a correction into the future, changing nothing', async () => {
    const { api, call, database: sqlite } = await setup();
    const { id } = await call<{ id: number }>('cases.create', INTAKE);
    const version = (await sqlite.row<{ version: number }>('select version from criminal_case where id = ?', [id]))!.version;
    const result = await api('cases.updateEvents', { caseId: id, changes: { arrestedAt: '2099-01-01T10:00:00+01:00' }, reason: 'Tikfout hersteld', expectedVersion: version });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toMatch(/Aanhouding ligt in de toekomst/);
    expect((await sqlite.row<{ a: string }>('select arrested_at as a from criminal_case where id = ?', [id]))!.a).toBe('2026-06-14T15:05:00.000Z');
  });
});

describe('a suspect who was a minor at the offence (art. 77a Sr ff.)', () => {
  it('the case says so, and neither the planner nor a coordinator puts it on a session that does not accept minors', async () => {
    const { api, call, database: sqlite } = await setup();
    const { id } = await call<{ id: number }>('cases.create', { ...INTAKE, suspect: { ...INTAKE.suspect, dateOfBirth: '2010-03-01' } });
    const detail = await call<CaseDetail>('cases.get', { id });
    expect(detail.suspect.age).toEqual({ years: 16, on: '2026-06-14', basis: 'offence', minor: true });
    const adult = await call<{ id: number }>('cases.create', { ...INTAKE, parketnummer: '19/400003-26' });
    expect((await call<CaseDetail>('cases.get', { id: adult.id })).suspect.age?.minor).toBe(false);

    // Ready for planning, with a hard limit on Wednesday.
    await sqlite.run(
      "update criminal_case set status = 'awaiting_planning', hearing_from = '2026-06-15T08:00:00.000Z', hearing_by = '2026-06-17T21:30:00.000Z', next_limit = '2026-06-17T21:30:00.000Z', next_limit_kind = 'hearing', planning_gaps = '' where id = ?",
      [id],
    );
    await sqlite.run("update court_session set capacity_slots = 9 where date between '2026-06-15' and '2026-06-20'");
    const window = { from: '2026-06-15', to: '2026-06-20' };
    const version = async () => (await sqlite.row<{ version: number }>('select version from criminal_case where id = ?', [id]))!.version;

    // The demo's one session a week that also hears minors (Monday afternoon, Veenoord) is the only one offered.
    const forMinors = (await sqlite.rows<{ id: number }>('select id from court_session where date between ? and ? and accepts_minors = true', [window.from, window.to])).map((r) => r.id);
    expect(forMinors).toHaveLength(1);
    // Its pattern says so too, so the sessions the capacity page generates from it take minors as well.
    // (SQLite stores the flag as 1, PostgreSQL as true.)
    const pattern = (await sqlite.row<{ name: string; acceptsMinors: number | boolean }>(
      'select t.name, t.accepts_minors as "acceptsMinors" from session_template t join court_session s on s.template_id = t.id where s.id = ?',
      [forMinors[0]],
    ))!;
    expect({ ...pattern, acceptsMinors: pattern.acceptsMinors === 1 || pattern.acceptsMinors === true }).toEqual({ name: 'Gemengde zitting, middag, ook minderjarigen', acceptsMinors: true });
    expect((await call<OperationOutput<'planner.candidates'>>('planner.candidates', { caseId: id, ...window })).map((c) => c.sessionId)).toEqual(forMinors);
    // This week the kinderrechter cannot sit: that session is closed to minors, and no session takes the case.
    await sqlite.run('update court_session set accepts_minors = false where id = ?', [forMinors[0]]);
    expect(await call<OperationOutput<'planner.candidates'>>('planner.candidates', { caseId: id, ...window })).toEqual([]);
    const adultSession = (await sqlite.row<{ id: number }>("select id from court_session where date = '2026-06-16' and accepted_modalities like '%supersnelrecht%'"))!.id;
    const placed = await api('planner.place', { caseId: id, sessionId: adultSession, pin: false, reason: 'Eerstvolgende zitting', confirmBreach: true, expectedVersion: await version() });
    expect(placed.ok).toBe(false);
    if (!placed.ok) expect(placed.error.message).toMatch(/16 jaar.*jeugdstrafrecht \(art\. 77a Sr e\.v\.\)/);
    const dry = await call<{ planned: { caseId: number }[]; infeasible: { caseId: number; reason: string }[] }>('planner.run', { ...window, dryRun: true });
    expect(dry.planned.map((p) => p.caseId)).not.toContain(id);
    expect(dry.infeasible.find((c) => c.caseId === id)?.reason).toMatch(/minderjarigen/);

    // The coordinator opens Wednesday's session to minors on the capacity page.
    const session = (await sqlite.row<{ id: number; version: number; slots: number; minutes: number; overbooking: number }>(
      "select id, version, capacity_slots as slots, capacity_minutes as minutes, overbooking_slots as overbooking from court_session where date = '2026-06-17' and accepted_modalities like '%supersnelrecht%'",
    ))!;
    const updated = await call<OperationOutput<'sessions.update'>>('sessions.update', {
      sessionId: session.id,
      capacitySlots: session.slots,
      capacityMinutes: session.minutes,
      overbookingSlots: session.overbooking,
      acceptedModalities: ['supersnelrecht'],
      acceptedFillerKinds: [],
      acceptsMinors: true,
      reason: 'Kinderrechter zit deze zitting voor',
      expectedVersion: session.version,
    });
    expect(updated.acceptsMinors).toBe(true);
    expect(updated.version).toBe(session.version + 1);
    const offered = await call<OperationOutput<'planner.candidates'>>('planner.candidates', { caseId: id, ...window });
    expect(offered.map((c) => c.sessionId)).toEqual([session.id]);
    const run = await call<{ planned: { caseId: number; sessionId: number }[] }>('planner.run', { ...window, dryRun: false });
    expect(run.planned.find((p) => p.caseId === id)?.sessionId).toBe(session.id);

    // Closing the session to minors again is refused while the minor's case is on it.
    const closing = await api('sessions.update', {
      sessionId: session.id,
      capacitySlots: session.slots,
      capacityMinutes: session.minutes,
      overbookingSlots: session.overbooking,
      acceptedModalities: ['supersnelrecht'],
      acceptedFillerKinds: [],
      acceptsMinors: false,
      reason: 'Toch geen kinderrechter',
      expectedVersion: updated.version,
    });
    expect(closing.ok).toBe(false);
    if (!closing.ok) expect(closing.error.message).toContain('19/400001-26');
  });
});
