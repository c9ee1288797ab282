import type { FeatureHandlers } from '../api-handler';
import { expectVersion } from '../context/versions';
import { getCaseDetail } from '../cases/case-detail';
import { decideMany } from './decide-many';
import { recordZsmDecision } from './record-zsm-decision';

export const zsmHandlers: FeatureHandlers<'zsm'> = {
  'zsm.decide': (input, ctx) =>
    ctx.write(() => {
      expectVersion(ctx.db, 'case', input.caseId, input.expectedVersion);
      recordZsmDecision(ctx.db, input, ctx.actor, ctx.clock.now());
      return getCaseDetail(ctx.db, input.caseId, ctx.clock.today());
    }),
  'zsm.decideMany': (input, ctx) => ctx.write(() => decideMany(ctx.db, input, ctx.actor, ctx.clock.now())),
};
