import type { FeatureHandlers } from '../api-handler';
import { expectVersion } from '../context/versions';
import { importRota } from './import-rota';
import { listRota } from './list-rota';
import { rotaTemplate } from './rota-template';
import { deactivatePerson, savePerson } from './save-person';
import { addUnavailability, removeUnavailability } from './unavailability';

export const peopleHandlers: FeatureHandlers<'people'> = {
  'people.list': async (_input, { db, clock }) => await listRota(db, clock.today()),
  'people.save': async (input, ctx) =>
    await ctx.write(async () => {
      if (input.id != null && input.expectedVersion !== undefined) await expectVersion(ctx.db, 'person', input.id, input.expectedVersion);
      return await savePerson(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now());
    }),
  'people.deactivate': async (input, ctx) =>
    await ctx.write(async () => {
      await expectVersion(ctx.db, 'person', input.id, input.expectedVersion);
      return await deactivatePerson(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now());
    }),
  'people.addUnavailability': async (input, ctx) => await ctx.write(async () => await addUnavailability(ctx.db, input, ctx.actor, ctx.clock.now())),
  'people.removeUnavailability': async (input, ctx) => await ctx.write(async () => await removeUnavailability(ctx.db, input, ctx.actor, ctx.clock.now())),
  'people.import': ({ contentBase64, ...request }, ctx) => importRota(ctx, { ...request, content: Buffer.from(contentBase64, 'base64') }),
  'people.importTemplate': () => rotaTemplate(),
};
