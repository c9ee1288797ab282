import { afterEach, describe, expect, it } from 'vitest';
import type { OperationName, OperationOutput } from '../../shared/api/contract';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/**
 * No lost updates (issue 10): two people edit the same record from the version they loaded; the second
 * save is refused with CONFLICT naming who changed it and when, and changes nothing.
 */
const tempDir = useTempDir();
// 15 June 2026 10:00 in Amsterdam (the small demo's moment): the moment every audit row below carries.
const NOW = '2026-06-15T10:00:00+02:00';
const WHEN = '15-6-2026 om 10:00';
const DEMO = { seed: 7, casesPerYear: 700, asOf: '2026-06-15' };

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

async function setup() {
  const database = await openTestDistrict(tempDir(), DEMO);
  district = database;
  let actor = 'griffie.anna';
  const handle = database.api({ now: NOW, actor: () => actor, onInternalError: (op, error) => console.error('INTERNAL', op, error) });
  const as = (who: string) => {
    actor = who;
  };
  const call = async <K extends OperationName>(op: K, input: unknown): Promise<OperationOutput<K>> => {
    const result = await handle(op, input);
    if (!result.ok) throw Object.assign(new Error(`${result.error.code}: ${result.error.message}`), { body: result.error });
    return result.value as OperationOutput<K>;
  };
  const refused = async (op: OperationName, input: unknown) => {
    const result = await handle(op, input);
    if (result.ok) throw new Error(`${op} was not refused`);
    return result.error;
  };
  return { database, handle, call, refused, as };
}

const first = async <T>(database: TestDistrict, sql: string, ...params: unknown[]): Promise<T> => {
  const row = await database.row<T>(sql, params);
  if (row === undefined) throw new Error(`no row for ${sql}`);
  return row;
};

