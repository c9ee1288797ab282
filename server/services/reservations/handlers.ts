import type { FeatureHandlers } from '../api-handler';
import { listReservations } from './list-reservations';
import { releaseDueBeforeReading } from './release-before-reading';
import { releaseReservation } from './release-reservations';
import { releaseMany } from './release-many';
import { reserveSlots } from './reserve-slots';
import { asOneWrite } from '../context/query-results';

export const reservationsHandlers: FeatureHandlers<'reservations'> = {
  'reservations.list': async (input, ctx) => {
    await releaseDueBeforeReading(ctx);
    return await listReservations(ctx.db, input, ctx.actor, ctx.clock.today());
  },
  'reservations.reserve': async (input, ctx) => await ctx.write(() => asOneWrite(async () => await reserveSlots(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now()))),
  'reservations.release': async (input, ctx) =>
    await ctx.write(() =>
      asOneWrite(async () => {
        return await releaseReservation(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now(), { expectedVersion: input.expectedVersion });
      }),
    ),
  'reservations.releaseMany': async (input, ctx) => await ctx.write(async () => await releaseMany(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now())),
};
