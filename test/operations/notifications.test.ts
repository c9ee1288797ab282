import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar/local-date';
import { fromAmsterdamLocal } from '../../shared/calendar/amsterdam-time';
import type { AppNotification, NotificationKind, NotificationRole } from '../../shared/notifications/notification-schemas';
import { createCourtCalendar } from '../../shared/calendar/court-calendar';
import { SETTING_KEYS } from '../../server/services/settings/district-settings';
import { SMALL_DEMO } from '../support/demo-database';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
const ALL_ROLES: NotificationRole[] = ['coordinator', 'prosecutor', 'clerk', 'police_liaison', 'reviewer'];
/** 10:00 in Amsterdam on a date. */
const at = (date: string, hour = 10, minute = 0) => new Date(fromAmsterdamLocal(date, hour, minute));

let opened: TestDistrict | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

async function setup() {
  const database = await openTestDistrict(tempDir(), SMALL_DEMO);
  opened = database;
  let now = at('2026-06-15');
  const handle = database.api({ actor: 'coordinator.test', now: () => now });
  const call = async <T>(operation: string, input: unknown, requestId?: string): Promise<T> => {
    const result = await handle(operation, input, requestId ? { requestId } : undefined);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as T;
  };
  const list = async (moment: Date, roles: NotificationRole[] = ALL_ROLES) => {
    now = moment;
    return (await call<{ items: AppNotification[] }>('notifications.list', { roles })).items;
  };
  const markDone = async (moment: Date, key: string) => {
    now = moment;
    return call<{ alreadyDone: boolean; doneBy: string }>('notifications.markDone', { key, reason: 'Gebeld met de parketsecretaris.' }, crypto.randomUUID());
  };
  return { database, list, markDone, call, setNow: (moment: Date) => (now = moment) };
}

/** A scheduled session on a date (the demo district has one or more on every working day). */
async function sessionOn(database: TestDistrict, date: string): Promise<{ id: number; startTime: string }> {
  return (await database.row<{ id: number; startTime: string }>(
    "select id, start_time as \"startTime\" from court_session where status = 'scheduled' and date = ? order by capacity_slots desc, id limit 1",
    [date],
  ))!;
}

async function insertCase(database: TestDistrict, parketnummer: string, modality: string, columns: Record<string, string | null> = {}): Promise<number> {
  const suspect = (await database.row<{ id: number }>("insert into suspect (full_name, date_of_birth) values ('T. Melding', '1990-01-01') returning id"))!;
  const names = ['parketnummer', 'suspect_id', 'modality', 'status', 'police_unit', 'offence_summary', 'queue_order', ...Object.keys(columns)];
  const values = [parketnummer, suspect.id, modality, 'awaiting_planning', 'Noord', 'Winkeldiefstal', '2026-06-01T00:00:00.000Z', ...Object.values(columns)];
  return (await database.row<{ id: number }>(`insert into criminal_case (${names.join(', ')}) values (${names.map(() => '?').join(', ')}) returning id`, values))!.id;
}

/** The district's court calendar (its equivalent days, as stored in its settings). */
async function courtCalendarOf(database: TestDistrict) {
  const stored = await database.row<{ value: string }>('select value from district_setting where key = ?', [SETTING_KEYS.equivalentDays]);
  return createCourtCalendar({ equivalentDaysByYear: stored ? (JSON.parse(stored.value) as Record<string, string[]>) : {} });
}

/**
 * One scenario per kind: something that makes it due (`arrange`), a moment just before it is due and a
 * moment it is due, what resolves it, and (where there is one) a change that gives it a new key.
 */
interface Scenario {
  kind: NotificationKind;
  arrange: (database: TestDistrict, call: <T>(operation: string, input: unknown) => Promise<T>) => Promise<{ before: Date; due: Date; match: RegExp; resolve: () => Promise<unknown> | unknown; newKey?: () => Promise<unknown> }>;
}

