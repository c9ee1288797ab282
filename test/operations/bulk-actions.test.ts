import { afterEach, describe, expect, it } from 'vitest';
import type { OperationName, OperationOutput } from '../../shared/api/contract';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/**
 * Bulk actions (issue 15 item 2): one ZSM decision, one move, one unplan, one release for many records,
 * each record checked by the single operation's rules in its own savepoint; one refusal never stops
 * the others, and the answer names which record was refused and why.
 */
const tempDir = useTempDir();
// 15 June 2026 10:00 in Amsterdam: the small demo's moment.
const NOW = '2026-06-15T10:00:00+02:00';
const DEMO = { seed: 7, casesPerYear: 700, asOf: '2026-06-15' };

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

async function setup() {
  const database = await openTestDistrict(tempDir(), DEMO);
  district = database;
  const handle = database.api({ actor: 'ovj.bulk', now: NOW, onInternalError: (op, error) => console.error('INTERNAL', op, error) });
  const call = async <K extends OperationName>(op: K, input: unknown, requestId?: string): Promise<OperationOutput<K>> => {
    const result = await handle(op, input, { requestId: requestId ?? null });
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as OperationOutput<K>;
  };
  const refused = async (op: OperationName, input: unknown) => {
    const result = await handle(op, input);
    if (result.ok) throw new Error(`${op} was not refused`);
    return result.error;
  };
  const rows = async <T>(sql: string, ...params: unknown[]) => await database.rows<T>(sql, params);
  const version = async (table: string, id: number) => (await database.row<{ version: number }>(`select version from ${table} where id = ?`, [id]))!.version;
  const count = async (sql: string, ...params: unknown[]) => (await database.row<{ n: number }>(sql, params))!.n;
  /** Audit rows of `action` whose details name the case (details is JSON text on both engines). */
  const auditsOfCase = async (action: string, caseId: number) =>
    (await database.rows<{ details: string }>('select details from audit_event where action = ?', [action])).filter((r) => (JSON.parse(r.details) as { caseId?: number }).caseId === caseId).length;
  /** New cases awaiting their ZSM decision (the small demo has none left at its 'now'). */
  const intakeCases = async (n: number, prefix: number) => {
    const created: { id: number; parketnummer: string }[] = [];
    for (let i = 0; i < n; i++) {
      const parketnummer = `19/${prefix + i}-26`;
      const { id } = await call('cases.create', { ...INTAKE, parketnummer });
      created.push({ id, parketnummer });
    }
    return created;
  };
  return { database, call, refused, rows, version, count, auditsOfCase, intakeCases };
}

const INTAKE = {
  suspect: { fullName: 'K. Bakker', dateOfBirth: '1991-02-03', summonsAddress: 'Postbus 1, Hanzestad', lawyerName: null },
  modality: 'zsm',
  policeUnit: 'Basisteam Noord',
  offenceSummary: 'Winkeldiefstal',
  offenceAt: '2026-06-14T16:40:00+02:00',
  arrestedAt: '2026-06-14T17:05:00+02:00',
  custodyOrderedAt: null,
  shortTermConsent: true,
};

const DECISION = { outcome: 'sepot', otherRoute: null, prosecutorName: 'mr. De Vries', reason: 'Onvoldoende bewijs.' } as const;

