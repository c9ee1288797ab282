import type { FeatureHandlers } from '../api-handler';
import { exportMonitoringFile } from './export-monitoring';

export const monitoringHandlers: FeatureHandlers<'monitoring'> = {
  'monitoring.export': async (input, ctx) => await ctx.write(async () => await exportMonitoringFile(ctx.db, input, ctx.actor, ctx.clock.now())),
};
