import type { FeatureHandlers } from '../api-handler';
import { expectVersion } from '../context/versions';
import { countDisclosuresDue, purgeDisclosures } from '../disclosures/disclosure-log';
import { applyRetention, previewRetention, setRetentionTerm } from './retention';

/** Keeping personal data of finished cases no longer than the district's term (docs/retention.md). */
export const retentionHandlers: FeatureHandlers<'retention'> = {
  'retention.preview': async (input, { db, clock }) => ({ ...await previewRetention(db, clock.today(), input.limit), disclosuresDueCount: await countDisclosuresDue(db, clock.today()) }),
  // The same run also removes the rows of the log of reads of personal data past their own term (docs/disclosures.md).
  'retention.apply': async (input, ctx) =>
    await ctx.write(async () => ({
      ...await applyRetention(ctx.db, ctx.clock.today(), input.reason, ctx.actor, ctx.clock.now()),
      disclosuresRemoved: await purgeDisclosures(ctx.db, ctx.clock.today(), ctx.actor, ctx.clock.now(), input.reason),
    })),
  'retention.setTerm': async (input, ctx) =>
    await ctx.write(async () => {
      await expectVersion(ctx.db, 'settings', 0, input.expectedVersion);
      return await setRetentionTerm(ctx.db, { months: input.months, confirmed: input.confirmed }, input.reason, ctx.actor, ctx.clock.now());
    }),
};
