import { afterEach, describe, expect, it } from 'vitest';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';
import type { OperationName, OperationOutput } from '../../shared/api/contract';
import type { CaseDetail, PlannerSummary } from '../../shared/api/case-schemas';
import { amsterdamDate, fromAmsterdamLocal, startOfAmsterdamDay } from '../../shared/calendar/amsterdam-time';
import { addDays } from '../../shared/calendar/local-date';
import { earliestHearing, latestServiceDay } from '../../shared/deadlines/summons-term';
import { toCjibTerm } from '../../shared/deadlines/remedy-terms';
import { enforceabilityOf } from '../../shared/cjib/enforceability';
import { deadlineSettingsSchema } from '../../shared/deadlines/settings';
import { createCourtCalendar } from '../../shared/calendar/court-calendar';

/*
 * Issue 11, items 2 and 3: legal dates follow the facts.
 * 2. The judgment moment is the session (oral judgment at the hearing, art. 378 lid 1 Sv), not the moment
 *    a clerk records it: recording on Friday 4 December for the session of Tuesday 1 December gives an
 *    appeal term to Tuesday 15 December (art. 408 Sv), not Friday 18 December.
 * 3. An unserved summons does not keep a case off the planning: it is planned no earlier than the summons
 *    term allows from the expected service, and must be served by the session minus the term.
 */

const tempDir = useTempDir();
const AS_OF = '2026-12-04';
/** Friday 4 December 2026, 10:00 Amsterdam: three days after the session of Tuesday 1 December. */
const NOW = new Date('2026-12-04T10:00:00+01:00');
const NO_SIGNALS = { fitForCommunityService: 'unknown', fitForDetention: 'unknown', paymentArrangement: 'unknown', problematicDebts: 'unknown', note: null };
const FINE = { kind: 'fine', amountCents: 30_000, hours: null, days: null, conditional: false, probationMonths: null, substituteDetentionDays: 6, description: null };

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

async function setup() {
  const dir = tempDir();
  const database = await openTestDistrict(dir, { seed: 5, casesPerYear: 2800, asOf: AS_OF });
  district = database;
  const api = (now: Date) => {
    const handle = database.api({ actor: 'griffier.test', now: () => now });
    const call = async <T = any>(op: OperationName, input: unknown): Promise<T> => {
      const result = await handle(op, input);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value as T;
    };
    const fail = async (op: OperationName, input: unknown) => {
      const result = await handle(op, input);
      if (result.ok) throw new Error(`${op} unexpectedly succeeded`);
      return result.error;
    };
    return { call, fail };
  };
  const sql = database;
  /** Hearings of the 1 December 09:00 session that were held and have no outcome recorded yet. */
  const unrecorded = async () =>
    await sql.rows<{ hearingId: number; caseId: number; sessionId: number }>(
      `select h.id as "hearingId", h.case_id as "caseId", s.id as "sessionId" from hearing h join court_session s on s.id = h.session_id
       left join hearing_outcome o on o.hearing_id = h.id
       where s.date = '2026-12-01' and s.start_time = '09:00' and h.status = 'held' and o.id is null order by h.id`,
    );
  /** The district's deadline settings and court calendar, as settings.get shows them. */
  const deadlineContext = async () => {
    const overview = await api(NOW).call<OperationOutput<'settings.get'>>('settings.get', {});
    return { settings: deadlineSettingsSchema.parse(overview.values), calendar: createCourtCalendar({ equivalentDaysByYear: overview.equivalentDaysByYear }) };
  };
  return { dir, database, sql, api, unrecorded, deadlineContext, ...api(NOW) };
}

const decided = (hearingId: number, extra: Record<string, unknown> = {}) => ({
  hearingId,
  outcome: 'decided',
  suspectPresent: true,
  decidedBy: 'mr. A. de Rechter',
  verdict: 'sanctions',
  sanctions: [FINE],
  conditions: null,
  signals: NO_SIGNALS,
  ...extra,
});

