import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL_NAME, IPC_API_CHANNEL } from '../../shared/api/bridge';
import { createBridge } from './create-bridge';
import { PRINT_GLOBAL_NAME, PRINT_PDF_CHANNEL, unwrapPrintAnswer } from '../../shared/print/print-page';
import { IPC_NOTIFY_CHANNEL, IPC_OPEN_ROUTE_CHANNEL, NOTIFICATION_BRIDGE_GLOBAL_NAME } from '../../shared/notifications/notification-bridge';
import { createNotificationBridge } from './notification-bridge';
import { createDesktopBridge } from './desktop-bridge';
import {
  DESKTOP_BRIDGE_GLOBAL_NAME,
  IPC_DESKTOP_SIGN_OUT_CHANNEL,
  IPC_DESKTOP_SIGN_IN_CHANNEL,
  IPC_DESKTOP_START_CHANNEL,
  IPC_DESKTOP_STATE_CHANNEL,
  IPC_DESKTOP_SYNC_STATUS_CHANNEL,
  IPC_DESKTOP_SYNC_NOW_CHANNEL,
  IPC_DESKTOP_RESOLVE_CONFLICT_CHANNEL,
} from '../../shared/api/desktop-bridge';

// Exposes only the contract's operations, never ipcRenderer itself.
contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL_NAME,
  createBridge((operation, input, meta) => ipcRenderer.invoke(IPC_API_CHANNEL, operation, input, meta)),
);

// System notifications (issue 15, item 7): hand over the current notifications, hear which one was clicked.
contextBridge.exposeInMainWorld(
  NOTIFICATION_BRIDGE_GLOBAL_NAME,
  createNotificationBridge(
    (items) => ipcRenderer.invoke(IPC_NOTIFY_CHANNEL, items),
    (listener) => {
      const handler = (_event: unknown, route: unknown) => listener(route);
      ipcRenderer.on(IPC_OPEN_ROUTE_CHANNEL, handler);
      return () => ipcRenderer.removeListener(IPC_OPEN_ROUTE_CHANNEL, handler);
    },
  ),
);

// 'Afdrukken / PDF' on the printable pages: the main process prints the page on screen (print-review-pack.ts).
contextBridge.exposeInMainWorld(PRINT_GLOBAL_NAME, Object.freeze({ savePdf: () => unwrapPrintAnswer(ipcRenderer.invoke(PRINT_PDF_CHANNEL)) }));

// The start (issue 13, item 6): open the district file or connect to a district server; who is signed in; sign out.
// Connected (issue 14): the synchronisation's status, 'sync now' and the conflict inbox's choices.
const DESKTOP_CHANNELS = {
  state: IPC_DESKTOP_STATE_CHANNEL,
  start: IPC_DESKTOP_START_CHANNEL,
  signOut: IPC_DESKTOP_SIGN_OUT_CHANNEL,
  signIn: IPC_DESKTOP_SIGN_IN_CHANNEL,
  syncStatus: IPC_DESKTOP_SYNC_STATUS_CHANNEL,
  syncNow: IPC_DESKTOP_SYNC_NOW_CHANNEL,
  resolveConflict: IPC_DESKTOP_RESOLVE_CONFLICT_CHANNEL,
} as const;
contextBridge.exposeInMainWorld(
  DESKTOP_BRIDGE_GLOBAL_NAME,
  createDesktopBridge((channel, ...args) => ipcRenderer.invoke(DESKTOP_CHANNELS[channel], ...args)),
);
