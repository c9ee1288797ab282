import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, app, clipboard, dialog, ipcMain, net, protocol, session, shell } from 'electron';
import { defaultBackupFolder, openDatabase, type OpenedDatabase } from '../../db/open-database';
import { amsterdamToday } from '../services/amsterdam-today';
import { createApiHandler } from '../services/api-handler';
import { resolveDemoOptions } from '../services/demo/demo-options';
import { generateDemoDistrict } from '../services/demo/generate-demo-district';
import { writeDemoDistrict } from '../services/demo/write-demo-district';
import { getDistrict } from '../services/district-service';
import { createOperationHandlers } from '../services/operation-handlers';
import { APP_SCHEME, APP_START_URL } from './app-origin';
import { createAppProtocolHandler } from './app-protocol';
import { installCrashHandlers } from './crash-handlers';
import { chooseDatabaseLocation } from './database-location';
import { registerApiIpc } from './ipc-bridge';
import { secureWebPreferences } from './secure-web-preferences';
import { showStartupError } from './startup-error-screen';
import { denyAllPermissions, guardContents } from './window-security';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | null = null;
let database: OpenedDatabase | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  installCrashHandlers(process, app.getPath('logs'), (message) => dialog.showErrorBox('Ketenplanner', message));
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => database?.close());
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const appRoot = app.getAppPath();
  const location = chooseDatabaseLocation(process.argv, process.env, app.getPath('userData'));
  try {
    database = await openDatabase(location.path, { migrationsFolder: path.join(appRoot, 'db', 'migrations') });
    if (location.loadDemoIfEmpty && !getDistrict(database.db)) {
      writeDemoDistrict(database.db, generateDemoDistrict(resolveDemoOptions({}, amsterdamToday())));
    }
  } catch (error) {
    await showStartupError(
      {
        showMessageBox: (options) => dialog.showMessageBox(options),
        copyToClipboard: (text) => clipboard.writeText(text),
        openFolder: (folder) => shell.openPath(folder),
      },
      error,
      defaultBackupFolder(location.path),
    );
    app.quit();
    return;
  }

  const user = os.userInfo().username;
  const handler = createApiHandler(createOperationHandlers({ db: database.db, actor: () => user, today: () => amsterdamToday() }), {
    onInternalError: (operation, error) => console.error(`[${operation}]`, error),
  });
  registerApiIpc(ipcMain, handler);
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(appRoot, 'dist', 'renderer'), (url) => net.fetch(url)));

  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Ketenplanner',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  await mainWindow.loadURL(APP_START_URL);
}
