import { amsterdamDate, startOfAmsterdamDay } from '../calendar/amsterdam-time';
import type { CourtCalendar } from '../calendar/court-calendar';
import { addDays } from '../calendar/local-date';
import type { HeardModality } from '../domain/modality';
import { atwTermEnd } from './algemene-termijnenwet';
import type { LimitOutcome } from './result';
import type { DeadlineSettings } from './settings';

/**
 * Earliest hearing allowed by the summons term. "Between the day of service and the day of the hearing
 * at least N days must pass" (art. 265 lid 1 Sv; art. 370 Sv before the politierechter): the days
 * after the day of service up to and including day N are the term, so the hearing may be held from the
 * start of the next day. With recorded consent the term does not apply (art. 265 lid 2 Sv) and the
 * hearing may follow the service itself.
 */
export function earliestHearing(
  summonsServedAt: number,
  modality: HeardModality,
  shortTermConsent: boolean,
  settings: DeadlineSettings,
  calendar: CourtCalendar,
): LimitOutcome {
  if (shortTermConsent) {
    return {
      at: summonsServedAt,
      ruleId: 'summons-term-waived',
      article: 'art. 265 lid 2 Sv',
      explanation: 'Verdachte heeft ingestemd met een kortere dagvaardingstermijn: zitting mogelijk vanaf de betekening.',
      hard: true,
    };
  }
  const politierechter = settings.politierechterModalities.includes(modality);
  const days = politierechter ? settings.politierechterSummonsTermDays : settings.summonsTermDays;
  const servedDay = amsterdamDate(summonsServedAt);
  const term = settings.applyAtwToSummonsTerm
    ? atwTermEnd(servedDay, days, calendar)
    : { lastDay: addDays(servedDay, days), extendedBy: 'none' as const };
  const extension = term.extendedBy === 'none' ? '' : ` Verlengd volgens ${term.extendedBy}.`;
  return {
    at: startOfAmsterdamDay(addDays(term.lastDay, 1)),
    ruleId: politierechter ? 'summons-term-politierechter' : 'summons-term',
    article: politierechter ? 'art. 370 Sv' : 'art. 265 lid 1 Sv',
    explanation:
      `Tussen de betekening van de dagvaarding en de zitting moeten ten minste ${days} dagen verlopen` +
      `${politierechter ? ' (politierechter, districtsinstelling)' : ''}.${extension} ` +
      'Zonder instemming kan de zaak bij niet-verschijnen anders niet doorgaan (art. 265 lid 3 Sv).',
    hard: true,
  };
}