describe('zsm.decideMany', () => {
  it('records the decision for every case it may, refuses a stale one and one in the wrong stage with the reason, each with its own audit rows', async () => {
    const { call, rows, version, count, intakeCases } = await setup();
    const intake = await intakeCases(4, 400001);
    const planning = (await rows<{ id: number; parketnummer: string }>("select id, parketnummer from criminal_case where status = 'awaiting_planning' order by id limit 1"))[0]!;
    expect(intake).toHaveLength(4);
    const items = await Promise.all([...intake, planning].map(async (c) => ({ caseId: c.id, expectedVersion: await version('criminal_case', c.id) })));
    // Someone else changes the second case after the list was shown.
    await call('cases.updateEvents', { caseId: intake[1]!.id, changes: { estimatedMinutes: 25 }, reason: 'Tolk nodig.', expectedVersion: items[1]!.expectedVersion });
    const auditsBefore = await count("select count(*) as n from audit_event where action = 'zsm.decided'");

    const answer = await call('zsm.decideMany', { items, ...DECISION }, 'bulk-zsm-0001');

    expect(answer.results.map((r) => [r.parketnummer, r.ok])).toEqual([
      [intake[0]!.parketnummer, true],
      [intake[1]!.parketnummer, false],
      [intake[2]!.parketnummer, true],
      [intake[3]!.parketnummer, true],
      [planning.parketnummer, false],
    ]);
    expect(answer.results[1]!.message).toMatch(/^Deze zaak is intussen gewijzigd door ovj.bulk op 15-6-2026 om 10:00 \(tijdstippen gecorrigeerd\)/);
    expect(answer.results[4]!.message).toMatch(/^Een zaak met status '.+' kan niet naar '.+'\./);
    // Its decision row was written before the stage was refused: rolled back to the item's savepoint.
    expect(answer.results.filter((r) => r.ok).every((r) => r.message === undefined)).toBe(true);

    // Applied ones are completed (sepot), each with its own audit row; the refused ones are untouched.
    for (const i of [0, 2, 3]) {
      expect((await rows<{ status: string }>('select status from criminal_case where id = ?', intake[i]!.id))[0]!.status).toBe('completed');
      expect(await count("select count(*) as n from audit_event where action = 'zsm.decided' and entity_type = 'case' and entity_id = ?", intake[i]!.id)).toBe(1);
      expect((await rows<{ actor: string; reason: string }>("select actor, reason from audit_event where action = 'zsm.decided' and entity_id = ?", intake[i]!.id))[0]).toEqual({ actor: 'ovj.bulk', reason: 'Onvoldoende bewijs.' });
    }
    expect((await rows<{ status: string }>('select status from criminal_case where id = ?', intake[1]!.id))[0]!.status).toBe('intake');
    expect(await count("select count(*) as n from zsm_decision where case_id in (?, ?) and recorded_by = 'ovj.bulk'", intake[1]!.id, planning.id)).toBe(0);
    expect(await count("select count(*) as n from audit_event where action = 'zsm.decided'")).toBe(auditsBefore + 3);

    // The same request again (a lost answer, a double click): the first answer, nothing recorded twice.
    expect(await call('zsm.decideMany', { items, ...DECISION }, 'bulk-zsm-0001')).toEqual(answer);
    expect(await count("select count(*) as n from audit_event where action = 'zsm.decided'")).toBe(auditsBefore + 3);
  });

  it('refuses more than 200 cases, none at all, a case twice and a missing reason in Dutch, changing nothing', async () => {
    const { count, refused } = await setup();
    const many = Array.from({ length: 201 }, (_, i) => ({ caseId: i + 1, expectedVersion: 1 }));
    const tooMany = await refused('zsm.decideMany', { items: many, ...DECISION });
    expect(tooMany.code).toBe('INVALID_INPUT');
    expect(JSON.stringify(tooMany)).toContain('Kies hoogstens 200 zaken tegelijk');
    expect(JSON.stringify(await refused('zsm.decideMany', { items: [], ...DECISION }))).toContain('Kies minstens één zaak');
    expect(JSON.stringify(await refused('zsm.decideMany', { items: [{ caseId: 1, expectedVersion: 1 }, { caseId: 1, expectedVersion: 1 }], ...DECISION }))).toContain(
      'Elke zaak mag maar één keer in de selectie staan',
    );
    expect(JSON.stringify(await refused('zsm.decideMany', { items: [{ caseId: 1, expectedVersion: 1 }], ...DECISION, reason: '' }))).toContain('Vul de reden van de beslissing in');
    expect(JSON.stringify(await refused('zsm.decideMany', { items: [{ caseId: 1, expectedVersion: 1 }], ...DECISION, outcome: 'other_route' }))).toContain('Kies de andere afdoening');
    expect(await count("select count(*) as n from audit_event where actor = 'ovj.bulk'")).toBe(0);
  });

  it('a missing case is reported by number, the others are recorded', async () => {
    const { call, version, intakeCases } = await setup();
    const c = (await intakeCases(1, 400101))[0]!;
    const answer = await call('zsm.decideMany', { items: [{ caseId: 999_999, expectedVersion: 1 }, { caseId: c.id, expectedVersion: await version('criminal_case', c.id) }], ...DECISION });
    expect(answer.results).toEqual([
      { caseId: 999_999, parketnummer: null, ok: false, message: 'Zaak 999999 bestaat niet.' },
      expect.objectContaining({ caseId: c.id, ok: true }),
    ]);
  });
});

