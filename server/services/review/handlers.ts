import type { FeatureHandlers } from '../api-handler';
import { listAgreements, saveAgreement } from './agreements';
import { listSignals, saveSignal } from './signals';

export const reviewHandlers: FeatureHandlers<'review'> = {
  'review.agreements.list': async (input, { db, clock }) => await listAgreements(db, input, clock.today()),
  'review.agreements.save': async (input, ctx) => await ctx.write(async () => await saveAgreement(ctx.db, input, ctx.actor, ctx.clock.now())),
  'review.signals.list': async (input, { db, clock }) => await listSignals(db, input, clock.today()),
  'review.signals.save': async (input, ctx) => await ctx.write(async () => await saveSignal(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now())),
};
