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

/**
 * While the summons is not yet served, the term counts from the expected service: in practice the date
 * comes first (at the ZSM table the prosecutor takes a session slot and the suspect is served in person
 * with a summons for that date), so an unserved summons does not keep a case off the planning. The
 * expected service is now, or the date entered on the case (start of that day) when it lies later.
 */
export function expectedServiceMoment(expectedOn: string | null, now: number): number {
  return expectedOn === null ? now : Math.max(now, startOfAmsterdamDay(expectedOn));
}

/**
 * The last day (YYYY-MM-DD, Europe/Amsterdam) the summons can be served for a hearing starting at
 * `hearingAt`: the session minus the summons term (art. 265 lid 1 Sv; art. 370 Sv before the
 * politierechter; the Atw applied as the district settings say), or the day of the hearing itself with
 * consent to a shorter term (art. 265 lid 2 Sv). Found with earliestHearing, the one summons-term rule:
 * the latest day of service from which that rule allows the hearing.
 */
export function latestServiceDay(
  hearingAt: number,
  modality: HeardModality,
  shortTermConsent: boolean,
  settings: DeadlineSettings,
  calendar: CourtCalendar,
): string {
  let day = amsterdamDate(hearingAt);
  // earliestHearing never decreases with a later day of service: the first day that fits, counting back, is the last.
  for (let step = 0; step < 366; step += 1) {
    if (earliestHearing(startOfAmsterdamDay(day), modality, shortTermConsent, settings, calendar).at <= hearingAt) return day;
    day = addDays(day, -1);
  }
  throw new RangeError(`No day of service fits a hearing at ${new Date(hearingAt).toISOString()}`);
}
