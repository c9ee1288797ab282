import { amsterdamDate, startOfAmsterdamDay } from '../../../shared/calendar/amsterdam-time';
import { addDays } from '../../../shared/calendar/local-date';
import type { DeadlineSettings } from '../../../shared/deadlines/settings';
import { computeForecastReserve, DEFAULT_FORECAST_RULE, URGENT_MODALITIES, type ForecastReserve, type ForecastRule, type UrgentModality } from '../../../shared/planner/forecast-reserve';
import type { PlanningSession } from '../../../shared/planner/planning-problem';
import type { AppDatabase } from '../../../db/open-database';
import { loadCourtCalendar, loadDeadlineSettings } from '../settings/district-settings';
import { sqlRows } from '../context/query-results';

/** Arrests of urgent cases in a period; the modality index narrows the read to the two urgent flows. */
export const ARRIVALS_SQL = `select modality, arrested_at as "arrestedAt" from criminal_case
  where modality in (${URGENT_MODALITIES.map(() => '?').join(', ')}) and arrested_at >= ? and arrested_at < ?`;

/**
 * The forecast reserve for the sessions of a planning window (the planner's sessions, with their free
 * slots): reads the urgent arrivals of the last weeks and the district's limits, then applies the
 * pure rule of shared/planner/forecast-reserve.ts.
 */
export async function forecastReserveFor(db: AppDatabase, sessions: readonly PlanningSession[], now: Date, rule: Partial<Omit<ForecastRule, 'hearingWithinDays'>> = {}): Promise<ForecastReserve> {
  const today = amsterdamDate(now.getTime());
  const weeks = rule.weeks ?? DEFAULT_FORECAST_RULE.weeks;
  const since = new Date(startOfAmsterdamDay(addDays(today, -7 * weeks))).toISOString();
  const until = new Date(startOfAmsterdamDay(today)).toISOString();
  const rows = await sqlRows(db.$client, ARRIVALS_SQL, [...URGENT_MODALITIES, since, until]) as { modality: UrgentModality; arrestedAt: string }[];
  return computeForecastReserve({
    today,
    arrivals: rows.map((r) => ({ modality: r.modality, date: amsterdamDate(Date.parse(r.arrestedAt)) })),
    sessions: sessions.map((s) => ({ id: s.id, date: s.date, start: s.start, capacity: s.capacity, accepts: s.accepts })),
    calendar: await loadCourtCalendar(db),
    rule: { ...rule, hearingWithinDays: hearingWithinDays(await loadDeadlineSettings(db)) },
  });
}

/**
 * Whole days after arrest within which a case must be heard, from the district's settings:
 * supersnelrecht by the action plan's rule of thumb (default 72 hours, LEGAL-RULES.md; when the
 * district switched it off, the 3 days of the rule's default, inside the voorgeleiding limit of
 * art. 59a Sv), detained snelrecht by art. 67a lid 2 onder 4 Sv (default 17 days). Partial days
 * are dropped: the reserve never counts on a session after the limit.
 */
export function hearingWithinDays(settings: DeadlineSettings): Record<UrgentModality, number> {
  const supersnelrechtHours = settings.supersnelrechtTargetHours ?? DEFAULT_FORECAST_RULE.hearingWithinDays.supersnelrecht * 24;
  return {
    supersnelrecht: Math.max(1, Math.floor(supersnelrechtHours / 24)),
    snelrecht: Math.max(1, settings.snelrechtMaxAfterArrest.days),
  };
}
