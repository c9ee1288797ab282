import { z } from 'zod';
import { PROBLEM_SEVERITIES } from '../domain/problem-severity';
import { ROLES, type Role } from '../domain/roles';

/**
 * The roles whose notifications a user sees (issue 15, item 7): the roles of shared/domain/roles.ts
 * except the administrator (a choice of this notification centre: notifications are about cases and
 * sessions, which the administrator does not work on). Until sign-in exists (issue 13) the user picks
 * them in the notification centre; sign-in will supply them instead. Only used to choose which
 * notifications someone sees; operations are allowed per role in shared/api/operation-roles.ts.
 */
export type NotificationRole = Exclude<Role, 'administrator'>;
export const NOTIFICATION_ROLES: readonly NotificationRole[] = ROLES.filter((role): role is NotificationRole => role !== 'administrator');

/** What a notification is about. Each is derived from the data on every read (server/services/notifications). */
export const NOTIFICATION_KINDS = ['detained_near_limit', 'summons_due_today', 'reservation_release', 'cjib_returned', 'session_underfilled'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_ENTITY_TYPES = ['case', 'court_session', 'reservation', 'cjib_handoff'] as const;
export type NotificationEntityType = (typeof NOTIFICATION_ENTITY_TYPES)[number];

/** Who a kind is for. */
export const NOTIFICATION_ROLES_OF_KIND: Record<NotificationKind, readonly NotificationRole[]> = {
  detained_near_limit: ['coordinator', 'prosecutor', 'reviewer'],
  summons_due_today: ['prosecutor', 'police_liaison', 'coordinator'],
  reservation_release: ['prosecutor', 'coordinator'],
  cjib_returned: ['clerk', 'reviewer'],
  session_underfilled: ['coordinator', 'prosecutor'],
};

/**
 * A notification's stable key: kind, entity and the moment it concerns ('detained_near_limit:case:12:2026-06-15T21:30:00.000Z').
 * A new moment (a new limit, a new return) is a new key, so it notifies again after one was marked done.
 */
export const NOTIFICATION_KEY_PATTERN = new RegExp(`^(${NOTIFICATION_KINDS.join('|')}):(${NOTIFICATION_ENTITY_TYPES.join('|')}):([1-9][0-9]{0,11}):([0-9TZ:.+-]{10,30})$`);

export function notificationKey(kind: NotificationKind, entityType: NotificationEntityType, entityId: number, moment: string): string {
  return `${kind}:${entityType}:${entityId}:${moment}`;
}

export function parseNotificationKey(key: string): { kind: NotificationKind; entityType: NotificationEntityType; entityId: number; moment: string } | null {
  const match = NOTIFICATION_KEY_PATTERN.exec(key);
  if (!match) return null;
  return { kind: match[1] as NotificationKind, entityType: match[2] as NotificationEntityType, entityId: Number(match[3]), moment: match[4]! };
}

export const notificationSchema = z.object({
  key: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  roles: z.array(z.enum(NOTIFICATION_ROLES)),
  severity: z.enum(PROBLEM_SEVERITIES),
  /** What it is about: the case's parketnummer or the session ('ma 22 jun ochtend, Zaal 1'). */
  title: z.string(),
  /** What is the matter, with the date it concerns, in Dutch. */
  text: z.string(),
  /** The route of the screen where it is handled ('/zaken/12'). */
  route: z.string(),
  /** The label of the link to that screen ('Naar de zaak'). */
  linkLabel: z.string(),
  /** When it became due (ISO instant). */
  dueAt: z.string(),
});
export type AppNotification = z.infer<typeof notificationSchema>;

export const notificationsListInputSchema = z
  .object({
    roles: z.array(z.enum(NOTIFICATION_ROLES, { message: 'Kies een bekende rol' })).max(NOTIFICATION_ROLES.length, 'Kies elke rol hoogstens één keer'),
  })
  .strict();

export const notificationsListSchema = z.object({ items: z.array(notificationSchema) });

export const notificationsMarkDoneInputSchema = z
  .object({
    key: z.string().max(120).regex(NOTIFICATION_KEY_PATTERN, 'Onbekende melding'),
    reason: z.string().trim().max(500, 'De toelichting is te lang (max. 500 tekens)').optional(),
  })
  .strict();

export const notificationsMarkDoneSchema = z.object({ key: z.string(), doneBy: z.string(), doneAt: z.string(), alreadyDone: z.boolean() });
