import type { FeatureHandlers } from '../api-handler';
import { expectVersion } from '../context/versions';
import { listDisclosures, setDisclosureTerm } from './disclosure-log';

/** The log of reads of personal data, for the administrator (docs/disclosures.md). */
export const disclosuresHandlers: FeatureHandlers<'disclosures'> = {
  'disclosures.list': async (input, { db, clock }) => await listDisclosures(db, input, clock.today()),
  'disclosures.setTerm': async (input, ctx) =>
    await ctx.write(async () => {
      await expectVersion(ctx.db, 'settings', 0, input.expectedVersion);
      return await setDisclosureTerm(ctx.db, { months: input.months, confirmed: input.confirmed }, input.reason, ctx.actor, ctx.clock.now());
    }),
};
