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

/**
 * 'offline' (issue 14): start on the local copy of that server without signing in, as the last person who
 * signed in on this desktop; offered by the start screen only after connecting found the server unreachable.
 */
export type StartChoice = { mode: 'file' } | { mode: 'server'; serverUrl: string } | { mode: 'offline'; serverUrl: string };

/**
 * The server could not be reached, but this desktop holds a usable local copy of it (complete, its last
 * pull at most OFFLINE_START_MAX_AGE old): the start screen offers to work on it as its owner, signed out.
 */
export interface OfflineStartOffer {
  serverUrl: string;
  /** The copy's owner: the last person who signed in to this server on this desktop. */
  name: string;
  organisation: string;
  /** ISO instant of the copy's last successful pull. */
  dataAsOf: string;
}

export interface DesktopStartState {
  /** 'choose': show the start screen; 'file' or 'server': the app runs that way. */
  phase: 'choose' | 'file' | 'server';
  /** The last choice (remembered in the user-data folder): preselected on the start screen. */
  remembered: { mode: 'file' | 'server'; serverUrl: string | null };
  /** Connected: the server's address and who is signed in (the header shows them). */
  serverUrl: string | null;
  person: ServerPerson | null;
}

export type StartAnswer = { ok: true; state: DesktopStartState } | { ok: false; message: string; offline?: OfflineStartOffer };

/** Signing in after an offline start; `note` (Dutch): another person's unsent work waits on this desktop. */
export type SignInAnswer = { ok: true; note: string | null } | { ok: false; message: string };

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
  /**
   * Started offline (signed out): signs in through the system browser. The copy's owner: their outbox is
   * sent. Someone else: their own copy is opened (or built); the owner's outbox stays on disk, unsent.
   */
  signIn(): Promise<SignInAnswer>;
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
export const IPC_DESKTOP_SIGN_IN_CHANNEL = 'ketenplanner:desktop-sign-in';
