import { sessionMoment } from '../../shared/outcomes/judgment-moment';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEnvelope } from '../../shared/api/envelope';
import { amsterdamDate, fromAmsterdamLocal, instantOf } from '../../shared/calendar/amsterdam-time';
import { defaultCourtCalendar } from '../../shared/calendar/court-calendar';
import { addDays } from '../../shared/calendar/local-date';
import type { ApiHandler } from '../../server/services/api-handler';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/**
 * The whole chain on both engines (the operation suite of issue 13), through the api handler with a
 * clock standing still, at the moments a calendar is most likely to be wrong: both clock changes, the Easter-to-Whitsun holidays,
 * Koningsdag, 5 May of a lustrum year, Christmas to New Year's Eve and a leap day. Each date builds a
 * small demo district as of that day, plans six weeks, records the outcome of a past hearing, exports
 * the ready decisions to CJIB and reads the dashboard. It asserts invariants, never exact counts.
 */
const MOMENTS: { name: string; date: string; time: [number, number] }[] = [
  { name: 'a normal Wednesday', date: '2026-06-17', time: [10, 0] },
  { name: 'Goede Vrijdag', date: '2027-03-26', time: [10, 0] },
  { name: 'Easter Sunday at 01:30, half an hour before summer time', date: '2027-03-28', time: [1, 30] },
  { name: 'Tweede Paasdag', date: '2027-03-29', time: [10, 0] },
  { name: 'Koningsdag', date: '2027-04-27', time: [10, 0] },
  { name: 'Hemelvaartsdag', date: '2027-05-06', time: [10, 0] },
  { name: 'Pinksteren', date: '2027-05-16', time: [10, 0] },
  { name: '02:30 on the night winter time starts (the hour that happens twice)', date: '2027-10-31', time: [2, 30] },
  { name: '5 mei in a lustrum year', date: '2025-05-05', time: [10, 0] },
  { name: 'Christmas Eve', date: '2026-12-24', time: [10, 0] },
  { name: "New Year's Eve, 23:30", date: '2026-12-31', time: [23, 30] },
  { name: 'a leap day', date: '2028-02-29', time: [10, 0] },
];

const calendar = defaultCourtCalendar();
const tempDir = useTempDir('kp-chain-scenario-');

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

/** What the handler reported as unexpected failures (the envelope itself only says INTERNAL). */
const internalErrors: unknown[] = [];

function valueOf<T>(envelope: ApiEnvelope<unknown>, what: string): T {
  if (!envelope.ok) throw new Error(`${what} failed: ${envelope.error.code} ${envelope.error.message}`, { cause: internalErrors.at(-1) });
  return envelope.value as T;
}

/** The instant a session starts, from its Amsterdam date and 'HH:mm'. */
const sessionStart = (date: string, time: string) => fromAmsterdamLocal(date, Number(time.slice(0, 2)), Number(time.slice(3, 5)));

