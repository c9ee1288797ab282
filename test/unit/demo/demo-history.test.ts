import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/calendar/local-date';
import { fromAmsterdamLocal, startOfAmsterdamDay } from '../../../shared/calendar/amsterdam-time';
import { createCourtCalendar } from '../../../shared/calendar/court-calendar';
import { canTransition } from '../../../shared/domain/case-lifecycle';
import { isTerminalFor, statusFitsSanction } from '../../../shared/cjib/execution-rules';
import { sanctionProblems } from '../../../shared/cjib/sanction-rules';
import { computeDeadlines } from '../../../shared/deadlines/compute-deadlines';
import { appealTerm, verzetTerm } from '../../../shared/deadlines/remedy-terms';
import { toDeadlineInput } from '../../../shared/intake/case-intake';
import { generateDemoDistrict, type DemoCase, type DemoHearing, type DemoOptions } from '../../../server/services/demo/generate-demo-district';
import { caseTimeline } from '../../../server/services/demo/demo-timeline';

// The small district of `ketenplanner demo --cases 700 --years 2 --moves`.
const OPTIONS: DemoOptions = { seed: 3, casesPerYear: 700, asOf: '2026-06-15', years: 2, moves: true, chain: true };
const demo = generateDemoDistrict(OPTIONS);
const cutoff = startOfAmsterdamDay(OPTIONS.asOf);
const calendar = createCourtCalendar();
const ms = (iso: string) => Date.parse(iso);
const startOf = (h: DemoHearing) => {
  const s = demo.sessions[h.session]!;
  const [hour, minute] = s.startTime.split(':').map(Number) as [number, number];
  return fromAmsterdamLocal(s.date, hour, minute);
};
const decided = demo.cases.filter((c) => c.decision);
const handedOff = decided.filter((c) => c.decision!.handoff && c.decision!.handoff.sends.length > 0);

