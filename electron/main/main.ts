import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow, Menu, Notification, app, clipboard, dialog, ipcMain, net, protocol, session, shell } from 'electron';
import { defaultBackupFolder } from '../../db/open-database';
import { systemClock } from '../../server/services/context/clock';
import { createBackend, type Backend } from '../../server/services/create-backend';
import type { ApiHandler } from '../../server/services/api-handler';
import { createConnectedBackend, type ConnectedBackend } from '../../server/desktop/connected-backend';
import { inspectLocalCopy, localCopyPath, openLocalCopy } from '../../server/desktop/local-copy/local-copy';
import { createSyncingBackend } from '../../server/desktop/syncing-backend';
import { actorLabel } from '../../server/auth/signed-in-person';
import type { ServerPerson } from '../../shared/api/desktop-bridge';
import { APP_SCHEME, APP_START_URL } from './app-origin';
import { createAppProtocolHandler } from './app-protocol';
import { installCrashHandlers } from './crash-handlers';
import { chooseDatabaseLocation, hasExplicitDatabase } from './database-location';
import { createDesktopStart, registerDesktopStartIpc, type DesktopStart, type DesktopSync } from './desktop-start';
import { registerApiIpc } from './ipc-bridge';
import { registerNotificationIpc } from './notifications';
import { IPC_OPEN_ROUTE_CHANNEL } from '../../shared/notifications/notification-bridge';
import { applicationMenuTemplate, periodOnScreen, PRINT_WIDTH_PX, printRouteToPdf, registerPrintIpc } from './print-review-pack';
import { secureWebPreferences } from './secure-web-preferences';
import { showStartupError } from './startup-error-screen';
import { denyAllPermissions, guardContents } from './window-security';
import { STANDALONE_ROLES } from '../../shared/domain/roles';

// Date and time inputs follow the browser's language: Dutch, whatever the operating system says.
app.commandLine.appendSwitch('lang', 'nl');
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;
let desktopStart: DesktopStart | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  installCrashHandlers(process, app.getPath('logs'), (message) => {
    dialog.showErrorBox('Ketenplanner', message);
    // After an uncaught failure the main process is in an unknown state: stop rather than go on.
    app.exit(1);
  });
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  app.on('render-process-gone', (_event, contents, details) => {
    fs.appendFileSync(path.join(app.getPath('logs'), 'crash.log'), `${new Date().toISOString()} render-process-gone ${details.reason}\n`);
    if (details.reason !== 'clean-exit') contents.reload();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    backend?.close();
    void desktopStart?.close();
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const appRoot = app.getAppPath();
  desktopStart = createDesktopStart({
    userDataFolder: app.getPath('userData'),
    openFile: () => openDistrictFile(appRoot),
    // The token stays in this process's memory; net.fetch trusts the system's certificates (the court's own CA).
    connectTo: (serverUrl) => createConnectedBackend({ serverUrl, openBrowser: (url) => shell.openExternal(url), fetch: (input, init) => net.fetch(input as string, init) }),
    // Issue 14: keeps working offline on a local copy of the district in the user-data folder (docs/offline.md).
    syncing: (connected, person, options) => openSyncing(appRoot, connected, person, options?.signedOut === true),
    // Issue 14's offline start reads the remembered copy's owner and age (Electron's build of better-sqlite3).
    inspectCopy: (file) => inspectLocalCopy(file, process.env['KETENPLANNER_SQLITE_BINDING']),
    clock: systemClock(),
  });
  // --db, KETENPLANNER_DB or --demo name the file to open: no start screen (scripts, tests, `npm start`).
  if (hasExplicitDatabase(process.argv, process.env)) {
    const opened = await desktopStart.start({ mode: 'file' }, { remember: false });
    if (!opened.ok) return;
  }
  registerDesktopStartIpc(ipcMain, desktopStart);
  registerApiIpc(ipcMain, desktopStart.handler);
  // The 'Afdrukken / PDF' button of the printable pages (court roll, review pack).
  registerPrintIpc(ipcMain, (route, fileName) => savePrintable(route, fileName, false));
  registerNotificationIpc(ipcMain, {
    isSupported: () => Notification.isSupported(),
    create: (options) => new Notification({ ...options, silent: false }),
    focusWindow: () => {
      if (mainWindow?.isMinimized()) mainWindow.restore();
      mainWindow?.show();
      mainWindow?.focus();
    },
    openRoute: (route) => mainWindow?.webContents.send(IPC_OPEN_ROUTE_CHANNEL, route),
  });
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(appRoot, 'dist', 'renderer'), (url) => net.fetch(url)));

  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Ketenplanner',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs'), { devTools: !app.isPackaged }),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(() => void saveReviewPack())));
  await mainWindow.loadURL(APP_START_URL);
}

