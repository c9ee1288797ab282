import type { FeatureHandlers } from '../api-handler';
import { expectVersion } from '../context/versions';
import { listReservations } from './list-reservations';
import { releaseDueBeforeReading } from './release-before-reading';
import { releaseReservation } from './release-reservations';
import { releaseMany } from './release-many';
import { reserveSlots } from './reserve-slots';

export const reservationsHandlers: FeatureHandlers<'reservations'> = {
  'reservations.list': async (input, ctx) => {
    await releaseDueBeforeReading(ctx);
    return await listReservations(ctx.db, input, ctx.actor, ctx.clock.today());
  },
  'reservations.reserve': async (input, ctx) => await ctx.write(async () => await reserveSlots(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now())),
  'reservations.release': async (input, ctx) =>
    await ctx.write(async () => {
      await expectVersion(ctx.db, 'reservation', input.reservationId, input.expectedVersion);
      return await releaseReservation(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now());
    }),
  'reservations.releaseMany': async (input, ctx) => await ctx.write(async () => await releaseMany(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now())),
};
