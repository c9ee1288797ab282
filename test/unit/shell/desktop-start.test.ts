import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { hasExplicitDatabase } from '../../../electron/main/database-location';
import { OFFLINE_START_MAX_AGE, START_CHOICE_FILE, createDesktopStart, readStartChoice, registerDesktopStartIpc, saveStartChoice } from '../../../electron/main/desktop-start';
import { localCopyKey, localCopyPath, type LocalCopyInfo } from '../../../server/desktop/local-copy/local-copy';
import { fixedClock } from '../../../server/services/context/clock';
import type { IpcMainLike } from '../../../electron/main/ipc-bridge';
import { createDesktopBridge } from '../../../electron/preload/desktop-bridge';
import { ConnectError, parseServerUrl, type ConnectedBackend } from '../../../server/desktop/connected-backend';
import type { ApiHandler } from '../../../server/services/api-handler';
import {
  IPC_DESKTOP_RESOLVE_CONFLICT_CHANNEL,
  IPC_DESKTOP_SIGN_IN_CHANNEL,
  IPC_DESKTOP_SIGN_OUT_CHANNEL,
  IPC_DESKTOP_START_CHANNEL,
  IPC_DESKTOP_STATE_CHANNEL,
  IPC_DESKTOP_SYNC_NOW_CHANNEL,
  IPC_DESKTOP_SYNC_STATUS_CHANNEL,
  type ServerPerson,
} from '../../../shared/api/desktop-bridge';
import type { SyncStatus } from '../../../shared/api/sync-status';
import { useTempDir } from '../../support/temp-dir';

/** The desktop's start (issue 13, item 6) with fakes for Electron; the connected back end itself runs against a real server in test/integration/desktop-connected.test.ts. */

const tempDir = useTempDir('ketenplanner-start-');
const APP = 'app://ketenplanner/index.html';
const PERSON: ServerPerson = { name: 'Carla Dekker', organisation: 'Rechtbank Noord-Holland', roles: ['coordinator'], policeUnit: null };

function fakeConnected(serverUrl: string, connect: () => Promise<ServerPerson> = async () => PERSON) {
  let person: ServerPerson | null = null;
  const handler = vi.fn<ApiHandler>(async (operation) => ({ ok: true, value: `server:${String(operation)}` }));
  const forget = vi.fn(() => (person = null));
  const backend: ConnectedBackend = {
    serverUrl,
    handler,
    connect: async () => (person = await connect()),
    person: () => person,
    forget,
    reachable: async () => true,
  };
  return { backend, handler, forget };
}

function fakeIpcMain() {
  const handlers = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  return {
    ipcMain: { handle: (channel, listener) => handlers.set(channel, listener) } satisfies IpcMainLike,
    invoke: async (channel: string, senderUrl: string, ...args: unknown[]) => handlers.get(channel)!({ senderFrame: { url: senderUrl } }, ...args),
    channels: () => [...handlers.keys()],
  };
}

describe('the server address', () => {
  it('takes https only and says why not in Dutch', () => {
    expect(parseServerUrl(' https://planner.district.example/ ')).toEqual({ ok: true, url: 'https://planner.district.example' });
    expect(parseServerUrl('https://planner.district.example:8443/ketenplanner/')).toEqual({ ok: true, url: 'https://planner.district.example:8443/ketenplanner' });
    expect(parseServerUrl('http://planner.district.example')).toEqual({
      ok: false,
      message: 'Het adres van de districtsserver moet met https:// beginnen: de app verbindt alleen versleuteld.',
    });
    expect(parseServerUrl('')).toMatchObject({ ok: false, message: expect.stringContaining('Vul het adres van de districtsserver in') });
    expect(parseServerUrl('planner')).toMatchObject({ ok: false, message: expect.stringContaining('is geen geldig adres') });
    expect(parseServerUrl('https://jan:geheim@planner.example')).toMatchObject({ ok: false, message: expect.stringContaining('geen gebruikersnaam of wachtwoord') });
  });
});