describe('record versions: a stale edit is refused, never silently applied', () => {
  it('a case: the second tab is refused with who and when, the first tab’s change stays; after reloading it saves', async () => {
    const { database, call, refused, as } = await setup();
    const { id } = await first<{ id: number }>(database, "select id from criminal_case where status = 'awaiting_planning' order by id limit 1");
    const loaded = await call('cases.get', { id });

    as('griffie.anna');
    const saved = await call('cases.updateEvents', { caseId: id, changes: { estimatedMinutes: 25 }, reason: 'Tolk nodig, langer.', expectedVersion: loaded.version });
    expect(saved.version).toBeGreaterThan(loaded.version);

    as('griffie.bert');
    const error = await refused('cases.updateEvents', { caseId: id, changes: { estimatedMinutes: 40 }, reason: 'Twee getuigen.', expectedVersion: loaded.version });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('Deze zaak is intussen gewijzigd door griffie.anna');
    expect(error.message).toContain(WHEN);
    expect(error.message).toContain('tijdstippen gecorrigeerd');
    expect(await call('cases.get', { id })).toEqual(saved);

    // Every other edit of the case checks the same version.
    for (const [op, input] of [
      ['zsm.decide', { caseId: id, outcome: 'sepot', otherRoute: null, prosecutorName: 'mr. X', reason: 'Geen bewijs.' }],
      ['cases.setPrecondition', { caseId: id, kind: 'dossier', status: 'pending', expectedOn: '2026-06-30', note: null }],
      ['cases.removePrecondition', { caseId: id, kind: 'dossier' }],
      ['cases.releaseToPlanning', { caseId: id, reason: 'Buiten ZSM gedagvaard.' }],
      ['planner.place', { caseId: id, sessionId: null, pin: false, reason: 'Afspraak met de advocaat.', confirmBreach: false }],
    ] as const) {
      expect((await refused(op, { ...input, expectedVersion: loaded.version })).code, op).toBe('CONFLICT');
    }
    expect(await call('cases.get', { id })).toEqual(saved);

    // Reloaded: the edit applies on the new version.
    const again = await call('cases.updateEvents', { caseId: id, changes: { estimatedMinutes: 40 }, reason: 'Twee getuigen.', expectedVersion: saved.version });
    expect(again.estimatedMinutes).toBe(40);
  });

  it('a case placed by someone else (a write that is not an edit of its fields) is a newer version too', async () => {
    const { database, call, refused, as } = await setup();
    const { id } = await first<{ id: number }>(
      database,
      "select c.id from criminal_case c where c.status = 'awaiting_planning' and c.planning_gaps = '' and not exists (select 1 from hearing h where h.case_id = c.id and h.status = 'planned') order by c.id limit 1",
    );
    const loaded = await call('cases.get', { id });
    const [candidate] = await call('planner.candidates', { caseId: id, from: '2026-06-16', to: '2026-07-31' });
    expect(candidate).toBeDefined();
    as('planner.piet');
    const placed = await call('planner.place', { caseId: id, sessionId: candidate!.sessionId, pin: false, reason: 'Zitting met tolk.', confirmBreach: true, expectedVersion: loaded.version });
    expect(placed.detail.version).toBeGreaterThan(loaded.version);

    as('griffie.bert');
    const error = await refused('cases.setPrecondition', { caseId: id, kind: 'interpreter', status: 'pending', expectedOn: null, note: null, expectedVersion: loaded.version });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/gewijzigd door planner\.piet op 15-6-2026 om 10:00 \((zitting gepland|status gewijzigd)\)/);
    expect((await call('cases.get', { id })).preconditions.some((p) => p.kind === 'interpreter')).toBe(false);
  });

  it('a session, a session template and a person', async () => {
    const { call, refused, as } = await setup();
    const overview = await call('capacity.overview', { sessionsFrom: '2026-06-22' });
    const session = overview.sessions.find((s) => s.status === 'scheduled')!;
    const update = {
      sessionId: session.id,
      capacitySlots: session.capacitySlots + 1,
      capacityMinutes: session.capacityMinutes,
      overbookingSlots: session.overbookingSlots,
      acceptedModalities: session.acceptedModalities,
      acceptedFillerKinds: session.acceptedFillerKinds,
      reason: 'Extra plaats.',
    };
    as('planner.piet');
    await call('sessions.update', { ...update, expectedVersion: session.version });
    as('griffie.bert');
    const sessionError = await refused('sessions.update', { ...update, capacitySlots: session.capacitySlots + 2, expectedVersion: session.version });
    expect(sessionError).toMatchObject({ code: 'CONFLICT' });
    expect(sessionError.message).toContain(`Deze zitting is intussen gewijzigd door planner.piet op ${WHEN} (zitting gewijzigd)`);
    expect((await refused('sessions.cancel', { sessionId: session.id, reason: 'Rechter ziek', confirm: true, expectedVersion: session.version })).code).toBe('CONFLICT');
    expect((await refused('sessions.assign', { sessionId: session.id, role: 'judge', personId: null, expectedVersion: session.version })).code).toBe('CONFLICT');
    const after = (await call('capacity.overview', { sessionsFrom: '2026-06-22' })).sessions.find((s) => s.id === session.id)!;
    expect(after).toMatchObject({ status: 'scheduled', capacitySlots: session.capacitySlots + 1 });

    const template = overview.templates.find((t) => t.active)!;
    const { version, active: _active, ...fields } = template;
    as('planner.piet');
    const savedTemplate = await call('capacity.saveTemplate', { ...fields, name: `${fields.name} (aangepast)`, expectedVersion: version });
    expect(savedTemplate.version).toBeGreaterThan(version);
    as('griffie.bert');
    const templateError = await refused('capacity.saveTemplate', { ...fields, capacitySlots: fields.capacitySlots + 3, expectedVersion: version });
    expect(templateError.code).toBe('CONFLICT');
    expect(templateError.message).toContain(`Dit zittingspatroon is intussen gewijzigd door planner.piet op ${WHEN} (patroon gewijzigd)`);
    expect((await refused('capacity.deactivateTemplate', { templateId: template.id, reason: 'Stopt', expectedVersion: version })).code).toBe('CONFLICT');
    expect((await call('capacity.overview', { sessionsFrom: '2026-06-22' })).templates.find((t) => t.id === template.id)).toEqual(savedTemplate);

    const person = (await call('people.list', {})).persons.find((p) => p.active)!;
    as('planner.piet');
    await call('people.save', { id: person.id, name: `${person.name} Jr.`, role: person.role, expectedVersion: person.version });
    as('griffie.bert');
    const personError = await refused('people.save', { id: person.id, name: `${person.name} Sr.`, role: person.role, expectedVersion: person.version });
    expect(personError.message).toContain(`Deze persoon is intussen gewijzigd door planner.piet op ${WHEN} (persoon gewijzigd)`);
    expect((await refused('people.deactivate', { id: person.id, expectedVersion: person.version })).code).toBe('CONFLICT');
    expect((await call('people.list', {})).persons.find((p) => p.id === person.id)).toMatchObject({ name: `${person.name} Jr.`, active: true });
  });

  it('a reservation released in another tab is not released twice', async () => {
    const { call, refused, as } = await setup();
    const week = await call('reservations.list', { from: '2026-06-22', to: '2026-07-31' });
    const target = week.sessions.find((s) => s.reservableModalities.length > 0 && s.free > 0)!;
    const { id } = await call('reservations.reserve', { sessionId: target.sessionId, modality: target.reservableModalities[0], slots: 1 });
    const loaded = (await call('reservations.list', { from: '2026-06-22', to: '2026-07-31' })).sessions.flatMap((s) => s.reservations).find((r) => r.id === id)!;
    as('om.olga');
    await call('reservations.release', { reservationId: id, reason: 'Niet nodig.', expectedVersion: loaded.version });
    as('om.otto');
    const error = await refused('reservations.release', { reservationId: id, reason: 'Ook niet nodig.', expectedVersion: loaded.version });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(`Deze reservering is intussen gewijzigd door om.olga op ${WHEN} (reservering vrijgegeven)`);
    const after = (await call('reservations.list', { from: '2026-06-22', to: '2026-07-31' })).sessions.flatMap((s) => s.reservations).find((r) => r.id === id)!;
    expect(after).toMatchObject({ status: 'released', releasedBy: 'om.olga' });
  });

  it('a decision, its hand-off and a correction of a hearing outcome', async () => {
    const { database, call, refused, as } = await setup();
    // A decided case with its decision and a waiting hand-off, as the outcome registration leaves it.
    const { id: caseId } = await first<{ id: number }>(database, "select id from criminal_case where status = 'heard' order by id limit 1");
    await database.run("update criminal_case set status = 'decided', judgment_at = '2026-06-10T10:00:00+02:00' where id = ?", [caseId]);
    const { id: decisionId } = await first<{ id: number }>(
      database,
      `insert into decision (case_id, kind, decided_at, decided_by, suspect_present, remedy, recorded_by, recorded_at)
       values (?, 'judgment', '2026-06-10T10:00:00+02:00', 'mr. A. de Vries', true, 'none', 'griffier.test', '2026-06-10T10:00:00+02:00') returning id`,
      caseId,
    );
    await database.run("insert into sanction (decision_id, kind, amount_cents, substitute_detention_days) values (?, 'fine', 45000, 9)", [decisionId]);
    await database.run("insert into cjib_handoff (decision_id, correlation_id, status, attempt) values (?, 'c-0001', 'waiting', 0)", [decisionId]);
    const [decision] = await call('decisions.forCase', { caseId });
    const signals = { fitForCommunityService: 'no', fitForDetention: 'unknown', paymentArrangement: 'unknown', problematicDebts: 'unknown', note: 'Reclassering' };
    as('griffie.anna');
    const updated = await call('decisions.updateSignals', { decisionId: decision!.id, ...signals, expectedVersion: decision!.version });
    expect(updated.version).toBeGreaterThan(decision!.version);
    as('griffie.bert');
    const error = await refused('decisions.updateSignals', { decisionId: decision!.id, ...signals, fitForDetention: 'yes', expectedVersion: decision!.version });
    expect(error.message).toContain(`Deze beslissing is intussen gewijzigd door griffie.anna op ${WHEN} (executiesignalen bijgewerkt)`);
    expect((await refused('decisions.markSigned', { decisionId: decision!.id, signedAt: '2026-06-15T09:00:00+02:00', expectedVersion: decision!.version })).code).toBe('CONFLICT');
    expect((await call('decisions.forCase', { caseId }))[0]).toEqual(updated);

    // A hand-off CJIB changed (simulated import of a return): marking it reworked from the old screen is refused.
    const handoff = (await call('cjib.queue', {})).items.find((i) => i.decisionId === decision!.id)!;
    await database.run('update cjib_handoff set return_count = return_count + 1 where id = ?', [handoff.handoffId]);
    await database.run("insert into audit_event (occurred_at, actor, action, entity_type, entity_id) values ('2026-06-15T07:30:00.000Z', 'cjib-import', 'cjib.returned', 'cjib_handoff', ?)", [handoff.handoffId]);
    const handoffError = await refused('cjib.markReworked', { handoffId: handoff.handoffId, reason: 'Bedrag gecorrigeerd', expectedVersion: handoff.version });
    expect(handoffError.code).toBe('CONFLICT');
    expect(handoffError.message).toContain('Deze overdracht aan het CJIB is intussen gewijzigd door cjib-import op 15-6-2026 om 09:30 (teruggestuurd door het CJIB)');

    // outcomes.correct is an edit of the case the hearing belongs to.
    const held = await first<{ hearingId: number; caseId: number }>(database, `select h.id as "hearingId", h.case_id as "caseId" from hearing h where h.status = 'held' order by h.id limit 1`);
    const before = await call('cases.get', { id: held.caseId });
    await database.run('update criminal_case set offence_summary = offence_summary || ? where id = ?', [' (aangevuld)', held.caseId]);
    const correction = await refused('outcomes.correct', {
      reason: 'Verkeerd genoteerd',
      record: { hearingId: held.hearingId, outcome: 'not_appeared', reason: 'Niet verschenen' },
      expectedVersion: before.version,
    });
    expect(correction.code).toBe('CONFLICT');
    expect((await first<{ n: number }>(database, `select count(*) as "n" from audit_event where action = 'outcome.corrected'`)).n).toBe(0);
  });

  it('the district settings', async () => {
    const { call, refused, as } = await setup();
    const loaded = await call('settings.get', {});
    const update = { deadlines: loaded.values, equivalentDaysByYear: loaded.equivalentDaysByYear, confirmed: ['snelrechtMaxAfterArrest'], reason: 'Afspraak ketenoverleg.' };
    as('beheer.bea');
    const saved = await call('settings.update', { ...update, expectedVersion: loaded.version });
    expect(saved.overview.version).toBeGreaterThan(loaded.version);
    as('beheer.bob');
    const error = await refused('settings.update', { ...update, confirmed: ['summonsTermDays'], expectedVersion: loaded.version });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(`De instellingen zijn intussen gewijzigd door beheer.bea op ${WHEN} (instellingen gewijzigd)`);
    expect(await call('settings.get', {})).toEqual(saved.overview);
    // Saved again from the new version: applies.
    const again = await call('settings.update', { ...update, confirmed: ['summonsTermDays'], expectedVersion: saved.overview.version });
    expect(again.overview.deadlines.find((d) => d.key === 'summonsTermDays')?.confirmed).toBe(true);
  });

  it('edits without a version are refused as invalid input (the version is required)', async () => {
    const { database, handle } = await setup();
    const { id } = await first<{ id: number }>(database, 'select id from criminal_case order by id limit 1');
    const result = await handle('cases.updateEvents', { caseId: id, changes: { estimatedMinutes: 25 }, reason: 'Langer.' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
  });
});
