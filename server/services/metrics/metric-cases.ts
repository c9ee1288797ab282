import type { AppDatabase } from '../../../db/open-database';
import type { MetricCases } from '../../../shared/metrics/dashboard-schemas';
import type { DashboardFilters } from '../../../shared/metrics/dashboard-schemas';
import { parseDrill } from '../../../shared/metrics/drill';
import { ServiceError } from '../service-error';
import { loadMetricRows } from './dashboard-data';
import { drillMembers, drillParts } from './drill-members';
import { loadCaseLabels } from './metric-queries';

export interface MetricCasesInput {
  drill: string;
  filters: DashboardFilters;
  offset: number;
  limit: number;
}

/** The cases behind one dashboard figure, a page at a time, ordered by their first date and parketnummer. */
export async function listMetricCases(db: AppDatabase, input: MetricCasesInput, today: string): Promise<MetricCases> {
  const drill = parseDrill(input.drill);
  if (!drill) throw new ServiceError('INVALID_INPUT', `Onbekende doorklik '${input.drill}': kies een cijfer op het dashboard`);
  const rowsNeeded = await loadMetricRows(db, input.filters, today, drillParts(drill.kind));
  const members = await drillMembers(db, drill, rowsNeeded, input.filters.from, input.filters.to);
  members.sort((a, b) => (a.dates[0]?.value ?? '').localeCompare(b.dates[0]?.value ?? '') || a.caseId - b.caseId);
  const page = members.slice(input.offset, input.offset + input.limit);
  const labels = await loadCaseLabels(db, page.map((m) => m.caseId));
  const rows: MetricCases['rows'] = page.map((m) => ({ caseId: m.caseId, ...labels.get(m.caseId)!, dates: m.dates, detail: m.detail }));
  return { total: members.length, offset: input.offset, rows };
}