describe('item 2: the judgment moment is the session, and every term follows from it', () => {
  it('recorded on 4 December for the session of 1 December: judgment 1 December, appeal until 15 December, CJIB terms from there', async () => {
    const { call, unrecorded, deadlineContext } = await setup();
    const [first] = await unrecorded();
    expect(first).toBeDefined();
    const roll = await call('outcomes.roll', { sessionId: first!.sessionId });
    expect(roll.session).toMatchObject({ date: '2026-12-01', startTime: '09:00' });

    const { decision } = await call('outcomes.record', decided(first!.hearingId));
    // 09:00 Amsterdam in winter time = 08:00 UTC; not the recording moment (4 December).
    expect(decision.decidedAt).toBe('2026-12-01T08:00:00.000Z');
    expect(decision.recordedAt).toBe(NOW.toISOString());

    const detail = await call<CaseDetail>('cases.get', { id: first!.caseId });
    expect(detail.events.judgmentAt).toBe('2026-12-01T08:00:00.000Z');
    // art. 408 lid 1 Sv: 14 days after the judgment; Tuesday 15 December (was: Friday 18 December).
    expect(amsterdamDate(Date.parse(detail.deadlines.appealBy!))).toBe('2026-12-15');
    // Enforceable from the day after the unused appeal term; the hand-off to CJIB counts from there.
    const context = await deadlineContext();
    const enforceability = enforceabilityOf({ kind: 'judgment', remedy: 'none' }, detail.deadlines, NOW.getTime());
    expect(enforceability).toMatchObject({ state: 'term_running', termLastDay: '2026-12-15' });
    expect(Date.parse(detail.deadlines.toCjibBy!)).toBe(toCjibTerm({ kind: 'judgment', remedyLastDay: '2026-12-15' }, context.settings, context.calendar).at);
    // The Wet USB term for the signed judgment (vonnis naar OM) also runs from the session day.
    expect(amsterdamDate(Date.parse(detail.deadlines.judgmentToOmBy!)) < '2026-12-18').toBe(true);
  });

  it('takes a later (written) judgment moment, and refuses one before the session or in the future', async () => {
    const { call, fail, unrecorded } = await setup();
    const [, second] = await unrecorded();
    expect(second).toBeDefined();
    const before = await fail('outcomes.record', decided(second!.hearingId, { decidedAt: '2026-12-01T08:30:00+01:00' }));
    expect(before).toMatchObject({ code: 'INVALID_INPUT' });
    expect(before.message).toMatch(/moment van de uitspraak ligt vóór de zitting \(01-12-2026 09:00\)/);
    const future = await fail('outcomes.record', decided(second!.hearingId, { decidedAt: '2026-12-07T09:00:00+01:00' }));
    expect(future.message).toMatch(/moment van de uitspraak ligt in de toekomst/);

    const { decision } = await call('outcomes.record', decided(second!.hearingId, { decidedAt: '2026-12-03T14:00:00+01:00' }));
    expect(decision.decidedAt).toBe('2026-12-03T13:00:00.000Z');
    const detail = await call<CaseDetail>('cases.get', { id: second!.caseId });
    expect(amsterdamDate(Date.parse(detail.deadlines.appealBy!))).toBe('2026-12-17');
  });
});

