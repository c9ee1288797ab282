import { describe, expect, it } from 'vitest';
import type { CaseDetail, ImportReport } from '../../shared/api/case-schemas';
import type { OperationOutput } from '../../shared/api/contract';
import { IMPORT_COLUMNS } from '../../shared/intake/import-columns';
import { openDemoDatabase, SMALL_DEMO_NOW } from '../support/demo-database';
import { createTestApi } from '../support/test-api';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
/** Monday 15 June 2026, 10:00 in Amsterdam (the small demo's moment). */
const NOW = SMALL_DEMO_NOW;

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
  const database = await openDemoDatabase(tempDir());
  const api = createTestApi(database, { actor: 'coordinator.test', now: NOW });
  const call = async <T>(operation: string, input: unknown): Promise<T> => {
    const result = await api(operation, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as T;
  };
  return { database, sqlite: database.sqlite, api, call };
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
    const { api, sqlite } = await setup();
    const before = (sqlite.prepare('select count(*) as n from criminal_case').get() as { n: number }).n;
    const result = await api('cases.create', { ...INTAKE, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    const detail = result.error.details?.find((d) => d.path === path);
    expect(detail?.message).toMatch(message);
    expect((sqlite.prepare('select count(*) as n from criminal_case').get() as { n: number }).n).toBe(before);
  });

  it('cases.create accepts a clock a few minutes behind another workstation, and a 12-year-old', async () => {
    const { call } = await setup();
    const soon = new Date(NOW.getTime() + 3 * 60_000).toISOString();
    await call('cases.create', { ...INTAKE, offenceAt: null, arrestedAt: soon });
    await call('cases.create', { ...INTAKE, parketnummer: '19/400002-26', suspect: { ...INTAKE.suspect, dateOfBirth: '2014-06-14' } });
  });

  it('the import refuses the same rows, each with its row and column, and takes the rest', async () => {
    const { call } = await setup();
    const headers = IMPORT_COLUMNS.map((c) => c.header);
    const row = (n: number, birth: string, arrest: string) => {
      const cells: Record<string, string> = {
        parketnummer: `19/4100${String(n).padStart(2, '0')}-26`,
        'naam verdachte': `A. Rij ${n}`,
        geboortedatum: birth,
        modaliteit: 'supersnelrecht',
        'politie-eenheid': 'Basisteam Noord',
        feit: 'Winkeldiefstal',
        pleegdatum: '14-06-2026 16:40',
        aanhouding: arrest,
        'instemming kortere termijn': 'ja',
      };
      return headers.map((h) => cells[h] ?? '').join(';');
    };
    const csv = [
      headers.join(';'),
      row(1, '06-05-1990', '01-01-2099 10:00'),
      row(2, '01-01-1800', '14-06-2026 17:05'),
      row(3, '01-01-0000', '14-06-2026 17:05'),
      row(4, '28-02-2100', '14-06-2026 17:05'),
      row(5, '01-01-2020', '14-06-2026 17:05'),
      row(6, '06-05-1990', '14-06-2026 17:05'),
      row(7, '01-03-2010', '14-06-2026 17:05'),
    ].join('\n');
    const report = await call<ImportReport>('cases.import', { fileName: 'datums.csv', contentBase64: Buffer.from(csv).toString('base64'), mode: 'valid_only', dryRun: true });
    const problem = (r: number) => report.problems.filter((p) => p.row === r).map((p) => `${p.column}: ${p.message}`).join(' | ');
    expect(problem(2)).toMatch(/^aanhouding: Aanhouding ligt in de toekomst/);
    expect(problem(3)).toMatch(/^geboortedatum: Geboortedatum 01-01-1800/);
    expect(problem(4)).toMatch(/^geboortedatum: /);
    expect(problem(5)).toMatch(/^geboortedatum: .*(toekomst|na de aanhouding)/);
    expect(problem(6)).toMatch(/^geboortedatum: .*art\. 486 Sv/);
    expect(problem(7)).toBe('');
    expect(problem(8)).toBe('');
    expect(report.validRows).toBe(2);
    expect(report.invalidRows).toBe(5);
  });

  it('cases.updateEvents refuses a correction into the future, changing nothing', async () => {
    const { api, call, sqlite } = await setup();
    const { id } = await call<{ id: number }>('cases.create', INTAKE);
    const version = (sqlite.prepare('select version from criminal_case where id = ?').get(id) as { version: number }).version;
    const result = await api('cases.updateEvents', { caseId: id, changes: { arrestedAt: '2099-01-01T10:00:00+01:00' }, reason: 'Tikfout hersteld', expectedVersion: version });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toMatch(/Aanhouding ligt in de toekomst/);
    expect((sqlite.prepare('select arrested_at as a from criminal_case where id = ?').get(id) as { a: string }).a).toBe('2026-06-14T15:05:00.000Z');
  });
});

