import fs from 'node:fs';
import path from 'node:path';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { nl } from 'date-fns/locale';
import {
  IPC_DESKTOP_SIGN_IN_CHANNEL,
  IPC_DESKTOP_SIGN_OUT_CHANNEL,
  IPC_DESKTOP_START_CHANNEL,
  IPC_DESKTOP_STATE_CHANNEL,
  IPC_DESKTOP_SYNC_STATUS_CHANNEL,
  IPC_DESKTOP_SYNC_NOW_CHANNEL,
  IPC_DESKTOP_RESOLVE_CONFLICT_CHANNEL,
  type DesktopStartState,
  type OfflineStartOffer,
  type ServerPerson,
  type SignInAnswer,
  type StartAnswer,
  type StartChoice,
} from '../../shared/api/desktop-bridge';
import { CONFLICT_CHOICES, type ConflictChoice, type ResolveConflictAnswer, type SyncStatus } from '../../shared/api/sync-status';
import type { ApiHandler } from '../../server/services/api-handler';
import { systemClock, type Clock } from '../../server/services/context/clock';
import { actorLabel } from '../../server/auth/signed-in-person';
import { ConnectError, parseServerUrl, type ConnectedBackend } from '../../server/desktop/connected-backend';
import { inspectLocalCopy, LOCAL_COPY_KEY_PATTERN, localCopyFile, localCopyKey, type LocalCopyInfo } from '../../server/desktop/local-copy/local-copy';
import { isAppUrl } from './app-origin';
import type { IpcMainLike } from './ipc-bridge';

/**
 * The desktop's start (issue 13, item 6): open the district file (standalone, as before) or connect to a
 * district server. The choice and the server's address are remembered in the user-data folder
 * (start-choice.json); never a token or a password: the connected back end holds its token in memory only.
 *
 * Issue 14, the offline start: per server, start-choice.json also keeps the key of the local copy of the
 * last person who signed in here (a hash; the copy itself records its owner). When connecting finds the
 * server unreachable (not when the sign-in was refused), and that copy is complete and at most
 * OFFLINE_START_MAX_AGE old, the start screen offers to work on it as its owner, signed out; the outbox
 * waits until that person signs in (docs/offline.md, ADR 28).
 */

export const START_CHOICE_FILE = 'start-choice.json';

/**
 * The oldest copy an offline start accepts (7 days). People act on what the copy shows (record outcomes,
 * reserve places) while nobody can tell them it changed: beyond a week the plan has moved on too much
 * (new sessions, cancellations, other people's reservations) to work on it without the server.
 */
export const OFFLINE_START_MAX_AGE = 7 * 24 * 60 * 60 * 1000;
const MAX_AGE_DAYS = OFFLINE_START_MAX_AGE / (24 * 60 * 60 * 1000);

export interface RememberedChoice {
  mode: 'file' | 'server';
  serverUrl: string | null;
  /** Per server address: the key of the local copy of the last person who signed in there (localCopyKey). */
  copies: Record<string, string>;
}

const DEFAULT_CHOICE: RememberedChoice = { mode: 'file', serverUrl: null, copies: {} };

/** The remembered choice; the default (open the file) when there is none or it cannot be read. */
export function readStartChoice(userDataFolder: string): RememberedChoice {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(userDataFolder, START_CHOICE_FILE), 'utf8')) as Record<string, unknown>;
    const serverUrl = typeof raw['serverUrl'] === 'string' && parseServerUrl(raw['serverUrl']).ok ? raw['serverUrl'] : null;
    const copies: Record<string, string> = {};
    const rawCopies = raw['copies'];
    if (rawCopies && typeof rawCopies === 'object' && !Array.isArray(rawCopies)) {
      // A tampered entry is skipped: the key becomes a file name, so only a hash is taken.
      for (const [url, key] of Object.entries(rawCopies as Record<string, unknown>)) {
        const parsed = parseServerUrl(url);
        if (parsed.ok && parsed.url === url && typeof key === 'string' && LOCAL_COPY_KEY_PATTERN.test(key)) copies[url] = key;
      }
    }
    return { mode: raw['mode'] === 'server' && serverUrl ? 'server' : 'file', serverUrl, copies };
  } catch {
    return DEFAULT_CHOICE;
  }
}

