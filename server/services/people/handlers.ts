import type { FeatureHandlers } from '../api-handler';
import { expectVersion } from '../context/versions';
import { importRota } from './import-rota';
import { listRota } from './list-rota';
import { rotaTemplate } from './rota-template';
import { deactivatePerson, savePerson } from './save-person';
import { addUnavailability, removeUnavailability } from './unavailability';

export const peopleHandlers: FeatureHandlers<'people'> = {
  'people.list': (_input, { db, clock }) => listRota(db, clock.today()),
  'people.save': (input, ctx) =>
    ctx.write(() => {
      if (input.id != null && input.expectedVersion !== undefined) expectVersion(ctx.db, 'person', input.id, input.expectedVersion);
      return savePerson(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now());
    }),
  'people.deactivate': (input, ctx) =>
    ctx.write(() => {
      expectVersion(ctx.db, 'person', input.id, input.expectedVersion);
      return deactivatePerson(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now());
    }),
  'people.addUnavailability': (input, ctx) => ctx.write(() => addUnavailability(ctx.db, input, ctx.actor, ctx.clock.now())),
  'people.removeUnavailability': (input, ctx) => ctx.write(() => removeUnavailability(ctx.db, input, ctx.actor, ctx.clock.now())),
  'people.import': ({ contentBase64, ...request }, ctx) => importRota(ctx, { ...request, content: Buffer.from(contentBase64, 'base64') }),
  'people.importTemplate': () => rotaTemplate(),
};
