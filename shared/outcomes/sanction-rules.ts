import { z } from 'zod';
import { SANCTION_KINDS, type DecisionKind, type SanctionKind } from '../domain/outcome';

/*
 * The statutory bounds a politierechter judgment or an OM strafbeschikking keeps. They catch typing
 * errors before CJIB returns the decision; the court's choice within them is never second-guessed.
 */

/** A sane upper bound for a fine or compensation order (the sixth category of art. 23 Sr is higher, but never at a politierechter). */
export const MAX_AMOUNT_CENTS = 100_000_000;
/** art. 24c lid 3 Sr: substitute detention for a fine at least one day and at most one year. */
export const MAX_SUBSTITUTE_DETENTION_DAYS = 365;
/** art. 22c lid 2 Sr: a community service order of at most 240 hours. */
export const MAX_COMMUNITY_SERVICE_HOURS = 240;
/** art. 257a lid 2 Sv: a strafbeschikking imposes at most 180 hours of community service. */
export const MAX_PENALTY_ORDER_COMMUNITY_SERVICE_HOURS = 180;
/** art. 22d lid 3 Sr: one day of substitute detention for every two hours, so at most 120 days. */
export const MAX_COMMUNITY_SERVICE_SUBSTITUTE_DAYS = 120;
/** art. 369 lid 1 Sv: the politierechter imposes at most one year of imprisonment. */
export const MAX_CUSTODIAL_DAYS = 365;
/** art. 14b Sr: a probation period of at most three years. */
export const MAX_PROBATION_MONTHS = 36;
export const MAX_DESCRIPTION = 500;

export const SANCTION_LABELS: Record<SanctionKind, string> = {
  fine: 'Geldboete',
  community_service: 'Taakstraf',
  custodial: 'Vrijheidsstraf',
  compensation_order: 'Schadevergoedingsmaatregel',
  other_measure: 'Andere maatregel of beslissing',
};

/** One sanction as the clerk enters it; `id` is set when an existing sanction is corrected. */
export const sanctionInputSchema = z
  .object({
    id: z.number().int().positive().optional(),
    kind: z.enum(SANCTION_KINDS, { message: 'Kies de soort straf of maatregel' }),
    amountCents: z.number({ message: 'Het bedrag moet een getal zijn' }).int('Het bedrag moet in hele centen').nullable(),
    hours: z.number({ message: 'Het aantal uren moet een getal zijn' }).int('Het aantal uren moet een geheel getal zijn').nullable(),
    days: z.number({ message: 'Het aantal dagen moet een getal zijn' }).int('Het aantal dagen moet een geheel getal zijn').nullable(),
    conditional: z.boolean(),
    probationMonths: z.number({ message: 'De proeftijd moet een getal zijn' }).int('De proeftijd moet in hele maanden').nullable(),
    substituteDetentionDays: z.number({ message: 'De vervangende hechtenis moet een getal zijn' }).int('De vervangende hechtenis moet in hele dagen').nullable(),
    description: z.string().trim().max(MAX_DESCRIPTION, `De omschrijving is te lang (max. ${MAX_DESCRIPTION} tekens)`).nullable(),
  })
  .strict();
export type SanctionInput = z.output<typeof sanctionInputSchema>;

export interface SanctionIssue {
  field: keyof SanctionInput;
  message: string;
}

const inRange = (value: number | null, min: number, max: number) => value !== null && value >= min && value <= max;
const euros = (cents: number) => `€ ${(cents / 100).toLocaleString('nl-NL')}`;

/**
 * Every problem with one sanction, in Dutch, each message starting with the sanction's name and
 * naming the field. A strafbeschikking may not impose imprisonment and at most 180 hours of
 * community service; its substitute detention is ordered by the court later (art. 257ba Sv), so
 * there it is optional.
 */
