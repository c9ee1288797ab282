import { afterEach, describe, expect, it } from 'vitest';
import type { OperationName } from '../../shared/api/contract';
import type { PlannerSummary } from '../../shared/api/case-schemas';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';
import { sessionMoment } from '../../shared/outcomes/judgment-moment';

/** Recording hearing outcomes and decisions through the api handler, on both engines (the operation suite of issue 13). */
const tempDir = useTempDir();
/** The default judgment moment: the session's (oral judgment at the hearing, art. 378 Sv), not the recording's. */
const sessionStartIso = (session: { date: string; startTime: string }) => new Date(sessionMoment(session)).toISOString();
const TODAY = '2026-06-15';
const NOW = new Date('2026-06-15T14:00:00+02:00');
const NO_SIGNALS = { fitForCommunityService: 'unknown', fitForDetention: 'unknown', paymentArrangement: 'unknown', problematicDebts: 'unknown', note: null };
const fine = (euros: number, days: number | null) => ({
  kind: 'fine',
  amountCents: euros * 100,
  hours: null,
  days: null,
  conditional: false,
  probationMonths: null,
  substituteDetentionDays: days,
  description: null,
});

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

async function setup() {
  const d = await openTestDistrict(tempDir(), { seed: 5, casesPerYear: 2800, asOf: TODAY });
  district = d;
  const handle = d.api({ actor: 'griffier.test', today: () => TODAY, now: () => NOW, onInternalError: (op, e) => console.error('INTERNAL', op, e) });
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
  const row = (text: string, params: readonly unknown[] = []) => d.row<unknown>(text, params);
  const rows = (text: string, params: readonly unknown[] = []) => d.rows<unknown>(text, params);
  const run = (text: string, params: readonly unknown[] = []) => d.run(text, params);
  /** Planned hearings on today's sessions, of a modality, with the case still 'planned'. */
  const plannedToday = (modality?: string) =>
    d.rows<{ hearingId: number; caseId: number; sessionId: number }>(
      `select h.id as "hearingId", h.case_id as "caseId", h.session_id as "sessionId" from hearing h join court_session s on s.id = h.session_id
       join criminal_case c on c.id = h.case_id
       where s.date = ? and h.status = 'planned' and c.status = 'planned' ${modality ? 'and c.modality = ?' : ''} order by h.id`,
      modality ? [TODAY, modality] : [TODAY],
    );
  const count = async (table: string) => (await d.row<{ n: number }>(`select count(*) as "n" from ${table}`))!.n;
  /** The case's current version: a correction of an outcome sends it back (`expectedVersion`). */
  const caseVersion = async (caseId: number) => (await d.row<{ version: number }>('select version from criminal_case where id = ?', [caseId]))!.version;
  /**
   * Cases whose latest ZSM outcome is a strafbeschikking without its decision recorded yet: the OM's to-do
   * list (pendingPenaltyOrders in server/services/zsm/record-zsm-decision.ts, which has no operation; its
   * own test stays in test/integration/outcomes.test.ts).
   */
  const pendingPenaltyOrders = async () =>
    (
      await d.rows<{ id: number }>(`select c.id from criminal_case c
         where c.status = 'zsm_decided'
           and (select z.outcome from zsm_decision z where z.case_id = c.id order by z.id desc limit 1) = 'strafbeschikking'
           and not exists (select 1 from decision x where x.case_id = c.id and x.kind = 'penalty_order')
         order by c.id`)
    ).map((r) => r.id);
  return { call, fail, row, rows, run, plannedToday, count, caseVersion, pendingPenaltyOrders };
}