const scenarios: Scenario[] = [
  {
    kind: 'detained_near_limit',
    arrange: async (database) => {
      // Hard limit Tuesday 16 June 23:30: one working day ahead from Monday 15 June, two from Friday 12 June.
      const limit = new Date(fromAmsterdamLocal('2026-06-16', 23, 30)).toISOString();
      const id = await insertCase(database, '19/200001-26', 'supersnelrecht', { hearing_by: limit, next_limit: limit, next_limit_kind: 'hearing', arrested_at: '2026-06-13T06:00:00.000Z' });
      return {
        before: at('2026-06-12'),
        due: at('2026-06-15'),
        match: /^19\/200001-26: gedetineerd, uiterste datum di 16 jun \d\d:\d\d, niet gepland/,
        resolve: async () => {
          const session = await sessionOn(database, '2026-06-16');
          await database.run("insert into hearing (case_id, session_id, status) values (?, ?, 'planned')", [id, session.id]);
          await database.run("update criminal_case set status = 'planned' where id = ?", [id]);
        },
        newKey: async () => {
          // Back in the queue with a new limit (another moment): a new notification.
          const later = new Date(fromAmsterdamLocal('2026-06-16', 18, 0)).toISOString();
          await database.run("update criminal_case set status = 'awaiting_planning', next_limit = ?, hearing_by = ? where id = ?", [later, later, id]);
          await database.run("update hearing set status = 'cancelled' where case_id = ?", [id]);
        },
      };
    },
  },
  {
    kind: 'summons_due_today',
    arrange: async (database, call) => {
      const session = await sessionOn(database, '2026-07-08');
      const id = await insertCase(database, '19/200002-26', 'snelrecht_nd', { next_limit_kind: 'none' });
      await database.run("insert into hearing (case_id, session_id, status) values (?, ?, 'planned')", [id, session.id]);
      await database.run("update criminal_case set status = 'planned' where id = ?", [id]);
      // The last day to serve, as the planning problems give it (art. 265 lid 1 Sv, art. 370 Sv; one rule).
      const problems = await call<{ kind: string; caseId: number; date: string }[]>('planner.problems', {});
      const serveBy = problems.find((p) => p.kind === 'summons_not_served' && p.caseId === id)!.date;
      return {
        before: at(addDays(serveBy, -1)),
        due: at(serveBy),
        match: /^19\/200002-26: dagvaarding uiterlijk vandaag \(.+\) betekenen voor de zitting /,
        resolve: () => database.run("update criminal_case set summons_served_at = '2026-06-20T09:00:00.000Z' where id = ?", [id]),
      };
    },
  },
  {
    kind: 'reservation_release',
    arrange: async (database, call) => {
      const session = (await database.row<{ id: number }>(
        "select id from court_session where status = 'scheduled' and date = '2026-07-09' and session_type = 'snelrecht' order by id limit 1",
      ))!;
      const { releaseDueOn } = await call<{ releaseDueOn: string }>('reservations.reserve', { sessionId: session.id, modality: 'snelrecht', slots: 1 });
      const calendar = await courtCalendarOf(database);
      return {
        before: at(calendar.addWorkingDays(releaseDueOn, -2)),
        due: at(calendar.addWorkingDays(releaseDueOn, -1)),
        match: /^Reservering snelrecht \(gedetineerd\) van coordinator\.test op de zitting van do 9 jul .*1 van 1 plaatsen nog niet gevuld/,
        // Its release date comes: the list releases it first (ADR 14), so it no longer notifies.
        resolve: () => undefined,
        resolvedAt: at(releaseDueOn),
      } as never;
    },
  },
  {
    kind: 'cjib_returned',
    arrange: async (database) => {
      const id = await insertCase(database, '19/200003-26', 'snelrecht_nd', { next_limit_kind: 'none' });
      await database.run("update criminal_case set status = 'decided' where id = ?", [id]);
      const decision = (await database.row<{ id: number }>(
        "insert into decision (case_id, kind, decided_at, decided_by, recorded_by, recorded_at) values (?, 'penalty_order', '2026-06-01T09:00:00.000Z', 'OvJ', 'test', '2026-06-01T09:00:00.000Z') returning id",
        [id],
      ))!.id;
      const handoff = (await database.row<{ id: number }>("insert into cjib_handoff (decision_id, correlation_id, status, attempt) values (?, 'corr-200003', 'sent', 1) returning id", [decision]))!.id;
      return {
        before: at('2026-06-15'),
        due: at('2026-06-15', 14),
        match: /^19\/200003-26: door het CJIB teruggestuurd op ma 15 jun/,
        arrangeDue: () =>
          database.run("update cjib_handoff set status = 'returned', returned_at = '2026-06-15T10:00:00.000Z', return_code = 'R01', return_count = 1 where id = ?", [handoff]),
        resolve: () => database.run("update cjib_handoff set status = 'waiting' where id = ?", [handoff]),
        newKey: () => database.run("update cjib_handoff set status = 'returned', returned_at = '2026-06-15T11:00:00.000Z', return_count = 2 where id = ?", [handoff]),
      } as never;
    },
  },
  {
    kind: 'session_underfilled',
    arrange: async (database) => {
      // An empty session on Friday 26 June: a week ahead from Friday 19 June, not from Thursday 18 June.
      const session = await sessionOn(database, '2026-06-26');
      await database.run("update hearing set status = 'cancelled' where session_id = ?", [session.id]);
      await database.run('update court_session set capacity_slots = 4 where id = ?', [session.id]);
      return {
        before: at('2026-06-18'),
        due: at('2026-06-19'),
        match: /^vr 26 jun .*: 0 van 4 plaatsen geboekt/,
        // Filled to half: no longer less than half full (one occupancy rule).
        resolve: async () => {
          for (const parketnummer of ['19/200004-26', '19/200005-26']) {
            const id = await insertCase(database, parketnummer, 'snelrecht_nd', { next_limit_kind: 'none', summons_served_at: '2026-06-10T09:00:00.000Z' });
            await database.run("insert into hearing (case_id, session_id, status) values (?, ?, 'planned')", [id, session.id]);
            await database.run("update criminal_case set status = 'planned' where id = ?", [id]);
          }
        },
      };
    },
  },
];

