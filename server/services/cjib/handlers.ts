import type { FeatureHandlers } from '../api-handler';
import { expectVersion } from '../context/versions';
import { exportCjibBatch } from './export-batch';
import { resendCjibBatch } from './export-resend';
import { importCjibResponses } from './import-responses';
import { listHandoffQueue } from './queue-service';
import { markHandoffReworked } from './rework-handoff';

export const cjibHandlers: FeatureHandlers<'cjib'> = {
  'cjib.queue': async (_input, { db, clock }) => await listHandoffQueue(db, clock.now()),
  'cjib.export': async (input, ctx) => await ctx.write(async () => await exportCjibBatch(ctx.db, input, ctx.actor, ctx.clock.now())),
  'cjib.resend': async (input, ctx) => await ctx.write(async () => await resendCjibBatch(ctx.db, input, ctx.actor, ctx.clock.now())),
  'cjib.importResponses': async ({ contentBase64, ...request }, ctx) =>
    await ctx.write(async () => await importCjibResponses(ctx.db, { ...request, content: Buffer.from(contentBase64, 'base64') }, ctx.actor, ctx.clock.now())),
  'cjib.markReworked': async (input, ctx) =>
    await ctx.write(async () => {
      await expectVersion(ctx.db, 'handoff', input.handoffId, input.expectedVersion);
      return await markHandoffReworked(ctx.db, input, ctx.actor, ctx.clock.now());
    }),
};