describe('the remembered start choice', () => {
  it('defaults to the district file, and keeps only the mode and the server address', () => {
    const folder = tempDir();
    expect(readStartChoice(folder)).toEqual({ mode: 'file', serverUrl: null, copies: {} });
    saveStartChoice(folder, { mode: 'server', serverUrl: 'https://planner.district.example', copies: { 'https://planner.district.example': 'ab'.repeat(16) } });
    expect(readStartChoice(folder)).toEqual({ mode: 'server', serverUrl: 'https://planner.district.example', copies: { 'https://planner.district.example': 'ab'.repeat(16) } });
    expect(JSON.parse(fs.readFileSync(path.join(folder, START_CHOICE_FILE), 'utf8'))).toEqual({
      mode: 'server',
      serverUrl: 'https://planner.district.example',
      copies: { 'https://planner.district.example': 'ab'.repeat(16) },
    });
  });

  it('falls back to the file for an unreadable or tampered file', () => {
    const folder = tempDir();
    fs.writeFileSync(path.join(folder, START_CHOICE_FILE), '{kapot');
    expect(readStartChoice(folder)).toEqual({ mode: 'file', serverUrl: null, copies: {} });
    fs.writeFileSync(path.join(folder, START_CHOICE_FILE), JSON.stringify({ mode: 'server', serverUrl: 'http://onveilig.example' }));
    expect(readStartChoice(folder)).toEqual({ mode: 'file', serverUrl: null, copies: {} });
    // A copy's key becomes a file name: anything but a hash is dropped.
    fs.writeFileSync(
      path.join(folder, START_CHOICE_FILE),
      JSON.stringify({ mode: 'server', serverUrl: 'https://a.example', copies: { 'https://a.example': '../../etc/passwd', 'https://b.example': 'cd'.repeat(16) } }),
    );
    expect(readStartChoice(folder)).toEqual({ mode: 'server', serverUrl: 'https://a.example', copies: { 'https://b.example': 'cd'.repeat(16) } });
  });

  it('opens the file without the start screen when --db, --demo or KETENPLANNER_DB names it', () => {
    expect(hasExplicitDatabase(['electron', '.', '--db=/tmp/x.sqlite'], {})).toBe(true);
    expect(hasExplicitDatabase(['electron', '.', '--demo'], {})).toBe(true);
    expect(hasExplicitDatabase(['electron', '.'], { KETENPLANNER_DB: '/tmp/x.sqlite' })).toBe(true);
    expect(hasExplicitDatabase(['electron', '.'], {})).toBe(false);
  });
});

