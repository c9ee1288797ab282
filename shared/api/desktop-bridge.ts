import type { Role } from '../domain/roles';

/**
 * The desktop's start (issue 13, item 6): open the district file (standalone) or connect to a district
 * server. What the Electron preload exposes as window.ketenplannerDesktop: three narrow functions.
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
}

export const DESKTOP_BRIDGE_GLOBAL_NAME = 'ketenplannerDesktop';
export const IPC_DESKTOP_STATE_CHANNEL = 'ketenplanner:desktop-state';
export const IPC_DESKTOP_START_CHANNEL = 'ketenplanner:desktop-start';
export const IPC_DESKTOP_SIGN_OUT_CHANNEL = 'ketenplanner:desktop-sign-out';
