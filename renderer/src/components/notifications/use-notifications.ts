import { useOperationQuery } from '../../api/use-operation-query';
import { useNotificationRoles } from './notification-roles';

/** Every minute, and after every write (the kit's refresh rule invalidates all queries). */
export const NOTIFICATIONS_REFRESH_MS = 60_000;

/** The current notifications for this desktop's roles: one query, shared by the bell and the centre. */
export function useNotifications(options: { enabled?: boolean } = {}) {
  const { roles } = useNotificationRoles();
  return useOperationQuery('notifications.list', { roles: [...roles] }, { enabled: options.enabled ?? true, refetchInterval: NOTIFICATIONS_REFRESH_MS });
}
