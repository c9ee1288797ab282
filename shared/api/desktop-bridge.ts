import type { Role } from '../domain/roles';
import type { ConflictChoice, ResolveConflictAnswer, SyncStatus } from './sync-status';

/**
 * The desktop's start (issue 13, item 6): open the district file (standalone) or connect to a district
 * server. What the Electron preload exposes as window.ketenplannerDesktop: a few narrow functions
 * (issue 14 added the synchronisation's three).
 */

/** The signed-in person as the district server's GET /auth/me names them (server/auth/signed-in-person.ts). */
export interface ServerPerson {
  name: string;
  organisation: string;
  roles: Role[];
  policeUnit: string | null;
}

export type StartChoice = { mode: 'file' } | { mode: 'server'; serverUrl: string };

export interface DesktopStartState {
  /** 'choose': show the start screen; 'file' or 'server': the app runs that way. */
  phase: 'choose' | 'file' | 'server';
  /** The last choice (remembered in the user-data folder): preselected on the start screen. */
  remembered: { mode: 'file' | 'server'; serverUrl: string | null };
  /** Connected: the server's address and who is signed in (the header shows them). */
  serverUrl: string | null;
  person: ServerPerson | null;
}

export type StartAnswer = { ok: true; state: DesktopStartState } | { ok: false; message: string };

export interface DesktopBridge {
  state(): Promise<DesktopStartState>;
  /** Opens the file or connects (signing in through the system browser); the message is Dutch. */
  start(choice: StartChoice): Promise<StartAnswer>;
  /** Connected: forgets the token (held in memory only) and returns to the start screen. */
  signOut(): Promise<void>;
  /** Issue 14: connected, the synchronisation's state (online/offline, unconfirmed actions, conflicts); null standalone. */
  syncStatus(): Promise<SyncStatus | null>;
  /** Probes the server now and, when it answers, sends the unconfirmed actions and pulls the changes. */
  syncNow(): Promise<void>;
  /** A refused action from the conflict inbox: send it again (new request id), or take it out (adapt, drop); audited on the server. */
  resolveConflict(id: number, choice: ConflictChoice): Promise<ResolveConflictAnswer>;
}

export const DESKTOP_BRIDGE_GLOBAL_NAME = 'ketenplannerDesktop';
export const IPC_DESKTOP_STATE_CHANNEL = 'ketenplanner:desktop-state';
export const IPC_DESKTOP_START_CHANNEL = 'ketenplanner:desktop-start';
export const IPC_DESKTOP_SIGN_OUT_CHANNEL = 'ketenplanner:desktop-sign-out';
export const IPC_DESKTOP_SYNC_STATUS_CHANNEL = 'ketenplanner:desktop-sync-status';
export const IPC_DESKTOP_SYNC_NOW_CHANNEL = 'ketenplanner:desktop-sync-now';
export const IPC_DESKTOP_RESOLVE_CONFLICT_CHANNEL = 'ketenplanner:desktop-resolve-conflict';
