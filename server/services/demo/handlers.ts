import type { FeatureHandlers } from '../api-handler';
import { resolveDemoOptions } from './demo-options';
import { generateDemoDistrict } from './generate-demo-district';
import { writeDemoDistrict } from './write-demo-district';

export const demoHandlers: FeatureHandlers<'demo'> = {
  'demo.load': async (input, ctx) => {
    const demo = generateDemoDistrict(resolveDemoOptions(input, ctx.clock.today()));
    return await ctx.write(async () => await writeDemoDistrict(ctx.db, demo, ctx.clock.now()));
  },
};
