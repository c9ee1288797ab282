/**
 * The narrow bridge for system notifications in Electron (issue 15, item 7), apart from the API
 * bridge (shared/api/bridge.ts, which carries contract operations only). The renderer hands the
 * current notifications to the main process, which shows each as a system notification when it becomes
 * visible (again after it had left the list); clicking one focuses the window and sends its route back
 * to the renderer.
 */
export const NOTIFICATION_BRIDGE_GLOBAL_NAME = 'ketenplannerNotifications';
export const IPC_NOTIFY_CHANNEL = 'ketenplanner:notify';
export const IPC_OPEN_ROUTE_CHANNEL = 'ketenplanner:open-route';

/** What a system notification needs of a notification. */
export interface SystemNotificationItem {
  key: string;
  title: string;
  text: string;
  route: string;
}

export interface NotificationBridge {
  /** Shows the notifications not in the previous list (by key); resolves with how many were shown now. */
  notify(items: readonly SystemNotificationItem[]): Promise<number>;
  /** Calls `open` with the route of a clicked system notification; returns the unsubscribe. */
  onOpenRoute(open: (route: string) => void): () => void;
}

/** A route of the app ('/zaken/12', '/zittingen?week=2026-06-22'): never a URL elsewhere. */
export const APP_ROUTE_PATTERN = /^\/[a-z0-9/-]{0,80}(\?[a-z0-9=&-]{0,80})?$/;