describe('recording hearing outcomes on a real district file', () => {
  it('shows the roll in order, records a judgment with its sanctions and hand-off, and refuses a second recording', async () => {
    const { call, fail, row, rows, plannedToday, count } = await setup();
    const [first] = await plannedToday();
    expect(first).toBeDefined();
    const roll = await call('outcomes.roll', { sessionId: first!.sessionId });
    expect(roll.session.date).toBe(TODAY);
    expect(roll.entries.map((e: { hearingId: number }) => e.hearingId)).toEqual([...roll.entries.map((e: { hearingId: number }) => e.hearingId)].sort((a, b) => a - b));
    const entry = roll.entries.find((e: { hearingId: number }) => e.hearingId === first!.hearingId);
    expect(entry).toMatchObject({ caseId: first!.caseId, outcome: null, decision: null, caseStatus: 'planned' });
    expect(entry.suspectName).toBeTruthy();

    const result = await call('outcomes.record', {
      hearingId: first!.hearingId,
      outcome: 'decided',
      suspectPresent: true,
      decidedBy: 'mr. A. de Rechter',
      verdict: 'sanctions',
      sanctions: [fine(450, 9), { kind: 'custodial', amountCents: null, hours: null, days: 14, conditional: true, probationMonths: 24, substituteDetentionDays: null, description: null }],
      conditions: 'Meldplicht bij de reclassering',
      signals: { ...NO_SIGNALS, problematicDebts: 'yes', note: 'Schuldhulpverlening loopt' },
    });
    expect(result.decision).toMatchObject({ kind: 'judgment', decidedBy: 'mr. A. de Rechter', suspectPresent: true, decidedAt: sessionStartIso(roll.session) });
    expect(result.decision.sanctions).toHaveLength(2);
    expect(result.decision.signals.problematicDebts).toBe('yes');
    expect(result.decision.handoff.status).toBe('waiting');
    expect(result.decision.handoff.correlationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    expect((await row('select status from hearing where id = ?', [first!.hearingId]))).toEqual({ status: 'held' });
    expect((await row('select status, judgment_at as "judgmentAt" from criminal_case where id = ?', [first!.caseId]))).toEqual({ status: 'decided', judgmentAt: sessionStartIso(roll.session) });
    const detail = await call('cases.get', { id: first!.caseId });
    expect(detail.deadlines.toCjibBy).toBeTruthy();
    expect(detail.deadlines.judgmentToOmBy).toBeTruthy();
    expect(detail.deadlines.appealBy).toBeTruthy();
    const moves = (await rows("select details from audit_event where action = 'case.status_changed' and entity_id = ? order by id", [first!.caseId])) as { details: string }[];
    expect(moves.slice(-2).map((m) => JSON.parse(m.details).to)).toEqual(['heard', 'decided']);
    expect((await row("select actor from audit_event where action = 'decision.recorded' and entity_id = ?", [result.decision.id]))).toEqual({ actor: 'griffier.test' });

    const before = await count('decision');
    const again = await fail('outcomes.record', { hearingId: first!.hearingId, outcome: 'withdrawn', reason: 'Ingetrokken door de officier' });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/al een uitkomst vastgelegd/);
    expect((await count('decision'))).toBe(before);

    const after = await call('outcomes.roll', { sessionId: first!.sessionId });
    expect(after.entries.find((e: { hearingId: number }) => e.hearingId === first!.hearingId).outcome.outcome).toBe('decided');
  });

  it('refuses an incomplete judgment with Dutch messages naming the field, and writes nothing', async () => {
    const { fail, plannedToday, count } = await setup();
    const [first] = await plannedToday();
    const base = { hearingId: first!.hearingId, outcome: 'decided', suspectPresent: true, decidedBy: 'mr. A. de Rechter', conditions: null, signals: NO_SIGNALS };
    const outcomes = await count('hearing_outcome');

    const noSubstitute = await fail('outcomes.record', { ...base, verdict: 'sanctions', sanctions: [fine(300, null)] });
    expect(noSubstitute.code).toBe('INVALID_INPUT');
    expect(noSubstitute.details!.map((d) => d.message)).toContain('Geldboete: vervangende hechtenis (dagen) ontbreekt');

    const nothing = await fail('outcomes.record', { ...base, verdict: 'sanctions', sanctions: [] });
    expect(nothing.details!.map((d) => d.message).join(' ')).toMatch(/minstens één straf of maatregel/);

    const noJudge = await fail('outcomes.record', { ...base, decidedBy: ' ', verdict: 'acquittal', sanctions: [] });
    expect(noJudge.details!.map((d) => d.message).join(' ')).toMatch(/wie de beslissing nam/);

    const tomorrow = await fail('outcomes.record', { ...base, decidedAt: '2026-06-16T10:00:00+02:00', verdict: 'acquittal', sanctions: [] });
    expect(tomorrow.message).toMatch(/moment van de uitspraak ligt in de toekomst/);
    expect((await count('hearing_outcome'))).toBe(outcomes);
  });

  it('records an acquittal without a hand-off to CJIB, and completes the case (nothing to enforce)', async () => {
    const { call, row, rows, plannedToday } = await setup();
    const [first] = await plannedToday();
    const result = await call('outcomes.record', {
      hearingId: first!.hearingId,
      outcome: 'decided',
      suspectPresent: false,
      decidedBy: 'mr. A. de Rechter',
      verdict: 'acquittal',
      sanctions: [],
      conditions: null,
      signals: NO_SIGNALS,
    });
    expect(result.decision.sanctions).toMatchObject([{ kind: 'other_measure', description: 'Vrijspraak' }]);
    expect(result.decision.handoff).toBeNull();
    expect((await row('select status from criminal_case where id = ?', [first!.caseId]))).toEqual({ status: 'completed' });
    const reasons = (await rows("select reason from audit_event where action = 'case.status_changed' and entity_id = ? order by id", [first!.caseId])) as { reason: string | null }[];
    expect(reasons.at(-1)?.reason).toMatch(/Geen straf of maatregel/);
  });

  it('puts an adjourned case back in the queue, never planned before its resume date', async () => {
    const { call, fail, row, rows, plannedToday } = await setup();
    const [first] = await plannedToday();
    const past = await fail('outcomes.record', { hearingId: first!.hearingId, outcome: 'adjourned', suspectPresent: true, reason: 'Nader onderzoek', resumeFrom: '2026-06-01' });
    expect(past.message).toMatch(/weer te plannen vanaf.*in het verleden/);

    await call('outcomes.record', { hearingId: first!.hearingId, outcome: 'adjourned', suspectPresent: true, reason: 'Rapportage reclassering afwachten', resumeFrom: '2026-07-06' });
    expect((await row('select status from hearing where id = ?', [first!.hearingId]))).toEqual({ status: 'adjourned' });
    // The hearing limits were met when the hearing started: kept for the monitoring, they no longer bind the continuation.
    expect((await row('select next_limit_kind as kind, queue_order as "queueOrder" from criminal_case where id = ?', [first!.caseId]))).toEqual({ kind: 'none', queueOrder: '9999-12-31T23:59:59.999Z' });
    expect((await row('select status, ready_from as "readyFrom" from criminal_case where id = ?', [first!.caseId]))).toEqual({
      status: 'awaiting_planning',
      readyFrom: '2026-07-05T22:00:00.000Z',
    });
    const moves = (await rows("select reason, details from audit_event where action = 'case.status_changed' and entity_id = ? order by id desc limit 3", [first!.caseId])) as { reason: string; details: string }[];
    expect(moves.map((m) => JSON.parse(m.details).to)).toEqual(['awaiting_planning', 'adjourned', 'heard']);
    expect(moves.map((m) => m.reason)).toEqual(Array(3).fill('Rapportage reclassering afwachten'));

    const proposal = await call<PlannerSummary>('planner.run', { from: TODAY, to: '2026-07-26', dryRun: true });
    expect(proposal.planned.length).toBeGreaterThan(0);
    const placed = proposal.planned.find((p) => p.caseId === first!.caseId);
    // The window reaches past the resume date: the case is proposed, and not before 6 July.
    expect(placed).toBeDefined();
    if (placed) {
      const date = ((await row('select date from court_session where id = ?', [placed.sessionId])) as { date: string }).date;
      expect(date >= '2026-07-06').toBe(true);
    }
    const early = await call<PlannerSummary>('planner.run', { from: TODAY, to: '2026-07-03', dryRun: true });
    expect(early.planned.map((p) => p.caseId)).not.toContain(first!.caseId);
  });

  it('sends a case that did not appear back to planning with a new summons needed', async () => {
    const { call, row, plannedToday } = await setup();
    const [first] = await plannedToday('snelrecht_nd');
    expect(first).toBeDefined();
    await call('outcomes.record', { hearingId: first!.hearingId, outcome: 'not_appeared', reason: 'Verdachte niet verschenen, dagvaarding onzeker' });
    const c = (await row('select status, summons_served_at as served, planning_gaps as gaps from criminal_case where id = ?', [first!.caseId])) as { status: string; served: string | null; gaps: string };
    expect(c.status).toBe('awaiting_planning');
    expect(c.served).toBeNull();
    // Not a readiness gap: it is planned again no earlier than a new summons allows (issue 11 item 3).
    expect(c.gaps.split(',')).not.toContain('summons_served');
    expect((await row('select status from hearing where id = ?', [first!.hearingId]))).toEqual({ status: 'adjourned' });
  });

  it('keeps the custody limit of a detained case binding after a no-show (the hearing did not start)', async () => {
    const { call, row, plannedToday } = await setup();
    const detained = [...(await plannedToday('snelrecht')), ...(await plannedToday('supersnelrecht'))][0];
    expect(detained).toBeDefined();
    if (!detained) return;
    const before = (await row('select hearing_by as "hearingBy", next_limit_kind as kind from criminal_case where id = ?', [detained.caseId])) as { hearingBy: string | null; kind: string };
    expect(before.hearingBy).not.toBeNull();
    await call('outcomes.record', { hearingId: detained.hearingId, outcome: 'not_appeared', reason: 'Verdachte niet voorgeleid' });
    const after = (await row('select hearing_by as "hearingBy", next_limit_kind as kind from criminal_case where id = ?', [detained.caseId])) as { hearingBy: string | null; kind: string };
    expect(after.hearingBy).toBe(before.hearingBy);
    expect(['hearing', 'voorgeleiding']).toContain(after.kind);
  });

  it('withdraws a case: the hearing is cancelled and the case withdrawn', async () => {
    const { call, row, plannedToday } = await setup();
    const [first] = await plannedToday();
    await call('outcomes.record', { hearingId: first!.hearingId, outcome: 'withdrawn', reason: 'Officier trekt de dagvaarding in' });
    expect((await row('select status from hearing where id = ?', [first!.hearingId]))).toEqual({ status: 'cancelled' });
    expect((await row('select status from criminal_case where id = ?', [first!.caseId]))).toEqual({ status: 'withdrawn' });
  });

  it('refuses an outcome for a session still to come', async () => {
    const { fail, row } = await setup();
    const future = (await row("select h.id from hearing h join court_session s on s.id = h.session_id where s.date > ? and h.status = 'planned' limit 1", [TODAY])) as { id: number };
    const error = await fail('outcomes.record', { hearingId: future.id, outcome: 'withdrawn', reason: 'Ingetrokken' });
    expect(error.message).toMatch(/nog niet geweest/);
  });

  it('corrects an outcome with the old and new values audited, until the decision is sent to CJIB', async () => {
    const { call, fail, row, rows, run, plannedToday, caseVersion } = await setup();
    const [first] = await plannedToday();
    const recorded = await call('outcomes.record', {
      hearingId: first!.hearingId,
      outcome: 'decided',
      suspectPresent: true,
      decidedBy: 'mr. A. de Rechter',
      verdict: 'sanctions',
      sanctions: [fine(450, 9)],
      conditions: null,
      signals: NO_SIGNALS,
    });
    const sanctionId = recorded.decision.sanctions[0].id;
    const corrected = await call('outcomes.correct', {
      reason: 'Bedrag verkeerd overgenomen',
      record: {
        hearingId: first!.hearingId,
        outcome: 'decided',
        suspectPresent: true,
        decidedBy: 'mr. A. de Rechter',
        verdict: 'sanctions',
        sanctions: [{ ...fine(540, 11), id: sanctionId }],
        conditions: null,
        signals: NO_SIGNALS,
      },
      expectedVersion: await caseVersion(first!.caseId),
    });
    expect(corrected.decision.sanctions).toMatchObject([{ id: sanctionId, amountCents: 54000, substituteDetentionDays: 11 }]);
    expect(corrected.decision.handoff.correlationId).toBe(recorded.decision.handoff.correlationId);
    const audit = (await row("select reason, details from audit_event where action = 'outcome.corrected'")) as { reason: string; details: string };
    expect(audit.reason).toBe('Bedrag verkeerd overgenomen');
    const details = JSON.parse(audit.details);
    expect(details.old.sanctions[0].amountCents).toBe(45000);
    expect(details.new.sanctions[0].amountCents).toBe(54000);

    const kindChange = await fail('outcomes.correct', {
      reason: 'Toch aangehouden',
      record: { hearingId: first!.hearingId, outcome: 'withdrawn', reason: 'Ingetrokken' },
      expectedVersion: await caseVersion(first!.caseId),
    });
    expect(kindChange.message).toMatch(/kan niet worden omgezet/);

    // CJIB has it now: neither the outcome nor the decision can change until it comes back.
    await run("update cjib_handoff set status = 'sent', attempt = 1 where decision_id = ?", [recorded.decision.id]);
    const locked = await fail('outcomes.correct', {
      reason: 'Nog een correctie',
      record: { hearingId: first!.hearingId, outcome: 'decided', suspectPresent: true, decidedBy: 'mr. A. de Rechter', verdict: 'sanctions', sanctions: [fine(600, 12)], conditions: null, signals: NO_SIGNALS },
      expectedVersion: await caseVersion(first!.caseId),
    });
    expect(locked.message).toMatch(/al naar het CJIB gestuurd/);
    const update = {
      decisionId: recorded.decision.id,
      sanctions: [{ ...fine(540, 11), id: sanctionId }],
      conditions: null,
      judgmentSignedAt: '2026-06-15T14:00:00+02:00',
      remedy: 'none',
      remedyFiledAt: null,
      reason: 'Na retour R03 aangevuld',
      expectedVersion: corrected.decision.version,
    };
    expect((await fail('decisions.update', update)).message).toMatch(/wacht op antwoord/);

    await run("update cjib_handoff set status = 'returned', return_code = 'R03', return_count = 1 where decision_id = ?", [recorded.decision.id]);
    const updated = await call('decisions.update', update);
    expect(updated.judgmentSignedAt).toBe('2026-06-15T12:00:00.000Z');
    expect(updated.sanctions[0].id).toBe(sanctionId);
    const corrections = (await rows("select reason from audit_event where action = 'decision.corrected' and entity_id = ?", [recorded.decision.id]));
    expect(corrections).toEqual([{ reason: 'Na retour R03 aangevuld' }]);

    const appealWithoutDate = await fail('decisions.update', { ...update, remedy: 'appeal', expectedVersion: updated.version });
    expect(appealWithoutDate.details!.map((d) => d.message)).toContain('Vul in wanneer het rechtsmiddel is ingesteld');

    // Sent again; an appeal that reached the clerk late can still be recorded (only the remedy changes), nothing else can.
    await run("update cjib_handoff set status = 'sent', attempt = 2 where decision_id = ?", [recorded.decision.id]);
    const current = { ...update, expectedVersion: updated.version, sanctions: updated.sanctions.map((x: Record<string, unknown>) => ({ id: x.id, kind: x.kind, amountCents: x.amountCents, hours: x.hours, days: x.days, conditional: x.conditional, probationMonths: x.probationMonths, substituteDetentionDays: x.substituteDetentionDays, description: x.description })) };
    const appeal = await call('decisions.update', { ...current, remedy: 'appeal', remedyFiledAt: '2026-06-15T14:00:00+02:00', reason: 'Hoger beroep via de penitentiaire inrichting' });
    expect(appeal.remedy).toBe('appeal');
    expect((await fail('decisions.update', { ...current, sanctions: [{ ...fine(500, 10), id: sanctionId }], reason: 'Bedrag', expectedVersion: appeal.version })).message).toMatch(/alleen een ingesteld rechtsmiddel/);
  });

  it('marks a judgment signed once and records the advisory signals with their history', async () => {
    const { call, fail, row, plannedToday } = await setup();
    const [first] = await plannedToday();
    const { decision } = await call('outcomes.record', {
      hearingId: first!.hearingId,
      outcome: 'decided',
      suspectPresent: true,
      decidedBy: 'mr. A. de Rechter',
      verdict: 'sanctions',
      sanctions: [{ kind: 'community_service', amountCents: null, hours: 60, days: null, conditional: false, probationMonths: null, substituteDetentionDays: 30, description: null }],
      conditions: null,
      signals: NO_SIGNALS,
    });
    const early = await fail('decisions.markSigned', { decisionId: decision.id, signedAt: '2026-06-14T10:00:00+02:00', expectedVersion: decision.version });
    expect(early.message).toMatch(/ondertekening ligt vóór de beslissing/);
    const late = await fail('decisions.markSigned', { decisionId: decision.id, signedAt: '2026-06-15T16:00:00+02:00', expectedVersion: decision.version });
    expect(late.message).toMatch(/ondertekening ligt in de toekomst/);
    const signed = await call('decisions.markSigned', { decisionId: decision.id, signedAt: '2026-06-15T13:55:00+02:00', expectedVersion: decision.version });
    expect(signed.judgmentSignedAt).toBe('2026-06-15T11:55:00.000Z');
    // Signed already (sent from the current version: refused by the lifecycle, not as a stale edit).
    const again = await fail('decisions.markSigned', { decisionId: decision.id, signedAt: '2026-06-15T13:55:00+02:00', expectedVersion: signed.version });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).not.toMatch(/intussen gewijzigd/);

    const signals = await call('decisions.updateSignals', { decisionId: decision.id, ...NO_SIGNALS, fitForCommunityService: 'no', note: 'Reclassering: fysiek niet geschikt', expectedVersion: signed.version });
    expect(signals.signals).toMatchObject({ fitForCommunityService: 'no', note: 'Reclassering: fysiek niet geschikt' });
    const audit = JSON.parse(((await row("select details from audit_event where action = 'decision.signals_updated'")) as { details: string }).details);
    expect(audit.old.fitForCommunityService).toBe('unknown');
    expect(audit.new.fitForCommunityService).toBe('no');
  });

  it('records an OM strafbeschikking for a ZSM case: delivery moment, hand-off and the CJIB countdown', async () => {
    const { call, fail, row, pendingPenaltyOrders } = await setup();
    const pending = await pendingPenaltyOrders();
    expect(pending.length).toBeGreaterThan(0);
    const caseId = pending.at(-1)!;
    const zsm = (await row('select decided_at as "decidedAt" from zsm_decision where case_id = ? order by id desc limit 1', [caseId])) as { decidedAt: string };
    const deliveredAt = new Date(Date.parse(zsm.decidedAt) + 3_600_000).toISOString();
    const custodial = await fail('decisions.recordPenaltyOrder', {
      caseId,
      decidedBy: 'mr. O. van Justitie',
      deliveredAt,
      sanctions: [{ kind: 'custodial', amountCents: null, hours: null, days: 10, conditional: false, probationMonths: null, substituteDetentionDays: null, description: null }],
      conditions: null,
      signals: NO_SIGNALS,
    });
    expect(custodial.details!.map((d) => d.message).join(' ')).toMatch(/strafbeschikking kan geen vrijheidsstraf/);

    const decision = await call('decisions.recordPenaltyOrder', { caseId, decidedBy: 'mr. O. van Justitie', deliveredAt, sanctions: [fine(250, null)], conditions: null, signals: NO_SIGNALS });
    expect(decision).toMatchObject({ kind: 'penalty_order', decidedAt: zsm.decidedAt, hearingId: null });
    expect(decision.handoff.status).toBe('waiting');
    const detail = await call('cases.get', { id: caseId });
    expect(detail.events.penaltyOrderDeliveredAt).toBe(deliveredAt);
    expect(detail.deadlines.verzetBy).toBeTruthy();
    expect(detail.deadlines.toCjibBy).toBeTruthy();
    expect(detail.status).toBe('zsm_decided');
    expect(await pendingPenaltyOrders()).not.toContain(caseId);
    const twice = await fail('decisions.recordPenaltyOrder', { caseId, decidedBy: 'mr. O. van Justitie', deliveredAt, sanctions: [fine(250, null)], conditions: null, signals: NO_SIGNALS });
    expect(twice.message).toMatch(/al vastgelegd/);
    expect(await call('decisions.forCase', { caseId })).toHaveLength(1);
  });
});
