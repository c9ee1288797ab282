import type { FeatureHandlers } from '../api-handler';
import { getDashboard } from './dashboard';
import { listMetricCases } from './metric-cases';

export const metricsHandlers: FeatureHandlers<'metrics'> = {
  'metrics.dashboard': async (input, { db, clock }) => await getDashboard(db, input, clock.today()),
  'metrics.cases': async (input, { db, clock }) => await listMetricCases(db, input, clock.today()),
};
