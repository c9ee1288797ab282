import { instantOf, startOfAmsterdamDay, amsterdamDate } from '../calendar/amsterdam-time';
import { addDays } from '../calendar/local-date';
import type { DecisionKind, Remedy } from '../domain/outcome';
import type { DeadlineResult } from '../deadlines/result';

/** The remedy that keeps each decision kind from becoming final, in Dutch. */
export const REMEDY_OF_KIND: Readonly<Record<DecisionKind, 'hoger beroep' | 'verzet'>> = {
  judgment: 'hoger beroep',
  penalty_order: 'verzet',
};

export type Enforceability =
  /** Final (onherroepelijk): the remedy term ran out unused; enforceableAt is the first moment after it. */
  | { state: 'enforceable'; enforceableAt: number; termLastDay: string }
  /** The remedy term is still running until the end of termLastDay. */
  | { state: 'term_running'; termEndsAt: number; termLastDay: string }
  /** A remedy was filed: not final until the higher court or the court on the verzet decides. */
  | { state: 'remedy_filed'; remedy: Exclude<Remedy, 'none'> }
  /** The event the term counts from is not recorded on the case. */
  | { state: 'unknown' };

/**
 * When a decision becomes enforceable: a judgment after the appeal term (art. 408 Sv), a penalty order
 * after the verzet term (art. 257e Sv), both as the deadline engine computes them (appealBy, verzetBy),
 * provided no remedy was filed.
 */
export function enforceabilityOf(
  decision: { kind: DecisionKind; remedy: Remedy },
  deadlines: Pick<DeadlineResult, 'appealBy' | 'verzetBy'>,
  now: number,
): Enforceability {
  if (decision.remedy !== 'none') return { state: 'remedy_filed', remedy: decision.remedy };
  const termEnd = decision.kind === 'judgment' ? deadlines.appealBy : deadlines.verzetBy;
  if (termEnd === undefined) return { state: 'unknown' };
  const termEndsAt = instantOf(termEnd);
  const termLastDay = amsterdamDate(termEndsAt);
  const enforceableAt = startOfAmsterdamDay(addDays(termLastDay, 1));
  return now >= enforceableAt ? { state: 'enforceable', enforceableAt, termLastDay } : { state: 'term_running', termEndsAt, termLastDay };
}
