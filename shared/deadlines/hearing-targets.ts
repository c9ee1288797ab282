import { amsterdamDate, endOfAmsterdamDay, MS_PER_HOUR, startOfAmsterdamDay } from '../calendar/amsterdam-time';
import { addDays } from '../calendar/local-date';
import type { LimitOutcome } from './result';
import type { DeadlineSettings } from './settings';

/*
 * Policy targets of the action plan (Actieplan strafrechtketen): soft, so the planner warns and never
 * blocks. Counted in plain calendar days from the reference day: no Atw, as they are no statutory terms.
 */

export interface TargetWindow {
  from: LimitOutcome;
  by: LimitOutcome;
}

const ND_TARGET_ARTICLE = 'Actieplan strafrechtketen (snelrecht niet-gedetineerd)';

/**
 * Non-detained snelrecht: hearing 2 to 4 weeks after the summons decision. The decision is not a
 * recorded event; the ZSM table decides on the day of arrest, so the arrest is the reference, and the
 * service of the summons (which follows the decision) when there was no arrest.
 */
export function snelrechtNdWindow(
  reference: { at: number; event: 'arrestedAt' | 'summonsServedAt' },
  settings: DeadlineSettings,
): TargetWindow {
  const day = amsterdamDate(reference.at);
  const counted = reference.event === 'arrestedAt' ? 'de aanhouding (ZSM-beslissing)' : 'de betekening van de dagvaarding';
  // The shared fields written out, not spread from one object: a spread costs microseconds, and the import computes this window for every snelrecht niet-gedetineerd row.
  return {
    from: {
      article: ND_TARGET_ARTICLE,
      hard: false,
      at: startOfAmsterdamDay(addDays(day, settings.snelrechtNdTargetMinDays)),
      ruleId: 'snelrecht-nd-window-start',
      explanation: `Streefperiode begint ${settings.snelrechtNdTargetMinDays} dagen na ${counted}.`,
    },
    by: {
      article: ND_TARGET_ARTICLE,
      hard: false,
      at: endOfAmsterdamDay(addDays(day, settings.snelrechtNdTargetMaxDays)),
      ruleId: 'snelrecht-nd-window-end',
      explanation: `Streefperiode eindigt ${settings.snelrechtNdTargetMaxDays} dagen na ${counted}; overschrijding geeft een waarschuwing, geen blokkade.`,
    },
  };
}

/** Supersnelrecht rule of thumb of the action plan: within 3 days (72 h, setting) of arrest. */
export function supersnelrechtTarget(arrestedAt: number, hours: number): LimitOutcome {
  return {
    at: arrestedAt + hours * MS_PER_HOUR,
    ruleId: 'supersnelrecht-rule-of-thumb',
    article: 'Actieplan strafrechtketen (supersnelrecht)',
    explanation: `Vuistregel: supersnelrecht binnen ${hours} uur na de aanhouding (streefdatum, geen wettelijke termijn).`,
    hard: false,
  };
}
