import type { FeatureHandlers } from '../api-handler';
import { releaseDueBeforeReading } from '../reservations/release-before-reading';
import { deriveNotifications, notificationsForRoles } from './derive-notifications';
import { markNotificationDone } from './mark-done';

export const notificationsHandlers: FeatureHandlers<'notifications'> = {
  'notifications.list': async (input, ctx) => {
    // Reservations whose release date has come are released first (ADR 14): they no longer notify.
    await releaseDueBeforeReading(ctx);
    return { items: notificationsForRoles(await deriveNotifications(ctx.db, ctx.clock.now()), input.roles) };
  },
  'notifications.markDone': async (input, ctx) => await ctx.write(async () => await markNotificationDone(ctx.db, input, ctx.actor, ctx.clock.now())),
};
