import type { FeatureHandlers } from '../api-handler';
import { expectVersion } from '../context/versions';
import { assignSession } from './assign-session';
import { cancelSession } from './cancel-session';
import { getCourtRoll } from './court-roll';
import { addExtraSession } from './extra-session';
import { updateSession } from './update-session';
import { getWeekOverview } from './week-overview';
import { releaseDueBeforeReading } from '../reservations/release-before-reading';

export const sessionsHandlers: FeatureHandlers<'sessions'> = {
  // Due reservations go back to the court first, so the week's free places match the verkeerstoren's (ADR 14).
  'sessions.week': async (input, ctx) => {
    await releaseDueBeforeReading(ctx);
    return await getWeekOverview(ctx.db, input);
  },
  'sessions.courtRoll': async (input, ctx) => await getCourtRoll(ctx.db, input),
  'sessions.cancel': async (input, ctx) =>
    await ctx.write(async () => {
      await expectVersion(ctx.db, 'session', input.sessionId, input.expectedVersion);
      return await cancelSession(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now());
    }),
  'sessions.addExtra': async (input, ctx) => await ctx.write(async () => await addExtraSession(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now())),
  'sessions.update': async (input, ctx) =>
    await ctx.write(async () => {
      await expectVersion(ctx.db, 'session', input.sessionId, input.expectedVersion);
      return await updateSession(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now());
    }),
  'sessions.assign': async (input, ctx) =>
    await ctx.write(async () => {
      await expectVersion(ctx.db, 'session', input.sessionId, input.expectedVersion);
      return await assignSession(ctx.db, input, ctx.actor, ctx.clock.now());
    }),
};
