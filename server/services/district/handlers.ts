import type { FeatureHandlers } from '../api-handler';
import { createDistrict, getDistrict } from './district-service';

export const districtHandlers: FeatureHandlers<'district'> = {
  'district.get': (_input, { db }) => getDistrict(db),
  'district.create': (input, ctx) => ctx.write(() => createDistrict(ctx.db, input, ctx.actor, ctx.clock.now())),
};
