import { isDetainedModality } from '../domain/modality';
import { formatAmsterdam, instantOf } from '../calendar/amsterdam-time';
import { defaultCourtCalendar } from '../calendar/court-calendar';
import type { CourtCalendar } from '../calendar/court-calendar';
import { custodyEnd, voorgeleidingLimit } from './custody-rules';
import { snelrechtHearingBy, supersnelrechtHearingBy } from './hearing-limits';
import { snelrechtNdWindow, supersnelrechtTarget } from './hearing-targets';
import type { DeadlineInput, TimestampField } from './input';
import { appealTerm, judgmentToOmTerm, toCjibTerm, verzetTerm } from './remedy-terms';
import { LIMIT_FIELDS } from './result';
import type { DeadlineResult, LimitField, LimitOutcome } from './result';
import { resolveDeadlineSettings } from './settings';
import type { DeadlineSettings } from './settings';
import { earliestHearing } from './summons-term';

export type { DeadlineInput } from './input';
export type { DeadlineResult, RuleApplication } from './result';
export type { DeadlineSettings } from './settings';

/**
 * Every legal and policy limit of LEGAL-RULES.md that applies to one case. The input must have passed
 * deadlineInputSchema (see input.ts); limits without the events they need, or for another modality,
 * are left out. Pure: the same input, settings and calendar always give the same result.
 */
export function computeDeadlines(
  input: DeadlineInput,
  settings?: Partial<DeadlineSettings>,
  calendar: CourtCalendar = defaultCourtCalendar(),
): DeadlineResult {
  const { limits, arrestedAt, custodyOrderedAt, custodyExtendedAt, remandOrderedAt, summonsServedAt, judgmentAt } = deadlineLimits(input, resolveDeadlineSettings(settings), calendar);
  const { modality } = input;
  const detained = isDetainedModality(modality);
  const warnings: string[] = [];

  // Warnings, in a fixed order.
  if (modality === 'supersnelrecht' && input.shortTermConsent !== true) {
    warnings.push(
      'Geen instemming met een kortere dagvaardingstermijn vastgelegd (art. 265 lid 2 Sv): geen supersnelrechtzitting mogelijk.',
    );
  }
  if (detained && limits.hearingBy === undefined) {
    warnings.push(
      modality === 'supersnelrecht'
        ? 'Geen aanhouding of inverzekeringstelling vastgelegd: de uiterste zittingsdatum is niet te berekenen.'
        : 'Geen aanhouding of bewaring vastgelegd: de uiterste zittingsdatum is niet te berekenen.',
    );
  }
  if (limits.hearingFrom && limits.hearingBy && limits.hearingFrom.at >= limits.hearingBy.at) {
    warnings.push(
      'Niet haalbaar vóór de uiterste termijn: de dagvaardingstermijn laat pas een zitting toe na de uiterste zittingsdatum. ' +
        'Opties: ander zittingstype, extra zitting, of invrijheidstelling en niet-gedetineerde route.',
    );
  }
  if (judgmentAt !== undefined && limits.hearingBy && judgmentAt > limits.hearingBy.at) {
    warnings.push('De uitspraak ligt na de uiterste zittingsdatum: controleer de gegevens.');
  }
  if (custodyOrderedAt !== undefined && custodyExtendedAt !== undefined && custodyExtendedAt > custodyEnd(custodyOrderedAt, false).at) {
    warnings.push(
      'De verlenging van de inverzekeringstelling is vastgelegd na afloop van de eerste 3 dagen (art. 58 lid 2 Sv): controleer de gegevens.',
    );
  }
  if (arrestedAt !== undefined && remandOrderedAt !== undefined && remandOrderedAt > voorgeleidingLimit(arrestedAt).at) {
    warnings.push('De bewaring is bevolen na de voorgeleidingstermijn (art. 59a Sv): controleer de gegevens.');
  }
  if (modality === 'supersnelrecht' && remandOrderedAt !== undefined) {
    warnings.push('Bewaring is bevolen: de zaak valt buiten supersnelrecht (binnen de inverzekeringstelling); overweeg snelrecht.');
  }
  if (!detained && (remandOrderedAt !== undefined || (modality !== 'zsm' && custodyOrderedAt !== undefined))) {
    warnings.push(
      'Inverzekeringstelling of bewaring vastgelegd bij een niet-gedetineerde modaliteit: controleer de modaliteit; ' +
        'er is geen harde uiterste zittingsdatum berekend.',
    );
  }
  if (modality === 'zsm' && summonsServedAt !== undefined) {
    warnings.push('Dagvaarding betekend bij een ZSM-zaak: kies de modaliteit van de zitting om de dagvaardingstermijn te berekenen.');
  }
  const targetFrom = limits.hearingTargetFrom;
  const targetBy = limits.hearingTargetBy;
  if (modality === 'snelrecht_nd' && targetFrom && targetBy) {
    if (limits.hearingFrom && limits.hearingFrom.at > targetBy.at) {
      warnings.push('De dagvaardingstermijn laat geen zitting binnen de streefperiode van 2 tot 4 weken toe.');
    }
    if (judgmentAt !== undefined && judgmentAt > targetBy.at) {
      warnings.push('De zitting lag na de streefperiode voor snelrecht niet-gedetineerd (2 tot 4 weken).');
    }
    if (judgmentAt !== undefined && judgmentAt < targetFrom.at) {
      warnings.push(
        'De zitting lag vóór de streefperiode voor snelrecht niet-gedetineerd (2 tot 4 weken): was het dossier compleet en de verdediging voorbereid?',
      );
    }
  }

  const result: DeadlineResult = { id: input.id, rules: [], warnings };
  for (const field of LIMIT_FIELDS) {
    const limit = limits[field];
    if (!limit) continue;
    result[field] = formatAmsterdam(limit.at);
    result.rules.push({
      limit: field,
      ruleId: limit.ruleId,
      article: limit.article,
      explanation: limit.explanation,
      hard: limit.hard,
    });
  }
  // Key order id, limits, rules, warnings: readable JSON output.
  const { id, rules, warnings: warningList, ...limitFields } = result;
  return { id, ...limitFields, rules, warnings: warningList };
}