describe('a suspect who was a minor at the offence (art. 77a Sr ff.)', () => {
  it('the case says so, and neither the planner nor a coordinator puts it on a session that does not accept minors', async () => {
    const { api, call, sqlite } = await setup();
    const { id } = await call<{ id: number }>('cases.create', { ...INTAKE, suspect: { ...INTAKE.suspect, dateOfBirth: '2010-03-01' } });
    const detail = await call<CaseDetail>('cases.get', { id });
    expect(detail.suspect.age).toEqual({ years: 16, on: '2026-06-14', basis: 'offence', minor: true });
    const adult = await call<{ id: number }>('cases.create', { ...INTAKE, parketnummer: '19/400003-26' });
    expect((await call<CaseDetail>('cases.get', { id: adult.id })).suspect.age?.minor).toBe(false);

    // Ready for planning, with a hard limit on Wednesday.
    sqlite
      .prepare(
        "update criminal_case set status = 'awaiting_planning', hearing_from = '2026-06-15T08:00:00.000Z', hearing_by = '2026-06-17T21:30:00.000Z', next_limit = '2026-06-17T21:30:00.000Z', next_limit_kind = 'hearing', planning_gaps = '' where id = ?",
      )
      .run(id);
    sqlite.prepare("update court_session set capacity_slots = 9 where date between '2026-06-15' and '2026-06-20'").run();
    const window = { from: '2026-06-15', to: '2026-06-20' };
    const version = () => (sqlite.prepare('select version from criminal_case where id = ?').get(id) as { version: number }).version;

    // The demo's one session a week that also hears minors (Monday afternoon, Veenoord) is the only one offered.
    const forMinors = (sqlite.prepare('select id from court_session where date between ? and ? and accepts_minors = 1').all(window.from, window.to) as { id: number }[]).map((r) => r.id);
    expect(forMinors).toHaveLength(1);
    // Its pattern says so too, so the sessions the capacity page generates from it take minors as well.
    expect(sqlite.prepare('select t.name, t.accepts_minors as acceptsMinors from session_template t join court_session s on s.template_id = t.id where s.id = ?').get(forMinors[0])).toEqual({
      name: 'Gemengde zitting, middag, ook minderjarigen',
      acceptsMinors: 1,
    });
    expect((await call<OperationOutput<'planner.candidates'>>('planner.candidates', { caseId: id, ...window })).map((c) => c.sessionId)).toEqual(forMinors);
    // This week the kinderrechter cannot sit: that session is closed to minors, and no session takes the case.
    sqlite.prepare('update court_session set accepts_minors = 0 where id = ?').run(forMinors[0]);
    expect(await call<OperationOutput<'planner.candidates'>>('planner.candidates', { caseId: id, ...window })).toEqual([]);
    const adultSession = (sqlite.prepare("select id from court_session where date = '2026-06-16' and accepted_modalities like '%supersnelrecht%'").get() as { id: number }).id;
    const placed = await api('planner.place', { caseId: id, sessionId: adultSession, pin: false, reason: 'Eerstvolgende zitting', confirmBreach: true, expectedVersion: version() });
    expect(placed.ok).toBe(false);
    if (!placed.ok) expect(placed.error.message).toMatch(/16 jaar.*jeugdstrafrecht \(art\. 77a Sr e\.v\.\)/);
    const dry = await call<{ planned: { caseId: number }[]; infeasible: { caseId: number; reason: string }[] }>('planner.run', { ...window, dryRun: true });
    expect(dry.planned.map((p) => p.caseId)).not.toContain(id);
    expect(dry.infeasible.find((c) => c.caseId === id)?.reason).toMatch(/minderjarigen/);

    // The coordinator opens Wednesday's session to minors on the capacity page.
    const session = sqlite
      .prepare("select id, version, capacity_slots as slots, capacity_minutes as minutes, overbooking_slots as overbooking from court_session where date = '2026-06-17' and accepted_modalities like '%supersnelrecht%'")
      .get() as { id: number; version: number; slots: number; minutes: number; overbooking: number };
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
