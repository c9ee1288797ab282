import { compareSeverity } from '../domain/problem-severity';
import { NOTIFICATION_KINDS, type AppNotification } from './notification-schemas';

/**
 * The order of the notification centre: most severe first; within a severity a detained person's limit
 * before everything else (NOTIFICATION_KINDS lists the kinds in that order), then the earliest due.
 */
export function byUrgency(a: AppNotification, b: AppNotification): number {
  return (
    compareSeverity(a.severity, b.severity) ||
    NOTIFICATION_KINDS.indexOf(a.kind) - NOTIFICATION_KINDS.indexOf(b.kind) ||
    (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.key < b.key ? -1 : 1)
  );
}