describe('the desktop start', () => {
  it('refuses operations before the choice, then opens the district file as before', async () => {
    const folder = tempDir();
    const fileHandler = vi.fn<ApiHandler>(async () => ({ ok: true, value: 'file' }));
    const start = createDesktopStart({ userDataFolder: folder, openFile: async () => fileHandler, connectTo: () => fakeConnected('x').backend });
    expect(start.state()).toEqual({ phase: 'choose', remembered: { mode: 'file', serverUrl: null }, serverUrl: null, person: null });
    await expect(start.handler('district.get', {}, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('Kies eerst') } });

    await expect(start.start({ mode: 'file' })).resolves.toMatchObject({ ok: true, state: { phase: 'file', person: null } });
    await expect(start.handler('district.get', {}, { requestId: null })).resolves.toEqual({ ok: true, value: 'file' });
    expect(fileHandler).toHaveBeenCalledWith('district.get', {}, { requestId: null });
  });

  it('leaves the remembered server alone when the file was named at start (--db, --demo)', async () => {
    const folder = tempDir();
    saveStartChoice(folder, { mode: 'server', serverUrl: 'https://planner.district.example', copies: {} });
    const start = createDesktopStart({ userDataFolder: folder, openFile: async () => vi.fn<ApiHandler>(), connectTo: () => fakeConnected('x').backend });
    await expect(start.start({ mode: 'file' }, { remember: false })).resolves.toMatchObject({ ok: true, state: { phase: 'file' } });
    expect(readStartChoice(folder)).toEqual({ mode: 'server', serverUrl: 'https://planner.district.example', copies: {} });
  });

  it('connects to the server, remembers its address (no token), forwards operations and shows the person', async () => {
    const folder = tempDir();
    const connected = fakeConnected('https://planner.district.example');
    const connectTo = vi.fn(() => connected.backend);
    const start = createDesktopStart({ userDataFolder: folder, openFile: async () => null, connectTo });

    const answer = await start.start({ mode: 'server', serverUrl: 'https://planner.district.example/' });
    expect(answer).toEqual({
      ok: true,
      state: { phase: 'server', remembered: { mode: 'server', serverUrl: 'https://planner.district.example' }, serverUrl: 'https://planner.district.example', person: PERSON },
    });
    expect(connectTo).toHaveBeenCalledWith('https://planner.district.example');
    expect(fs.readFileSync(path.join(folder, START_CHOICE_FILE), 'utf8')).not.toMatch(/token|Bearer|Carla/i);
    await expect(start.handler('sessions.week', { weekStart: '2026-03-09' }, { requestId: 'r-1' })).resolves.toEqual({ ok: true, value: 'server:sessions.week' });
    expect(connected.handler).toHaveBeenCalledWith('sessions.week', { weekStart: '2026-03-09' }, { requestId: 'r-1' });

    start.signOut();
    expect(connected.forget).toHaveBeenCalledOnce();
    expect(start.state()).toMatchObject({ phase: 'choose', remembered: { mode: 'server', serverUrl: 'https://planner.district.example' }, person: null });
    await expect(start.handler('district.get', {}, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('refuses an http address and a failed sign-in in Dutch, and stays on the start screen', async () => {
    const folder = tempDir();
    const connectTo = vi.fn(() =>
      fakeConnected('https://planner.district.example', async () => {
        throw new ConnectError('Aanmelden is geannuleerd.');
      }).backend,
    );
    const start = createDesktopStart({ userDataFolder: folder, openFile: async () => null, connectTo });
    await expect(start.start({ mode: 'server', serverUrl: 'http://planner.district.example' })).resolves.toEqual({
      ok: false,
      message: 'Het adres van de districtsserver moet met https:// beginnen: de app verbindt alleen versleuteld.',
    });
    expect(connectTo).not.toHaveBeenCalled();
    await expect(start.start({ mode: 'server', serverUrl: 'https://planner.district.example' })).resolves.toEqual({ ok: false, message: 'Aanmelden is geannuleerd.' });
    await expect(start.start({ mode: 'elders' })).resolves.toMatchObject({ ok: false });
    expect(start.state().phase).toBe('choose');
    expect(fs.existsSync(path.join(folder, START_CHOICE_FILE))).toBe(false);
  });

  it('starts once when the button is pressed twice during the browser sign-in', async () => {
    let finish: (person: ServerPerson) => void = () => undefined;
    const connectTo = vi.fn(() => fakeConnected('https://planner.district.example', () => new Promise((resolve) => (finish = resolve))).backend);
    const start = createDesktopStart({ userDataFolder: tempDir(), openFile: async () => null, connectTo });
    const first = start.start({ mode: 'server', serverUrl: 'https://planner.district.example' });
    const second = start.start({ mode: 'server', serverUrl: 'https://planner.district.example' });
    await vi.waitFor(() => expect(connectTo).toHaveBeenCalled());
    finish(PERSON);
    expect(await first).toEqual(await second);
    expect(connectTo).toHaveBeenCalledOnce();
  });
});

describe('the start channels and the preload bridge', () => {
  it('answers only the app itself', async () => {
    const fake = fakeIpcMain();
    const start = createDesktopStart({ userDataFolder: tempDir(), openFile: async () => null, connectTo: () => fakeConnected('x').backend });
    registerDesktopStartIpc(fake.ipcMain, start);
    expect(fake.channels().sort()).toEqual(
      [IPC_DESKTOP_SIGN_IN_CHANNEL, IPC_DESKTOP_SIGN_OUT_CHANNEL, IPC_DESKTOP_START_CHANNEL, IPC_DESKTOP_STATE_CHANNEL, IPC_DESKTOP_SYNC_STATUS_CHANNEL, IPC_DESKTOP_SYNC_NOW_CHANNEL, IPC_DESKTOP_RESOLVE_CONFLICT_CHANNEL].sort(),
    );
    await expect(fake.invoke(IPC_DESKTOP_STATE_CHANNEL, APP)).resolves.toMatchObject({ phase: 'choose' });
    await expect(fake.invoke(IPC_DESKTOP_STATE_CHANNEL, 'https://evil.example/')).resolves.toBeNull();
    await expect(fake.invoke(IPC_DESKTOP_START_CHANNEL, 'https://evil.example/', { mode: 'file' })).resolves.toMatchObject({ ok: false });
    await expect(fake.invoke(IPC_DESKTOP_SYNC_STATUS_CHANNEL, 'https://evil.example/')).resolves.toBeNull();
    await expect(fake.invoke(IPC_DESKTOP_RESOLVE_CONFLICT_CHANNEL, 'https://evil.example/', 1, 'drop')).resolves.toMatchObject({ ok: false });
    await expect(fake.invoke(IPC_DESKTOP_SIGN_IN_CHANNEL, 'https://evil.example/')).resolves.toMatchObject({ ok: false });
  });

  it('exposes three frozen functions and passes only the fields of a choice', async () => {
    const invoke = vi.fn(async (_channel: string, _argument?: unknown) => ({ ok: true }));
    const bridge = createDesktopBridge(invoke);
    expect(Object.keys(bridge).sort()).toEqual(['resolveConflict', 'signIn', 'signOut', 'start', 'state', 'syncNow', 'syncStatus']);
    expect(Object.isFrozen(bridge)).toBe(true);
    await bridge.start({ mode: 'server', serverUrl: 'https://planner.district.example', token: 'x' } as never);
    expect(invoke).toHaveBeenLastCalledWith('start', { mode: 'server', serverUrl: 'https://planner.district.example' });
    await bridge.state();
    expect(invoke).toHaveBeenLastCalledWith('state');
    await bridge.signOut();
    expect(invoke).toHaveBeenLastCalledWith('signOut');
    await bridge.start({ mode: 'offline', serverUrl: 'https://planner.district.example', person: 'x' } as never);
    expect(invoke).toHaveBeenLastCalledWith('start', { mode: 'offline', serverUrl: 'https://planner.district.example' });
    await bridge.signIn();
    expect(invoke).toHaveBeenLastCalledWith('signIn');
    await bridge.resolveConflict('7' as never, 'drop');
    expect(invoke).toHaveBeenLastCalledWith('resolveConflict', 7, 'drop');
  });
});

describe('the offline layer of a connected desktop (issue 14)', () => {
  const STATUS: SyncStatus = { connection: 'offline', offlineSince: '2026-06-15T08:42:00.000Z', dataAsOf: '2026-06-15T08:41:00.000Z', pending: [], conflicts: [], syncing: false, firstCopy: null };

  function fakeSync() {
    return {
      handler: vi.fn<ApiHandler>(async (operation) => ({ ok: true, value: `sync:${String(operation)}` })),
      status: vi.fn(async () => STATUS),
      syncNow: vi.fn(async () => undefined),
      resolveConflict: vi.fn(async () => ({ ok: true as const })),
      signedIn: vi.fn(async () => true),
      close: vi.fn(async () => undefined),
    };
  }

  it('sends operations through the syncing back end, answers its status on the app channels, checks a choice, and closes it at sign-out', async () => {
    const connected = fakeConnected('https://planner.district.example');
    const sync = fakeSync();
    const syncing = vi.fn(async () => sync);
    const start = createDesktopStart({ userDataFolder: tempDir(), openFile: async () => null, connectTo: () => connected.backend, syncing });
    await expect(start.syncStatus()).resolves.toBeNull();
    await start.start({ mode: 'server', serverUrl: 'https://planner.district.example' });
    expect(syncing).toHaveBeenCalledWith(connected.backend, PERSON);
    await expect(start.handler('sessions.week', { weekStart: '2026-03-09' }, { requestId: null })).resolves.toEqual({ ok: true, value: 'sync:sessions.week' });
    expect(connected.handler).not.toHaveBeenCalled();

    const fake = fakeIpcMain();
    registerDesktopStartIpc(fake.ipcMain, start);
    await expect(fake.invoke(IPC_DESKTOP_SYNC_STATUS_CHANNEL, APP)).resolves.toEqual(STATUS);
    await fake.invoke(IPC_DESKTOP_SYNC_NOW_CHANNEL, APP);
    expect(sync.syncNow).toHaveBeenCalledOnce();
    await expect(fake.invoke(IPC_DESKTOP_RESOLVE_CONFLICT_CHANNEL, APP, 3, 'redo')).resolves.toEqual({ ok: true });
    expect(sync.resolveConflict).toHaveBeenCalledWith(3, 'redo');
    await expect(fake.invoke(IPC_DESKTOP_RESOLVE_CONFLICT_CHANNEL, APP, 3, 'merge')).resolves.toMatchObject({ ok: false });
    expect(sync.resolveConflict).toHaveBeenCalledOnce();

    start.signOut();
    expect(sync.close).toHaveBeenCalledOnce();
    await expect(start.syncStatus()).resolves.toBeNull();
  });

  it('works online only when the local copy cannot be made', async () => {
    const connected = fakeConnected('https://planner.district.example');
    const start = createDesktopStart({
      userDataFolder: tempDir(),
      openFile: async () => null,
      connectTo: () => connected.backend,
      syncing: async () => {
        throw new Error('EACCES');
      },
    });
    await expect(start.start({ mode: 'server', serverUrl: 'https://planner.district.example' })).resolves.toMatchObject({ ok: true });
    await expect(start.handler('district.get', {}, {})).resolves.toEqual({ ok: true, value: 'server:district.get' });
    await expect(start.syncStatus()).resolves.toBeNull();
  });
});

describe('the offline start (issue 14): a connected desktop restarted without network', () => {
  const SERVER = 'https://planner.district.example';
  const NOW = new Date('2026-06-15T09:00:00.000Z');
  const CLERK: ServerPerson = { name: 'Greet Smit', organisation: 'Rechtbank Noord-Holland', roles: ['clerk'], policeUnit: null };
  const unreachable = () => {
    throw new ConnectError('De districtsserver planner.district.example is niet bereikbaar.', 'UNAVAILABLE');
  };
  const copyInfo = (over: Partial<LocalCopyInfo> = {}): LocalCopyInfo => ({ owner: CLERK, complete: true, dataAsOf: '2026-06-15T08:41:00.000Z', pending: 0, ...over });

  function fakeSync(status: Partial<SyncStatus> = {}) {
    return {
      handler: vi.fn<ApiHandler>(async (operation) => ({ ok: true, value: `copy:${String(operation)}` })),
      status: vi.fn(async (): Promise<SyncStatus> => ({ connection: 'offline', offlineSince: null, dataAsOf: null, pending: [], conflicts: [], syncing: false, firstCopy: null, ...status })),
      syncNow: vi.fn(async () => undefined),
      resolveConflict: vi.fn(async () => ({ ok: true as const })),
      signedIn: vi.fn(async () => true),
      close: vi.fn(async () => undefined),
    };
  }

  /** A desktop whose user-data folder remembers the clerk's copy of SERVER, described by `info`. */
  function desktop(info: LocalCopyInfo | null, connect: () => Promise<ServerPerson>, sync = fakeSync(), clockNow = NOW) {
    const folder = tempDir();
    saveStartChoice(folder, { mode: 'server', serverUrl: SERVER, copies: { [SERVER]: localCopyKey(SERVER, 'Greet Smit (Rechtbank Noord-Holland)') } });
    const connected = fakeConnected(SERVER, connect);
    const syncing = vi.fn(async () => sync);
    const inspectCopy = vi.fn((file: string) => (file === localCopyPath(folder, SERVER, 'Greet Smit (Rechtbank Noord-Holland)') ? info : null));
    const start = createDesktopStart({ userDataFolder: folder, openFile: async () => null, connectTo: () => connected.backend, syncing, inspectCopy, clock: fixedClock(clockNow) });
    return { folder, start, connected, syncing, sync };
  }

  it('offers the copy of the last person when the server cannot be reached, and starts on it signed out only when asked', async () => {
    const { start, syncing, connected, sync } = desktop(copyInfo(), async () => unreachable());
    const answer = await start.start({ mode: 'server', serverUrl: SERVER });
    expect(answer).toEqual({
      ok: false,
      message: 'De districtsserver planner.district.example is niet bereikbaar.',
      offline: { serverUrl: SERVER, name: 'Greet Smit', organisation: 'Rechtbank Noord-Holland', dataAsOf: '2026-06-15T08:41:00.000Z' },
    });
    // Offered, not done: still on the start screen.
    expect(start.state().phase).toBe('choose');
    expect(syncing).not.toHaveBeenCalled();

    await expect(start.start({ mode: 'offline', serverUrl: SERVER })).resolves.toMatchObject({ ok: true, state: { phase: 'server', serverUrl: SERVER, person: CLERK } });
    expect(syncing).toHaveBeenCalledWith(connected.backend, CLERK, { signedOut: true });
    await expect(start.handler('district.get', {}, {})).resolves.toEqual({ ok: true, value: 'copy:district.get' });
    expect(connected.handler).not.toHaveBeenCalled();
    expect(sync.signedIn).not.toHaveBeenCalled();
  });

  it('offers nothing when the sign-in was refused (the server answered), nor without a remembered copy or its owner', async () => {
    const refused = desktop(copyInfo(), async () => {
      throw new ConnectError('Aanmelden is geannuleerd.');
    });
    await expect(refused.start.start({ mode: 'server', serverUrl: SERVER })).resolves.toEqual({ ok: false, message: 'Aanmelden is geannuleerd.' });
    await expect(refused.start.start({ mode: 'offline', serverUrl: 'https://elders.example' })).resolves.toMatchObject({ ok: false, message: expect.stringContaining('geen kopie') });

    const noOwner = desktop(copyInfo({ owner: null }), async () => unreachable());
    await expect(noOwner.start.start({ mode: 'server', serverUrl: SERVER })).resolves.toEqual({ ok: false, message: 'De districtsserver planner.district.example is niet bereikbaar.' });
    const noCopy = desktop(null, async () => unreachable());
    await expect(noCopy.start.start({ mode: 'server', serverUrl: SERVER })).resolves.not.toHaveProperty('offline');
    // A copy whose recorded owner is not the person its key names (a file put in place): never opened as theirs.
    const misplaced = desktop(copyInfo({ owner: PERSON }), async () => unreachable());
    await expect(misplaced.start.start({ mode: 'server', serverUrl: SERVER })).resolves.not.toHaveProperty('offline');
    await expect(misplaced.start.start({ mode: 'offline', serverUrl: SERVER })).resolves.toMatchObject({ ok: false });
    expect(misplaced.syncing).not.toHaveBeenCalled();
  });

  it('refuses a copy older than OFFLINE_START_MAX_AGE, or an unfinished first copy, naming why in Dutch', async () => {
    expect(OFFLINE_START_MAX_AGE).toBe(7 * 24 * 3_600_000);
    const justInTime = desktop(copyInfo({ dataAsOf: new Date(NOW.getTime() - OFFLINE_START_MAX_AGE).toISOString() }), async () => unreachable());
    await expect(justInTime.start.start({ mode: 'server', serverUrl: SERVER })).resolves.toHaveProperty('offline');

    const old = desktop(copyInfo({ dataAsOf: '2026-06-05T08:41:00.000Z' }), async () => unreachable());
    const answer = await old.start.start({ mode: 'server', serverUrl: SERVER });
    expect(answer).toEqual({
      ok: false,
      message:
        'De districtsserver planner.district.example is niet bereikbaar. De kopie op deze computer is van vr 5 juni 2026 10:41, 10 dagen oud. Zonder verbinding verder werken kan alleen met gegevens van hoogstens 7 dagen oud: op een oudere planning zou u beslissen over zittingen en plaatsen die intussen veranderd kunnen zijn. Probeer het opnieuw als de verbinding terug is.',
    });
    // Asked for directly (an old start screen), the same checks refuse it.
    await expect(old.start.start({ mode: 'offline', serverUrl: SERVER })).resolves.toMatchObject({ ok: false, message: expect.stringContaining('10 dagen oud') });
    expect(old.syncing).not.toHaveBeenCalled();

    const unfinished = desktop(copyInfo({ complete: false }), async () => unreachable());
    await expect(unfinished.start.start({ mode: 'server', serverUrl: SERVER })).resolves.toMatchObject({ ok: false, message: expect.stringContaining('nog niet compleet') });
  });

  it("sends the owner's outbox after the owner signs in", async () => {
    let online = false;
    const { start, sync, folder } = desktop(copyInfo({ pending: 2 }), async () => (online ? CLERK : unreachable()));
    await start.start({ mode: 'offline', serverUrl: SERVER });
    online = true;
    await expect(start.signIn()).resolves.toEqual({ ok: true, note: null });
    expect(sync.signedIn).toHaveBeenCalledWith(CLERK);
    expect(sync.close).not.toHaveBeenCalled();
    expect(start.state().person).toEqual(CLERK);
    expect(readStartChoice(folder).copies[SERVER]).toBe(localCopyKey(SERVER, 'Greet Smit (Rechtbank Noord-Holland)'));
  });

  it("opens someone else's own copy when they sign in, leaving the owner's outbox unsent, with a note", async () => {
    let person: ServerPerson | null = null;
    const owners = fakeSync({ pending: [{ requestId: 'r-1', operation: 'outcomes.record', summary: 'Uitkomst', createdAt: NOW.toISOString(), subject: null }] });
    const { start, syncing, folder } = desktop(copyInfo({ pending: 1 }), async () => person ?? unreachable(), owners);
    await start.start({ mode: 'offline', serverUrl: SERVER });
    person = PERSON;
    const theirs = fakeSync({ connection: 'online' });
    syncing.mockResolvedValueOnce(theirs);
    const answer = await start.signIn();
    expect(answer).toEqual({
      ok: true,
      note: '1 niet-verstuurde wijziging van Greet Smit (Rechtbank Noord-Holland) blijft op deze computer bewaard en wordt pas verstuurd als Greet Smit (Rechtbank Noord-Holland) zich hier aanmeldt; nooit onder uw naam.',
    });
    expect(owners.signedIn).not.toHaveBeenCalled();
    expect(owners.close).toHaveBeenCalledOnce();
    expect(syncing).toHaveBeenLastCalledWith(expect.anything(), PERSON);
    expect(start.state().person).toEqual(PERSON);
    await expect(start.syncStatus()).resolves.toMatchObject({ connection: 'online', waitingFor: { owner: 'Greet Smit (Rechtbank Noord-Holland)', pending: 1 } });
    expect(readStartChoice(folder).copies[SERVER]).toBe(localCopyKey(SERVER, 'Carla Dekker (Rechtbank Noord-Holland)'));
  });
});
