import { afterEach, describe, expect, it } from 'vitest';
import type { OperationInput, OperationName, OperationOutput } from '../../shared/api/contract';
import { createCourtCalendar } from '../../shared/calendar/court-calendar';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/** Session templates, generation, closures and single-session changes through the api, on both engines. */
const tempDir = useTempDir();
const TODAY = '2026-06-15';

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

async function setup() {
  const database = await openTestDistrict(tempDir(), { seed: 7, casesPerYear: 700, asOf: TODAY });
  district = database;
  const handle = database.api({ actor: 'coordinator.test', today: () => TODAY, onInternalError: (_op, error) => console.error(error) });
  async function call<K extends OperationName>(operation: K, input: OperationInput<K>): Promise<OperationOutput<K>> {
    const result = await handle(operation, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.details ?? [])}`);
    return result.value as OperationOutput<K>;
  }
  const q = <T>(sql: string, ...params: unknown[]) => database.rows<T>(sql, params);
  const count = async (sql: string, ...params: unknown[]) => (await database.row<{ n: number }>(sql, params))!.n;
  /** A session's current version, as an edit sends it back (`expectedVersion`). */
  const sessionVersion = async (id: number) => (await database.row<{ version: number }>('select version from court_session where id = ?', [id]))!.version;
  return { database, handle, call, q, count, sessionVersion };
}

const template = (courtroomId: number, over: Partial<OperationInput<'capacity.saveTemplate'>> = {}): OperationInput<'capacity.saveTemplate'> => ({
  id: null,
  courtroomId,
  name: 'Extra supersnelrecht vrijdagmiddag',
  weekdays: [5],
  daypart: 'afternoon',
  startTime: '13:30',
  endTime: '17:00',
  sessionType: 'supersnelrecht',
  capacitySlots: 3,
  capacityMinutes: 135,
  overbookingSlots: 1,
  acceptedModalities: ['supersnelrecht'],
  acceptedFillerKinds: [],
  validFrom: TODAY,
  validUntil: null,
  ...over,
});

describe('generating sessions from the templates on a real district file', () => {
  it('proposes on a dry run, writes the same on a real run with one audit row, and creates nothing the second time', async () => {
    const { call, q, count } = await setup();
    const sessionsBefore = (await count('select count(*) as n from court_session'));
    const horizon = { from: TODAY, to: '2027-04-30' };
    const proposal = await call('capacity.generate', { ...horizon, dryRun: true });
    expect(proposal.counts.created).toBeGreaterThan(100);
    expect(proposal.counts.byReason.already_exists).toBeGreaterThan(20); // the demo's six weeks ahead
    expect((await count('select count(*) as n from court_session'))).toBe(sessionsBefore);
    expect((await count("select count(*) as n from audit_event where action = 'sessions.generated'"))).toBe(0);

    const run = await call('capacity.generate', { ...horizon, dryRun: false });
    expect(run.created.map((s) => [s.templateId, s.date])).toEqual(proposal.created.map((s) => [s.templateId, s.date]));
    expect(run.created.every((s) => s.sessionId !== null)).toBe(true);
    expect((await count('select count(*) as n from court_session'))).toBe(sessionsBefore + run.counts.created);
    const audit = (await q<{ actor: string; details: string }>("select actor, details from audit_event where action = 'sessions.generated'"));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('coordinator.test');
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ from: TODAY, to: '2027-04-30', created: run.counts.created, skipped: run.counts.skipped });

    const again = await call('capacity.generate', { ...horizon, dryRun: false });
    expect(again.counts.created).toBe(0);
    expect(again.counts.byReason.already_exists).toBe(run.counts.created + run.counts.byReason.already_exists);
    expect((await count('select count(*) as n from court_session'))).toBe(sessionsBefore + run.counts.created);
  });

  it('never puts a session on a holiday or weekend, and says which holiday it skipped', async () => {
    const { call, q } = await setup();
    const run = await call('capacity.generate', { from: TODAY, to: '2027-04-30', dryRun: false });
    const calendar = createCourtCalendar();
    const dates = (await q<{ date: string }>('select distinct date from court_session where date >= ?', TODAY)).map((r) => r.date);
    expect(dates.filter((d) => !calendar.isCourtDay(d))).toEqual([]);
    const messages = new Set(run.skipped.filter((s) => s.reason === 'non_court_day').map((s) => `${s.date} ${s.message}`));
    // Friday 25 December 2026 (the Monday/Wednesday/Friday supersnelrecht pattern) and Easter Monday 2027.
    expect(messages).toContain('2026-12-25 Geen zittingsdag: Eerste Kerstdag (feestdag)');
    expect(messages).toContain('2027-03-29 Geen zittingsdag: Tweede Paasdag (feestdag)');
    expect(messages).toContain('2027-04-27 Geen zittingsdag: Koningsdag (feestdag)');
  });

  it('respects a closure, and a closure on a day with sessions returns them without removing them', async () => {
    const { call, count } = await setup();
    const overview = await call('capacity.overview', {});
    const location = overview.locations[0]!;
    const busyDay = overview.sessions.find((s) => s.locationName === location.name && s.status === 'scheduled')!;
    const closed = await call('capacity.addClosure', { locationId: location.id, date: busyDay.date, reason: 'Stroomstoring' });
    expect(closed.sessionsOnThatDay.map((s) => s.id)).toContain(busyDay.id);
    expect((await count("select count(*) as n from court_session where id = ? and status = 'scheduled'", busyDay.id))).toBe(1);

    const future = '2026-09-02'; // a Wednesday, beyond the demo's sessions
    await call('capacity.addClosure', { locationId: location.id, date: future, reason: 'Verbouwing' });
    const run = await call('capacity.generate', { from: '2026-08-31', to: '2026-09-04', dryRun: false });
    const roomIds = location.rooms.map((r) => r.id);
    expect(run.created.filter((s) => s.date === future && roomIds.includes(s.courtroomId))).toEqual([]);
    expect(run.created.some((s) => s.date === future)).toBe(true); // the other location still sits
    expect(run.skipped.filter((s) => s.date === future).map((s) => s.message)).toContain('Locatie gesloten: Verbouwing');
    expect((await count("select count(*) as n from audit_event where action = 'closure.added'"))).toBe(2);

    const duplicate = await handleError(call('capacity.addClosure', { locationId: location.id, date: future, reason: 'Nogmaals' }));
    expect(duplicate).toContain('al gesloten (Verbouwing)');

    const closure = (await call('capacity.overview', {})).closures.find((c) => c.date === future)!;
    await call('capacity.removeClosure', { closureId: closure.id });
    const reopened = await call('capacity.generate', { from: future, to: future, dryRun: true });
    expect(reopened.created.some((s) => roomIds.includes(s.courtroomId))).toBe(true);
  });
});

async function handleError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a failure');
}

describe('cancelling a session', () => {
  it('refuses while cases are planned on it unless confirmed, then cancels for good with an audit row', async () => {
    const { call, handle, q, count, sessionVersion } = await setup();
    const [session] = (await q<{ id: number; date: string; n: number }>(
      `select s.id, s.date, count(h.id) as n from court_session s join hearing h on h.session_id = s.id and h.status = 'planned'
       where s.date >= ? and s.status = 'scheduled' group by s.id order by s.date limit 1`,
      TODAY,
    ));
    expect(session).toBeDefined();
    const parketnummers = (await q<{ p: string }>("select c.parketnummer as p from hearing h join criminal_case c on c.id = h.case_id where h.session_id = ? and h.status = 'planned'", session!.id));

    const refused = await handle('sessions.cancel', { sessionId: session!.id, reason: 'Rechter ziek', confirm: false, expectedVersion: (await sessionVersion(session!.id)) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const message = refused.ok ? '' : refused.error.message;
    for (const { p } of parketnummers) expect(message).toContain(p);
    expect(message).toContain('Bevestig');
    expect((await count("select count(*) as n from court_session where id = ? and status = 'scheduled'", session!.id))).toBe(1);

    const missingReason = await handle('sessions.cancel', { sessionId: session!.id, reason: ' ', confirm: true, expectedVersion: (await sessionVersion(session!.id)) });
    expect(missingReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'reason', message: 'Reden van vervallen: vul de reden in (minstens 3 tekens)' }] } });

    const cancelled = await call('sessions.cancel', { sessionId: session!.id, reason: 'Rechter ziek', confirm: true, expectedVersion: (await sessionVersion(session!.id)) });
    expect(cancelled.session).toMatchObject({ status: 'cancelled', cancelReason: 'Rechter ziek' });
    expect(cancelled.plannedCases.map((c) => c.parketnummer).sort()).toEqual(parketnummers.map((r) => r.p).sort());
    const audit = (await q<{ reason: string; details: string }>("select reason, details from audit_event where action = 'session.cancelled' and entity_id = ?", session!.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.reason).toBe('Rechter ziek');
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ confirmed: true });
    // Its cases are not stranded on a session that will not sit: they are back in the planning queue, each audited.
    expect((await count("select count(*) as n from hearing where session_id = ? and status = 'planned'", session!.id))).toBe(0);
    const back = (await q<{ status: string }>(
      `select c.status from criminal_case c where c.parketnummer in (${parketnummers.map(() => '?').join(', ')})`,
      ...parketnummers.map((r) => r.p),
    ));
    expect(back.map((r) => r.status)).toEqual(parketnummers.map(() => 'awaiting_planning'));
    expect((await count("select count(*) as n from audit_event where action = 'hearing.unplanned' and reason = 'Zitting vervallen: Rechter ziek'"))).toBe(parketnummers.length);

    const regenerated = await call('capacity.generate', { from: session!.date, to: session!.date, dryRun: false });
    expect(regenerated.counts.created).toBe(0);
    expect(regenerated.skipped.find((s) => s.reason === 'cancelled')?.message).toBe('Vervallen verklaard (reden: Rechter ziek): een vervallen zitting wordt niet opnieuw aangemaakt');
    expect(await handleError(call('sessions.cancel', { sessionId: session!.id, reason: 'Nogmaals', confirm: true, expectedVersion: cancelled.session.version }))).toContain('is al vervallen');
  });

  it('cancels an empty session without confirmation and refuses one in the past', async () => {
    const { call, q, sessionVersion } = await setup();
    const [empty] = (await q<{ id: number }>(
      "select s.id from court_session s where s.date > ? and s.status = 'scheduled' and not exists (select 1 from hearing h where h.session_id = s.id) order by s.date limit 1",
      TODAY,
    ));
    expect((await call('sessions.cancel', { sessionId: empty!.id, reason: 'Zaal nodig voor megazaak', confirm: false, expectedVersion: (await sessionVersion(empty!.id)) })).plannedCases).toEqual([]);
    const [past] = (await q<{ id: number }>("select id from court_session where date < ? and status = 'scheduled' limit 1", TODAY));
    expect(await handleError(call('sessions.cancel', { sessionId: past!.id, reason: 'Te laat', confirm: true, expectedVersion: (await sessionVersion(past!.id)) }))).toContain('ligt in het verleden');
  });
});

describe('templates, extra sessions and single-session changes', () => {
  it('creates, changes and deactivates a template, each audited, and generation follows it', async () => {
    const { call, q } = await setup();
    const overview = await call('capacity.overview', {});
    const room = overview.locations[1]!.rooms[1]!;
    const created = await call('capacity.saveTemplate', template(room.id));
    expect(created).toMatchObject({ id: expect.any(Number), weekdays: [5], active: true, acceptedFillerKinds: [] });
    const week = await call('capacity.generate', { from: '2026-09-07', to: '2026-09-11', dryRun: true });
    expect(week.created.filter((s) => s.templateId === created.id).map((s) => s.date)).toEqual(['2026-09-11']);

    const updated = await call('capacity.saveTemplate', template(room.id, { id: created.id, expectedVersion: created.version, weekdays: [2, 5], capacitySlots: 4, capacityMinutes: 180 }));
    expect(updated.weekdays).toEqual([2, 5]);
    const changes = JSON.parse((await q<{ details: string }>("select details from audit_event where action = 'template.updated' and entity_id = ?", created.id))[0]!.details);
    expect(changes).toEqual({ changes: { weekdays: { from: [5], to: [2, 5] }, capacitySlots: { from: 3, to: 4 }, capacityMinutes: { from: 135, to: 180 } } });

    await call('capacity.deactivateTemplate', { templateId: created.id, reason: 'Proef afgelopen', expectedVersion: updated.version });
    const after = await call('capacity.generate', { from: '2026-09-07', to: '2026-09-11', dryRun: true });
    expect(after.created.filter((s) => s.templateId === created.id)).toEqual([]);
    expect((await q("select action from audit_event where entity_type = 'session_template' order by id")).map((r) => (r as { action: string }).action)).toEqual([
      'template.created',
      'template.updated',
      'template.deactivated',
    ]);
  });

  it.each([
    ['end before start', { startTime: '13:30', endTime: '12:00' }, 'endTime', 'Eindtijd: 12:00 ligt niet na de begintijd 13:30'],
    ['a time that is not HH:mm', { startTime: '9.00' }, 'startTime', 'Begintijd: vul een tijd in als uu:mm, bijvoorbeeld 09:00'],
    ['no weekdays', { weekdays: [] }, 'weekdays', 'Weekdagen: kies minstens één weekdag'],
    ['a Saturday', { weekdays: [6] }, 'weekdays', 'Weekdagen: zaterdag en zondag zijn geen zittingsdagen'],
    ['negative capacity', { capacitySlots: -1 }, 'capacitySlots', 'Aantal plaatsen: vul een heel getal in van 0 tot en met 200'],
    ['more minutes than the session lasts', { capacityMinutes: 240 }, 'capacityMinutes', 'Zittingsminuten: 240 minuten past niet in een zitting van 210 minuten (begin- tot eindtijd)'],
    ['no modalities', { acceptedModalities: [] }, 'acceptedModalities', 'Modaliteiten: kies minstens één modaliteit die de zitting neemt'],
    ['a modality the type does not take', { acceptedModalities: ['supersnelrecht', 'filler'] }, 'acceptedModalities', "Modaliteiten: een zitting 'Supersnelrecht' neemt geen opvulzaken; kies 'Gemengde zitting' of pas de modaliteiten aan"],
    ['filler kinds without filler', { sessionType: 'mixed', acceptedModalities: ['snelrecht'], acceptedFillerKinds: ['verzet'] }, 'acceptedFillerKinds', 'Soorten opvulzaken: kies die alleen als de zitting opvulzaken neemt'],
    ['an end of validity before its start', { validUntil: '2026-06-01' }, 'validUntil', 'Geldig tot en met: ligt vóór de datum geldig vanaf'],
    ['no name', { name: '  ' }, 'name', 'Naam: vul een naam in voor dit zittingspatroon'],
  ] as const)('refuses a template with %s: INVALID_INPUT naming the field', async (_label, over, path, message) => {
    const { handle, count } = await setup();
    const result = await handle('capacity.saveTemplate', template(1, over as Partial<OperationInput<'capacity.saveTemplate'>>));
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(result.ok ? [] : result.error.details).toContainEqual({ path, message });
    expect((await count("select count(*) as n from audit_event where action like 'template.%'"))).toBe(0);
  });

  it('adds an extra session on a court day, and refuses one on a holiday, a closure or a taken room', async () => {
    const { call, q } = await setup();
    const overview = await call('capacity.overview', {});
    const location = overview.locations[0]!;
    const extra = (date: string, courtroomId = location.rooms[0]!.id, daypart: 'morning' | 'afternoon' = 'morning') =>
      call('sessions.addExtra', {
        courtroomId,
        date,
        daypart,
        startTime: daypart === 'morning' ? '09:00' : '13:30',
        endTime: daypart === 'morning' ? '12:30' : '17:00',
        sessionType: 'snelrecht',
        capacitySlots: 4,
        capacityMinutes: 180,
        overbookingSlots: 0,
        acceptedModalities: ['snelrecht', 'supersnelrecht'],
        acceptedFillerKinds: [],
        reason: 'Piek na evenement',
      });
    const added = await extra('2026-09-01');
    expect(added).toMatchObject({ templateId: null, status: 'scheduled', date: '2026-09-01', booked: 0 });
    expect((await q("select reason from audit_event where action = 'session.added_extra' and entity_id = ?", added.id))).toEqual([{ reason: 'Piek na evenement' }]);

    expect(await handleError(extra('2026-12-25'))).toContain('Geen extra zitting op vrijdag 25 december 2026: Geen zittingsdag: Eerste Kerstdag (feestdag)');
    expect(await handleError(extra('2026-09-01'))).toContain('Zaal al bezet door een extra zitting (ochtend 09:00–12:30)');
    await call('capacity.addClosure', { locationId: location.id, date: '2026-09-03', reason: 'Open dag' });
    expect(await handleError(extra('2026-09-03'))).toContain('Locatie gesloten: Open dag');
    expect(await handleError(extra('2026-06-12'))).toContain('ligt in het verleden');
  });

  it('changes one session\'s capacity with old and new values in the audit, never below what is booked', async () => {
    const { call, q } = await setup();
    const [busy] = (await q<{ id: number; n: number; capacity: number }>(
      `select s.id, count(h.id) as n, s.capacity_slots as capacity from court_session s join hearing h on h.session_id = s.id and h.status = 'planned'
       where s.date >= ? and s.status = 'scheduled' and s.session_type = 'snelrecht_nd' group by s.id having count(h.id) >= 2 order by s.date, s.id limit 1`,
      TODAY,
    ));
    expect(busy).toBeDefined();
    const before = (await call('capacity.overview', { sessionsFrom: TODAY })).sessions.find((s) => s.id === busy!.id)!;
    const change = (over: Partial<OperationInput<'sessions.update'>>) =>
      call('sessions.update', {
        sessionId: busy!.id,
        capacitySlots: before.capacitySlots,
        capacityMinutes: before.capacityMinutes,
        overbookingSlots: before.overbookingSlots,
        acceptedModalities: before.acceptedModalities,
        acceptedFillerKinds: before.acceptedFillerKinds,
        reason: 'Kortere zitting',
        expectedVersion: before.version,
        ...over,
      });
    expect(await handleError(change({ capacitySlots: 1, overbookingSlots: 0 }))).toContain(`er staan al ${busy!.n} zaken op deze zitting`);
    expect(await handleError(change({ acceptedModalities: ['snelrecht_nd', 'filler', 'snelrecht'] }))).toContain("neemt geen snelrecht gedetineerd");

    const after = await change({ capacitySlots: busy!.capacity + 2, overbookingSlots: 2 });
    expect(after).toMatchObject({ capacitySlots: busy!.capacity + 2, overbookingSlots: 2 });
    const details = JSON.parse((await q<{ details: string }>("select details from audit_event where action = 'session.updated' and entity_id = ?", busy!.id))[0]!.details);
    expect(details.changes).toEqual({ capacitySlots: { from: busy!.capacity, to: busy!.capacity + 2 }, overbookingSlots: { from: before.overbookingSlots, to: 2 } });
  });
});
