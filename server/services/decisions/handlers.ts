import type { FeatureHandlers } from '../api-handler';
import { expectVersion } from '../context/versions';
import { decisionsForCase } from './decision-view';
import { recordPenaltyOrder } from './penalty-order';
import { markSigned, updateDecision, updateSignals } from './update-decision';

export const decisionsHandlers: FeatureHandlers<'decisions'> = {
  'decisions.forCase': async ({ caseId }, { db }) => await decisionsForCase(db, caseId),
  'decisions.recordPenaltyOrder': async (input, ctx) => await ctx.write(async () => await recordPenaltyOrder(ctx.db, input, ctx.actor, ctx.clock.now())),
  'decisions.updateSignals': async (input, ctx) =>
    await ctx.write(async () => {
      await expectVersion(ctx.db, 'decision', input.decisionId, input.expectedVersion);
      return await updateSignals(ctx.db, input, ctx.actor, ctx.clock.now());
    }),
  'decisions.update': async (input, ctx) =>
    await ctx.write(async () => {
      await expectVersion(ctx.db, 'decision', input.decisionId, input.expectedVersion);
      return await updateDecision(ctx.db, input, ctx.actor, ctx.clock.now());
    }),
  'decisions.markSigned': async (input, ctx) =>
    await ctx.write(async () => {
      await expectVersion(ctx.db, 'decision', input.decisionId, input.expectedVersion);
      return await markSigned(ctx.db, input, ctx.actor, ctx.clock.now());
    }),
};
