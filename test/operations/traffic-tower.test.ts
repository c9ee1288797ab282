import { afterEach, describe, expect, it } from 'vitest';
import type { PlannerSummary } from '../../shared/api/case-schemas';
import type { OperationOutput } from '../../shared/api/contract';
import { amsterdamDate } from '../../shared/calendar/amsterdam-time';
import { createCourtCalendar } from '../../shared/calendar/court-calendar';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/** The verkeerstoren and the held-back reserve through the api, on both engines (its query plans: test/integration/traffic-tower.test.ts). */
type Tower = OperationOutput<'planner.tower'>;

const tempDir = useTempDir();
const TODAY = '2026-06-15';
const NOW = new Date('2026-06-15T06:00:00+02:00');
const LAST = '2026-07-26';

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

async function setup() {
  const database = await openTestDistrict(tempDir(), { seed: 5, casesPerYear: 2800, asOf: TODAY });
  district = database;
  const handle = database.api({ actor: 'coordinator.test', today: () => TODAY, now: () => NOW, onInternalError: (_op, error) => console.error(error) });
  const call = async <T,>(operation: string, input: unknown): Promise<T> => {
    const result = await handle(operation, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as T;
  };
  return { database, handle, tower: (from?: string) => call<Tower>('planner.tower', from ? { from } : {}), run: (input: object) => call<PlannerSummary>('planner.run', { from: TODAY, to: LAST, ...input }) };
}

type Cell = { sessions: number; capacity: number; reserved: number; booked: number; free: number; overbooked: number };

/** The tower's per day and type numbers, keyed 'date/type', only where something is there. */
function cells(tower: Tower): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const day of tower.days) {
    for (const { sessionType, ...cell } of day.byType) if (Object.values(cell).some((n) => n !== 0)) out.set(`${day.date}/${sessionType}`, cell);
  }
  return out;
}

/** The same numbers, counted independently in one SQL statement (open reservations only, as set up here). */
async function countedBySql(database: TestDistrict, from: string, to: string): Promise<Map<string, Cell>> {
  const rows = (await database.rows(`with booked as (select session_id as sid, count(*) as n from hearing where status in ('planned', 'held') group by session_id),
            booked_mod as (select h.session_id as sid, c.modality as m, count(*) as n from hearing h join criminal_case c on c.id = h.case_id
                           where h.status in ('planned', 'held') group by h.session_id, c.modality),
            res as (select session_id as sid, modality as m, sum(slots) as slots from reservation where released_at is null group by session_id, modality),
            unfilled as (select res.sid, sum(case when res.slots > coalesce(booked_mod.n, 0) then res.slots - coalesce(booked_mod.n, 0) else 0 end) as n from res left join booked_mod on booked_mod.sid = res.sid and booked_mod.m = res.m group by res.sid),
            per as (select s.date, s.session_type as type, case when s.status = 'scheduled' then 1 else 0 end as active,
                           case when s.status = 'scheduled' then s.capacity_slots else 0 end as cap,
                           coalesce(booked.n, 0) as booked,
                           case when s.status = 'scheduled' then coalesce(unfilled.n, 0) else 0 end as reserved
                    from court_session s left join booked on booked.sid = s.id left join unfilled on unfilled.sid = s.id where s.date between ? and ?)
       select date, type, sum(active) as sessions, sum(cap) as capacity, sum(reserved) as reserved, sum(booked) as booked,
              sum(case when cap - booked - reserved > 0 then cap - booked - reserved else 0 end) as free, sum(case when booked > cap then booked - cap else 0 end) as overbooked
       from per group by date, type`, [from, to])) as ({ date: string; type: string } & Cell)[];
  const out = new Map<string, Cell>();
  for (const { date, type, ...cell } of rows) if (Object.values(cell).some((n) => n !== 0)) out.set(`${date}/${type}`, cell);
  return out;
}

async function sessionWithRoom(database: TestDistrict, type: string, skip: number): Promise<{ id: number; room: number }> {
  return (await database.row(`select s.id, s.capacity_slots - (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned', 'held')) as room
       from court_session s where s.status = 'scheduled' and s.session_type = ? and s.date between ? and ? order by s.date, s.id limit 1 offset ?`, [type, '2026-06-22', LAST, skip])) as { id: number; room: number };
}

