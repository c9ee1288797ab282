import { afterEach, describe, expect, it } from 'vitest';
import type { OperationName, OperationOutput } from '../../shared/api/contract';
import type { UndoToken } from '../../shared/api/undo-schemas';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/**
 * Undo (issue 15 item 3): a move, an unplan, a session cancellation and a recorded plan each return an
 * undo token; history.undo performs the reverse with its own audit rows, refuses when anything touched
 * changed since (version), when the session has started or is full (the forward rules), and a double
 * undo is one undo. Both engines, the api handler, a pinned clock (moved on where a test needs it).
 */
const tempDir = useTempDir();
// 15 June 2026 10:00 in Amsterdam: the small demo's moment.
const DEMO_NOW = new Date('2026-06-15T10:00:00+02:00');
const DEMO = { seed: 7, casesPerYear: 700, asOf: '2026-06-15' };

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

async function setup() {
  const database = await openTestDistrict(tempDir(), DEMO);
  district = database;
  let now = DEMO_NOW;
  const handle = database.api({ actor: 'planner.a', now: () => now, onInternalError: (op, error) => console.error('INTERNAL', op, error) });
  const call = async <K extends OperationName>(op: K, input: unknown): Promise<OperationOutput<K>> => {
    const result = await handle(op, input);
    if (!result.ok) throw new Error(`${op}: ${result.error.code}: ${result.error.message}`);
    return result.value as OperationOutput<K>;
  };
  const refused = async (op: OperationName, input: unknown) => {
    const result = await handle(op, input);
    if (result.ok) throw new Error(`${op} was not refused`);
    return result.error;
  };
  const rows = async <T>(sql: string, ...params: unknown[]) => await database.rows<T>(sql, params);
  const one = async <T>(sql: string, ...params: unknown[]) => (await database.row<T>(sql, params)) as T;
  const count = async (sql: string, ...params: unknown[]) => (await one<{ n: number }>(sql, ...params)).n;
  const version = async (table: string, id: number) => (await one<{ version: number }>(`select version from ${table} where id = ?`, id)).version;
  const plannedSession = async (caseId: number) =>
    (await one<{ sessionId: number } | undefined>(`select session_id as "sessionId" from hearing where case_id = ? and status = 'planned'`, caseId))?.sessionId ?? null;
  const status = async (caseId: number) => (await one<{ status: string }>('select status from criminal_case where id = ?', caseId)).status;
  const setNow = (moment: Date) => {
    now = moment;
  };
  return { database, call, refused, rows, one, count, version, plannedSession, status, setNow };
}

type Api = Awaited<ReturnType<typeof setup>>;

/** A planned case on a future session with another session it can move to without breaking a rule. */
async function movableCase(api: Api) {
  const planned = await api.rows<{ caseId: number; sessionId: number }>(
    `select h.case_id as "caseId", h.session_id as "sessionId" from hearing h join court_session s on s.id = h.session_id join criminal_case c on c.id = h.case_id
     where h.status = 'planned' and c.status = 'planned' and s.date >= '2026-06-22' and c.modality != 'zsm' order by s.date, h.id`,
  );
  for (const p of planned) {
    const candidates = await api.call('planner.candidates', { caseId: p.caseId, from: '2026-06-16', to: '2026-07-31' });
    const fit = candidates.find((s) => s.breaches.length === 0 && s.free >= 1);
    if (fit) return { caseId: p.caseId, fromSessionId: p.sessionId, toSessionId: fit.sessionId };
  }
  throw new Error('no movable case in the demo');
}

interface Scenario {
  kind: UndoToken['kind'];
  /** Does the action; returns its token and the cases and session it touched. */
  act: (api: Api) => Promise<{ token: UndoToken; caseIds: number[]; sessionId: number | null; before: Map<number, number | null> }>;
}

