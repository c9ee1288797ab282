import type { DecisionKind, SanctionKind } from '../domain/outcome';
import type { ReturnReasonCode } from './return-reasons';

export interface SanctionFacts {
  id: number;
  kind: SanctionKind;
  amountCents: number | null;
  hours: number | null;
  days: number | null;
  conditional: boolean;
  probationMonths: number | null;
  substituteDetentionDays: number | null;
  description: string | null;
}

export interface FieldProblem {
  /** The code CJIB would return the decision with. */
  code: ReturnReasonCode;
  /** Dutch, naming the field. */
  message: string;
}

export const SANCTION_LABELS: Readonly<Record<SanctionKind, string>> = {
  fine: 'Geldboete',
  community_service: 'Taakstraf',
  custodial: 'Vrijheidsstraf',
  compensation_order: 'Schadevergoedingsmaatregel',
  other_measure: 'Andere maatregel',
};

/** art. 22c lid 2 Sr; a strafbeschikking at most 180 hours (art. 257a lid 2 Sv). */
export const MAX_COMMUNITY_SERVICE_HOURS: Readonly<Record<DecisionKind, number>> = { judgment: 240, penalty_order: 180 };
/** Vervangende hechtenis for a fine: at least one day, at most a year (art. 24c lid 3 Sr). */
export const MAX_FINE_SUBSTITUTE_DAYS = 365;
/** A probation period longer than ten years exists in no rule (art. 14b Sr). */
export const MAX_PROBATION_MONTHS = 120;

const isPositive = (value: number | null): value is number => value !== null && Number.isInteger(value) && value > 0;
const isBlank = (value: string | null) => value === null || value.trim() === '';

/**
 * 'Geldboete', or 'Geldboete 2' when a decision has more than one sanction of that kind, so that a
 * message names the one it is about.
 */
export function sanctionLabels(sanctions: readonly Pick<SanctionFacts, 'kind'>[]): string[] {
  const total = new Map<SanctionKind, number>();
  for (const s of sanctions) total.set(s.kind, (total.get(s.kind) ?? 0) + 1);
  const seen = new Map<SanctionKind, number>();
  return sanctions.map((s) => {
    const n = (seen.get(s.kind) ?? 0) + 1;
    seen.set(s.kind, n);
    return (total.get(s.kind) ?? 0) > 1 ? `${SANCTION_LABELS[s.kind]} ${n}` : SANCTION_LABELS[s.kind];
  });
}

/** Every field of one sanction that would make CJIB return the decision. */
export function sanctionProblems(s: SanctionFacts, label: string, decisionKind: DecisionKind): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (code: ReturnReasonCode, text: string) => problems.push({ code, message: `${label}: ${text}` });
  const judgment = decisionKind === 'judgment';

  switch (s.kind) {
    case 'fine':
      if (!isPositive(s.amountCents)) add('R02', 'bedrag ontbreekt');
      if (judgment && s.substituteDetentionDays === null) add('R03', 'vervangende hechtenis ontbreekt');
      else if (s.substituteDetentionDays !== null && !(isPositive(s.substituteDetentionDays) && s.substituteDetentionDays <= MAX_FINE_SUBSTITUTE_DAYS)) {
        add('R03', `vervangende hechtenis moet 1 tot en met ${MAX_FINE_SUBSTITUTE_DAYS} dagen zijn`);
      }
      if (s.hours !== null || s.days !== null) add('R02', 'uren of dagen horen niet bij een geldboete');
      break;
    case 'community_service': {
      const max = MAX_COMMUNITY_SERVICE_HOURS[decisionKind];
      const hoursValid = isPositive(s.hours) && s.hours <= max;
      if (!hoursValid) add('R02', `aantal uren ontbreekt of is meer dan ${max}`);
      // art. 22d lid 3 Sr: one day of vervangende hechtenis for every two hours.
      if (judgment && s.substituteDetentionDays === null) add('R03', 'vervangende hechtenis ontbreekt');
      else if (hoursValid && s.substituteDetentionDays !== null) {
        const low = Math.floor(s.hours! / 2);
        const high = Math.ceil(s.hours! / 2);
        if (s.substituteDetentionDays < Math.max(1, low) || s.substituteDetentionDays > high) {
          add('R03', `vervangende hechtenis moet 1 dag per 2 uur zijn (${Math.max(1, high)} dagen)`);
        }
      }
      if (s.amountCents !== null || s.days !== null) add('R02', 'bedrag of dagen horen niet bij een taakstraf');
      break;
    }
    case 'custodial':
      if (!judgment) add('R99', 'een vrijheidsstraf kan niet bij een strafbeschikking');
      if (!isPositive(s.days)) add('R02', 'duur in dagen ontbreekt');
      if (s.amountCents !== null || s.hours !== null) add('R02', 'bedrag of uren horen niet bij een vrijheidsstraf');
      if (s.substituteDetentionDays !== null) add('R02', 'vervangende hechtenis hoort niet bij een vrijheidsstraf');
      break;
    case 'compensation_order':
      if (!isPositive(s.amountCents)) add('R02', 'bedrag ontbreekt');
      if (isBlank(s.description)) add('R99', 'referentie van het slachtoffer bij het CJIB ontbreekt');
      if (s.hours !== null || s.days !== null) add('R02', 'uren of dagen horen niet bij een schadevergoedingsmaatregel');
      if (s.conditional) add('R99', 'een maatregel kan niet voorwaardelijk zijn');
      break;
    case 'other_measure':
      if (isBlank(s.description)) add('R99', 'omschrijving ontbreekt');
      if (s.conditional) add('R99', 'een maatregel kan niet voorwaardelijk zijn');
      break;
  }

  if (s.kind !== 'compensation_order' && s.kind !== 'other_measure') {
    if (s.conditional && !judgment) add('R99', 'een strafbeschikking kan niet voorwaardelijk zijn');
    if (s.conditional && s.probationMonths === null) add('R02', 'voorwaardelijke straf zonder proeftijd');
    else if (s.conditional && !(isPositive(s.probationMonths) && s.probationMonths <= MAX_PROBATION_MONTHS)) {
      add('R02', `proeftijd moet 1 tot en met ${MAX_PROBATION_MONTHS} maanden zijn`);
    }
  }
  if (!s.conditional && s.probationMonths !== null) add('R02', 'proeftijd ingevuld bij een onvoorwaardelijke straf');
  return problems;
}
