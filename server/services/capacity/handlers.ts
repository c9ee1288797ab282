import type { FeatureHandlers } from '../api-handler';
import { expectVersion, withCurrentVersion } from '../context/versions';
import { getCapacityOverview } from './capacity-overview';
import { addClosure, removeClosure } from './closure-service';
import { generateSessionsForHorizon } from './generate-service';
import { deactivateTemplate, saveTemplate } from './template-service';

export const capacityHandlers: FeatureHandlers<'capacity'> = {
  'capacity.overview': async (input, { db, clock }) => await getCapacityOverview(db, input, clock.today()),
  'capacity.saveTemplate': async (input, ctx) =>
    await ctx.write(async () => {
      if (input.id !== null && input.expectedVersion !== undefined) await expectVersion(ctx.db, 'template', input.id, input.expectedVersion);
      return await withCurrentVersion(ctx.db, 'template', await saveTemplate(ctx.db, input, ctx.actor, ctx.clock.now()));
    }),
  'capacity.deactivateTemplate': async (input, ctx) =>
    await ctx.write(async () => {
      await expectVersion(ctx.db, 'template', input.templateId, input.expectedVersion);
      return await withCurrentVersion(ctx.db, 'template', await deactivateTemplate(ctx.db, input, ctx.actor, ctx.clock.now()));
    }),
  'capacity.generate': async (input, ctx) => await ctx.write(async () => await generateSessionsForHorizon(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now())),
  'capacity.addClosure': async (input, ctx) => await ctx.write(async () => await addClosure(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now())),
  'capacity.removeClosure': async (input, ctx) => await ctx.write(async () => await removeClosure(ctx.db, input, ctx.actor, ctx.clock.now())),
};