const SCENARIOS: Scenario[] = [
  {
    kind: 'move',
    act: async (api) => {
      const m = await movableCase(api);
      const out = await api.call('planner.place', { caseId: m.caseId, sessionId: m.toSessionId, pin: false, reason: 'Advocaat verhinderd.', confirmBreach: false, expectedVersion: await api.version('criminal_case', m.caseId) });
      expect(await api.plannedSession(m.caseId)).toBe(m.toSessionId);
      return { token: out.undo!, caseIds: [m.caseId], sessionId: null, before: new Map([[m.caseId, m.fromSessionId]]) };
    },
  },
  {
    kind: 'unplan',
    act: async (api) => {
      const m = await movableCase(api);
      const out = await api.call('planner.place', { caseId: m.caseId, sessionId: null, pin: false, reason: 'Dossier onvolledig.', confirmBreach: false, expectedVersion: await api.version('criminal_case', m.caseId) });
      expect(await api.status(m.caseId)).toBe('awaiting_planning');
      return { token: out.undo!, caseIds: [m.caseId], sessionId: null, before: new Map([[m.caseId, m.fromSessionId]]) };
    },
  },
  {
    kind: 'cancel',
    act: async (api) => {
      const session = await api.one<{ id: number }>(
        `select s.id from court_session s where s.status = 'scheduled' and s.date >= '2026-06-22' and (select count(*) from hearing h where h.session_id = s.id and h.status = 'planned') >= 2 order by s.date, s.id limit 1`,
      );
      const caseIds = (await api.rows<{ caseId: number }>(`select case_id as "caseId" from hearing where session_id = ? and status = 'planned' order by case_id`, session.id)).map((r) => r.caseId);
      const out = await api.call('sessions.cancel', { sessionId: session.id, reason: 'Rechter ziek.', confirm: true, expectedVersion: await api.version('court_session', session.id) });
      expect((await Promise.all(caseIds.map(api.status))).every((s) => s === 'awaiting_planning')).toBe(true);
      return { token: out.undo!, caseIds, sessionId: session.id, before: new Map(caseIds.map((id) => [id, session.id])) };
    },
  },
  {
    kind: 'plan',
    act: async (api) => {
      const out = await api.call('planner.run', { from: '2026-06-16', to: '2026-07-31', dryRun: false });
      expect(out.planned.length).toBeGreaterThan(0);
      expect(out.moved).toEqual([]);
      const caseIds = out.planned.map((p) => p.caseId);
      return { token: out.undo!, caseIds, sessionId: null, before: new Map(caseIds.map((id) => [id, null])) };
    },
  },
];

describe.each(SCENARIOS)('history.undo of a $kind', ({ kind, act }) => {
  it('puts everything back, with its own audit row per case linking the original event; a second undo changes nothing', async () => {
    const api = await setup();
    const { token, caseIds, sessionId, before } = await act(api);
    expect(token).toMatchObject({ kind, actionId: expect.any(Number) });

    const result = await api.call('history.undo', { actionId: token.actionId });
    expect(result).toMatchObject({ kind, undone: true });
    expect(result.message).toMatch(/\S/);
    for (const caseId of caseIds) {
      expect(await api.plannedSession(caseId)).toBe(before.get(caseId));
      expect(await api.status(caseId)).toBe(before.get(caseId) === null ? 'awaiting_planning' : 'planned');
    }
    if (sessionId !== null) expect((await api.one<{ status: string }>('select status from court_session where id = ?', sessionId)).status).toBe('scheduled');
    const undoRows = await api.rows<{ entityId: number; reason: string; details: string }>(
      `select entity_id as "entityId", reason, details from audit_event where action = ? and entity_type = 'case' order by entity_id`,
      `undo.${kind}`,
    );
    expect(undoRows.map((r) => r.entityId)).toEqual([...caseIds].sort((a, b) => a - b));
    for (const row of undoRows) {
      expect(row.reason).toMatch(/^Ongedaan gemaakt: .* door planner\.a op \d+-\d+-2026 om \d\d:\d\d/);
      expect(JSON.parse(row.details)).toMatchObject({ undoOf: token.actionId });
    }

    // A double click: the same undo again is answered, and changes nothing.
    const auditCount = await api.count('select count(*) as n from audit_event');
    const again = await api.call('history.undo', { actionId: token.actionId });
    expect(again).toMatchObject({ kind, undone: false });
    expect(await api.count('select count(*) as n from audit_event')).toBe(auditCount);

    // The undo's own rows are not offered for undoing.
    const undoneMove = (await api.rows<{ id: number; details: string }>("select id, details from audit_event where action in ('hearing.moved', 'hearing.unplanned') order by id desc")).find(
      (r) => (JSON.parse(r.details) as { undoOf?: number }).undoOf === token.actionId,
    );
    if (undoneMove) expect((await api.refused('history.undo', { actionId: undoneMove.id })).message).toMatch(/kan niet opnieuw ongedaan worden gemaakt/);
  });

  it('is refused, naming who changed what, when a case it touched changed since', async () => {
    const api = await setup();
    const { token, caseIds } = await act(api);
    const changed = caseIds[caseIds.length - 1]!;
    await api.call('cases.updateEvents', { caseId: changed, changes: { estimatedMinutes: 25 }, reason: 'Tolk nodig.', expectedVersion: await api.version('criminal_case', changed) });
    const auditCount = await api.count('select count(*) as n from audit_event');

    const error = await api.refused('history.undo', { actionId: token.actionId });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/kan niet meer ongedaan worden gemaakt: .*Deze zaak is intussen gewijzigd door planner\.a op 15-6-2026 om \d\d:\d\d \(tijdstippen gecorrigeerd\)\..*Er is niets gewijzigd/);
    expect(await api.count('select count(*) as n from audit_event')).toBe(auditCount);
  });
});

