import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDetail, WorkQueuePage } from '../../shared/api/case-schemas';
import { openEmptyTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/**
 * Case intake, ZSM decisions, events and the district settings through the api handler, on both engines
 * (an empty district). Reading import files stays in test/integration/case-intake.test.ts.
 */
const tempDir = useTempDir();

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

async function setup() {
  const database = await openEmptyTestDistrict(tempDir());
  district = database;
  // 'now' lies after every event these tests record: a moment in the future is refused (shared/intake/plausibility.ts).
  const handle = database.api({ actor: 'coordinator.test', today: '2026-04-14', now: new Date('2026-04-29T12:00:00+02:00') });
  const call = async <T>(op: string, input: unknown): Promise<T> => {
    const result = await handle(op, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { body: result.error });
    return result.value as T;
  };
  /** The case's current version, as an edit sends it back (`expectedVersion`). */
  const caseVersion = async (id: number) => (await database.row<{ version: number }>('select version from criminal_case where id = ?', [id]))!.version;
  return { database, handle, call, caseVersion };
}

const count = async (database: TestDistrict, table: string) => (await database.row<{ n: number }>(`select count(*) as n from ${table}`))!.n;

const INTAKE = {
  parketnummer: '19/300001-26',
  suspect: { fullName: 'K. Bakker', dateOfBirth: '1991-02-03', summonsAddress: 'Postbus 1, Hanzestad', lawyerName: null },
  modality: 'zsm',
  policeUnit: 'Basisteam Noord',
  offenceSummary: 'Winkeldiefstal',
  offenceAt: '2026-04-14T16:40:00+02:00',
  arrestedAt: '2026-04-14T17:05:00+02:00',
  custodyOrderedAt: '2026-04-14T23:30:00+02:00',
  shortTermConsent: true,
};

describe('case intake through the API on a real database', () => {
  it('creates a case with its audit event, computes its limits, and refuses the same parketnummer twice', async () => {
    const { database, call, handle } = await setup();
    const { id } = await call<{ id: number }>('cases.create', INTAKE);
    const detail = await call<CaseDetail>('cases.get', { id });
    expect(detail).toMatchObject({ status: 'intake', modality: 'zsm', suspect: { fullName: 'K. Bakker' } });
    expect(detail.history.map((h) => [h.actor, h.action])).toEqual([['coordinator.test', 'case.created']]);
    const again = await handle('cases.create', INTAKE);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Parketnummer 19/300001-26 is al ingevoerd (zaak 1).' } });
    expect(await count(database, 'criminal_case')).toBe(1);
  });

  it.each([
    ['a bad parketnummer', { parketnummer: '19-1' }, 'parketnummer', 'Parketnummer in de vorm 19/123456-26'],
    ['a detained case without arrest time', { modality: 'snelrecht', arrestedAt: null, custodyOrderedAt: null }, 'arrestedAt', 'Vul het tijdstip van aanhouding in'],
    ['a filler case without its kind', { modality: 'filler' }, 'fillerKind', 'Kies de soort opvulzaak'],
    ['a date of birth after the arrest', { suspect: { ...INTAKE.suspect, dateOfBirth: '2026-05-01' } }, 'suspect.dateOfBirth', 'Geboortedatum ligt na de aanhouding'],
    ['custody ordered before the arrest', { custodyOrderedAt: '2026-04-14T12:00:00+02:00' }, 'custodyOrderedAt', 'vóór'],
    ['an unknown field (nationality is never stored)', { nationality: 'X' }, '(invoer)', 'nationality'],
  ])('refuses %s with a Dutch message on the field', async (_label, change, path, message) => {
    const { database, handle } = await setup();
    const result = await handle('cases.create', { ...INTAKE, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const detail = result.error.details?.find((d) => d.path === path);
    expect(detail?.message ?? JSON.stringify(result.error.details)).toContain(message);
    expect(await count(database, 'criminal_case')).toBe(0);
  });
});

describe('co-defendant group and expected duration at intake', () => {
  it('stores both from the form, and leaves them empty when not given', async () => {
    const { call } = await setup();
    const { id } = await call<{ id: number }>('cases.create', { ...INTAKE, coDefendantGroup: '  PL0900-2026041412 ', estimatedMinutes: 40 });
    const { id: other } = await call<{ id: number }>('cases.create', { ...INTAKE, parketnummer: '19/300002-26', coDefendantGroup: 'PL0900-2026041412' });
    const { id: plain } = await call<{ id: number }>('cases.create', { ...INTAKE, parketnummer: '19/300003-26', coDefendantGroup: '' });
    const detail = await call<CaseDetail>('cases.get', { id });
    expect(detail).toMatchObject({ coDefendantGroup: 'PL0900-2026041412', estimatedMinutes: 40, preconditions: [], readyFrom: null });
    expect(detail.coDefendants).toEqual([{ id: other, parketnummer: '19/300002-26', status: 'intake', suspectName: 'K. Bakker' }]);
    expect(await call<CaseDetail>('cases.get', { id: plain })).toMatchObject({ coDefendantGroup: null, estimatedMinutes: null, coDefendants: [] });
  });

  it.each([
    ['a duration below 5 minutes', { estimatedMinutes: 2 }, 'De duur is minstens 5 minuten'],
    ['a duration in parts of minutes', { estimatedMinutes: 12.5 }, 'hele minuten'],
    ['a group code that is too long', { coDefendantGroup: 'x'.repeat(61) }, 'Zaaksgroep te lang'],
  ])('refuses %s', async (_label, change, message) => {
    const { database, handle } = await setup();
    const result = await handle('cases.create', { ...INTAKE, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(JSON.stringify(result.error.details)).toContain(message);
    expect(await count(database, 'criminal_case')).toBe(0);
  });
});

describe('ZSM decisions and the case lifecycle', () => {
  it('a summons puts the case in the planning queue with its new modality and limits; everything is audited', async () => {
    const { database, call, caseVersion } = await setup();
    const { id } = await call<{ id: number }>('cases.create', INTAKE);
    const detail = await call<CaseDetail>('zsm.decide', {
      caseId: id,
      outcome: 'summons_supersnelrecht',
      otherRoute: null,
      prosecutorName: 'mr. J. Smit',
      reason: 'Eenvoudige zaak, verdachte stemt in.',
      expectedVersion: await caseVersion(id),
    });
    expect(detail).toMatchObject({ status: 'awaiting_planning', modality: 'supersnelrecht' });
    expect(detail.deadlines.hearingBy).toBeDefined();
    expect(detail.zsmDecisions[0]).toMatchObject({ prosecutorName: 'mr. J. Smit', reason: 'Eenvoudige zaak, verdachte stemt in.', recordedBy: 'coordinator.test' });
    expect(detail.history.map((h) => h.action).sort()).toEqual(['case.created', 'case.modality_changed', 'case.status_changed', 'case.status_changed', 'zsm.decided'].sort());

    const queue = await call<WorkQueuePage>('queue.list', { stage: 'planning', offset: 0, limit: 50 });
    expect(queue.rows.map((r) => r.id)).toEqual([id]);
    const stored = (await database.row<{ hearing_by: string }>('select hearing_by from criminal_case where id = ?', [id]))!;
    expect(queue.rows[0]!.hearingBy).toBe(stored.hearing_by);
    expect(new Date(stored.hearing_by).toISOString()).toBe(new Date(detail.deadlines.hearingBy!).toISOString());
  });

  it.each([
    ['other_route without which route', { outcome: 'other_route', otherRoute: null }, 'otherRoute'],
    ['no reason', { reason: ' ' }, 'reason'],
    ['no prosecutor', { prosecutorName: '' }, 'prosecutorName'],
  ])('refuses a ZSM decision with %s', async (_label, change, path) => {
    const { call, handle, caseVersion } = await setup();
    const { id } = await call<{ id: number }>('cases.create', INTAKE);
    const result = await handle('zsm.decide', { caseId: id, outcome: 'sepot', otherRoute: null, prosecutorName: 'mr. A', reason: 'Geen bewijs.', expectedVersion: await caseVersion(id), ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.details?.map((d) => d.path)).toEqual([path]);
  });
});

describe('recording and correcting the events of a case', () => {
  const ND = { ...INTAKE, modality: 'snelrecht_nd', custodyOrderedAt: null, shortTermConsent: false };

  it('a served summons sets the earliest hearing, and the audit row holds old, new and why', async () => {
    const { database, call } = await setup();
    const { id } = await call<{ id: number }>('cases.create', ND);
    const before = await call<CaseDetail>('cases.get', { id });
    // Not served yet: no gap (the date comes first), no hearingFrom from the engine.
    expect(before.readinessGaps).toEqual([]);
    expect(before.deadlines.hearingFrom).toBeUndefined();

    const after = await call<CaseDetail>('cases.updateEvents', {
      caseId: id,
      changes: { summonsServedAt: '2026-04-15T10:00:00+02:00' },
      reason: 'Dagvaarding in persoon uitgereikt.',
      expectedVersion: before.version,
    });
    expect(after.readinessGaps).toEqual([]);
    expect(after.deadlines.hearingFrom).toBeDefined();
    const entry = after.history.find((h) => h.action === 'case.events_changed')!;
    expect(entry).toMatchObject({ actor: 'coordinator.test', reason: 'Dagvaarding in persoon uitgereikt.' });
    expect(entry.details).toEqual({ summonsServedAt: { from: null, to: '2026-04-15T08:00:00.000Z' } });
    const row = (await database.row<{ planning_gaps: string; hearing_from: string }>('select planning_gaps, hearing_from from criminal_case where id = ?', [id]))!;
    expect(row.planning_gaps).toBe('');
    expect(new Date(row.hearing_from).toISOString()).toBe(new Date(after.deadlines.hearingFrom!).toISOString());
  });

  it.each([
    ['an event before the arrest', { summonsServedAt: '2026-04-01T10:00:00+02:00' }, 'vóór'],
    ['an extension without a custody order', { custodyExtendedAt: '2026-04-16T10:00:00+02:00' }, 'inverzekeringstelling'],
    ['nothing new', { summonsServedAt: null }, 'Er is niets gewijzigd.'],
  ])('refuses %s, changing nothing', async (_label, changes, message) => {
    const { database, call, handle, caseVersion } = await setup();
    const { id } = await call<{ id: number }>('cases.create', ND);
    const result = await handle('cases.updateEvents', { caseId: id, changes, reason: 'Correctie.', expectedVersion: await caseVersion(id) });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!result.ok) expect(result.error.message).toContain(message);
    expect(await database.row("select count(*) as n from audit_event where action = 'case.events_changed'")).toEqual({ n: 0 });
  });

  it('refuses to change the events of a case that has been heard', async () => {
    const { database, call, handle, caseVersion } = await setup();
    const { id } = await call<{ id: number }>('cases.create', ND);
    await database.run("update criminal_case set status = 'heard' where id = ?", [id]);
    const result = await handle('cases.updateEvents', { caseId: id, changes: { summonsServedAt: '2026-04-15T10:00:00+02:00' }, reason: 'Te laat.', expectedVersion: await caseVersion(id) });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: "Gebeurtenissen van een zaak met status 'Behandeld' zijn niet meer te wijzigen." } });
  });
});

describe('what the review of the intake found (each would have passed unnoticed before)', () => {
  const SNELRECHT = { ...INTAKE, parketnummer: '19/300777-26', modality: 'snelrecht', custodyOrderedAt: null, shortTermConsent: false };

  it('flags a hard limit the summons term makes unreachable as infeasible, never as fine', async () => {
    const { call, caseVersion } = await setup();
    const { id } = await call<{ id: number }>('cases.create', {
      ...SNELRECHT,
      remandOrderedAt: '2026-04-15T10:00:00+02:00',
      summonsServedAt: '2026-04-28T10:00:00+02:00',
    });
    await call('cases.releaseToPlanning', { caseId: id, reason: 'Door OM gedagvaard buiten ZSM.', expectedVersion: await caseVersion(id) });
    const queue = await call<WorkQueuePage>('queue.list', { stage: 'planning', offset: 0, limit: 10 });
    const row = queue.rows.find((r) => r.id === id)!;
    expect(row.hearingFrom! >= row.hearingBy!).toBe(true);
    expect(row.urgency).toBe('infeasible');
  });

  it('never lets a detained case lose its arrest time, at a ZSM summons or when editing events', async () => {
    const { call, handle, caseVersion } = await setup();
    const { id } = await call<{ id: number }>('cases.create', { ...INTAKE, arrestedAt: null, custodyOrderedAt: null });
    const summons = await handle('zsm.decide', { caseId: id, outcome: 'summons_snelrecht', otherRoute: null, prosecutorName: 'mr. X', reason: 'Snelrecht.', expectedVersion: await caseVersion(id) });
    expect(summons).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('tijdstip van aanhouding') } });
    const { id: detained } = await call<{ id: number }>('cases.create', { ...SNELRECHT, parketnummer: '19/300778-26' });
    const cleared = await handle('cases.updateEvents', { caseId: detained, changes: { arrestedAt: null }, reason: 'Fout.', expectedVersion: await caseVersion(detained) });
    expect(cleared).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('niet worden leeggemaakt') } });
  });

  it('completes a sepot, releases a filler case to planning, and clears the filler kind when a summons changes the modality', async () => {
    const { call, caseVersion } = await setup();
    const { id: sepot } = await call<{ id: number }>('cases.create', INTAKE);
    expect(await call<CaseDetail>('zsm.decide', { caseId: sepot, outcome: 'sepot', otherRoute: null, prosecutorName: 'mr. X', reason: 'Geen bewijs.', expectedVersion: await caseVersion(sepot) })).toMatchObject({ status: 'completed' });

    const filler = { ...INTAKE, parketnummer: '19/300779-26', modality: 'filler', fillerKind: 'verzet', arrestedAt: null, custodyOrderedAt: null, shortTermConsent: false };
    const { id: f1 } = await call<{ id: number }>('cases.create', filler);
    expect(await call<CaseDetail>('cases.releaseToPlanning', { caseId: f1, reason: 'Voorraadzaak voor opvulling.', expectedVersion: await caseVersion(f1) })).toMatchObject({ status: 'awaiting_planning', modality: 'filler', fillerKind: 'verzet' });
    const { id: f2 } = await call<{ id: number }>('cases.create', { ...filler, parketnummer: '19/300780-26' });
    expect(await call<CaseDetail>('zsm.decide', { caseId: f2, outcome: 'summons_snelrecht_nd', otherRoute: null, prosecutorName: 'mr. X', reason: 'Dagvaarding.', expectedVersion: await caseVersion(f2) })).toMatchObject({ modality: 'snelrecht_nd', fillerKind: null });
  });

  it('lists intake cases (awaiting their ZSM decision) by their limit, and finds a case by parketnummer', async () => {
    const { call, handle } = await setup();
    const { id } = await call<{ id: number }>('cases.create', SNELRECHT);
    const intake = await call<WorkQueuePage>('queue.list', { stage: 'intake', offset: 0, limit: 10 });
    expect(intake.rows.map((r) => [r.id, r.nextLimitKind])).toEqual([[id, 'voorgeleiding']]);
    expect(await call('cases.find', { parketnummer: ' 19/300777-26 ' })).toEqual({ id });
    expect(await handle('cases.find', { parketnummer: '19/999999-26' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('district settings', () => {
  type Overview = { version: number; values: Record<string, unknown>; equivalentDaysByYear: Record<string, string[]>; deadlines: { key: string; confirmed: boolean; verify: boolean }[] };

  it('changing a legal setting recomputes every cached limit in the same transaction, audited with old, new and why', async () => {
    const { database, call } = await setup();
    const { id } = await call<{ id: number }>('cases.create', { ...INTAKE, parketnummer: '19/300901-26', modality: 'snelrecht', custodyOrderedAt: null, remandOrderedAt: '2026-04-15T10:00:00+02:00', shortTermConsent: false });
    const hearingBy = async () => (await database.row<{ hearing_by: string }>('select hearing_by from criminal_case where id = ?', [id]))!.hearing_by;
    expect(await hearingBy()).toBe('2026-04-29T08:00:00.000Z'); // bewaring 15 Apr 10:00 + 14 days ends first
    const overview = await call<Overview>('settings.get', {});
    const result = await call<{ recomputedCases: number; overview: Overview }>('settings.update', {
      deadlines: { ...overview.values, snelrechtMaxAfterArrest: { days: 3, hours: 0 } },
      equivalentDaysByYear: overview.equivalentDaysByYear,
      confirmed: ['snelrechtMaxAfterArrest'],
      reason: 'Districtsafspraak vastgesteld in ketenoverleg.',
      expectedVersion: overview.version,
    });
    expect(result.recomputedCases).toBe(1);
    expect(await hearingBy()).toBe('2026-04-17T15:05:00.000Z'); // arrest 14 Apr 17:05 + 3 days now binds
    expect(result.overview.deadlines.find((d) => d.key === 'snelrechtMaxAfterArrest')).toMatchObject({ verify: true, confirmed: true });
    const audit = (await database.row<{ actor: string; reason: string; details: string }>("select actor, reason, details from audit_event where action = 'settings.changed'"))!;
    expect(audit).toMatchObject({ actor: 'coordinator.test', reason: 'Districtsafspraak vastgesteld in ketenoverleg.' });
    expect(JSON.parse(audit.details).deadlines.to.snelrechtMaxAfterArrest).toEqual({ days: 3, hours: 0 });
  });

  it.each([
    ['an equivalent day in another year', { equivalentDaysByYear: { '2026': ['2027-04-03'] } }, 'ligt niet in 2026'],
    ['a target window that ends before it starts', { deadlines: { snelrechtNdTargetMinDays: 30, snelrechtNdTargetMaxDays: 10 } }, 'Begin van de streefperiode ligt na het einde'],
  ])('refuses %s with a Dutch message', async (_label, change, message) => {
    const { call, handle } = await setup();
    const overview = await call<Overview>('settings.get', {});
    const result = await handle('settings.update', {
      deadlines: { ...overview.values, ...((change as { deadlines?: object }).deadlines ?? {}) },
      equivalentDaysByYear: (change as { equivalentDaysByYear?: object }).equivalentDaysByYear ?? overview.equivalentDaysByYear,
      confirmed: [],
      reason: 'Test.',
      expectedVersion: overview.version,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(JSON.stringify(result.error.details)).toContain(message);
  });

  it('reports a setting damaged outside the app instead of silently using the default', async () => {
    const { database } = await setup();
    await database.run(`insert into district_setting (key, value, updated_at, updated_by) values ('deadlines', '{"summonsTermDays": -4}', 'x', 'x')`);
    const onInternalError = (await import('vitest')).vi.fn();
    const result = await database.api({ actor: 'x', today: '2026-04-14', onInternalError })('settings.get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(String(onInternalError.mock.calls[0]?.[1])).toContain("District setting 'deadlines' in the database is invalid");
  });
});
