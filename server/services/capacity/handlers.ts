import type { FeatureHandlers } from '../api-handler';
import { expectVersion, withCurrentVersion } from '../context/versions';
import { getCapacityOverview } from './capacity-overview';
import { addClosure, removeClosure } from './closure-service';
import { generateSessionsForHorizon } from './generate-service';
import { deactivateTemplate, saveTemplate } from './template-service';

export const capacityHandlers: FeatureHandlers<'capacity'> = {
  'capacity.overview': (input, { db, clock }) => getCapacityOverview(db, input, clock.today()),
  'capacity.saveTemplate': (input, ctx) =>
    ctx.write(() => {
      if (input.id !== null && input.expectedVersion !== undefined) expectVersion(ctx.db, 'template', input.id, input.expectedVersion);
      return withCurrentVersion(ctx.db, 'template', saveTemplate(ctx.db, input, ctx.actor, ctx.clock.now()));
    }),
  'capacity.deactivateTemplate': (input, ctx) =>
    ctx.write(() => {
      expectVersion(ctx.db, 'template', input.templateId, input.expectedVersion);
      return withCurrentVersion(ctx.db, 'template', deactivateTemplate(ctx.db, input, ctx.actor, ctx.clock.now()));
    }),
  'capacity.generate': (input, ctx) => ctx.write(() => generateSessionsForHorizon(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now())),
  'capacity.addClosure': (input, ctx) => ctx.write(() => addClosure(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now())),
  'capacity.removeClosure': (input, ctx) => ctx.write(() => removeClosure(ctx.db, input, ctx.actor, ctx.clock.now())),
};
