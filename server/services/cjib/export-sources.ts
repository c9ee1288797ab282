import type { BatchDecisionSource } from '../../../shared/cjib/batch-format';
import type { HandoffFacts } from './queue-facts';

/** One decision of a batch as the builder reads it, sent as the given attempt. */
export function batchDecisionSource(facts: HandoffFacts, attempt: number, enforceableAt: number): BatchDecisionSource {
  const { handoff, decision, caseRow, suspect } = facts;
  return {
    correlationId: handoff.correlationId,
    attempt,
    parketnummer: caseRow.parketnummer,
    decisionKind: decision.kind,
    decidedAt: decision.decidedAt,
    decidedBy: decision.decidedBy,
    enforceableAt,
    suspectPresent: decision.suspectPresent,
    person: { fullName: suspect.fullName, dateOfBirth: suspect.dateOfBirth, address: suspect.summonsAddress },
    sanctions: facts.sanctions.map((s) => ({
      sanctionId: s.id,
      kind: s.kind,
      amountCents: s.amountCents,
      hours: s.hours,
      days: s.days,
      conditional: s.conditional,
      probationMonths: s.probationMonths,
      substituteDetentionDays: s.substituteDetentionDays,
      description: s.description,
    })),
    conditions: decision.conditions,
  };
}

/** One line per decision: '19/123456-26: Geldboete: bedrag ontbreekt; Adres van de verdachte ontbreekt' per decision. */
export function problemLines(entries: readonly { parketnummer: string; problems: readonly string[] }[]): string {
  return entries.map((e) => `${e.parketnummer}: ${e.problems.join('; ')}`).join('\n');
}
