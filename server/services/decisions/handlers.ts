import type { FeatureHandlers } from '../api-handler';
import { expectVersion } from '../context/versions';
import { decisionsForCase } from './decision-view';
import { recordPenaltyOrder } from './penalty-order';
import { markSigned, updateDecision, updateSignals } from './update-decision';

export const decisionsHandlers: FeatureHandlers<'decisions'> = {
  'decisions.forCase': ({ caseId }, { db }) => decisionsForCase(db, caseId),
  'decisions.recordPenaltyOrder': (input, ctx) => ctx.write(() => recordPenaltyOrder(ctx.db, input, ctx.actor, ctx.clock.now())),
  'decisions.updateSignals': (input, ctx) =>
    ctx.write(() => {
      expectVersion(ctx.db, 'decision', input.decisionId, input.expectedVersion);
      return updateSignals(ctx.db, input, ctx.actor, ctx.clock.now());
    }),
  'decisions.update': (input, ctx) =>
    ctx.write(() => {
      expectVersion(ctx.db, 'decision', input.decisionId, input.expectedVersion);
      return updateDecision(ctx.db, input, ctx.actor, ctx.clock.now());
    }),
  'decisions.markSigned': (input, ctx) =>
    ctx.write(() => {
      expectVersion(ctx.db, 'decision', input.decisionId, input.expectedVersion);
      return markSigned(ctx.db, input, ctx.actor, ctx.clock.now());
    }),
};
