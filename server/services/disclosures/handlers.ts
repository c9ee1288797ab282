import type { FeatureHandlers } from '../api-handler';
import { expectVersion } from '../context/versions';
import { listDisclosures, setDisclosureTerm } from './disclosure-log';

/** The log of reads of personal data, for the administrator (docs/disclosures.md). */
export const disclosuresHandlers: FeatureHandlers<'disclosures'> = {
  'disclosures.list': (input, { db, clock }) => listDisclosures(db, input, clock.today()),
  'disclosures.setTerm': (input, ctx) =>
    ctx.write(() => {
      expectVersion(ctx.db, 'settings', 0, input.expectedVersion);
      return setDisclosureTerm(ctx.db, { months: input.months, confirmed: input.confirmed }, input.reason, ctx.actor, ctx.clock.now());
    }),
};
