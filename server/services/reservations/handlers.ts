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
    return listReservations(ctx.db, input, ctx.actor, ctx.clock.today());
  },
  'reservations.reserve': (input, ctx) => ctx.write(() => reserveSlots(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now())),
  'reservations.release': (input, ctx) =>
    ctx.write(() => {
      expectVersion(ctx.db, 'reservation', input.reservationId, input.expectedVersion);
      return releaseReservation(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now());
    }),
  'reservations.releaseMany': (input, ctx) => ctx.write(() => releaseMany(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now())),
};
