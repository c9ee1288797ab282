import type { FeatureHandlers } from '../api-handler';
import { expectVersion } from '../context/versions';
import { isPostgresClient } from '../context/query-results';
import { ServiceError } from '../service-error';
import { listDisclosures, recordOfflineReads, setDisclosureTerm } from './disclosure-log';

/** The log of reads of personal data, for the administrator (docs/disclosures.md). */
export const disclosuresHandlers: FeatureHandlers<'disclosures'> = {
  'disclosures.list': async (input, { db, clock }) => await listDisclosures(db, input, clock.today()),
  'disclosures.setTerm': async (input, ctx) =>
    await ctx.write(async () => {
      await expectVersion(ctx.db, 'settings', 0, input.expectedVersion);
      return await setDisclosureTerm(ctx.db, { months: input.months, confirmed: input.confirmed }, input.reason, ctx.actor, ctx.clock.now());
    }),
  'disclosures.recordOffline': async (input, ctx) => {
    if (!isPostgresClient(ctx.db.$client) || !ctx.roles) throw new ServiceError('CONFLICT', ONLY_ON_A_SERVER);
    return { recorded: await ctx.write(async () => await recordOfflineReads(ctx.db, { actor: ctx.actor, roles: ctx.roles ?? [] }, input)) };
  },
};

const ONLY_ON_A_SERVER = 'Gelezen zaken van een desktop zonder verbinding worden alleen door een districtsserver vastgelegd; dit is een los districtsbestand.';