/** Writes only the mode, the server's address and the copies' keys (replaced atomically: a crash leaves the old file). */
export function saveStartChoice(userDataFolder: string, choice: RememberedChoice): void {
  fs.mkdirSync(userDataFolder, { recursive: true });
  const target = path.join(userDataFolder, START_CHOICE_FILE);
  const temporary = `${target}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify({ mode: choice.mode, serverUrl: choice.serverUrl, copies: choice.copies }, null, 2)}\n`);
  fs.renameSync(temporary, target);
}

/** 'vr 4 december 2026 10:41' in Amsterdam time, for the start screen's messages. */
function dutchMoment(iso: string): string {
  return format(new TZDate(Date.parse(iso), 'Europe/Amsterdam'), 'EEEEEE d MMMM yyyy HH:mm', { locale: nl });
}

/**
 * Whether the copy at `info` may be started on offline at `now`: its owner and age, or a Dutch refusal
 * (null: there is nothing to say, no copy or one without an owner).
 */
function offlineStartDecision(info: LocalCopyInfo | null, now: Date): { ok: true; owner: ServerPerson; dataAsOf: string } | { ok: false; message: string | null } {
  if (!info?.owner) return { ok: false, message: null };
  if (!info.complete || !info.dataAsOf) {
    return { ok: false, message: 'De kopie op deze computer is nog niet compleet: zonder verbinding verder werken kan pas na een volledige eerste kopie.' };
  }
  const age = now.getTime() - Date.parse(info.dataAsOf);
  if (!(age <= OFFLINE_START_MAX_AGE)) {
    const days = Math.floor(age / (24 * 60 * 60 * 1000));
    return {
      ok: false,
      message: `De kopie op deze computer is van ${dutchMoment(info.dataAsOf)}, ${days} dagen oud. Zonder verbinding verder werken kan alleen met gegevens van hoogstens ${MAX_AGE_DAYS} dagen oud: op een oudere planning zou u beslissen over zittingen en plaatsen die intussen veranderd kunnen zijn. Probeer het opnieuw als de verbinding terug is.`,
    };
  }
  return { ok: true, owner: info.owner, dataAsOf: info.dataAsOf };
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
  syncing?(connected: ConnectedBackend, person: ServerPerson, options?: { signedOut: true }): Promise<DesktopSync>;
  /** What a local copy holds (owner, age, outbox); default inspectLocalCopy (main: with Electron's better-sqlite3 addon). */
  inspectCopy?(file: string): LocalCopyInfo | null;
  /** For the age of a copy; default the system clock. */
  clock?: Clock;
}

/** What the desktop needs of the SyncingBackend (server/desktop/syncing-backend.ts). */
export interface DesktopSync {
  handler: ApiHandler;
  status(): Promise<SyncStatus>;
  syncNow(): Promise<void>;
  resolveConflict(id: number, choice: ConflictChoice): Promise<ResolveConflictAnswer>;
  /** Started signed out: the copy's owner signed in (false for anyone else: nothing sent). */
  signedIn(person: ServerPerson): Promise<boolean>;
  close(): Promise<void>;
}

export interface DesktopStart {
  /** What the API channel calls: the chosen back end, or a Dutch refusal before the choice. */
  handler: ApiHandler;
  state(): DesktopStartState;
  /** remember: false when the file was named at start (--db, --demo): the remembered choice stays as it was. */
  start(choice: unknown, options?: { remember?: boolean }): Promise<StartAnswer>;
  signOut(): void;
  /** Started offline (signed out): signs in; the owner's outbox is sent, or someone else's own copy opened. */
  signIn(): Promise<SignInAnswer>;
  /** Connected with the offline layer: its status; else null (standalone, before the choice). */
  syncStatus(): Promise<SyncStatus | null>;
  syncNow(): Promise<void>;
  resolveConflict(id: unknown, choice: unknown): Promise<ResolveConflictAnswer>;
  /** Closes the offline layer's local copy (quit). */
  close(): Promise<void>;
}

const NOT_STARTED = 'Kies eerst of u het districtsbestand opent of verbindt met een districtsserver.';

/** Dutch: another person's unsent work that stays on this desktop. */
function waitingNote(waiting: { owner: string; pending: number }): string {
  const [what, stays, sent] = waiting.pending === 1 ? ['1 niet-verstuurde wijziging', 'blijft', 'wordt'] : [`${waiting.pending} niet-verstuurde wijzigingen`, 'blijven', 'worden'];
  return `${what} van ${waiting.owner} ${stays} op deze computer bewaard en ${sent} pas verstuurd als ${waiting.owner} zich hier aanmeldt; nooit onder uw naam.`;
}

