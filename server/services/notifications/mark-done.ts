import { eq } from 'drizzle-orm';
import { notificationDone } from '../../../db/schema';
import type { AppDatabase } from '../../../db/open-database';
import { parseNotificationKey } from '../../../shared/notifications/notification-schemas';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { amsterdamDate, startOfAmsterdamDay } from '../../../shared/calendar/amsterdam-time';
import { deriveNotifications, isDone } from './derive-notifications';
import { firstRow } from '../context/query-results';

/**
 * Marks a notification done for its key, with an audit row on what it is about (the case, session,
 * reservation or hand-off). Idempotent: marking it again answers with the first mark (for a detained
 * suspect's limit: the same day's mark, see DONE_FOR_THE_DAY_ONLY). A notification
 * that is no longer there (the case was planned meanwhile) is refused, so no mark is kept for nothing.
 * Call inside ctx.write.
 */
export async function markNotificationDone(db: AppDatabase, input: { key: string; reason?: string | undefined }, actor: string, now: Date) {
  const parsed = parseNotificationKey(input.key);
  if (!parsed) throw new ServiceError('INVALID_INPUT', 'Onbekende melding.');
  const existing = firstRow(await db.select().from(notificationDone).where(eq(notificationDone.key, input.key)));
  const startOfToday = new Date(startOfAmsterdamDay(amsterdamDate(now.getTime()))).toISOString();
  if (existing && isDone(parsed, existing.doneAt, startOfToday)) return { key: existing.key, doneBy: existing.doneBy, doneAt: existing.doneAt, alreadyDone: true };
  const current = (await deriveNotifications(db, now)).find((n) => n.key === input.key);
  if (!current) {
    throw new ServiceError('CONFLICT', 'Deze melding geldt niet meer (de zaak, zitting of reservering is inmiddels veranderd). De lijst met meldingen is bijgewerkt.');
  }
  const doneAt = now.toISOString();
  const reason = input.reason?.trim() ? input.reason.trim() : null;
  // A mark that holds for its day only (a detained suspect's limit) is given again on a later day.
  await db.insert(notificationDone)
    .values({ key: input.key, doneBy: actor, doneAt, reason })
    .onConflictDoUpdate({ target: notificationDone.key, set: { doneBy: actor, doneAt, reason } });
  await recordAudit(db, {
    actor,
    action: 'notification.done',
    entityType: parsed.entityType,
    entityId: parsed.entityId,
    reason,
    details: { key: input.key, kind: parsed.kind, title: current.title, text: current.text },
    occurredAt: doneAt,
  });
  return { key: input.key, doneBy: actor, doneAt, alreadyDone: false };
}