/** The events of a deadline input as instants, and the limits of computeDeadlines before they are written out. */
export interface DeadlineLimits {
  limits: Partial<Record<LimitField, LimitOutcome>>;
  arrestedAt: number | undefined;
  custodyOrderedAt: number | undefined;
  custodyExtendedAt: number | undefined;
  remandOrderedAt: number | undefined;
  summonsServedAt: number | undefined;
  judgmentAt: number | undefined;
}

/**
 * The limits computeDeadlines gives, as instants (LimitOutcome.at: not yet truncated to the second
 * and written out as formatAmsterdam does), without its warnings: for callers that store a few limits
 * of many cases (the derived columns). `resolved` is what resolveDeadlineSettings gave.
 */
export function deadlineLimits(input: DeadlineInput, resolved: DeadlineSettings, calendar: CourtCalendar): DeadlineLimits {
  const arrestedAt = instantAt(input, 'arrestedAt');
  const custodyOrderedAt = instantAt(input, 'custodyOrderedAt');
  const custodyExtendedAt = instantAt(input, 'custodyExtendedAt');
  const remandOrderedAt = instantAt(input, 'remandOrderedAt');
  const summonsServedAt = instantAt(input, 'summonsServedAt');
  const judgmentAt = instantAt(input, 'judgmentAt');
  const penaltyOrderDeliveredAt = instantAt(input, 'penaltyOrderDeliveredAt');
  const { modality } = input;
  const detained = isDetainedModality(modality);

  const limits: Partial<Record<LimitField, LimitOutcome>> = {};

  if (arrestedAt !== undefined && (detained || (modality === 'zsm' && custodyOrderedAt !== undefined))) {
    limits.voorgeleidingBy = voorgeleidingLimit(arrestedAt);
  }

  const events = { arrestedAt, custodyOrderedAt, custodyExtended: custodyExtendedAt !== undefined, remandOrderedAt };
  if (modality === 'supersnelrecht') limits.hearingBy = supersnelrechtHearingBy(events);
  if (modality === 'snelrecht') limits.hearingBy = snelrechtHearingBy(events, resolved);

  if (summonsServedAt !== undefined && modality !== 'zsm') {
    limits.hearingFrom = earliestHearing(summonsServedAt, modality, input.shortTermConsent === true, resolved, calendar);
  }

  if (modality === 'snelrecht_nd') {
    const reference =
      arrestedAt !== undefined
        ? { at: arrestedAt, event: 'arrestedAt' as const }
        : summonsServedAt !== undefined
          ? { at: summonsServedAt, event: 'summonsServedAt' as const }
          : undefined;
    if (reference) {
      const window = snelrechtNdWindow(reference, resolved);
      limits.hearingTargetFrom = window.from;
      limits.hearingTargetBy = window.by;
    }
  }
  if (modality === 'supersnelrecht' && arrestedAt !== undefined && resolved.supersnelrechtTargetHours !== null) {
    const target = supersnelrechtTarget(arrestedAt, resolved.supersnelrechtTargetHours);
    // A soft target at or after the hard limit tells the planner nothing.
    if (limits.hearingBy === undefined || target.at < limits.hearingBy.at) limits.hearingTargetBy = target;
  }

  const verzet = penaltyOrderDeliveredAt === undefined ? undefined : verzetTerm(penaltyOrderDeliveredAt, calendar);
  const appeal = judgmentAt === undefined ? undefined : appealTerm(judgmentAt, calendar);
  if (verzet) limits.verzetBy = verzet;
  if (appeal) limits.appealBy = appeal;
  if (judgmentAt !== undefined) limits.judgmentToOmBy = judgmentToOmTerm(judgmentAt, resolved, calendar);
  // A judgment after a penalty order is the court's decision on the verzet: it is what gets enforced.
  if (appeal) limits.toCjibBy = toCjibTerm({ kind: 'judgment', remedyLastDay: appeal.lastDay }, resolved, calendar);
  else if (verzet) limits.toCjibBy = toCjibTerm({ kind: 'penalty-order', remedyLastDay: verzet.lastDay }, resolved, calendar);
  return { limits, arrestedAt, custodyOrderedAt, custodyExtendedAt, remandOrderedAt, summonsServedAt, judgmentAt };
}

function instantAt(input: DeadlineInput, field: TimestampField): number | undefined {
  const text = input[field];
  return text === undefined ? undefined : instantOf(text);
}