describe('the chain at awkward moments (demo, plan, outcome, CJIB, dashboard)', () => {
  it.each(MOMENTS)('$date: $name', async ({ date, time }) => {
    const now = new Date(fromAmsterdamLocal(date, time[0], time[1]));
    expect(amsterdamDate(now.getTime())).toBe(date);
    // The demo as of that day (its audit row of loading stamped 10:00 that day, as `ketenplanner demo` at its pinned moment).
    const d = (district = await openTestDistrict(tempDir(), { seed: 5, casesPerYear: 700, asOf: date, years: 1, chain: true }));
    const call: ApiHandler = d.api({ actor: 'scenario.test', now, onInternalError: (_operation, error) => internalErrors.push(error) });
    const rows = <T>(query: string, ...params: unknown[]) => d.rows<T>(query, params);

    // The demo: no session on a day the court does not sit.
    const sessionDays = await rows<{ date: string }>(`select distinct date from court_session where status = 'scheduled'`);
    expect(sessionDays.length).toBeGreaterThan(100);
    expect(sessionDays.filter((s) => !calendar.isCourtDay(s.date))).toEqual([]);
    if (!calendar.isCourtDay(date)) expect(sessionDays.map((s) => s.date)).not.toContain(date);

    // 1. Plan six weeks from today, replanning what the demo booked there.
    const to = addDays(date, 41);
    const plan = valueOf<{
      planned: { caseId: number; sessionId: number; date: string }[];
      infeasible: { caseId: number }[];
      unplanned: { caseId: number }[];
      moved: { caseId: number }[];
    }>(await call('planner.run', { from: date, to, dryRun: false, replan: true }, { requestId: `plan-${date}` }), 'planner.run');
    const placed = new Set([...plan.planned, ...plan.moved].map((p) => p.caseId));
    for (const other of [...plan.infeasible, ...plan.unplanned]) expect(placed.has(other.caseId)).toBe(false);

    // Every hearing the planner placed or moved: on a court day in the window, not before now, inside its legal limits.
    const placements = await rows<{ caseId: number; date: string; startTime: string; hearingBy: string | null; hearingFrom: string | null; readyFrom: string | null; limitKind: string }>(
      `select h.case_id as "caseId", s.date, s.start_time as "startTime", c.hearing_by as "hearingBy", c.hearing_from as "hearingFrom", c.ready_from as "readyFrom", c.next_limit_kind as "limitKind"
       from hearing h join court_session s on s.id = h.session_id join criminal_case c on c.id = h.case_id
       where h.status = 'planned' and h.case_id in (${[...placed, 0].join(',')})`,
    );
    expect(placements).toHaveLength(placed.size);
    for (const p of placements) {
      const at = sessionStart(p.date, p.startTime);
      const where = `case ${p.caseId} on ${p.date} ${p.startTime}`;
      expect(calendar.isCourtDay(p.date), `${where}: not a court day`).toBe(true);
      expect(p.date >= date && p.date <= to, `${where}: outside ${date}..${to}`).toBe(true);
      expect(at, `${where}: before now`).toBeGreaterThanOrEqual(now.getTime());
      // A case heard once and adjourned by the court is no longer bound by the hearing limits (limit kind 'none').
      if (p.hearingBy && p.limitKind !== 'none') expect(at, `${where}: after the legal limit ${p.hearingBy}`).toBeLessThanOrEqual(instantOf(p.hearingBy));
      if (p.readyFrom) expect(at, `${where}: before the case is ready (${p.readyFrom})`).toBeGreaterThanOrEqual(instantOf(p.readyFrom));
      if (p.hearingFrom) expect(at, `${where}: before the earliest moment ${p.hearingFrom}`).toBeGreaterThanOrEqual(instantOf(p.hearingFrom));
    }
    // No planned hearing anywhere on a cancelled session or a non-court day.
    expect(await rows(`select h.id from hearing h join court_session s on s.id = h.session_id where h.status = 'planned' and s.status <> 'scheduled'`)).toEqual([]);

    // 2. The clerk records the judgment of a hearing already held that has no outcome yet.
    const [held] = await rows<{ hearingId: number; caseId: number; date: string; startTime: string }>(
      `select h.id as "hearingId", h.case_id as "caseId", s.date, s.start_time as "startTime" from hearing h join court_session s on s.id = h.session_id
       join criminal_case c on c.id = h.case_id join suspect p on p.id = c.suspect_id
       where s.status = 'scheduled' and s.judge_id is not null and s.date < ? and h.status in ('planned', 'held')
         and p.summons_address is not null and not exists (select 1 from hearing_outcome o where o.hearing_id = h.id)
       order by s.date desc, h.id limit 1`,
      date,
    );
    expect(held, 'a past hearing without an outcome').toBeDefined();
    const recorded = valueOf<{ outcome: string; decision: { id: number } | null }>(
      await call(
        'outcomes.record',
        {
          hearingId: held!.hearingId,
          outcome: 'decided',
          suspectPresent: true,
          decidedBy: 'mr. Scenario',
          verdict: 'sanctions',
          sanctions: [{ kind: 'fine', amountCents: 35_000, hours: null, days: null, conditional: false, probationMonths: null, substituteDetentionDays: 7, description: null }],
          conditions: null,
          signals: { fitForCommunityService: 'unknown', fitForDetention: 'unknown', paymentArrangement: 'unknown', problematicDebts: 'unknown', note: null },
        },
        { requestId: `outcome-${date}` },
      ),
      'outcomes.record',
    );
    expect(recorded.outcome).toBe('decided');
    const decision = (await rows<{ decidedAt: string }>(`select decided_at as "decidedAt" from decision where id = ?`, recorded.decision!.id))[0]!;
    // The judgment moment is the session's (oral judgment at the hearing, art. 378 Sv), not the recording's.
    expect(instantOf(decision.decidedAt)).toBe(sessionMoment(held!));

    // 3. CJIB: the export sends exactly the queue's ready hand-offs (none when nothing is ready), never today's fresh judgment.
    const queue = valueOf<{ items: { handoffId: number; decisionId: number; group: string }[]; counts: Record<string, number> }>(await call('cjib.queue', {}), 'cjib.queue');
    expect(queue.items.filter((i) => i.group === 'ready')).toHaveLength(queue.counts['ready']!);
    expect(queue.items.find((i) => i.decisionId === recorded.decision!.id)?.group).not.toBe('ready');
    const exported = await call('cjib.export', {}, { requestId: `export-${date}` });
    if (queue.counts['ready'] === 0) {
      expect(exported).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    } else {
      const batch = valueOf<{ createdAt: string; decisionCount: number; json: { text: string } }>(exported, 'cjib.export');
      expect(batch.decisionCount).toBe(queue.counts['ready']);
      expect(instantOf(batch.createdAt)).toBe(now.getTime());
      const sent = (await rows<{ n: number }>(`select count(*) as "n" from cjib_handoff where status = 'sent' and sent_at = ?`, now.toISOString()))[0]!.n;
      expect(sent).toBe(batch.decisionCount);
      expect(batch.json.text).not.toContain(`"decisionId":${recorded.decision!.id},`);
    }

    // 4. The review figures for the last quarter: internally consistent and as of today.
    const from = addDays(date, -90);
    const dashboard = valueOf<Dashboard>(await call('metrics.dashboard', { from, to: date }), 'metrics.dashboard');
    expect(dashboard.filters.asOf).toBe(date);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(dashboard.intake.total.value).toBeGreaterThan(0);
    expect(sum(dashboard.intake.byModality.map((m) => m.count))).toBe(dashboard.intake.total.value);
    expect(sum(dashboard.intake.byPoliceUnit.map((u) => u.count))).toBe(dashboard.intake.total.value);
    expect(sum(dashboard.intake.weekly.map((w) => w.total))).toBe(dashboard.intake.total.value);
    for (const c of [dashboard.legal, dashboard.target, dashboard.dateCertainty]) expect(c.met + c.missed).toBe(c.measured);
    const [{ n: registered }] = (await rows<{ n: number }>(
      `select count(*) as "n" from criminal_case where created_at >= ? and created_at < ?`,
      new Date(fromAmsterdamLocal(from)).toISOString(),
      new Date(fromAmsterdamLocal(addDays(date, 1))).toISOString(),
    )) as [{ n: number }];
    expect(dashboard.intake.total.value).toBe(registered);
  });
});

interface Compliance {
  measured: number;
  met: number;
  missed: number;
}
interface Dashboard {
  filters: { asOf: string };
  intake: { total: { value: number }; byModality: { count: number }[]; byPoliceUnit: { count: number }[]; weekly: { total: number }[] };
  legal: Compliance;
  target: Compliance;
  dateCertainty: Compliance;
}
