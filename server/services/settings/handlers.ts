import type { FeatureHandlers } from '../api-handler';
import { expectVersion } from '../context/versions';
import { getSettingsOverview } from './settings-overview';
import { updateSettings } from './update-settings';

export const settingsHandlers: FeatureHandlers<'settings'> = {
  'settings.get': async (_input, { db, clock }) => await getSettingsOverview(db, Number(clock.today().slice(0, 4))),
  'settings.update': async (input, ctx) =>
    await ctx.write(async () => {
      await expectVersion(ctx.db, 'settings', 0, input.expectedVersion);
      return {
        ...await updateSettings(ctx.db, input, ctx.actor, ctx.clock.now()),
        overview: await getSettingsOverview(ctx.db, Number(ctx.clock.today().slice(0, 4))),
      };
    }),
};
