import type { FeatureHandlers } from '../api-handler';
import { getDashboard } from './dashboard';
import { listMetricCases } from './metric-cases';

export const metricsHandlers: FeatureHandlers<'metrics'> = {
  'metrics.dashboard': (input, { db, clock }) => getDashboard(db, input, clock.today()),
  'metrics.cases': (input, { db, clock }) => listMetricCases(db, input, clock.today()),
};
