import { amsterdamDate, endOfAmsterdamDay } from '../calendar/amsterdam-time';
import type { CourtCalendar } from '../calendar/court-calendar';
import { atwTermEnd } from './algemene-termijnenwet';
import type { AtwTermEnd } from './algemene-termijnenwet';
import type { LimitOutcome } from './result';
import type { DeadlineSettings } from './settings';

/*
 * Remedy and hand-off terms in days. The Atw applies; a term ends at the end of its last day
 * (23:59:59 Amsterdam time). The hand-off terms are chain agreements, not statute: hard = false.
 */

export const VERZET_TERM_DAYS = 14; // art. 257e lid 1 Sv
export const APPEAL_TERM_DAYS = 14; // art. 408 lid 1 Sv

export interface DayTermOutcome extends LimitOutcome {
  /** The last day of the term after the Atw, YYYY-MM-DD. */
  lastDay: string;
}

function dayTerm(eventAt: number, days: number, calendar: CourtCalendar): AtwTermEnd {
  return atwTermEnd(amsterdamDate(eventAt), days, calendar);
}

function atwNote(term: AtwTermEnd): string {
  return term.extendedBy === 'none' ? '' : ` Verlengd volgens ${term.extendedBy} (weekend of feestdag).`;
}

// art. 257e lid 1 Sv
export function verzetTerm(penaltyOrderDeliveredAt: number, calendar: CourtCalendar): DayTermOutcome {
  const term = dayTerm(penaltyOrderDeliveredAt, VERZET_TERM_DAYS, calendar);
  return {
    at: endOfAmsterdamDay(term.lastDay),
    lastDay: term.lastDay,
    ruleId: 'verzet',
    article: 'art. 257e lid 1 Sv; art. 1 en 2 Atw',
    explanation: `Verzet tegen de strafbeschikking binnen 14 dagen na uitreiking in persoon.${atwNote(term)}`,
    hard: true,
  };
}

// art. 408 lid 1 Sv
export function appealTerm(judgmentAt: number, calendar: CourtCalendar): DayTermOutcome {
  const term = dayTerm(judgmentAt, APPEAL_TERM_DAYS, calendar);
  return {
    at: endOfAmsterdamDay(term.lastDay),
    lastDay: term.lastDay,
    ruleId: 'appeal',
    article: 'art. 408 lid 1 Sv; art. 1 en 2 Atw',
    explanation: `Hoger beroep binnen 14 dagen na de einduitspraak van de politierechter.${atwNote(term)}`,
    hard: true,
  };
}

export function judgmentToOmTerm(judgmentAt: number, settings: DeadlineSettings, calendar: CourtCalendar): DayTermOutcome {
  const days = settings.judgmentToOmDays;
  const term = dayTerm(judgmentAt, days, calendar);
  return {
    at: endOfAmsterdamDay(term.lastDay),
    lastDay: term.lastDay,
    ruleId: 'judgment-to-om',
    article: 'Wet USB (ketenafspraak); art. 1 en 2 Atw',
    explanation: `Getekend vonnis van de rechtbank naar het OM binnen ${days} dagen na de uitspraak.${atwNote(term)}`,
    hard: false,
  };
}

/**
 * OM -> CJIB: within N days of the decision becoming enforceable (onherroepelijk). It becomes so when
 * the remedy term has run out unused: at the end of its last day. The N days are the days after that
 * last day, so the hand-off term ends on last day + N (Atw applied again).
 */
export function toCjibTerm(
  decision: { kind: 'judgment' | 'penalty-order'; remedyLastDay: string },
  settings: DeadlineSettings,
  calendar: CourtCalendar,
): LimitOutcome {
  const days = settings.toCjibDays;
  const term = atwTermEnd(decision.remedyLastDay, days, calendar);
  const judgment = decision.kind === 'judgment';
  return {
    at: endOfAmsterdamDay(term.lastDay),
    ruleId: judgment ? 'cjib-after-appeal-term' : 'cjib-after-verzet-term',
    article: `Wet USB (ketenafspraak); ${judgment ? 'art. 408 Sv' : 'art. 257e Sv'}; art. 1 en 2 Atw`,
    explanation:
      `Naar het CJIB binnen ${days} dagen nadat de ${judgment ? 'uitspraak' : 'strafbeschikking'} onherroepelijk is ` +
      `(de ${judgment ? 'appeltermijn' : 'verzettermijn'} eindigt ongebruikt op ${decision.remedyLastDay}; ` +
      `niet van toepassing als ${judgment ? 'hoger beroep' : 'verzet'} is ingesteld).${atwNote(term)}`,
    hard: false,
  };
}
