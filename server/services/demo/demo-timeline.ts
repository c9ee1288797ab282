import { fromAmsterdamLocal } from '../../../shared/calendar/amsterdam-time';
import { throughputDays, EXECUTION_STATUS_LABELS } from '../../../shared/cjib/execution-rules';
import { describeReturnReason } from '../../../shared/cjib/return-reasons';
import type { CaseStatus } from '../../../shared/domain/case-status';
import type { DemoDecision } from './demo-chain';
import type { DemoCase, DemoHearing, DemoSession } from './demo-types';

/** What an audit row is about, before the rows have ids. */
export type DemoEntity =
  | { kind: 'case' }
  | { kind: 'hearing'; which: HearingSlot }
  | { kind: 'decision' }
  | { kind: 'handoff' }
  | { kind: 'sanction'; index: number };

/** 'moved': the cancelled hearing on the session the first hearing was first planned on. */
export type HearingSlot = 'first' | 'moved' | 'rehearing';

export interface DemoEvent {
  at: string;
  action: string;
  entity: DemoEntity;
  reason: string | null;
  details: Record<string, unknown> | null;
}

/** The row ids the writer gives a case's rows (zero when only the status is wanted). */
export interface DemoIds {
  caseId: number;
  hearingId: (slot: HearingSlot) => number;
  sessionId: (sessionIndex: number) => number;
  decisionId: number;
  handoffId: number;
  sanctionId: (index: number) => number;
}

const NO_IDS: DemoIds = { caseId: 0, hearingId: () => 0, sessionId: () => 0, decisionId: 0, handoffId: 0, sanctionId: () => 0 };
const CASE: DemoEntity = { kind: 'case' };

/**
 * The audit trail of one demo case, in the order and with the actions the services write them
 * (case.status_changed for every lifecycle move), and the status it ends in. One source for both:
 * the generator takes the status from here, the writer the events.
 */
