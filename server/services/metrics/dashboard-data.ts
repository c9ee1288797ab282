import type { AppDatabase } from '../../../db/open-database';
import type { DashboardFilters } from '../../../shared/metrics/dashboard-schemas';
import { forecastHistoryRange, forecastRange } from '../../../shared/metrics/forecast';
import { disposalsOf, fetchHearings, fetchIntake, fetchPending, fetchReturns, fetchSessions, fetchSteps, fetchZsmDisposals } from './metric-queries';
import { queryParams } from './metric-sql';

/** All rows the dashboard and the drill lists compute from, for one set of filters. */
export async function loadMetricRows(db: Pick<AppDatabase, '$client'>, filters: DashboardFilters, today: string) {
  const p = queryParams(filters, filters.from, filters.to);
  const asOf = filters.to < today ? filters.to : today;
  const hearings = await fetchHearings(db, p);
  const history = forecastHistoryRange(today);
  const coming = forecastRange(today);
  return {
    asOf,
    today,
    intake: await fetchIntake(db, p),
    sessions: await fetchSessions(db, p),
    hearings,
    disposals: disposalsOf(hearings, await fetchZsmDisposals(db, p)),
    pending: await fetchPending(db, queryParams(filters, today, today)),
    steps: await fetchSteps(db, p),
    returns: await fetchReturns(db, p),
    forecastIntake: await fetchIntake(db, queryParams(filters, history.from, history.to)),
    forecastSessions: await fetchSessions(db, queryParams(filters, coming.from, coming.to)),
  };
}

export type MetricRows = Awaited<ReturnType<typeof loadMetricRows>>;