describe('planner.moveMany and planner.unplanMany', () => {
  it('places cases on one session until it is full, refuses the rest and a stale one per case; unplans the planned ones only', async () => {
    const { database, call, rows, version, count, auditsOfCase, intakeCases } = await setup();
    // Four new cases summoned to snelrecht (niet-gedetineerd) in one go, then a session that takes them without breaching anything.
    const created = await intakeCases(4, 400201);
    const summoned = await call('zsm.decideMany', {
      items: (await Promise.all(created.map(async (c) => ({ caseId: c.id, expectedVersion: await version('criminal_case', c.id) })))),
      ...DECISION,
      outcome: 'summons_snelrecht_nd',
    });
    expect(summoned.results.every((r) => r.ok)).toBe(true);
    let cases = created;
    const candidates = await call('planner.candidates', { caseId: cases[0]!.id, from: '2026-06-16', to: '2026-07-31' });
    const fit = candidates.find((s) => s.breaches.length === 0 && s.free >= 2);
    if (!fit) throw new Error(`no fitting session: ${JSON.stringify(candidates.map((s) => s.breaches))}`);
    const target = { sessionId: fit.sessionId, free: fit.free };
    cases = cases.slice(0, 4);
    // Leave exactly two free places on the session.
    await database.run('update court_session set capacity_slots = capacity_slots - ? where id = ?', [target.free - 2, target.sessionId]);

    const items = (await Promise.all(cases.map(async (c) => ({ caseId: c.id, expectedVersion: await version('criminal_case', c.id) }))));
    items[0] = { ...items[0]!, expectedVersion: items[0]!.expectedVersion + 5 };
    const moved = await call('planner.moveMany', { items, sessionId: target.sessionId, pin: false, reason: 'Samen op één zitting.' });
    expect(moved.results.map((r) => r.ok)).toEqual([false, true, true, false]);
    expect(moved.results[0]!.message).toMatch(/intussen .*gewijzigd/);
    expect(moved.results[3]!.message).toMatch(/^Niet geplaatst: De zitting is vol .* Plaats deze zaak zo nodig apart, met uitdrukkelijke bevestiging, op de zaakpagina \(Handmatig op een zitting plaatsen\)\.$/);
    for (const c of cases.slice(1, 3)) {
      expect(await count("select count(*) as n from hearing where case_id = ? and session_id = ? and status = 'planned'", c.id, target.sessionId)).toBe(1);
      expect(await auditsOfCase('hearing.planned', c.id)).toBe(1);
    }
    expect(await count("select count(*) as n from hearing where case_id in (?, ?) and status = 'planned'", cases[0]!.id, cases[3]!.id)).toBe(0);

    // A session that has started refuses every case, with the reason.
    const past = (await rows<{ id: number }>("select id from court_session where status = 'scheduled' and date < '2026-06-15' order by date desc limit 1"))[0]!;
    const late = await call('planner.moveMany', { items: [{ caseId: cases[3]!.id, expectedVersion: await version('criminal_case', cases[3]!.id) }], sessionId: past.id, pin: false, reason: 'Te laat.' });
    expect(late.results[0]).toMatchObject({ ok: false, message: expect.stringMatching(/al begonnen of voorbij/) });

    // Unplan: the two planned cases go back to the queue; one that is not planned is refused for itself.
    const unplan = (await Promise.all([cases[1]!, cases[2]!, cases[3]!].map(async (c) => ({ caseId: c.id, expectedVersion: await version('criminal_case', c.id) }))));
    const out = await call('planner.unplanMany', { items: unplan, reason: 'Zitting gaat niet door.' });
    expect(out.results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(out.results[2]!.message).toBe('Deze zaak staat niet op een zitting: er is niets uit de planning te halen.');
    for (const c of cases.slice(1, 3)) {
      expect((await rows<{ status: string }>('select status from criminal_case where id = ?', c.id))[0]!.status).toBe('awaiting_planning');
      expect(await auditsOfCase('hearing.unplanned', c.id)).toBe(1);
    }
  });
});

describe('reservations.releaseMany', () => {
  it('releases each reservation it may and names the one refused', async () => {
    const { call, rows, version } = await setup();
    const sessions = (await rows<{ id: number }>(
      `select s.id from court_session s where s.status = 'scheduled' and s.session_type = 'snelrecht_nd' and s.date >= '2026-06-22'
       and s.capacity_slots - (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned','held')) >= 2 order by s.date, s.id limit 2`,
    ));
    expect(sessions).toHaveLength(2);
    const a = await call('reservations.reserve', { sessionId: sessions[0]!.id, modality: 'snelrecht_nd', slots: 1 });
    const b = await call('reservations.reserve', { sessionId: sessions[1]!.id, modality: 'snelrecht_nd', slots: 1 });
    await call('reservations.release', { reservationId: b.id, reason: 'Al eerder vrijgegeven.', expectedVersion: await version('reservation', b.id) });
    const answer = await call('reservations.releaseMany', {
      items: (await Promise.all([a, b].map(async (r) => ({ reservationId: r.id, expectedVersion: await version('reservation', r.id) })))),
      reason: 'Geen aanbod deze week.',
    });
    expect(answer.results).toEqual([
      { reservationId: a.id, ok: true, releasedSlots: 1 },
      { reservationId: b.id, ok: false, message: 'Deze reservering is al vrijgegeven.' },
    ]);
    expect(await rows("select reason from audit_event where action = 'reservation.released' and entity_id = ?", a.id)).toEqual([{ reason: 'Geen aanbod deze week.' }]);
  });
});
