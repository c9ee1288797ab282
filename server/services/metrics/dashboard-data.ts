import type { AppDatabase } from '../../../db/open-database';
import { addDays } from '../../../shared/calendar/local-date';
import type { DashboardFilters } from '../../../shared/metrics/dashboard-schemas';
import { forecastHistoryRange, forecastRange } from '../../../shared/metrics/forecast';
import type { SessionRow } from '../../../shared/metrics/metric-rows';
import { disposalsOf, fetchHearings, loadIntakeInstants, fetchPending, fetchReturns, fetchSessions, fetchSteps, fetchZsmDisposals, intakeRowOf, type IntakeInstantRow } from './metric-queries';
import { queryParams, type QueryParams } from './metric-sql';

/** The sets of rows the figures compute from; a drill list needs only some of them. */
export type MetricRowPart = 'intake' | 'sessions' | 'hearings' | 'disposals' | 'pending' | 'steps' | 'returns' | 'forecastIntake' | 'forecastSessions';
const ALL_PARTS: ReadonlySet<MetricRowPart> = new Set(['intake', 'sessions', 'hearings', 'disposals', 'pending', 'steps', 'returns', 'forecastIntake', 'forecastSessions']);

/**
 * Two date ranges read as one query when they overlap or lie at most this many days apart (the dashboard's
 * range and the forecast's weeks usually do): each round trip costs the server more than a few extra rows.
 */
const MERGE_GAP_DAYS = 14;

type Range = { from: string; to: string };
const mergeable = (a: Range, b: Range) => a.from <= addDays(b.to, MERGE_GAP_DAYS) && b.from <= addDays(a.to, MERGE_GAP_DAYS);

/**
 * The rows of two date ranges, one query when they are close; `inRange` is the query's own condition
 * (the same comparison on the same column), so each range gets exactly the rows its own query would.
 */
async function twoRanges<T>(a: Range | null, b: Range | null, fetch: (r: Range) => Promise<T[]>, inRange: (row: T, r: Range) => boolean): Promise<[T[], T[]]> {
  if (a && b && mergeable(a, b)) {
    const rows = await fetch({ from: a.from < b.from ? a.from : b.from, to: a.to > b.to ? a.to : b.to });
    return [rows.filter((r) => inRange(r, a)), rows.filter((r) => inRange(r, b))];
  }
  return [a ? await fetch(a) : [], b ? await fetch(b) : []];
}

/** All rows the dashboard and the drill lists compute from, for one set of filters (only `parts`; the others empty). */
export async function loadMetricRows(db: Pick<AppDatabase, '$client'>, filters: DashboardFilters, today: string, parts: ReadonlySet<MetricRowPart> = ALL_PARTS) {
  const p = queryParams(filters, filters.from, filters.to);
  const asOf = filters.to < today ? filters.to : today;
  const range = { from: filters.from, to: filters.to };
  const needsHearings = parts.has('hearings') || parts.has('disposals');
  const hearings = needsHearings ? await fetchHearings(db, p) : [];
  // Each range's instants worked out once, not once per row the merged query returns.
  const paramsByRange = new Map<Range, QueryParams>();
  const paramsOf = (r: Range) => paramsByRange.get(r) ?? paramsByRange.set(r, queryParams(filters, r.from, r.to)).get(r)!;
  const [intake, forecastIntake] = await twoRanges<IntakeInstantRow>(
    parts.has('intake') ? range : null,
    parts.has('forecastIntake') ? forecastHistoryRange(today) : null,
    (r) => loadIntakeInstants(db, paramsOf(r)),
    (row, r) => row.createdAt >= paramsOf(r).fromInstant && row.createdAt <= paramsOf(r).toInstant,
  );
  const [sessions, forecastSessions] = await twoRanges<SessionRow>(
    parts.has('sessions') ? range : null,
    parts.has('forecastSessions') ? forecastRange(today) : null,
    (r) => fetchSessions(db, queryParams(filters, r.from, r.to)),
    (row, r) => row.date >= r.from && row.date <= r.to,
  );
  return {
    asOf,
    today,
    intake: intake.map(intakeRowOf),
    sessions,
    hearings: parts.has('hearings') ? hearings : [],
    disposals: parts.has('disposals') ? disposalsOf(hearings, await fetchZsmDisposals(db, p)) : [],
    pending: parts.has('pending') ? await fetchPending(db, queryParams(filters, today, today)) : [],
    steps: parts.has('steps') ? await fetchSteps(db, p) : [],
    returns: parts.has('returns') ? await fetchReturns(db, p) : [],
    forecastIntake: forecastIntake.map(intakeRowOf),
    forecastSessions,
  };
}

export type MetricRows = Awaited<ReturnType<typeof loadMetricRows>>;
