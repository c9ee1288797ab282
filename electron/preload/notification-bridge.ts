import type { NotificationBridge, SystemNotificationItem } from '../../shared/notifications/notification-bridge';

/**
 * The preload's notification bridge: two functions, nothing of ipcRenderer itself. Only the fields a
 * system notification needs cross the boundary.
 */
export function createNotificationBridge(
  invoke: (items: SystemNotificationItem[]) => Promise<unknown>,
  subscribe: (listener: (route: unknown) => void) => () => void,
): NotificationBridge {
  return Object.freeze({
    notify: async (items: readonly SystemNotificationItem[]) => {
      const shown = await invoke(items.map(({ key, title, text, route }) => ({ key, title, text, route })));
      return typeof shown === 'number' ? shown : 0;
    },
    onOpenRoute: (open: (route: string) => void) =>
      subscribe((route) => {
        if (typeof route === 'string') open(route);
      }),
  });
}
