import type { FeatureHandlers } from '../api-handler';
import { createDistrict, getDistrict } from './district-service';

export const districtHandlers: FeatureHandlers<'district'> = {
  'district.get': async (_input, { db }) => await getDistrict(db),
  'district.create': async (input, ctx) => await ctx.write(async () => await createDistrict(ctx.db, input, ctx.actor, ctx.clock.now())),
};
