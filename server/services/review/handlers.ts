import type { FeatureHandlers } from '../api-handler';
import { listAgreements, saveAgreement } from './agreements';
import { listSignals, saveSignal } from './signals';

export const reviewHandlers: FeatureHandlers<'review'> = {
  'review.agreements.list': (input, { db, clock }) => listAgreements(db, input, clock.today()),
  'review.agreements.save': (input, ctx) => ctx.write(() => saveAgreement(ctx.db, input, ctx.actor, ctx.clock.now())),
  'review.signals.list': (input, { db, clock }) => listSignals(db, input, clock.today()),
  'review.signals.save': (input, ctx) => ctx.write(() => saveSignal(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now())),
};