async function reserve(database: TestDistrict, sessionId: number, modality: string, slots: number, releasedAt: string | null = null) {
  await database.run(`insert into reservation (session_id, modality, slots, reserved_by, reserved_at, release_due_on, released_at, released_by, release_kind, released_slots)
       values (?, ?, ?, 'ovj.test', '2026-06-10T08:00:00.000Z', '2026-07-01', ?, ?, ?, ?)`, [sessionId, modality, slots, releasedAt, releasedAt ? 'ovj.test' : null, releasedAt ? 'manual' : null, releasedAt ? slots : null]);
}

describe('the verkeerstoren on a real district file', () => {
  it('shows per day and session type what independent counts give: capacity, unfilled reservations, booked, free and overbooking', async () => {
    const { database, tower } = await setup();
    await reserve(database, (await sessionWithRoom(database, 'supersnelrecht', 0)).id, 'supersnelrecht', 2);
    await reserve(database, (await sessionWithRoom(database, 'snelrecht_nd', 0)).id, 'snelrecht_nd', 3);
    await reserve(database, (await sessionWithRoom(database, 'snelrecht_nd', 1)).id, 'snelrecht_nd', 1000); // more than the room: free stays 0
    await reserve(database, (await sessionWithRoom(database, 'snelrecht_nd', 2)).id, 'snelrecht_nd', 4, '2026-06-12T08:00:00.000Z'); // released: nothing held
    const busy = (await database.row("select s.id from court_session s where s.date between '2026-06-16' and ? and exists (select 1 from hearing h where h.session_id = s.id and h.status = 'planned') order by s.date, s.id limit 1", [LAST])) as { id: number };
    await database.run("update court_session set status = 'cancelled', cancel_reason = 'Zaal onbruikbaar' where id = ?", [busy.id]);

    const result = await tower();
    expect(result.from).toBe(TODAY);
    expect(result.to).toBe(LAST);
    const expected = await countedBySql(database, TODAY, LAST);
    expect(cells(result)).toEqual(expected);
    expect(result.totals.reserved).toBeGreaterThan(5);
    expect(result.totals.overbooked).toBeGreaterThan(0);
    for (const counts of expected.values()) expect(counts.free).toBeGreaterThanOrEqual(0);

    // Every working day of the six weeks is a row, with or without sessions; and only those.
    const calendar = createCourtCalendar();
    const workingDays = [...Array(42).keys()].map((i) => amsterdamDate(Date.parse(`${TODAY}T12:00:00Z`) + i * 86_400_000)).filter((d) => calendar.isWorkingDay(d));
    expect(result.days.map((d) => d.date)).toEqual(workingDays);
    expect(result.days[0]).toMatchObject({ date: TODAY, weekday: 1 });
  });

  it('counts the waiting queue per modality: not ready, overdue and within 1, 3 and 7 working days of the binding limit', async () => {
    const { database, tower } = await setup();
    // Cases with limits at known distances (today is Monday 15 June 2026).
    const limits = ['2026-06-15T02:00:00.000Z', '2026-06-15T15:00:00.000Z', '2026-06-16T21:00:00.000Z', '2026-06-18T10:00:00.000Z', '2026-06-24T10:00:00.000Z', '2026-07-20T10:00:00.000Z'];
    await database.run("insert into suspect (full_name, date_of_birth) values ('T. Toren', '1990-01-01')");
    for (const [i, limit] of limits.entries()) {
      await database.run(
        `insert into criminal_case (parketnummer, suspect_id, modality, status, police_unit, offence_summary, next_limit, next_limit_kind, queue_order, planning_gaps)
         values (?, (select max(id) from suspect), 'snelrecht', 'awaiting_planning', 'Noord', 'Diefstal', ?, 'hearing', ?, ?)`,
        [`19/998${i}00-26`, limit, limit, i === 0 ? 'dossier' : ''],
      );
    }
    // Issue 11, item 12: a case still in intake waits for a session too.
    await database.run(`insert into criminal_case (parketnummer, suspect_id, modality, status, police_unit, offence_summary, next_limit, next_limit_kind, queue_order, planning_gaps)
         values ('19/998900-26', (select max(id) from suspect), 'snelrecht', 'intake', 'Noord', 'Diefstal', '2026-07-20T10:00:00.000Z', 'hearing', '2026-07-20T10:00:00.000Z', '')`);

    const result = await tower();
    const calendar = createCourtCalendar();
    const rows = (await database.rows(`select modality, status, next_limit as "nextLimit", planning_gaps as gaps from criminal_case where status in ('awaiting_planning', 'intake')`)) as {
      modality: string;
      status: string;
      nextLimit: string | null;
      gaps: string;
    }[];
    const modalities = [...new Set(rows.map((r) => r.modality))].sort();
    const within = (r: (typeof rows)[number], n: number) =>
      r.nextLimit !== null && Date.parse(r.nextLimit) >= NOW.getTime() && calendar.workingDaysBetween(TODAY, amsterdamDate(Date.parse(r.nextLimit))) <= n;
    const expected = modalities.map((modality) => {
      const own = rows.filter((r) => r.modality === modality);
      return {
        modality,
        waiting: own.length,
        inIntake: own.filter((r) => r.status === 'intake').length,
        notReady: own.filter((r) => r.gaps !== '').length,
        overdue: own.filter((r) => r.nextLimit !== null && Date.parse(r.nextLimit) < NOW.getTime()).length,
        within1: own.filter((r) => within(r, 1)).length,
        within3: own.filter((r) => within(r, 3)).length,
        within7: own.filter((r) => within(r, 7)).length,
      };
    });
    expect(result.queue.byModality).toEqual(expected);
    // The inserted snelrecht cases alone: one overdue (and not ready), then 2 within 1 working day, 3 within 3, 4 within 7.
    expect(result.queue.byModality.find((q) => q.modality === 'snelrecht')).toMatchObject({ overdue: 1, within1: 2, within3: 3, within7: 4 });
    expect(result.totals.waiting).toBe(rows.length);
    expect(result.queue.byModality.find((q) => q.modality === 'snelrecht')!.inIntake).toBeGreaterThanOrEqual(1);
  });

  it('follows a recorded planner run at once: booked rises and free falls by the placements, per day and type', async () => {
    const { database, tower, run } = await setup();
    const before = await tower();
    const summary = await run({ dryRun: false });
    expect(summary.planned.length).toBeGreaterThan(0);
    const after = await tower();

    const typeOf = new Map(((await database.rows('select id, session_type as type from court_session')) as { id: number; type: string }[]).map((s) => [s.id, s.type]));
    const placed = new Map<string, number>();
    for (const p of summary.planned) placed.set(`${p.date}/${typeOf.get(p.sessionId)}`, (placed.get(`${p.date}/${typeOf.get(p.sessionId)}`) ?? 0) + 1);
    for (const [i, day] of after.days.entries()) {
      for (const [j, cell] of day.byType.entries()) {
        const was = before.days[i]!.byType[j]!;
        const n = placed.get(`${day.date}/${cell.sessionType}`) ?? 0;
        expect({ key: `${day.date}/${cell.sessionType}`, booked: cell.booked - was.booked, freeLost: was.free - cell.free }).toEqual({ key: `${day.date}/${cell.sessionType}`, booked: n, freeLost: n });
      }
    }
    expect(after.totals.booked - before.totals.booked).toBe(summary.planned.length);
    expect(after.totals.free - before.totals.free).toBe(-summary.planned.length);
    expect(before.totals.waiting - after.totals.waiting).toBe(summary.planned.length);
  });

  it('refuses a date that is not one, naming it', async () => {
    const { handle } = await setup();
    const result = await handle('planner.tower', { from: '2026-02-30' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('holding back capacity for expected urgent arrivals', () => {
  async function withDemand() {
    const ctx = await setup();
    // Forty ready detained cases that may be heard from today: without a reserve they fill the near sessions.
    await ctx.database.run("insert into suspect (full_name, date_of_birth) values ('V. Vraag', '1990-01-01')");
    for (let i = 0; i < 40; i++) {
      await ctx.database.run(
        `insert into criminal_case (parketnummer, suspect_id, modality, status, police_unit, offence_summary, arrested_at, hearing_by, next_limit, next_limit_kind, queue_order, short_term_consent)
         values (?, (select max(id) from suspect), ?, 'awaiting_planning', 'Noord', 'Diefstal', '2026-06-14T06:00:00.000Z', '2026-07-01T06:00:00.000Z', '2026-07-01T06:00:00.000Z', 'hearing', '2026-07-01T06:00:00.000Z', true)`,
        [`19/997${String(i).padStart(3, '0')}-26`, i % 2 ? 'snelrecht' : 'supersnelrecht'],
      );
    }
    return ctx;
  }

  const freeSlots = async (database: TestDistrict, sessionId: number) =>
    (
      (await database.row("select s.capacity_slots - (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned', 'held')) as n from court_session s where s.id = ?", [sessionId])) as { n: number }
    ).n;

  it('leaves the held-back slots free on the near sessions, explains each, and reports nothing when not asked', async () => {
    const { database, run } = await withDemand();
    const plain = await run({ dryRun: true });
    expect(plain.heldBack).toBeUndefined();

    const held = await run({ dryRun: false, holdBackForUrgent: true });
    expect(held.heldBack?.length).toBeGreaterThan(0);
    const placedOn = (summary: PlannerSummary, id: number) => summary.planned.filter((p) => p.sessionId === id).length;
    let fewer = 0;
    for (const h of held.heldBack!) {
      expect(h.date <= '2026-06-26').toBe(true);
      expect(h.explanation).toMatch(/^\d+ plaatsen? vastgehouden voor verwachte spoedzaken: .*80e percentiel van de instroom/);
      expect(await freeSlots(database, h.sessionId)).toBeGreaterThanOrEqual(h.slots);
      if (placedOn(held, h.sessionId) < placedOn(plain, h.sessionId)) fewer += 1;
    }
    // The demand would have used the held slots: the reserve is what kept them free.
    expect(fewer).toBeGreaterThan(0);
  });

  it('holds back what the forecast rule gives from the file: the 80th percentile of urgent arrests per court day', async () => {
    const { database, run } = await withDemand();
    const summary = await run({ dryRun: true, holdBackForUrgent: true });
    const calendar = createCourtCalendar();
    const arrests = (await database.rows("select modality, arrested_at as at from criminal_case where modality in ('supersnelrecht', 'snelrecht') and arrested_at >= '2026-04-19T22:00:00.000Z' and arrested_at < '2026-06-14T22:00:00.000Z'")) as { modality: string; at: string }[];
    const expectedPerDay = (['supersnelrecht', 'snelrecht'] as const).map((m) => {
      const counts = new Map<string, number>();
      for (let t = Date.parse('2026-04-20T12:00:00Z'); t < Date.parse('2026-06-15T00:00:00Z'); t += 86_400_000) {
        const d = amsterdamDate(t);
        if (calendar.isCourtDay(d)) counts.set(d, 0);
      }
      for (const a of arrests.filter((x) => x.modality === m)) {
        const d = amsterdamDate(Date.parse(a.at));
        const day = calendar.isCourtDay(d) ? d : calendar.addWorkingDays(d, 1);
        if (counts.has(day)) counts.set(day, counts.get(day)! + 1);
      }
      const sorted = [...counts.values()].sort((x, y) => x - y);
      return sorted[Math.ceil(0.8 * sorted.length) - 1]!;
    });
    const total = summary.heldBack!.reduce((sum, h) => sum + h.slots, 0);
    // Three arrival days, each with the expected arrivals of both flows, unless sessions ran out of room.
    expect(total).toBeLessThanOrEqual(3 * (expectedPerDay[0]! + expectedPerDay[1]!));
    expect(total).toBeGreaterThan(0);
    expect(summary.heldBack![0]!.explanation).toContain(`Verwacht per zittingsdag: ${expectedPerDay[0]} supersnelrecht en ${expectedPerDay[1]} snelrecht (gedetineerd)`);
  });
});