describe('notifications, derived from the data', () => {
  it.each(scenarios)('$kind: appears when due, not before; goes when resolved', async ({ kind, arrange }) => {
    const { database, list, call } = await setup();
    const scenario = (await arrange(database, call)) as Awaited<ReturnType<Scenario['arrange']>> & { arrangeDue?: () => Promise<unknown>; resolvedAt?: Date };
    const ofKind = (items: AppNotification[]) => items.filter((n) => n.kind === kind && scenario.match.test(n.text));

    expect(ofKind(await list(scenario.before))).toEqual([]);
    await scenario.arrangeDue?.();
    const [due] = ofKind(await list(scenario.due));
    expect(due, `${kind} at ${scenario.due.toISOString()}`).toBeDefined();
    expect(due!.key.startsWith(`${kind}:`)).toBe(true);
    expect(due!.route).toMatch(/^\//);
    expect(Date.parse(due!.dueAt)).toBeLessThanOrEqual(scenario.due.getTime());

    // Resolved: gone.
    await scenario.resolve();
    expect(ofKind(await list(scenario.resolvedAt ?? scenario.due))).toEqual([]);
  });

  it.each(scenarios)('$kind: marked done stays done for its key, with one audit row', async ({ kind, arrange }) => {
    const { database, list, markDone, call } = await setup();
    const scenario = (await arrange(database, call)) as Awaited<ReturnType<Scenario['arrange']>> & { arrangeDue?: () => Promise<unknown>; newKey?: () => Promise<unknown> };
    const ofKind = (items: AppNotification[]) => items.filter((n) => n.kind === kind && scenario.match.test(n.text));
    await scenario.arrangeDue?.();
    const [due] = ofKind(await list(scenario.due));
    expect(due).toBeDefined();

    expect(await markDone(scenario.due, due!.key)).toMatchObject({ alreadyDone: false, doneBy: 'coordinator.test' });
    expect(ofKind(await list(scenario.due))).toEqual([]);
    // Idempotent: marking again (a new action) answers with the first mark.
    expect(await call('notifications.markDone', { key: due!.key })).toMatchObject({ alreadyDone: true });
    const audit = await database.rows('select actor, entity_type as "entityType", reason from audit_event where action = \'notification.done\'');
    expect(audit).toEqual([{ actor: 'coordinator.test', entityType: due!.key.split(':')[1], reason: 'Gebeld met de parketsecretaris.' }]);

    if (scenario.newKey) {
      await scenario.newKey();
      const [again] = ofKind(await list(scenario.due));
      expect(again).toBeDefined();
      expect(again!.key).not.toBe(due!.key);
    }
  });

  it('a detained suspect near or past the limit and not planned: a mark holds for its day only, so the limit never drops out of view', async () => {
    const { database, list, markDone } = await setup();
    const scenario = await scenarios.find((s) => s.kind === 'detained_near_limit')!.arrange(database, async () => undefined as never);
    const ofKind = (items: AppNotification[]) => items.filter((n) => n.kind === 'detained_near_limit' && scenario.match.test(n.text));
    const [due] = ofKind(await list(scenario.due));
    expect(await markDone(scenario.due, due!.key)).toMatchObject({ alreadyDone: false });
    expect(ofKind(await list(at('2026-06-15', 17)))).toEqual([]);
    // The limit day (Tuesday): still not planned, so it is back; marked again, gone for that day.
    const [back] = ofKind(await list(at('2026-06-16', 8)));
    expect(back?.key).toBe(due!.key);
    expect(await markDone(at('2026-06-16', 8), due!.key)).toMatchObject({ alreadyDone: false });
    expect(ofKind(await list(at('2026-06-16', 12)))).toEqual([]);
    // The limit passed (Wednesday) and the case is still not planned: in view again.
    expect(ofKind(await list(at('2026-06-17', 9)))).toHaveLength(1);
    const audit = await database.row('select count(*) as "n" from audit_event where action = \'notification.done\'');
    expect(audit).toEqual({ n: 2 });
  });

  it('filters by role and refuses a notification that no longer holds', async () => {
    const { database, list, call } = await setup();
    const returned = scenarios.find((s) => s.kind === 'cjib_returned')!;
    const scenario = (await returned.arrange(database, call)) as unknown as { arrangeDue: () => Promise<unknown>; due: Date };
    await scenario.arrangeDue();
    const everything = await list(scenario.due);
    const clerk = await list(scenario.due, ['clerk']);
    expect(clerk.map((n) => n.kind)).toEqual(['cjib_returned']);
    expect(everything.filter((n) => n.kind === 'session_underfilled').length).toBeGreaterThan(0);
    expect((await list(scenario.due, ['police_liaison'])).some((n) => n.kind === 'cjib_returned' || n.kind === 'session_underfilled')).toBe(false);
    expect(await list(scenario.due, [])).toEqual([]);
    expect(everything.every((n) => n.roles.length > 0)).toBe(true);

    const stale = everything.find((n) => n.kind === 'cjib_returned')!;
    await database.run("update cjib_handoff set status = 'waiting'");
    await expect(call('notifications.markDone', { key: stale.key })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(call('notifications.markDone', { key: 'anything' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await database.row('select count(*) as "n" from notification_done')).toEqual({ n: 0 });
  });
});