describe('the demo history (700 cases a year, 2 years)', () => {
  it('is deterministic by seed, and two years hold twice the cases of one', () => {
    expect(generateDemoDistrict(OPTIONS)).toEqual(demo);
    expect(demo.cases).toHaveLength(1400);
    expect(demo.sessions[0]!.date >= addDays(OPTIONS.asOf, -729) && demo.sessions[0]!.date <= addDays(OPTIONS.asOf, -720)).toBe(true);
    expect(generateDemoDistrict({ ...OPTIONS, seed: 4 }).cases.map((c) => c.decision?.handoff?.correlationId)).not.toEqual(decided.map((c) => c.decision?.handoff?.correlationId));
  });

  it('adds no outcome, decision or hand-off to a planning-only district', () => {
    const planningOnly = generateDemoDistrict({ ...OPTIONS, chain: false });
    expect(planningOnly.cases.filter((c) => c.decision || c.hearing?.outcome || c.rehearing)).toEqual([]);
    expect(planningOnly.cases.some((c) => c.status === 'heard')).toBe(true);
  });

  it('has every stage of the chain: judgments, penalty orders, returns, acknowledgements, executions, moves, adjournments', () => {
    const kinds = new Set(decided.map((c) => c.decision!.kind));
    expect([...kinds].sort()).toEqual(['judgment', 'penalty_order']);
    expect(handedOff.some((c) => c.decision!.handoff!.sends.some((s) => s.returned))).toBe(true);
    expect(handedOff.filter((c) => c.decision!.handoff!.ack).length).toBeGreaterThan(handedOff.length * 0.9);
    const statuses = new Set(demo.cases.map((c) => c.status));
    for (const status of ['completed', 'in_execution', 'decided', 'planned', 'awaiting_planning']) expect(statuses).toContain(status);
    expect(demo.cases.filter((c) => c.hearing?.movedFrom).length).toBeGreaterThan(10);
    expect(demo.cases.filter((c) => c.rehearing).length).toBeGreaterThan(10);
    const sanctionKinds = new Set(decided.flatMap((c) => c.decision!.sanctions.map((s) => s.kind)));
    for (const kind of ['fine', 'community_service', 'custodial', 'compensation_order']) expect(sanctionKinds).toContain(kind);
  });

  it('gives a judgment only after its hearing started, and records it no later than today', () => {
    for (const c of decided.filter((x) => x.decision!.kind === 'judgment')) {
      const heard = c.rehearing?.status === 'held' ? c.rehearing : c.hearing!;
      expect(heard.status).toBe('held');
      expect(ms(c.decision!.decidedAt), c.parketnummer).toBeGreaterThanOrEqual(startOf(heard));
      expect(ms(c.decision!.recordedAt)).toBeGreaterThanOrEqual(ms(c.decision!.decidedAt));
      expect(ms(c.decision!.recordedAt)).toBeLessThanOrEqual(cutoff);
    }
  });

  it('hands a decision to CJIB only after its appeal or verzet term ran out unused, and signed', () => {
    expect(handedOff.length).toBeGreaterThan(200);
    for (const c of handedOff) {
      const d = c.decision!;
      expect(d.remedy).toBe('none');
      const term = d.kind === 'judgment' ? appealTerm(ms(d.decidedAt), calendar) : verzetTerm(ms(d.deliveredAt!), calendar);
      const enforceableAt = startOfAmsterdamDay(addDays(term.lastDay, 1));
      expect(ms(d.handoff!.sends[0]!.sentAt), c.parketnummer).toBeGreaterThanOrEqual(enforceableAt);
      if (d.kind === 'judgment') expect(ms(d.judgmentSignedAt!)).toBeLessThanOrEqual(ms(d.handoff!.sends[0]!.sentAt));
    }
  });

  it('acknowledges only after the send it answers, re-sends only after repair, and executes only after acknowledgement', () => {
    for (const c of handedOff) {
      const h = c.decision!.handoff!;
      h.sends.forEach((send, i) => {
        if (i > 0) expect(ms(send.sentAt)).toBeGreaterThan(ms(h.sends[i - 1]!.returned!.reworkedAt!));
        if (send.returned) expect(ms(send.returned.at)).toBeGreaterThan(ms(send.sentAt));
      });
      if (h.ack) {
        expect(h.ack.attempt).toBe(h.sends.length);
        expect(ms(h.ack.at)).toBeGreaterThan(ms(h.sends.at(-1)!.sentAt));
        expect(ms(h.ack.importedAt)).toBeLessThanOrEqual(cutoff);
      }
      for (const s of c.decision!.sanctions) {
        if (s.executions.length > 0) expect(h.ack).not.toBeNull();
        for (const e of s.executions) {
          expect(statusFitsSanction(s.kind, e.status)).toBe(true);
          expect(ms(e.at)).toBeGreaterThan(ms(h.ack!.importedAt));
          expect(ms(e.importedAt)).toBeLessThanOrEqual(cutoff);
        }
      }
    }
  });

  it('sends in one batch a day (15:00 on court days), every send with its batch id', () => {
    const sends = handedOff.flatMap((c) => c.decision!.handoff!.sends);
    const uidOfMoment = new Map<string, Set<string>>();
    for (const send of sends) {
      expect(send.batchUid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      uidOfMoment.set(send.sentAt, (uidOfMoment.get(send.sentAt) ?? new Set()).add(send.batchUid));
    }
    expect([...uidOfMoment.values()].every((uids) => uids.size === 1)).toBe(true);
    expect(new Set(sends.map((s) => s.batchUid)).size).toBe(uidOfMoment.size);
    for (const moment of uidOfMoment.keys()) {
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(ms(moment));
      expect(ms(moment)).toBe(fromAmsterdamLocal(day, 15, 0));
      expect(calendar.isCourtDay(day)).toBe(true);
      expect(ms(moment)).toBeLessThan(cutoff);
    }
    // A batch most court days: more than one decision per batch on average.
    expect(uidOfMoment.size).toBeGreaterThan(100);
    expect(sends.length / uidOfMoment.size).toBeGreaterThan(1.5);
  });

  it('leaves on the as-of date a few final decisions for the next batch (the OM work list is not empty), and sends within the norm mostly', () => {
    const lastBatch = Math.max(...handedOff.flatMap((c) => c.decision!.handoff!.sends.map((s) => ms(s.sentAt))));
    const finalAt = (c: DemoCase) => {
      const d = c.decision!;
      const term = d.kind === 'judgment' ? appealTerm(ms(d.decidedAt), calendar) : verzetTerm(ms(d.deliveredAt!), calendar);
      return Math.max(startOfAmsterdamDay(addDays(term.lastDay, 1)), d.kind === 'judgment' ? ms(d.judgmentSignedAt ?? '9999-12-31') : ms(d.recordedAt));
    };
    const waiting = decided.filter((c) => {
      const d = c.decision!;
      if (!d.handoff || d.handoff.sends.length > 0 || d.remedy !== 'none') return false;
      return finalAt(c) <= cutoff;
    });
    const reworked = handedOff.filter((c) => {
      const last = c.decision!.handoff!.sends.at(-1)!;
      return last.returned?.reworkedAt != null && !c.decision!.handoff!.ack && c.decision!.handoff!.sends.length === 1;
    });
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.length + reworked.length).toBeLessThan(handedOff.length * 0.03);
    // Each was final (and signed) only shortly before: the last batches came before it was due.
    for (const c of waiting) expect(cutoff - finalAt(c), c.parketnummer).toBeLessThan(45 * 86_400_000);
    expect(lastBatch).toBeLessThan(cutoff);
    const late = handedOff.filter((c) => {
      const d = c.decision!;
      const term = d.kind === 'judgment' ? appealTerm(ms(d.decidedAt), calendar) : verzetTerm(ms(d.deliveredAt!), calendar);
      return ms(d.handoff!.sends[0]!.sentAt) > startOfAmsterdamDay(addDays(term.lastDay, 1)) + 20 * 86_400_000;
    });
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(handedOff.length * 0.25);
  });

  it('writes only valid sanctions, and completes a case only when every sanction to execute has ended', () => {
    for (const c of decided) {
      const d = c.decision!;
      d.sanctions.forEach((s, i) => expect(sanctionProblems({ id: i + 1, ...s }, s.kind, d.kind), c.parketnummer).toEqual([]));
      if (c.status === 'completed' && c.zsmDecision?.outcome !== 'sepot' && c.zsmDecision?.outcome !== 'other_route') {
        for (const s of d.sanctions.filter((x) => !x.conditional && x.kind !== 'other_measure')) expect(s.executions.some((e) => isTerminalFor(s.kind, e.status))).toBe(true);
      }
    }
  });

  it('holds no first hearing after its hard limit nor before the summons term, and books no session beyond capacity', () => {
    const booked = new Map<number, number>();
    for (const c of demo.cases) {
      for (const h of [c.hearing, c.rehearing]) if (h && h.status !== 'cancelled') booked.set(h.session, (booked.get(h.session) ?? 0) + 1);
      if (!c.hearing) continue;
      const limits = computeDeadlines(toDeadlineInput(c.parketnummer, c) as never);
      if (limits.hearingBy) expect(startOf(c.hearing), c.parketnummer).toBeLessThanOrEqual(ms(limits.hearingBy));
      if (limits.hearingFrom) expect(startOf(c.hearing)).toBeGreaterThanOrEqual(ms(limits.hearingFrom));
      if (c.hearing.movedFrom) expect(ms(c.hearing.movedFrom.movedAt)).toBeLessThan(Math.min(startOf(c.hearing), startOf({ ...c.hearing, session: c.hearing.movedFrom.session })));
    }
    for (const [index, n] of booked) expect(n).toBeLessThanOrEqual(demo.sessions[index]!.capacitySlots);
  });

  it('logs about ten events a case, every status move one the lifecycle allows, in time order, none after today', () => {
    let events = 0;
    for (const c of demo.cases) {
      const timeline = caseTimeline(c, demo.sessions);
      events += timeline.events.length;
      expect(timeline.status).toBe(c.status);
      const moves = timeline.events.filter((e) => e.action === 'case.status_changed').map((e) => e.details as { from: DemoCase['status']; to: DemoCase['status'] });
      moves.forEach((m, i) => {
        expect(canTransition(m.from, m.to), `${c.parketnummer}: ${m.from} -> ${m.to}`).toBe(true);
        expect(m.from, c.parketnummer).toBe(i === 0 ? 'intake' : moves[i - 1]!.to);
      });
      const times = timeline.events.map((e) => ms(e.at));
      for (let i = 1; i < times.length; i++) expect(times[i]!, `${c.parketnummer} ${timeline.events[i]!.action}`).toBeGreaterThanOrEqual(times[i - 1]!);
      if (c.status !== 'intake') for (const t of times) expect(t).toBeLessThanOrEqual(cutoff + 86_400_000);
    }
    expect(events / demo.cases.length).toBeGreaterThan(7);
    expect(events / demo.cases.length).toBeLessThan(16);
  });
});
