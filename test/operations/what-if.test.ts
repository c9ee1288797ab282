import { afterEach, describe, expect, it } from 'vitest';
import type { OperationOutput } from '../../shared/api/contract';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/** The what-if mode through the api, on both engines (that it leaves SQLite's file untouched, rowids and all: test/integration/what-if.test.ts). */
const tempDir = useTempDir();
const NOW = new Date('2026-06-15T06:00:00+02:00');
const WINDOW = { from: '2026-06-15', to: '2026-07-26' };
/** The four weeks before today (Monday 18 May to Sunday 14 June). */
const LAST_FOUR_WEEKS = { from: '2026-05-18', to: '2026-06-14' };
/** Tuesday and Thursday mornings in Zaal B (room 5), which the demo uses only on Monday afternoons. */
const SUPERSNEL_IN_ROOM_B = { courtroomId: 5, weekdays: [2, 4], daypart: 'morning', startTime: '09:00', endTime: '12:30', sessionType: 'supersnelrecht', capacitySlots: 4 };

type WhatIf = OperationOutput<'planner.whatIf'>;

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

/** The full-size demo for the measures; a small one where only the refusal matters. */
async function setup(casesPerYear = 2800) {
  const database = await openTestDistrict(tempDir(), { seed: 5, casesPerYear, asOf: '2026-06-15' });
  district = database;
  const handle = database.api({ actor: 'coordinator.test', today: () => '2026-06-15', now: () => NOW, onInternalError: (_op, error) => console.error(error) });
  const whatIf = async (input: unknown) => {
    const result = await handle('planner.whatIf', input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as WhatIf;
  };
  const count = async (sql: string, ...params: unknown[]) => (await database.row<{ n: number }>(sql, params))!.n;
  return { database, handle, whatIf, count };
}

describe('the what-if mode on a real district file', () => {
  it('writes nothing: every table keeps its rows, no audit row is added', async () => {
    const { whatIf } = await setup();
    const d = district!;
    const tables = (
      await d.rows<{ name: string }>(
        d.engine === 'sqlite'
          ? "select name from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite_%'"
          : "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
      )
    ).map((t) => t.name);
    expect(tables).toContain('hearing');
    const snapshot = async () => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, (await d.row<{ n: number }>(`select count(*) as n from "${t}"`))!.n] as const)));
    const hearings = () => d.rows('select id, case_id, session_id, status from hearing order by id');
    const before = await snapshot();
    const hearingsBefore = await hearings();

    await whatIf({ ...WINDOW, replay: LAST_FOUR_WEEKS, addPatterns: [SUPERSNEL_IN_ROOM_B], removeTemplateIds: [3] });

    expect(await snapshot()).toEqual(before);
    expect(await hearings()).toEqual(hearingsBefore);
  });

  it('adding a supersnelrecht pattern adds exactly its generated slots and never lowers deadline compliance', async () => {
    const { whatIf } = await setup();
    const result = await whatIf({ ...WINDOW, replay: LAST_FOUR_WEEKS, addPatterns: [SUPERSNEL_IN_ROOM_B] });
    // Six weeks of Tuesdays and Thursdays, no holiday or closure among them, room B free in the morning.
    expect(result.changes).toMatchObject({ addedSessions: 12, addedSlots: 48, skipped: [], removedSessions: 0, toReplan: [] });
    expect(result.variant.capacity - result.baseline.capacity).toBe(48);
    expect(result.difference.capacity).toBe(48);
    expect(result.variant.sessions - result.baseline.sessions).toBe(12);
    expect(result.variant.cases).toBe(result.baseline.cases);
    expect(result.baseline.hardLimitCases).toBeGreaterThan(0);
    expect(result.variant.deadlineCompliance!).toBeGreaterThanOrEqual(result.baseline.deadlineCompliance!);
    expect(result.variant.infeasible.length).toBeLessThanOrEqual(result.baseline.infeasible.length);
    const supersnel = (s: WhatIf['baseline']) => s.fillBySessionType.find((f) => f.sessionType === 'supersnelrecht')!;
    expect(supersnel(result.variant).capacity - supersnel(result.baseline).capacity).toBe(48);
    // The planner never plans late: every hard-limit case is within its limit or listed as infeasible.
    for (const s of [result.baseline, result.variant]) expect(s.withinHardLimit + s.infeasible.length).toBe(s.hardLimitCases);
  });

  it('does not generate a session that clashes with one in the room, nor on a holiday', async () => {
    const { whatIf } = await setup();
    // Zaal 3 already has the supersnelrecht pattern on Monday, Wednesday and Friday mornings.
    const clash = await whatIf({ ...WINDOW, addPatterns: [{ ...SUPERSNEL_IN_ROOM_B, courtroomId: 3, weekdays: [1] }] });
    expect(clash.changes.addedSessions).toBe(0);
    expect(clash.changes.skipped.length).toBe(6);
    expect(clash.changes.skipped.every((s) => s.reason === 'room_occupied' && s.pattern === 1)).toBe(true);
    expect(clash.difference.capacity).toBe(0);
    const christmas = await whatIf({ from: '2026-12-21', to: '2027-01-03', addPatterns: [{ ...SUPERSNEL_IN_ROOM_B, weekdays: [5] }] });
    // Fridays 25 December and 1 January are holidays.
    expect(christmas.changes).toMatchObject({ addedSessions: 0 });
    expect(christmas.changes.skipped.map((s) => [s.date, s.reason])).toEqual([
      ['2026-12-25', 'non_court_day'],
      ['2027-01-01', 'non_court_day'],
    ]);
  });

  it('removing a template takes its sessions out and lists the booked cases to plan again', async () => {
    const { whatIf, count } = await setup();
    const sessions = (await count("select count(*) as n from court_session where template_id = 3 and status = 'scheduled' and date between ? and ?", WINDOW.from, WINDOW.to));
    const slots = (await count("select coalesce(sum(capacity_slots), 0) as n from court_session where template_id = 3 and status = 'scheduled' and date between ? and ?", WINDOW.from, WINDOW.to));
    const booked = (await count(
      "select count(*) as n from hearing h join court_session s on s.id = h.session_id where s.template_id = 3 and h.status = 'planned' and s.date between ? and ?",
      WINDOW.from,
      WINDOW.to,
    ));
    expect(sessions).toBeGreaterThan(0);
    expect(booked).toBeGreaterThan(0);

    const result = await whatIf({ ...WINDOW, removeTemplateIds: [3] });
    expect(result.changes).toMatchObject({ removedSessions: sessions, removedSlots: slots, addedSessions: 0 });
    expect(result.changes.toReplan).toHaveLength(booked);
    expect(result.difference.capacity).toBe(-slots);
    expect(result.variant.capacity).toBeLessThan(result.baseline.capacity);
    const nd = (s: WhatIf['baseline']) => s.fillBySessionType.find((f) => f.sessionType === 'snelrecht_nd')?.capacity ?? 0;
    expect(nd(result.baseline) - nd(result.variant)).toBe(slots);
    // The booked cases are measured on both sides: pinned in the current plan, planned again in the scenario.
    expect(result.variant.cases).toBe(result.baseline.cases);
    expect(result.baseline.cases).toBe((await whatIf(WINDOW)).baseline.cases + booked);
  });

  it('replaying the last four weeks adds their heard-modality arrivals as new cases', async () => {
    const { whatIf, count } = await setup();
    const arrivals = (await count(
      "select count(*) as n from criminal_case where modality in ('supersnelrecht', 'snelrecht', 'snelrecht_nd', 'filler') and created_at >= ? and created_at < ?",
      '2026-05-17T22:00:00.000Z',
      '2026-06-14T22:00:00.000Z',
    ));
    expect(arrivals).toBeGreaterThan(50);
    const plain = await whatIf(WINDOW);
    const replayed = await whatIf({ ...WINDOW, replay: LAST_FOUR_WEEKS });
    expect(replayed.replay).toEqual({ ...LAST_FOUR_WEEKS, cases: arrivals, shiftDays: 28 });
    expect(replayed.baseline.cases - plain.baseline.cases).toBe(arrivals);
    expect(replayed.variant.cases - plain.variant.cases).toBe(arrivals);
    // Without a capacity change both sides are the same plan.
    expect(replayed.difference).toMatchObject({ cases: 0, planned: 0, capacity: 0, deadlineCompliance: 0 });
    for (const i of replayed.baseline.infeasible.filter((c) => c.replayed)) {
      expect(i.caseId).toBeLessThan(0);
      expect(i.parketnummer).toMatch(/\d/);
      expect(Date.parse(i.latest!)).toBeGreaterThan(NOW.getTime() - 28 * 86_400_000);
    }
  });

  it.each([
    [{ ...WINDOW, to: '2027-01-15' }, 'Tot en met: een scenario beslaat hoogstens 26 weken'],
    [{ from: '2026-06-20', to: '2026-06-19' }, 'Tot en met: ligt vóór de begindatum'],
    [{ ...WINDOW, replay: { from: '2026-01-01', to: '2026-03-31' } }, 'de herhaalperiode is langer dan het scenario'],
    [{ ...WINDOW, addPatterns: [{ ...SUPERSNEL_IN_ROOM_B, weekdays: [6] }] }, 'Zittingspatroon 1 – Weekdagen: zaterdag en zondag zijn geen zittingsdagen'],
    [{ ...WINDOW, addPatterns: [{ ...SUPERSNEL_IN_ROOM_B, startTime: '13:00', endTime: '12:00' }] }, 'Zittingspatroon 1 – Eindtijd: 12:00 ligt niet na de begintijd 13:00'],
    [{ ...WINDOW, addPatterns: [{ ...SUPERSNEL_IN_ROOM_B, capacitySlots: 0 }] }, 'Zittingspatroon 1 – Aantal plaatsen: een zitting zonder plaatsen voegt niets toe'],
    [{ ...WINDOW, removeTemplateIds: [3, 3] }, 'patroon 3 staat er twee keer in'],
  ])('refuses %j in the contract with a Dutch message naming the field', async (input, message) => {
    const { handle } = await setup(300);
    const result = await handle('planner.whatIf', input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.details?.map((d) => d.message).join(' | ')).toContain(message);
    }
  });

  it.each([
    [{ from: '2026-06-14', to: '2026-07-26' }, 'INVALID_INPUT', 'Van: het scenario ligt in de toekomst; begin op of na vandaag (15-06-2026)'],
    [{ ...WINDOW, replay: { from: '2026-06-01', to: '2026-06-15' } }, 'INVALID_INPUT', 'Herhaalperiode tot en met: herhaal een periode in het verleden'],
    [{ ...WINDOW, removeTemplateIds: [999] }, 'NOT_FOUND', 'Zittingspatronen weghalen: patroon 999 bestaat niet'],
    [{ ...WINDOW, addPatterns: [{ ...SUPERSNEL_IN_ROOM_B, courtroomId: 99 }] }, 'NOT_FOUND', 'Zittingspatroon 1 – Zaal: zaal nummer 99 bestaat niet'],
  ])('refuses %j in the service: %s', async (input, code, message) => {
    const { handle } = await setup(300);
    const result = await handle('planner.whatIf', input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toContain(message);
    }
  });
});
