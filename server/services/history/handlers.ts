import type { FeatureHandlers } from '../api-handler';
import { undoAction } from './undo';

export const historyHandlers: FeatureHandlers<'history'> = {
  // The expected versions are implied by the action (stored in its audit row): see undo.ts.
  'history.undo': async ({ actionId }, ctx) => await ctx.write(async () => await undoAction(ctx.db, actionId, ctx.actor, ctx.clock.now())),
};
