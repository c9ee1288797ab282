import type { FeatureHandlers } from '../api-handler';
import { exportMonitoringFile } from './export-monitoring';

export const monitoringHandlers: FeatureHandlers<'monitoring'> = {
  'monitoring.export': (input, ctx) => ctx.write(() => exportMonitoringFile(ctx.db, input, ctx.actor, ctx.clock.now())),
};
