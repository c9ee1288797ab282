import type { AppDatabase } from '../../../db/open-database';
import { MODALITIES } from '../../../shared/domain/modality';
import type { Dashboard, DashboardFilters } from '../../../shared/metrics/dashboard-schemas';
import { makeDrill } from '../../../shared/metrics/drill';
import { byLocation, byPoliceUnit, COMPLIANCE_MARGIN_POINTS, WAITING_MARGIN_DAYS } from '../../../shared/metrics/fairness';
import { complianceByMonth, type ComplianceFigure } from '../../../shared/metrics/hearing-metrics';
import { METRICS } from '../../../shared/metrics/metric-registry';
import { loadMetricRows } from './dashboard-data';
import { fetchFilterOptions } from './metric-queries';

const withDrills = (c: ComplianceFigure, met: Parameters<typeof makeDrill>[0], missed: Parameters<typeof makeDrill>[0]) => ({
  ...c,
  drillMet: makeDrill(met),
  drillMissed: makeDrill(missed),
});

/**
 * A pause that lets the process answer others between the dashboard's figures: each figure is a few
 * milliseconds of computing over a year's rows, and the whole at once (tens of milliseconds) would hold up
 * every other request of the district server, the writes waiting one at a time most of all.
 */
const letOthersRun = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Every figure of the dashboard for the filters; each carries the drill key of the cases behind it. */
export async function getDashboard(db: AppDatabase, filters: DashboardFilters, today: string): Promise<Dashboard> {
  const rows = await loadMetricRows(db, filters, today);
  const options = await fetchFilterOptions(db);
  const { from, to } = filters;
  const intake = METRICS.intake.compute(rows.intake, from, to);
  const fill = METRICS.sessionFill.compute(rows.sessions, from, to, rows.asOf);
  await letOthersRun();
  const clearance = METRICS.clearance.compute(rows.intake, rows.disposals, from, to);
  await letOthersRun();
  const returns = METRICS.returns.compute(rows.returns, from, to);
  const adjournments = METRICS.adjournments.compute(rows.hearings);
  const legal = withDrills(METRICS.legalCompliance.compute(rows.hearings), 'legal-met', 'legal-missed');
  await letOthersRun();
  const target = withDrills(METRICS.targetCompliance.compute(rows.hearings), 'target-met', 'target-missed');
  await letOthersRun();
  const monthly = complianceByMonth(rows.hearings, from, to);
  await letOthersRun();
  const throughput = METRICS.throughput.compute(rows.steps, from, to);
  await letOthersRun();
  const backlog = METRICS.backlog.compute(rows.pending, today);
  const pendingAge = METRICS.pendingAge.compute(rows.pending, today);
  const timeToDisposition = METRICS.timeToDisposition.compute(rows.disposals, from, to);
  await letOthersRun();
  const dateCertainty = withDrills(METRICS.dateCertainty.compute(rows.hearings), 'certainty-first', 'certainty-changed');
  const forecast = METRICS.forecast.compute(rows.forecastIntake, rows.forecastSessions, today);
  await letOthersRun();
  const fairness = (groupOf: typeof byPoliceUnit, kind: 'fairness-unit' | 'fairness-location') => {
    const result = METRICS.fairness.compute(rows.hearings, groupOf);
    return { overall: result.overall, groups: result.groups.map((g) => ({ ...g, drill: makeDrill(kind, g.key) })) };
  };
  const fairnessByPoliceUnit = fairness(byPoliceUnit, 'fairness-unit');
  await letOthersRun();
  const fairnessByLocation = fairness(byLocation, 'fairness-location');
  return {
    filters: { from, to, asOf: rows.asOf },
    intake: {
      total: { value: intake.total, drill: makeDrill('intake') },
      byModality: MODALITIES.map((modality) => ({ modality, count: intake.byModality[modality], drill: makeDrill('intake-modality', modality) })),
      byPoliceUnit: intake.byPoliceUnit.map((u) => ({ ...u, drill: makeDrill('intake-unit', u.policeUnit) })),
      weekly: intake.weekly.map((w) => ({ ...w, drill: makeDrill('intake-week', w.weekStart) })),
    },
    sessions: {
      sessionsHeld: fill.sessionsHeld,
      slotsAvailable: fill.slotsAvailable,
      slotsReserved: fill.slotsReserved,
      slotsUsed: { value: fill.slotsUsed, drill: makeDrill('slots-used') },
      fillRate: fill.fillRate,
      weekly: fill.weekly.map((w) => ({ ...w, drill: makeDrill('slots-week', w.weekStart) })),
    },
    legal,
    target,
    complianceMonthly: monthly.map((m) => ({
      month: m.month,
      legalRate: m.legal.rate,
      legalMeasured: m.legal.measured,
      targetRate: m.target.rate,
      targetMeasured: m.target.measured,
      drill: makeDrill('legal-month', m.month),
    })),
    throughput: throughput.map((t) => ({ ...t, drill: makeDrill('throughput', `${t.from}-${t.to}`) })),
    backlog: backlog.map((b) => ({ ...b, drill: makeDrill('backlog', b.bucket) })),
    pendingAge: { ...pendingAge, drill: makeDrill('pending') },
    returns: { total: { value: returns.total, drill: makeDrill('returned') }, byCode: returns.byCode.map((r) => ({ ...r, drill: makeDrill('returned-code', r.code) })) },
    adjournments: { hearings: adjournments.hearings, adjourned: { value: adjournments.adjourned, drill: makeDrill('adjourned') }, share: adjournments.share },
    clearance: {
      incoming: { value: clearance.total.incoming, drill: makeDrill('intake') },
      outgoing: { value: clearance.total.outgoing, drill: makeDrill('disposed') },
      rate: clearance.total.rate,
      monthly: clearance.monthly,
    },
    timeToDisposition: { ...timeToDisposition, drill: makeDrill('disposed') },
    dateCertainty,
    forecast: forecast.map((w) => ({ ...w, drill: makeDrill('planned-week', w.weekStart) })),
    fairness: {
      byPoliceUnit: fairnessByPoliceUnit,
      byLocation: fairnessByLocation,
      complianceMarginPoints: COMPLIANCE_MARGIN_POINTS,
      waitingMarginDays: WAITING_MARGIN_DAYS,
    },
    options,
  };
}
