/**
 * What a connected desktop knows of its synchronisation with the district server (issue 14): online or
 * offline, how fresh its local copy is, which of the user's actions the server has not yet confirmed
 * (the outbox) and which it refused (the conflict inbox). The SyncingBackend (server/desktop/
 * syncing-backend.ts) produces it; the renderer shows it in the header and on the page Conflicten.
 */

export interface SyncSubject {
  /** A synced table of db/schema.ts ('hearing', 'reservation', 'court_session', …). */
  table: string;
  /** The row's primary key as text. */
  key: string;
}

export interface PendingAction {
  requestId: string;
  operation: string;
  /** Dutch, e.g. "Uitkomst vastleggen: zaak 13/123456-26". */
  summary: string;
  /** ISO instant. */
  createdAt: string;
  subject: SyncSubject | null;
}

export interface SyncConflict {
  id: number;
  requestId: string;
  operation: string;
  summary: string;
  /** The server's Dutch message. */
  reason: string;
  /** What the server holds now of the entry's subject: its current row(s) (DB column names), or null. */
  serverNow: unknown;
  createdAt: string;
  /** The entry's main row (as in the outbox): the page Conflicten links to its case or session for 'Aanpassen'. */
  subject: SyncSubject | null;
}

export interface SyncStatus {
  /**
   * 'signed-out': the server answers but wants a sign-in first (a refused token; or, started offline and
   * signed out, the server is reachable again).
   */
  connection: 'online' | 'offline' | 'signed-out';
  /**
   * Issue 14's offline start: 'signedOut' while the desktop works on its copy as its owner without a
   * sign-in (nothing is sent to the server until they sign in). Absent: signed in.
   */
  signIn?: 'signedIn' | 'signedOut';
  /** Another person's outbox waits in their own copy on this desktop, unsent until they sign in here. */
  waitingFor?: { owner: string; pending: number } | null;
  /** ISO instant the server became unreachable. */
  offlineSince: string | null;
  /** ISO instant of the last successful pull. */
  dataAsOf: string | null;
  pending: PendingAction[];
  conflicts: SyncConflict[];
  syncing: boolean;
  /** Progress of a running first copy. */
  firstCopy: { table: string; rows: number } | null;
}

/** Opnieuw proberen / Aanpassen / Laten vallen. */
export type ConflictChoice = 'redo' | 'adapt' | 'drop';

export const CONFLICT_CHOICES: readonly ConflictChoice[] = ['redo', 'adapt', 'drop'];

export type ResolveConflictAnswer = { ok: true } | { ok: false; message: string };
