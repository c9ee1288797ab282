import fs from 'node:fs';
import path from 'node:path';
import {
  IPC_DESKTOP_SIGN_OUT_CHANNEL,
  IPC_DESKTOP_START_CHANNEL,
  IPC_DESKTOP_STATE_CHANNEL,
  IPC_DESKTOP_SYNC_STATUS_CHANNEL,
  IPC_DESKTOP_SYNC_NOW_CHANNEL,
  IPC_DESKTOP_RESOLVE_CONFLICT_CHANNEL,
  type DesktopStartState,
  type ServerPerson,
  type StartAnswer,
  type StartChoice,
} from '../../shared/api/desktop-bridge';
import { CONFLICT_CHOICES, type ConflictChoice, type ResolveConflictAnswer, type SyncStatus } from '../../shared/api/sync-status';
import type { ApiHandler } from '../../server/services/api-handler';
import { parseServerUrl, type ConnectedBackend } from '../../server/desktop/connected-backend';
import { isAppUrl } from './app-origin';
import type { IpcMainLike } from './ipc-bridge';

/**
 * The desktop's start (issue 13, item 6): open the district file (standalone, as before) or connect to a
 * district server. The choice and the server's address are remembered in the user-data folder
 * (start-choice.json); never a token or a password: the connected back end holds its token in memory only.
 */

export const START_CHOICE_FILE = 'start-choice.json';

export interface RememberedChoice {
  mode: 'file' | 'server';
  serverUrl: string | null;
}

const DEFAULT_CHOICE: RememberedChoice = { mode: 'file', serverUrl: null };

/** The remembered choice; the default (open the file) when there is none or it cannot be read. */
export function readStartChoice(userDataFolder: string): RememberedChoice {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(userDataFolder, START_CHOICE_FILE), 'utf8')) as Record<string, unknown>;
    const serverUrl = typeof raw['serverUrl'] === 'string' && parseServerUrl(raw['serverUrl']).ok ? raw['serverUrl'] : null;
    return { mode: raw['mode'] === 'server' && serverUrl ? 'server' : 'file', serverUrl };
  } catch {
    return DEFAULT_CHOICE;
  }
}

/** Writes only the mode and the server's address (replaced atomically: a crash leaves the old file). */
export function saveStartChoice(userDataFolder: string, choice: RememberedChoice): void {
  fs.mkdirSync(userDataFolder, { recursive: true });
  const target = path.join(userDataFolder, START_CHOICE_FILE);
  const temporary = `${target}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify({ mode: choice.mode, serverUrl: choice.serverUrl }, null, 2)}\n`);
  fs.renameSync(temporary, target);
}

export interface DesktopStartDeps {
  userDataFolder: string;
  /** Opens the district file as before (createBackend); null when it failed and the start-up error screen took over. */
  openFile(): Promise<ApiHandler | null>;
  /** A connected back end for the server (main: createConnectedBackend with shell.openExternal and net.fetch). */
  connectTo(serverUrl: string): ConnectedBackend;
  /**
   * Issue 14: the offline layer over a connected back end (main: the SyncingBackend with a LocalCopy in
   * the user-data folder and the system clock). Without it (tests of the start) operations go to the
   * server directly. When it cannot be made, the desktop works online only, as before issue 14.
   */
  syncing?(connected: ConnectedBackend, person: ServerPerson): Promise<DesktopSync>;
}

/** What the desktop needs of the SyncingBackend (server/desktop/syncing-backend.ts). */
export interface DesktopSync {
  handler: ApiHandler;
  status(): Promise<SyncStatus>;
  syncNow(): Promise<void>;
  resolveConflict(id: number, choice: ConflictChoice): Promise<ResolveConflictAnswer>;
  close(): Promise<void>;
}

export interface DesktopStart {
  /** What the API channel calls: the chosen back end, or a Dutch refusal before the choice. */
  handler: ApiHandler;
  state(): DesktopStartState;
  /** remember: false when the file was named at start (--db, --demo): the remembered choice stays as it was. */
  start(choice: unknown, options?: { remember?: boolean }): Promise<StartAnswer>;
  signOut(): void;
  /** Connected with the offline layer: its status; else null (standalone, before the choice). */
  syncStatus(): Promise<SyncStatus | null>;
  syncNow(): Promise<void>;
  resolveConflict(id: unknown, choice: unknown): Promise<ResolveConflictAnswer>;
  /** Closes the offline layer's local copy (quit). */
  close(): Promise<void>;
}

const NOT_STARTED = 'Kies eerst of u het districtsbestand opent of verbindt met een districtsserver.';

