/**
 * The roles people work in (issue 13, item 4): the one definition. Operations are allowed per role in
 * shared/api/operation-roles.ts and checked in the back end for every operation
 * (server/services/api-handler.ts); the notification centre picks from the same roles
 * (shared/notifications/notification-schemas.ts). Standalone (one person, one file) the desktop's user
 * holds every role (STANDALONE_ROLES); the district server will supply the signed-in person's roles.
 */
export const ROLES = ['coordinator', 'prosecutor', 'clerk', 'police_liaison', 'reviewer', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/** What each role does, in Dutch, as users and messages name it. */
export const ROLE_NAMES: Record<Role, string> = {
  /** Court: capacity, rota, planning, moves, cancellations. */
  coordinator: 'coördinator',
  /** OM: ZSM decisions, intake, reservations and filling them, penalty orders. */
  prosecutor: 'officier van justitie / parketsecretaris',
  /** Court: hearing outcomes, decisions, the CJIB hand-off. */
  clerk: 'griffier',
  /** Police: intake of their own unit, the progress of their cases. */
  police_liaison: 'politie (ketenpartner)',
  /** The chain's review (ketenoverleg): dashboard, review pack, metrics; reads only. */
  reviewer: 'lid van het overleg (alleen lezen)',
  /** The district's administrator: settings, district, backups, retention, demo. */
  administrator: 'beheerder',
};

/** The standalone desktop (one person, one file): its user holds every role. */
export const STANDALONE_ROLES: readonly Role[] = ROLES;

/** 'coördinator, griffier of beheerder': the roles in the order of ROLES, in Dutch. */
export function describeRoles(roles: readonly Role[], conjunction: 'of' | 'en'): string {
  const names = ROLES.filter((role) => roles.includes(role)).map((role) => ROLE_NAMES[role]);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}