describe('history.undo refusals of the forward rules', () => {
  it('refuses to move a case back once the original session has started', async () => {
    const api = await setup();
    const move = SCENARIOS.find((s) => s.kind === 'move')!;
    const { token, before, caseIds } = await move.act(api);
    const from = await api.one<{ date: string; startTime: string }>(`select date, start_time as "startTime" from court_session where id = ?`, before.get(caseIds[0]!));
    api.setNow(new Date(`${from.date}T${from.startTime}:00+02:00`));
    const error = await api.refused('history.undo', { actionId: token.actionId });
    expect(error.message).toMatch(/al begonnen of voorbij/);
    expect(await api.plannedSession(caseIds[0]!)).not.toBe(before.get(caseIds[0]!));
  });

  it('refuses to reinstate a cancelled session once it has started', async () => {
    const api = await setup();
    const cancel = SCENARIOS.find((s) => s.kind === 'cancel')!;
    const { token, sessionId } = await cancel.act(api);
    const session = await api.one<{ date: string; startTime: string }>(`select date, start_time as "startTime" from court_session where id = ?`, sessionId);
    api.setNow(new Date(`${session.date}T${session.startTime}:00+02:00`));
    expect((await api.refused('history.undo', { actionId: token.actionId })).message).toMatch(/^Het laten vervallen van de zitting kan niet meer ongedaan worden gemaakt: De zitting van .* is al begonnen of voorbij\./);
    expect((await api.one<{ status: string }>('select status from court_session where id = ?', sessionId)).status).toBe('cancelled');
  });

  it('refuses to put an unplanned case back on a session that is full now', async () => {
    const api = await setup();
    const unplan = SCENARIOS.find((s) => s.kind === 'unplan')!;
    const { token, before, caseIds } = await unplan.act(api);
    const sessionId = before.get(caseIds[0]!)!;
    // Others took the freed place meanwhile: the session is full.
    const booked = await api.count("select count(*) as n from hearing where session_id = ? and status = 'planned'", sessionId);
    await api.database.run('update court_session set capacity_slots = ?, overbooking_slots = 0 where id = ?', [booked, sessionId]);
    const error = await api.refused('history.undo', { actionId: token.actionId });
    expect(error.message).toMatch(/De zitting is vol/);
    expect(await api.status(caseIds[0]!)).toBe('awaiting_planning');
  });

  it('offers Ongedaan maken on the newest row of the case history while it can be undone, with the reason once it cannot', async () => {
    const api = await setup();
    const move = SCENARIOS.find((s) => s.kind === 'move')!;
    const { token, caseIds } = await move.act(api);
    const detail = await api.call('cases.get', { id: caseIds[0]! });
    expect(detail.history[0]).toMatchObject({ id: token.actionId, undoActionId: token.actionId, undoable: true, undoBlockedReason: null });
    expect(detail.history.slice(1).every((h) => h.undoable === undefined)).toBe(true);
    // Asking did not change anything (the check runs the undo and rolls it back).
    expect(await api.plannedSession(caseIds[0]!)).not.toBeNull();
    expect(await api.count("select count(*) as n from audit_event where action like 'undo.%'")).toBe(0);

    await api.call('history.undo', { actionId: token.actionId });
    const after = await api.call('cases.get', { id: caseIds[0]! });
    expect(after.history[0]!.action).toBe('undo.move');
    expect(after.history.every((h) => h.undoable !== true)).toBe(true);
  });
});
