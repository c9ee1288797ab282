import { APP_ROUTE_PATTERN, IPC_NOTIFY_CHANNEL, type SystemNotificationItem } from '../../shared/notifications/notification-bridge';
import { NOTIFICATION_KEY_PATTERN } from '../../shared/notifications/notification-schemas';
import { isAppUrl } from './app-origin';
import type { IpcMainLike } from './ipc-bridge';

/** The part of Electron's Notification this uses (a fake in tests). */
export interface SystemNotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
}

export interface NotificationShell {
  isSupported(): boolean;
  create(options: { title: string; body: string }): SystemNotificationLike;
  /** Restores and focuses the main window. */
  focusWindow(): void;
  /** Tells the renderer to open the route (IPC_OPEN_ROUTE_CHANNEL). */
  openRoute(route: string): void;
}

const MAX_ITEMS = 200;

/**
 * Registers the notify channel: the app's own pages hand over their current notifications (the
 * renderer asks again every minute and after every write). A notification is shown as a system
 * notification when it becomes visible: once while it stays in the list, and again when it comes back
 * after it had left the list. The server decides what is in the list (server/services/notifications):
 * a detained case's notification marked 'Afgehandeld' leaves it and is back the next day with the same
 * key, so it is shown again then. Clicking one focuses the window and opens its route. Anything not
 * from the app, or not shaped like a notification, is ignored (and changes nothing).
 */
export function registerNotificationIpc(ipcMain: IpcMainLike, shell: NotificationShell): void {
  const shown = new Set<string>();
  // Electron drops the click handler of a notification that is garbage collected: keep the open ones.
  const open = new Set<SystemNotificationLike>();
  ipcMain.handle(IPC_NOTIFY_CHANNEL, (event, items): number => {
    if (!isAppUrl(event.senderFrame?.url ?? '') || !Array.isArray(items) || !shell.isSupported()) return 0;
    const current = items.slice(0, MAX_ITEMS).filter(isSystemNotificationItem);
    // A key no longer in the list was marked done or resolved: when it comes back, it is new again.
    const visible = new Set(current.map((item) => item.key));
    for (const key of shown) if (!visible.has(key)) shown.delete(key);
    let count = 0;
    for (const item of current) {
      if (shown.has(item.key)) continue;
      shown.add(item.key);
      const notification = shell.create({ title: item.title, body: item.text });
      open.add(notification);
      notification.on('click', () => {
        open.delete(notification);
        shell.focusWindow();
        shell.openRoute(item.route);
      });
      notification.on('close', () => open.delete(notification));
      notification.show();
      count += 1;
    }
    return count;
  });
}

function isSystemNotificationItem(value: unknown): value is SystemNotificationItem {
  if (!value || typeof value !== 'object') return false;
  const { key, title, text, route } = value as Record<string, unknown>;
  return (
    typeof key === 'string' &&
    NOTIFICATION_KEY_PATTERN.test(key) &&
    typeof title === 'string' &&
    title.length > 0 &&
    title.length <= 200 &&
    typeof text === 'string' &&
    text.length <= 1000 &&
    typeof route === 'string' &&
    APP_ROUTE_PATTERN.test(route)
  );
}
