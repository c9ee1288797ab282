import type { DesktopBridge, DesktopStartState, SignInAnswer, StartAnswer, StartChoice } from '../../shared/api/desktop-bridge';
import type { ConflictChoice, ResolveConflictAnswer, SyncStatus } from '../../shared/api/sync-status';

export type DesktopChannel = 'state' | 'start' | 'signOut' | 'signIn' | 'syncStatus' | 'syncNow' | 'resolveConflict';

/**
 * The preload's start bridge (issue 13, item 6; issue 14 added the synchronisation): a few functions,
 * nothing of ipcRenderer itself. Only the fields of a start choice, a conflict's id and the choice cross
 * the boundary.
 */
export function createDesktopBridge(invoke: (channel: DesktopChannel, ...args: unknown[]) => Promise<unknown>): DesktopBridge {
  return Object.freeze({
    state: () => invoke('state') as Promise<DesktopStartState>,
    start: (choice: StartChoice) =>
      invoke('start', choice.mode === 'file' ? { mode: 'file' } : { mode: choice.mode === 'offline' ? 'offline' : 'server', serverUrl: String(choice.serverUrl) }) as Promise<StartAnswer>,
    signOut: async () => {
      await invoke('signOut');
    },
    signIn: () => invoke('signIn') as Promise<SignInAnswer>,
    syncStatus: () => invoke('syncStatus') as Promise<SyncStatus | null>,
    syncNow: async () => {
      await invoke('syncNow');
    },
    resolveConflict: (id: number, choice: ConflictChoice) => invoke('resolveConflict', Number(id), String(choice)) as Promise<ResolveConflictAnswer>,
  });
}