export function createDesktopStart(deps: DesktopStartDeps): DesktopStart {
  const clock = deps.clock ?? systemClock();
  const inspectCopy = deps.inspectCopy ?? ((file: string) => inspectLocalCopy(file));
  let phase: DesktopStartState['phase'] = 'choose';
  let remembered = readStartChoice(deps.userDataFolder);
  let fileHandler: ApiHandler | null = null;
  let connected: ConnectedBackend | null = null;
  let sync: DesktopSync | null = null;
  let starting: Promise<StartAnswer> | null = null;
  /** Started offline: the copy's owner, until someone signs in. */
  let offlineOwner: ServerPerson | null = null;
  /** Another person's outbox left on this desktop by the last sign-in (shown in the header). */
  let waiting: { owner: string; pending: number } | null = null;
  let signingIn: Promise<SignInAnswer> | null = null;

  const state = (): DesktopStartState => ({
    phase,
    remembered: { mode: remembered.mode, serverUrl: remembered.serverUrl },
    serverUrl: phase === 'server' ? (connected?.serverUrl ?? null) : null,
    person: phase === 'server' ? (connected?.person() ?? offlineOwner) : null,
  });

  const remember = (choice: RememberedChoice) => {
    remembered = choice;
    try {
      saveStartChoice(deps.userDataFolder, choice);
    } catch {
      // Not remembering the choice is no reason to refuse it: the next start offers the default again.
    }
  };

  /** The remembered copy of this server: its file and what it holds; null when none is remembered. */
  const rememberedCopy = (serverUrl: string): { key: string; info: LocalCopyInfo | null } | null => {
    const key = remembered.copies[serverUrl];
    return key ? { key, info: inspectCopy(localCopyFile(deps.userDataFolder, key)) } : null;
  };

  /**
   * Signed in as `person` with their copy: remember its key for the next offline start, and note a
   * previous owner's outbox this desktop keeps unsent.
   */
  const rememberSignIn = (serverUrl: string, person: ServerPerson, keep: boolean) => {
    const key = localCopyKey(serverUrl, actorLabel(person));
    const previous = remembered.copies[serverUrl] !== key ? rememberedCopy(serverUrl) : null;
    if (previous?.info?.owner && previous.info.pending > 0) {
      waiting = { owner: actorLabel(previous.info.owner), pending: previous.info.pending };
    }
    const copies = sync ? { ...remembered.copies, [serverUrl]: key } : remembered.copies;
    remember(keep ? { mode: 'server', serverUrl, copies } : { ...remembered, copies });
  };

  /** The remembered copy of this server, if an offline start may use it now. */
  const offlineCandidate = (serverUrl: string): ReturnType<typeof offlineStartDecision> => {
    const copy = rememberedCopy(serverUrl);
    const decision = offlineStartDecision(copy?.info ?? null, clock.now());
    // The copy must be the file its owner's sign-in opens (the same key), never another person's.
    if (decision.ok && copy?.key !== localCopyKey(serverUrl, actorLabel(decision.owner))) return { ok: false, message: null };
    return decision;
  };

  /** Connecting found the server unreachable: the offline start it may offer, or why not (added to the message). */
  const offlineOffer = (serverUrl: string): { offline: OfflineStartOffer } | { note: string | null } => {
    if (!deps.syncing) return { note: null };
    const decision = offlineCandidate(serverUrl);
    if (!decision.ok) return { note: decision.message };
    return { offline: { serverUrl, name: decision.owner.name, organisation: decision.owner.organisation, dataAsOf: decision.dataAsOf } };
  };

  async function openSync(backend: ConnectedBackend, person: ServerPerson): Promise<void> {
    if (!deps.syncing) return;
    try {
      sync = await deps.syncing(backend, person);
    } catch {
      // No local copy (disk, permissions): the desktop still works while the server answers.
      sync = null;
    }
  }

  async function run(choice: StartChoice, keep: boolean): Promise<StartAnswer> {
    if (choice.mode === 'file') {
      fileHandler ??= await deps.openFile();
      if (!fileHandler) return { ok: false, message: 'Het districtsbestand kon niet worden geopend.' };
      phase = 'file';
      if (keep) remember({ ...remembered, mode: 'file' });
      return { ok: true, state: state() };
    }
    const parsed = parseServerUrl(choice.serverUrl);
    if (!parsed.ok) return { ok: false, message: parsed.message };
    if (choice.mode === 'offline') return startOffline(parsed.url);
    const backend = connected?.serverUrl === parsed.url ? connected : deps.connectTo(parsed.url);
    let person: ServerPerson;
    try {
      person = await backend.connect();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Only an unreachable server: a refused sign-in is no reason to work without one.
      if (!(error instanceof ConnectError && error.code === 'UNAVAILABLE')) return { ok: false, message };
      const offer = offlineOffer(parsed.url);
      if ('offline' in offer) return { ok: false, message, offline: offer.offline };
      return { ok: false, message: offer.note ? `${message} ${offer.note}` : message };
    }
    connected = backend;
    await openSync(backend, person);
    phase = 'server';
    rememberSignIn(parsed.url, person, keep);
    return { ok: true, state: state() };
  }

  /** On the remembered copy, as its owner, signed out; the checks of the offer are made again. */
  async function startOffline(serverUrl: string): Promise<StartAnswer> {
    const decision = offlineCandidate(serverUrl);
    if (!decision.ok || !deps.syncing) {
      return { ok: false, message: (decision.ok ? null : decision.message) ?? 'Er is op deze computer geen kopie van deze districtsserver om zonder verbinding mee te werken.' };
    }
    const backend = deps.connectTo(serverUrl);
    try {
      sync = await deps.syncing(backend, decision.owner, { signedOut: true });
    } catch (error) {
      return { ok: false, message: `De kopie op deze computer kon niet worden geopend: ${error instanceof Error ? error.message : String(error)}` };
    }
    connected = backend;
    offlineOwner = decision.owner;
    phase = 'server';
    remember({ ...remembered, mode: 'server', serverUrl });
    return { ok: true, state: state() };
  }

  async function signInNow(): Promise<SignInAnswer> {
    if (phase !== 'server' || !connected) return { ok: false, message: 'Er is geen districtsserver gekozen om u bij aan te melden.' };
    const owner = offlineOwner;
    if (!owner) return { ok: true, note: null };
    const backend = connected;
    let person: ServerPerson;
    try {
      person = await backend.connect();
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    if (sync && actorLabel(person) === actorLabel(owner) && (await sync.signedIn(person))) {
      offlineOwner = null;
      rememberSignIn(backend.serverUrl, person, true);
      return { ok: true, note: null };
    }
    // Someone else: the owner's outbox stays in the owner's copy, unsent; this person works on their own.
    const pending = sync ? (await sync.status()).pending.length : 0;
    const closing = sync;
    sync = null;
    offlineOwner = null;
    await closing?.close().catch(() => undefined);
    await openSync(backend, person);
    rememberSignIn(backend.serverUrl, person, true);
    if (pending > 0) waiting = { owner: actorLabel(owner), pending };
    return { ok: true, note: waiting ? waitingNote(waiting) : null };
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
      offlineOwner = null;
      waiting = null;
      const closing = sync;
      sync = null;
      void closing?.close().catch(() => undefined);
      phase = 'choose';
    },
    signIn() {
      signingIn ??= signInNow().finally(() => (signingIn = null));
      return signingIn;
    },
    syncStatus: async () => {
      if (phase !== 'server' || !sync) return null;
      const status = await sync.status();
      return waiting ? { ...status, waitingFor: waiting } : status;
    },
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
  if ((mode === 'server' || mode === 'offline') && typeof serverUrl === 'string') return { mode, serverUrl };
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
  ipcMain.handle(IPC_DESKTOP_SIGN_IN_CHANNEL, (event): Promise<SignInAnswer> =>
    fromApp(event) ? start.signIn() : Promise.resolve({ ok: false, message: 'Alleen de app zelf mag aanmelden.' }),
  );
  ipcMain.handle(IPC_DESKTOP_SYNC_STATUS_CHANNEL, (event) => (fromApp(event) ? start.syncStatus() : null));
  ipcMain.handle(IPC_DESKTOP_SYNC_NOW_CHANNEL, async (event) => {
    if (fromApp(event)) await start.syncNow();
  });
  ipcMain.handle(IPC_DESKTOP_RESOLVE_CONFLICT_CHANNEL, (event, id, choice): Promise<ResolveConflictAnswer> =>
    fromApp(event) ? start.resolveConflict(id, choice) : Promise.resolve({ ok: false, message: 'Alleen de app zelf mag conflicten afhandelen.' }),
  );
}