/**
 * The connected desktop's offline layer: the person's local copy (one file per server and person) and the
 * outbox. signedOut: an offline start on the copy of its owner (`person`), nothing sent before sign-in.
 */
async function openSyncing(appRoot: string, connected: ConnectedBackend, person: ServerPerson, signedOut: boolean): Promise<DesktopSync> {
  const clock = systemClock();
  const localCopy = await openLocalCopy({
    path: localCopyPath(app.getPath('userData'), connected.serverUrl, actorLabel(person)),
    migrationsFolder: path.join(appRoot, 'db', 'migrations'),
    clock,
    nativeBinding: process.env['KETENPLANNER_SQLITE_BINDING'],
  });
  try {
    return await createSyncingBackend({ connected, person, localCopy, clock, signedOut, nativeBinding: process.env['KETENPLANNER_SQLITE_BINDING'] });
  } catch (error) {
    await localCopy.close();
    throw error;
  }
}

/** The standalone district file, as before issue 13; null when it failed (the start-up error screen then quits the app). */
async function openDistrictFile(appRoot: string): Promise<ApiHandler | null> {
  const location = chooseDatabaseLocation(process.argv, process.env, app.getPath('userData'));
  try {
    backend = await createBackend(location.path, {
      migrationsFolder: path.join(appRoot, 'db', 'migrations'),
      clock: systemClock(),
      loadDemoIfEmpty: location.loadDemoIfEmpty,
      // Standalone: the desktop's user holds every role (one person, one file).
      roles: STANDALONE_ROLES,
      // In development `npm start` passes a better-sqlite3 built for Electron's ABI; packaged apps have their own.
      nativeBinding: process.env['KETENPLANNER_SQLITE_BINDING'],
    });
  } catch (error) {
    const outcome = await showStartupError(
      {
        showMessageBox: (options) => dialog.showMessageBox(options),
        copyToClipboard: (text) => clipboard.writeText(text),
        openFolder: (folder) => shell.openPath(folder),
        folderExists: (folder) => fs.existsSync(folder),
      },
      error,
      defaultBackupFolder(location.path),
    );
    // A backup was put back: start again on it (the same checks run on the restored file).
    if (outcome === 'restored') app.relaunch();
    app.quit();
    return null;
  }
  return backend.handler;
}

/** File > 'Overlegpakket als PDF bewaren…': the pack of the period on screen, printed in a hidden window. */
async function saveReviewPack(): Promise<void> {
  if (!mainWindow) return;
  const period = periodOnScreen(mainWindow.webContents.getURL(), (backend?.clock ?? systemClock()).today());
  await savePrintable(`/overleg/pakket?period=${period}`, `overlegpakket-${period}.pdf`, true);
}

/** A printable route (shared/print/print-page.ts) to PDF in a hidden window, saved where the user chooses. */
async function savePrintable(route: string, fileName: string, showErrors: boolean): Promise<string | null> {
  const owner = mainWindow;
  if (!owner) return null;
  try {
    return await printRouteToPdf(
      {
        openHiddenWindow: () =>
          new BrowserWindow({ show: false, width: PRINT_WIDTH_PX, height: 1100, webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs'), { devTools: false }) }),
        chooseTarget: async (defaultName) => {
          const choice = await dialog.showSaveDialog(owner, { title: 'Als PDF bewaren', defaultPath: defaultName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
          return choice.canceled || !choice.filePath ? null : choice.filePath;
        },
        writeFile: (target, data) => fs.promises.writeFile(target, data),
        progress: (_step, fraction) => owner.setProgressBar(fraction ?? -1),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      },
      route,
      fileName,
    );
  } catch (error) {
    // From the menu: a dialog; from the page's button: the page shows the message.
    if (!showErrors) throw error;
    dialog.showErrorBox('Als PDF bewaren', error instanceof Error ? error.message : String(error));
    return null;
  }
}