describe('item 3: an unserved summons does not keep a case off the planning', () => {
  it('plans from the expected service, shows the last day to serve, and lists the unserved summons with rising severity', async () => {
    const { sql, call, fail, api, deadlineContext } = await setup();
    const context = await deadlineContext();
    const { id } = (await sql.row<{ id: number }>(
      "select id from criminal_case where status = 'awaiting_planning' and modality = 'snelrecht_nd' and planning_gaps = '' and ready_from is null order by id limit 1",
    ))!;
    let detail = await call<CaseDetail>('cases.get', { id });
    // As imported: the summons not yet served.
    detail = await call<CaseDetail>('cases.updateEvents', { caseId: id, changes: { summonsServedAt: null }, reason: 'Dagvaarding nog niet betekend (import).', expectedVersion: detail.version });
    expect(detail.events.summonsServedAt).toBeNull();
    expect(detail.readinessGaps).toEqual([]);
    expect(detail.summonsServeBy).toBeNull();

    const sessionOf = async (run: PlannerSummary) => {
      const placed = run.planned.find((p) => p.caseId === id);
      if (!placed) return null;
      return (await sql.row<{ date: string; startTime: string }>('select date, start_time as "startTime" from court_session where id = ?', [placed.sessionId]))!;
    };
    const startOf = (s: { date: string; startTime: string }) => fromAmsterdamLocal(s.date, Number(s.startTime.slice(0, 2)), Number(s.startTime.slice(3, 5)));
    const window = { from: AS_OF, to: '2027-01-29' };

    // Served now (Friday 4 December) at the earliest: the term (art. 265 lid 1 / art. 370 Sv, Atw) ends first.
    const fromNow = earliestHearing(NOW.getTime(), 'snelrecht_nd', false, context.settings, context.calendar).at;
    const proposal = await sessionOf(await call<PlannerSummary>('planner.run', { ...window, dryRun: true }));
    expect(proposal).not.toBeNull();
    expect(startOf(proposal!)).toBeGreaterThanOrEqual(fromNow);

    // A service date entered on the case: no earlier than the term allows from that day.
    detail = await call<CaseDetail>('cases.updateEvents', { caseId: id, changes: { expectedSummonsServiceOn: '2026-12-14' }, reason: 'Betekening in persoon gepland op 14-12.', expectedVersion: detail.version });
    expect(detail.expectedSummonsServiceOn).toBe('2026-12-14');
    const fromExpected = earliestHearing(startOfAmsterdamDay('2026-12-14'), 'snelrecht_nd', false, context.settings, context.calendar).at;
    expect(fromExpected).toBeGreaterThan(fromNow);
    const candidates = await call<{ date: string; breaches: string[] }[]>('planner.candidates', { caseId: id, from: '2026-12-07', to: '2026-12-31' });
    const tooEarly = candidates.filter((s) => startOfAmsterdamDay(s.date) < fromExpected - 86_400_000);
    expect(tooEarly.length).toBeGreaterThan(0);
    for (const s of tooEarly) expect(s.breaches.join(' ')).toMatch(/dagvaarding is nog niet betekend en kan niet op tijd worden betekend/);

    const run = await call<PlannerSummary>('planner.run', { ...window, dryRun: false });
    const session = (await sessionOf(run))!;
    expect(session).not.toBeNull();
    expect(startOf(session)).toBeGreaterThanOrEqual(fromExpected);

    // The case page: serve by the session minus the term (one rule: the last day from which earliestHearing allows the session).
    detail = await call<CaseDetail>('cases.get', { id });
    const serveBy = latestServiceDay(startOf(session), 'snelrecht_nd', false, context.settings, context.calendar);
    expect(detail.summonsServeBy).toBe(serveBy);
    expect(earliestHearing(startOfAmsterdamDay(serveBy), 'snelrecht_nd', false, context.settings, context.calendar).at).toBeLessThanOrEqual(startOf(session));
    expect(earliestHearing(startOfAmsterdamDay(addDays(serveBy, 1)), 'snelrecht_nd', false, context.settings, context.calendar).at).toBeGreaterThan(startOf(session));

    // Listed as a problem, more severe as the day to serve by nears.
    const severityAt = async (now: Date) => {
      const problems = await api(now).call<{ kind: string; severity: string; caseId: number | null; subject: string }[]>('planner.problems', {});
      return problems.find((p) => p.kind === 'summons_not_served' && p.caseId === id);
    };
    const early = await severityAt(NOW);
    expect(early).toMatchObject({ severity: 'info' });
    expect(early!.subject).toMatch(/dagvaarding uiterlijk betekenen op/);
    const nearer = await severityAt(new Date(fromAmsterdamLocal(addDays(serveBy, -5), 10, 0)));
    expect(nearer?.severity).toMatch(/warning|critical/);
    expect((await severityAt(new Date(fromAmsterdamLocal(serveBy, 10, 0))))?.severity).toBe('critical');

    // Served: the problem and the reminder go.
    detail = await call<CaseDetail>('cases.updateEvents', { caseId: id, changes: { summonsServedAt: '2026-12-04T09:30:00+01:00' }, reason: 'Dagvaarding in persoon uitgereikt.', expectedVersion: detail.version });
    expect(detail.summonsServeBy).toBeNull();
    expect(await severityAt(NOW)).toBeUndefined();
    expect((await fail('cases.updateEvents', { caseId: id, changes: { expectedSummonsServiceOn: '14-12-2026' }, reason: 'Verkeerde notatie', expectedVersion: detail.version })).code).toBe('INVALID_INPUT');
  });
});
