import type { FeatureHandlers } from '../api-handler';
import { getCaseDetail } from '../cases/case-detail';
import { decideMany } from './decide-many';
import { recordZsmDecision } from './record-zsm-decision';
import { asOneWrite } from '../context/query-results';

export const zsmHandlers: FeatureHandlers<'zsm'> = {
  'zsm.decide': async (input, ctx) =>
    await ctx.write(() =>
      asOneWrite(async () => {
        await recordZsmDecision(ctx.db, input, ctx.actor, ctx.clock.now(), { expectedVersion: input.expectedVersion });
        return await getCaseDetail(ctx.db, input.caseId, ctx.clock.today());
      }),
    ),
  'zsm.decideMany': async (input, ctx) => await ctx.write(async () => await decideMany(ctx.db, input, ctx.actor, ctx.clock.now())),
};
