import type { FeatureHandlers } from '../api-handler';
import { caseOfHearing, expectVersion } from '../context/versions';
import { correctOutcome } from './correct-outcome';
import { recordOutcome } from './record-outcome';
import { getSessionRoll } from './session-roll';
import { asOneWrite } from '../context/query-results';

export const outcomesHandlers: FeatureHandlers<'outcomes'> = {
  'outcomes.roll': async ({ sessionId }, { db }) => await getSessionRoll(db, sessionId),
  'outcomes.record': async (input, ctx) => await ctx.write(() => asOneWrite(async () => await recordOutcome(ctx.db, input, { actor: ctx.actor, today: ctx.clock.today(), now: ctx.clock.now() }))),
  'outcomes.correct': async (input, ctx) =>
    await ctx.write(async () => {
      const caseId = await caseOfHearing(ctx.db, input.record.hearingId);
      if (caseId !== null) await expectVersion(ctx.db, 'case', caseId, input.expectedVersion);
      return await correctOutcome(ctx.db, input, { actor: ctx.actor, today: ctx.clock.today(), now: ctx.clock.now() });
    }),
};
