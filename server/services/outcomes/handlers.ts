import type { FeatureHandlers } from '../api-handler';
import { caseOfHearing, expectVersion } from '../context/versions';
import { correctOutcome } from './correct-outcome';
import { recordOutcome } from './record-outcome';
import { getSessionRoll } from './session-roll';

export const outcomesHandlers: FeatureHandlers<'outcomes'> = {
  'outcomes.roll': ({ sessionId }, { db }) => getSessionRoll(db, sessionId),
  'outcomes.record': (input, ctx) => ctx.write(() => recordOutcome(ctx.db, input, { actor: ctx.actor, today: ctx.clock.today(), now: ctx.clock.now() })),
  'outcomes.correct': (input, ctx) =>
    ctx.write(() => {
      const caseId = caseOfHearing(ctx.db, input.record.hearingId);
      if (caseId !== null) expectVersion(ctx.db, 'case', caseId, input.expectedVersion);
      return correctOutcome(ctx.db, input, { actor: ctx.actor, today: ctx.clock.today(), now: ctx.clock.now() });
    }),
};