export function caseTimeline(c: DemoCase, sessions: readonly DemoSession[], ids: DemoIds = NO_IDS): { status: CaseStatus; events: DemoEvent[] } {
  const events: DemoEvent[] = [];
  let status: CaseStatus = 'intake';
  const add = (at: string, action: string, entity: DemoEntity, reason: string | null, details: Record<string, unknown> | null) => events.push({ at, action, entity, reason, details });
  const move = (at: string, to: CaseStatus, reason: string | null = null, details: Record<string, unknown> = {}) => {
    add(at, 'case.status_changed', CASE, reason, { from: status, to, ...details });
    status = to;
  };
  const { caseId } = ids;

  add(c.createdAt, 'case.created', CASE, null, null);
  const zsm = c.zsmDecision;
  if (zsm) {
    move(zsm.decidedAt, 'zsm_decided', zsm.reason, { outcome: zsm.outcome });
    add(zsm.decidedAt, 'zsm.decided', CASE, zsm.reason, { outcome: zsm.outcome, otherRoute: zsm.otherRoute, prosecutorName: zsm.prosecutorName });
    if (zsm.outcome === 'sepot' || zsm.outcome === 'other_route') move(zsm.decidedAt, 'completed', zsm.reason, { outcome: zsm.outcome });
    else if (zsm.outcome !== 'strafbeschikking') move(zsm.decidedAt, 'awaiting_planning', 'Dagvaarding na ZSM-beslissing');
  } else if (c.modality === 'filler') {
    move(c.createdAt, 'awaiting_planning', 'Aanvulzaak ter planning aangeboden');
  }

  if (c.decision?.kind === 'penalty_order') chainAfterDecision(c.decision);
  if (c.hearing) hearingPart(c.hearing, 'first');
  if (c.rehearing) hearingPart(c.rehearing, 'rehearing');
  // The chain's steps are appended per thread (signature, remedy, hand-off); the log is in time order.
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { status, events };

  function hearingPart(h: DemoHearing, slot: HearingSlot) {
    const sessionId = ids.sessionId(h.session);
    if (h.movedFrom) {
      const fromSessionId = ids.sessionId(h.movedFrom.session);
      add(h.plannedAt, 'hearing.planned', { kind: 'hearing', which: 'moved' }, null, { caseId, sessionId: fromSessionId });
      move(h.plannedAt, 'planned', null, { sessionId: fromSessionId, hearingId: ids.hearingId('moved') });
      add(h.movedFrom.movedAt, 'hearing.moved', { kind: 'hearing', which: 'moved' }, 'Op verzoek van de verdediging verplaatst', {
        caseId,
        fromSessionId,
        toSessionId: sessionId,
        newHearingId: ids.hearingId(slot),
      });
    } else {
      add(h.plannedAt, 'hearing.planned', { kind: 'hearing', which: slot }, null, { caseId, sessionId });
      move(h.plannedAt, 'planned', null, { sessionId, hearingId: ids.hearingId(slot) });
    }
    if (h.status === 'planned') return;
    const session = sessions[h.session]!;
    const hearingId = ids.hearingId(slot);
    const outcome = h.outcome;
    if (!outcome) {
      // Held or adjourned, the clerk has not recorded it yet.
      const [hour, minute] = session.startTime.split(':').map(Number) as [number, number];
      const start = new Date(fromAmsterdamLocal(session.date, hour, minute)).toISOString();
      move(start, 'heard', null, { hearingId });
      if (h.status === 'adjourned') move(start, 'adjourned', null, { hearingId });
      return;
    }
    if (outcome.outcome === 'adjourned') {
      add(outcome.recordedAt, 'outcome.recorded', { kind: 'hearing', which: slot }, outcome.adjournmentReason, {
        caseId,
        sessionId,
        outcome: 'adjourned',
        resumeFrom: outcome.resumeFrom,
        suspectPresent: outcome.suspectPresent,
      });
      for (const to of ['heard', 'adjourned', 'awaiting_planning'] as const) move(outcome.recordedAt, to, outcome.adjournmentReason, { hearingId, resumeFrom: outcome.resumeFrom });
      return;
    }
    const decision = c.decision!;
    add(outcome.recordedAt, 'outcome.recorded', { kind: 'hearing', which: slot }, null, { caseId, sessionId, outcome: 'decided', suspectPresent: outcome.suspectPresent, decisionId: ids.decisionId });
    add(outcome.recordedAt, 'decision.recorded', { kind: 'decision' }, null, decisionDetails(decision));
    if (decision.handoff) add(decision.handoff.createdAt, 'cjib.handoff_created', { kind: 'handoff' }, null, { decisionId: ids.decisionId, correlationId: decision.handoff.correlationId });
    move(outcome.recordedAt, 'heard', null, { hearingId, decisionId: ids.decisionId });
    move(outcome.recordedAt, 'decided', null, { hearingId, decisionId: ids.decisionId });
    chainAfterDecision(decision);
  }

  function decisionDetails(d: DemoDecision): Record<string, unknown> {
    return {
      caseId,
      kind: d.kind,
      decidedAt: d.decidedAt,
      decidedBy: d.decidedBy,
      ...(d.deliveredAt ? { deliveredAt: d.deliveredAt } : {}),
      sanctions: d.sanctions.map(({ executions: _executions, ...s }, index) => ({ id: ids.sanctionId(index), ...s })),
    };
  }

  function chainAfterDecision(d: DemoDecision) {
    const decisionId = ids.decisionId;
    if (d.kind === 'penalty_order') {
      add(d.recordedAt, 'decision.recorded', { kind: 'decision' }, null, decisionDetails(d));
      add(d.recordedAt, 'case.penalty_order_delivered', CASE, null, { decisionId, penaltyOrderDeliveredAt: d.deliveredAt });
      if (d.handoff) add(d.handoff.createdAt, 'cjib.handoff_created', { kind: 'handoff' }, null, { decisionId, correlationId: d.handoff.correlationId });
    }
    if (d.judgmentSignedAt) add(d.judgmentSignedAt, 'decision.signed', { kind: 'decision' }, null, { caseId, judgmentSignedAt: d.judgmentSignedAt });
    if (d.remedyFiledAt) {
      add(d.remedyFiledAt, 'decision.corrected', { kind: 'decision' }, d.remedy === 'appeal' ? 'Hoger beroep ingesteld' : 'Verzet ingesteld', {
        caseId,
        old: { remedy: 'none', remedyFiledAt: null },
        new: { remedy: d.remedy, remedyFiledAt: d.remedyFiledAt },
      });
    }
    const handoff = d.handoff;
    if (!handoff) return;
    const handoffId = ids.handoffId;
    const cjib = { caseId, correlationId: handoff.correlationId };
    for (const send of handoff.sends) {
      add(send.sentAt, 'cjib.handoff_sent', { kind: 'handoff' }, null, { batchUid: send.batchUid, attempt: send.attempt, correlationId: handoff.correlationId, decisionId, caseId });
      if (status !== 'handed_to_cjib' && status !== 'in_execution') move(send.sentAt, 'handed_to_cjib', null, { handoffId, attempt: send.attempt });
      const r = send.returned;
      if (!r) continue;
      const reason = `Retour van het CJIB: ${describeReturnReason(r.code, r.reason)}`;
      add(r.importedAt, 'cjib.returned', { kind: 'handoff' }, reason, { ...cjib, attempt: send.attempt, reasonCode: r.code, reasonText: r.reason, at: r.at });
      move(r.importedAt, 'returned_from_cjib', reason, { handoffId, reasonCode: r.code });
      if (r.reworkedAt) {
        add(r.reworkedAt, 'cjib.handoff_reworked', { kind: 'handoff' }, `Hersteld na retour ${r.code}`, { returnCode: r.code, returnCount: 1, attempt: send.attempt, caseId });
      }
    }
    const ack = handoff.ack;
    if (!ack) return;
    add(ack.importedAt, 'cjib.acknowledged', { kind: 'handoff' }, null, { ...cjib, attempt: ack.attempt, at: ack.at });
    move(ack.importedAt, 'in_execution', `Ontvangst bevestigd door het CJIB (poging ${ack.attempt})`, { handoffId });
    const reports = d.sanctions
      .flatMap((s, index) => s.executions.map((e) => ({ ...e, index })))
      .sort((a, b) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : a.index - b.index));
    if (d.completedAt === ack.importedAt && reports.length === 0) {
      move(ack.importedAt, 'completed', 'Niets ten uitvoer te leggen: alleen voorwaardelijke straffen of andere maatregelen', { handoffId });
      return;
    }
    for (const e of reports) {
      add(e.importedAt, 'sanction.execution_reported', { kind: 'sanction', index: e.index }, EXECUTION_STATUS_LABELS[e.status], { caseId, handoffId, status: e.status, at: e.at });
      if (d.completedAt !== null && e.importedAt === d.completedAt && status !== 'completed') {
        move(e.importedAt, 'completed', 'Alle sancties zijn ten uitvoer gelegd', { handoffId, completedAt: e.at, throughputDays: throughputDays(c.offenceAt ?? c.arrestedAt, e.at) });
      }
    }
  }
}
