import type { FeatureHandlers } from '../api-handler';
import { expectVersion } from '../context/versions';
import { getSettingsOverview } from './settings-overview';
import { updateSettings } from './update-settings';

export const settingsHandlers: FeatureHandlers<'settings'> = {
  'settings.get': (_input, { db, clock }) => getSettingsOverview(db, Number(clock.today().slice(0, 4))),
  'settings.update': (input, ctx) =>
    ctx.write(() => {
      expectVersion(ctx.db, 'settings', 0, input.expectedVersion);
      return {
        ...updateSettings(ctx.db, input, ctx.actor, ctx.clock.now()),
        overview: getSettingsOverview(ctx.db, Number(ctx.clock.today().slice(0, 4))),
      };
    }),
};