export function sanctionIssues(s: SanctionInput, decisionKind: DecisionKind): SanctionIssue[] {
  const label = SANCTION_LABELS[s.kind];
  const issues: SanctionIssue[] = [];
  const add = (field: keyof SanctionInput, message: string) => issues.push({ field, message: `${label}: ${message}` });
  const mustBeEmpty = (field: 'amountCents' | 'hours' | 'days' | 'substituteDetentionDays', what: string) => {
    if (s[field] !== null) add(field, `${what} hoort niet bij deze soort; laat het leeg`);
  };
  const penaltyOrder = decisionKind === 'penalty_order';

  const substituteDetention = (max: number) => {
    if (s.substituteDetentionDays === null) {
      if (!penaltyOrder) add('substituteDetentionDays', 'vervangende hechtenis (dagen) ontbreekt');
    } else if (!inRange(s.substituteDetentionDays, 1, max)) {
      add('substituteDetentionDays', `vervangende hechtenis moet tussen 1 en ${max} dagen liggen`);
    }
  };
  const amount = () => {
    if (s.amountCents === null) add('amountCents', 'bedrag ontbreekt');
    else if (!inRange(s.amountCents, 1, MAX_AMOUNT_CENTS)) add('amountCents', `bedrag moet tussen € 0,01 en ${euros(MAX_AMOUNT_CENTS)} liggen`);
  };

  switch (s.kind) {
    case 'fine':
      amount();
      substituteDetention(MAX_SUBSTITUTE_DETENTION_DAYS);
      mustBeEmpty('hours', 'een aantal uren');
      mustBeEmpty('days', 'een aantal dagen');
      break;
    case 'community_service': {
      const max = penaltyOrder ? MAX_PENALTY_ORDER_COMMUNITY_SERVICE_HOURS : MAX_COMMUNITY_SERVICE_HOURS;
      if (s.hours === null) add('hours', 'aantal uren ontbreekt');
      else if (!inRange(s.hours, 1, max)) add('hours', `aantal uren moet tussen 1 en ${max} liggen${penaltyOrder ? ' (strafbeschikking)' : ''}`);
      substituteDetention(MAX_COMMUNITY_SERVICE_SUBSTITUTE_DAYS);
      mustBeEmpty('amountCents', 'een bedrag');
      mustBeEmpty('days', 'een aantal dagen');
      break;
    }
    case 'custodial':
      if (penaltyOrder) add('kind', 'een strafbeschikking kan geen vrijheidsstraf opleggen (art. 257a Sv)');
      if (s.days === null) add('days', 'aantal dagen ontbreekt');
      else if (!inRange(s.days, 1, MAX_CUSTODIAL_DAYS)) add('days', `aantal dagen moet tussen 1 en ${MAX_CUSTODIAL_DAYS} liggen (politierechter: ten hoogste een jaar)`);
      mustBeEmpty('amountCents', 'een bedrag');
      mustBeEmpty('hours', 'een aantal uren');
      mustBeEmpty('substituteDetentionDays', 'vervangende hechtenis');
      break;
    case 'compensation_order':
      amount();
      if (!s.description) add('description', 'kenmerk van het slachtoffer (omschrijving) ontbreekt');
      if (s.substituteDetentionDays !== null && !inRange(s.substituteDetentionDays, 1, MAX_SUBSTITUTE_DETENTION_DAYS)) {
        add('substituteDetentionDays', `vervangende hechtenis moet tussen 1 en ${MAX_SUBSTITUTE_DETENTION_DAYS} dagen liggen`);
      }
      mustBeEmpty('hours', 'een aantal uren');
      mustBeEmpty('days', 'een aantal dagen');
      break;
    case 'other_measure':
      if (!s.description) add('description', 'omschrijving ontbreekt');
      mustBeEmpty('amountCents', 'een bedrag');
      mustBeEmpty('hours', 'een aantal uren');
      mustBeEmpty('days', 'een aantal dagen');
      mustBeEmpty('substituteDetentionDays', 'vervangende hechtenis');
      break;
  }

  const mayBeConditional = s.kind === 'fine' || s.kind === 'community_service' || s.kind === 'custodial';
  if (s.conditional && !mayBeConditional) add('conditional', 'kan niet voorwaardelijk worden opgelegd');
  if (s.conditional && mayBeConditional) {
    if (s.probationMonths === null) add('probationMonths', 'voorwaardelijk opgelegd zonder proeftijd');
    else if (!inRange(s.probationMonths, 1, MAX_PROBATION_MONTHS)) add('probationMonths', `proeftijd moet tussen 1 en ${MAX_PROBATION_MONTHS} maanden liggen`);
  }
  if (!s.conditional && s.probationMonths !== null) add('probationMonths', 'een proeftijd hoort alleen bij een voorwaardelijke straf');
  return issues;
}

/**
 * A suggestion for the substitute detention of a fine: one day per started € 50, at least 1, at
 * most 365 (art. 24c Sr). Only a suggestion: the judge decides, and the clerk records that.
 */
export function suggestedFineSubstituteDetention(amountCents: number): number | null {
  if (!Number.isInteger(amountCents) || amountCents <= 0) return null;
  return Math.min(MAX_SUBSTITUTE_DETENTION_DAYS, Math.max(1, Math.ceil(amountCents / 5_000)));
}

/** A suggestion for community service: one day of substitute detention per two hours (art. 22d lid 3 Sr). */
export function suggestedCommunityServiceSubstituteDetention(hours: number): number | null {
  if (!Number.isInteger(hours) || hours <= 0) return null;
  return Math.min(MAX_COMMUNITY_SERVICE_SUBSTITUTE_DAYS, Math.ceil(hours / 2));
}

/** Adds the issues of every sanction to a zod context, at the path of the field. */
export function addSanctionIssues(ctx: z.RefinementCtx, sanctions: readonly SanctionInput[], decisionKind: DecisionKind, path: (string | number)[] = ['sanctions']): void {
  sanctions.forEach((s, index) => {
    for (const issue of sanctionIssues(s, decisionKind)) {
      ctx.addIssue({ code: 'custom', path: [...path, index, issue.field], message: sanctions.length > 1 ? `Straf ${index + 1}, ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}` : issue.message });
    }
  });
}
