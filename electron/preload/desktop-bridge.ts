import type { DesktopBridge, DesktopStartState, StartAnswer, StartChoice } from '../../shared/api/desktop-bridge';

/**
 * The preload's start bridge (issue 13, item 6): three functions, nothing of ipcRenderer itself. Only
 * the fields of a start choice cross the boundary.
 */
export function createDesktopBridge(invoke: (channel: 'state' | 'start' | 'signOut', argument?: StartChoice) => Promise<unknown>): DesktopBridge {
  return Object.freeze({
    state: () => invoke('state') as Promise<DesktopStartState>,
    start: (choice: StartChoice) =>
      invoke('start', choice.mode === 'server' ? { mode: 'server', serverUrl: String(choice.serverUrl) } : { mode: 'file' }) as Promise<StartAnswer>,
    signOut: async () => {
      await invoke('signOut');
    },
  });
}