export function createDesktopStart(deps: DesktopStartDeps): DesktopStart {
  let phase: DesktopStartState['phase'] = 'choose';
  let remembered = readStartChoice(deps.userDataFolder);
  let fileHandler: ApiHandler | null = null;
  let connected: ConnectedBackend | null = null;
  let sync: DesktopSync | null = null;
  let starting: Promise<StartAnswer> | null = null;

  const state = (): DesktopStartState => ({
    phase,
    remembered,
    serverUrl: phase === 'server' ? (connected?.serverUrl ?? null) : null,
    person: phase === 'server' ? (connected?.person() ?? null) : null,
  });

  const remember = (choice: RememberedChoice) => {
    remembered = choice;
    try {
      saveStartChoice(deps.userDataFolder, choice);
    } catch {
      // Not remembering the choice is no reason to refuse it: the next start offers the default again.
    }
  };

  async function run(choice: StartChoice, keep: boolean): Promise<StartAnswer> {
    if (choice.mode === 'file') {
      fileHandler ??= await deps.openFile();
      if (!fileHandler) return { ok: false, message: 'Het districtsbestand kon niet worden geopend.' };
      phase = 'file';
      if (keep) remember({ mode: 'file', serverUrl: remembered.serverUrl });
      return { ok: true, state: state() };
    }
    const parsed = parseServerUrl(choice.serverUrl);
    if (!parsed.ok) return { ok: false, message: parsed.message };
    const backend = connected?.serverUrl === parsed.url ? connected : deps.connectTo(parsed.url);
    let person: ServerPerson;
    try {
      person = await backend.connect();
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    connected = backend;
    if (deps.syncing) {
      try {
        sync = await deps.syncing(backend, person);
      } catch {
        // No local copy (disk, permissions): the desktop still works while the server answers.
        sync = null;
      }
    }
    phase = 'server';
    if (keep) remember({ mode: 'server', serverUrl: parsed.url });
    return { ok: true, state: state() };
  }

  return {
    handler: async (operation, input, meta) => {
      if (phase === 'file' && fileHandler) return fileHandler(operation, input, meta);
      if (phase === 'server' && connected) return (sync ?? connected).handler(operation, input, meta);
      return { ok: false, error: { code: 'UNAVAILABLE', message: NOT_STARTED } };
    },
    state,
    start(choice, options) {
      const checked = startChoiceOf(choice);
      if (!checked) return Promise.resolve({ ok: false, message: 'Kies: het districtsbestand openen of verbinden met een districtsserver.' });
      if (phase !== 'choose') return Promise.resolve({ ok: true, state: state() });
      // A second click while the browser sign-in runs waits for the first.
      starting ??= run(checked, options?.remember !== false).finally(() => (starting = null));
      return starting;
    },
    signOut() {
      if (phase !== 'server') return;
      connected?.forget();
      connected = null;
      const closing = sync;
      sync = null;
      void closing?.close().catch(() => undefined);
      phase = 'choose';
    },
    syncStatus: async () => (phase === 'server' && sync ? sync.status() : null),
    syncNow: async () => {
      if (phase === 'server' && sync) await sync.syncNow();
    },
    resolveConflict: async (id, choice) => {
      if (phase !== 'server' || !sync) return { ok: false, message: 'Er is geen verbinding met een districtsserver: er zijn geen conflicten.' };
      if (typeof id !== 'number' || !Number.isInteger(id) || !CONFLICT_CHOICES.includes(choice as ConflictChoice)) {
        return { ok: false, message: 'Onbekend conflict of onbekende keuze.' };
      }
      return sync.resolveConflict(id, choice as ConflictChoice);
    },
    close: async () => {
      const closing = sync;
      sync = null;
      await closing?.close();
    },
  };
}

function startChoiceOf(value: unknown): StartChoice | null {
  if (!value || typeof value !== 'object') return null;
  const { mode, serverUrl } = value as Record<string, unknown>;
  if (mode === 'file') return { mode: 'file' };
  if (mode === 'server' && typeof serverUrl === 'string') return { mode: 'server', serverUrl };
  return null;
}

/** The start and synchronisation channels; like the API channel, only the app's own pages may call them. */
export function registerDesktopStartIpc(ipcMain: IpcMainLike, start: DesktopStart): void {
  const fromApp = (event: { senderFrame: { url: string } | null }) => isAppUrl(event.senderFrame?.url ?? '');
  ipcMain.handle(IPC_DESKTOP_STATE_CHANNEL, (event) => (fromApp(event) ? start.state() : null));
  ipcMain.handle(IPC_DESKTOP_START_CHANNEL, (event, choice): Promise<StartAnswer> =>
    fromApp(event) ? start.start(choice) : Promise.resolve({ ok: false, message: 'Alleen de app zelf mag Ketenplanner starten.' }),
  );
  ipcMain.handle(IPC_DESKTOP_SIGN_OUT_CHANNEL, (event) => {
    if (fromApp(event)) start.signOut();
  });
  ipcMain.handle(IPC_DESKTOP_SYNC_STATUS_CHANNEL, (event) => (fromApp(event) ? start.syncStatus() : null));
  ipcMain.handle(IPC_DESKTOP_SYNC_NOW_CHANNEL, async (event) => {
    if (fromApp(event)) await start.syncNow();
  });
  ipcMain.handle(IPC_DESKTOP_RESOLVE_CONFLICT_CHANNEL, (event, id, choice): Promise<ResolveConflictAnswer> =>
    fromApp(event) ? start.resolveConflict(id, choice) : Promise.resolve({ ok: false, message: 'Alleen de app zelf mag conflicten afhandelen.' }),
  );
}
