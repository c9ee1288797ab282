import { isValidLocalDate } from '../calendar/local-date';
import { CASE_STATUS_LABELS } from '../domain/case-lifecycle';
import type { CaseStatus } from '../domain/case-status';
import type { DecisionKind, Remedy } from '../domain/outcome';
import type { DeadlineResult } from '../deadlines/result';
import { PARKETNUMMER_PATTERN } from '../intake/case-intake';
import { dutchDay } from './dutch-day';
import { enforceabilityOf, REMEDY_OF_KIND, type Enforceability } from './enforceability';
import type { ReturnReasonCode } from './return-reasons';
import { sanctionLabels, sanctionProblems, type FieldProblem, type SanctionFacts } from './sanction-rules';

export interface DecisionFacts {
  kind: DecisionKind;
  decidedAt: string;
  decidedBy: string;
  suspectPresent: boolean | null;
  conditions: string | null;
  judgmentSignedAt: string | null;
  remedy: Remedy;
}

export interface SuspectFacts {
  fullName: string;
  dateOfBirth: string;
  summonsAddress: string | null;
}

export interface CompletenessInput {
  parketnummer: string;
  caseStatus: CaseStatus;
  decision: DecisionFacts;
  sanctions: readonly SanctionFacts[];
  suspect: SuspectFacts;
  /** The deadline engine's result for the case (its appeal or verzet term). */
  deadlines: Pick<DeadlineResult, 'appealBy' | 'verzetBy'>;
  /** Epoch ms. */
  now: number;
}

export interface CompletenessProblem extends FieldProblem {
  /** Only the passing of time solves it: the remedy term is still running. */
  timing: boolean;
}

export interface CompletenessResult {
  enforceability: Enforceability;
  problems: CompletenessProblem[];
  /** Enforceable and nothing missing: may be sent. */
  sendable: boolean;
}

/** The case statuses from which the lifecycle lets a case be handed to CJIB (or that already are). */
const HANDOFF_CASE_STATUSES: Readonly<Record<DecisionKind, readonly CaseStatus[]>> = {
  judgment: ['decided', 'returned_from_cjib', 'handed_to_cjib', 'in_execution'],
  penalty_order: ['zsm_decided', 'decided', 'returned_from_cjib', 'handed_to_cjib', 'in_execution'],
};

const isBlank = (value: string | null) => value === null || value.trim() === '';

/**
 * Every missing or inconsistent field that would make CJIB return the decision, in Dutch and naming
 * the field, plus whether it is enforceable yet. A decision is sent only when this finds nothing.
 */
export function checkCompleteness(input: CompletenessInput): CompletenessResult {
  const { decision, suspect } = input;
  const problems: CompletenessProblem[] = [];
  const add = (code: ReturnReasonCode, message: string, timing = false) => problems.push({ code, message, timing });

  if (!PARKETNUMMER_PATTERN.test(input.parketnummer)) add('R01', 'Parketnummer heeft niet de vorm 19/123456-26');
  if (isBlank(suspect.fullName)) add('R01', 'Naam van de verdachte ontbreekt');
  if (!isValidLocalDate(suspect.dateOfBirth)) add('R01', 'Geboortedatum van de verdachte ontbreekt of is ongeldig');
  if (isBlank(suspect.summonsAddress)) add('R01', 'Adres van de verdachte ontbreekt');

  const judgment = decision.kind === 'judgment';
  if (isBlank(decision.decidedBy)) add('R99', judgment ? 'Naam van de rechter ontbreekt' : 'Naam van de officier van justitie ontbreekt');
  if (judgment && decision.suspectPresent === null) add('R99', 'Niet vastgelegd of de verdachte bij de uitspraak aanwezig was');

  if (input.sanctions.length === 0) add('R02', 'Geen straf of maatregel vastgelegd');
  const labels = sanctionLabels(input.sanctions);
  input.sanctions.forEach((sanction, index) => {
    for (const problem of sanctionProblems(sanction, labels[index]!, decision.kind)) add(problem.code, problem.message);
  });
  if (!isBlank(decision.conditions) && !input.sanctions.some((s) => s.conditional)) {
    add('R99', 'Bijzondere voorwaarden zonder voorwaardelijke straf');
  }

  if (judgment && decision.judgmentSignedAt === null) add('R99', 'Uitspraak is nog niet getekend (rechtbank -> OM)');
  if (decision.remedy === 'verzet' && judgment) add('R99', 'Rechtsmiddel verzet past niet bij een vonnis (hoger beroep)');
  if (decision.remedy === 'appeal' && !judgment) add('R99', 'Rechtsmiddel hoger beroep past niet bij een strafbeschikking (verzet)');

  const enforceability = enforceabilityOf(decision, input.deadlines, input.now);
  switch (enforceability.state) {
    case 'remedy_filed':
      add('R04', 'Rechtsmiddel ingesteld: niet onherroepelijk');
      break;
    case 'unknown':
      add(
        'R04',
        judgment
          ? 'Datum van de uitspraak ontbreekt bij de zaak: de appeltermijn is niet te berekenen'
          : 'Datum van uitreiking van de strafbeschikking ontbreekt bij de zaak: de verzettermijn is niet te berekenen',
      );
      break;
    case 'term_running':
      add('R04', `Nog niet onherroepelijk: ${REMEDY_OF_KIND[decision.kind]} mogelijk tot ${dutchDay(enforceability.termLastDay)}`, true);
      break;
    case 'enforceable':
      break;
  }

  if (!HANDOFF_CASE_STATUSES[decision.kind].includes(input.caseStatus)) {
    add('R99', `De zaak heeft status '${CASE_STATUS_LABELS[input.caseStatus]}': overdracht aan het CJIB kan pas na de beslissing`);
  }
  return { enforceability, problems, sendable: problems.length === 0 };
}
