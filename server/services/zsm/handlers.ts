import type { FeatureHandlers } from '../api-handler';
import { expectVersion } from '../context/versions';
import { getCaseDetail } from '../cases/case-detail';
import { decideMany } from './decide-many';
import { recordZsmDecision } from './record-zsm-decision';

export const zsmHandlers: FeatureHandlers<'zsm'> = {
  'zsm.decide': async (input, ctx) =>
    await ctx.write(async () => {
      await expectVersion(ctx.db, 'case', input.caseId, input.expectedVersion);
      await recordZsmDecision(ctx.db, input, ctx.actor, ctx.clock.now());
      return await getCaseDetail(ctx.db, input.caseId, ctx.clock.today());
    }),
  'zsm.decideMany': async (input, ctx) => await ctx.write(async () => await decideMany(ctx.db, input, ctx.actor, ctx.clock.now())),
};
