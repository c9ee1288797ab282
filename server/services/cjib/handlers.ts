import type { FeatureHandlers } from '../api-handler';
import { expectVersion } from '../context/versions';
import { exportCjibBatch } from './export-batch';
import { resendCjibBatch } from './export-resend';
import { importCjibResponses } from './import-responses';
import { listHandoffQueue } from './queue-service';
import { markHandoffReworked } from './rework-handoff';

export const cjibHandlers: FeatureHandlers<'cjib'> = {
  'cjib.queue': (_input, { db, clock }) => listHandoffQueue(db, clock.now()),
  'cjib.export': (input, ctx) => ctx.write(() => exportCjibBatch(ctx.db, input, ctx.actor, ctx.clock.now())),
  'cjib.resend': (input, ctx) => ctx.write(() => resendCjibBatch(ctx.db, input, ctx.actor, ctx.clock.now())),
  'cjib.importResponses': ({ contentBase64, ...request }, ctx) =>
    ctx.write(() => importCjibResponses(ctx.db, { ...request, content: Buffer.from(contentBase64, 'base64') }, ctx.actor, ctx.clock.now())),
  'cjib.markReworked': (input, ctx) =>
    ctx.write(() => {
      expectVersion(ctx.db, 'handoff', input.handoffId, input.expectedVersion);
      return markHandoffReworked(ctx.db, input, ctx.actor, ctx.clock.now());
    }),
};
