import path from 'node:path';
import { restoreBackup } from '../../db/backup';
import { DatabaseOpenError, describeDatabaseOpenError } from '../../db/database-errors';
import { systemClock } from '../../server/services/context/clock';

export interface StartupErrorUi {
  showMessageBox(options: {
    type: 'error' | 'info';
    title: string;
    message: string;
    detail: string;
    buttons: string[];
    defaultId: number;
    cancelId: number;
    noLink: boolean;
  }): Promise<{ response: number }>;
  copyToClipboard(text: string): void;
  openFolder(folder: string): Promise<string>;
  folderExists(folder: string): boolean;
  /**
   * Puts the backup in place of the database file, keeping the current file as a backup first
   * (default: db/backup.ts restoreBackup with the machine's clock). Returns where the current file went.
   */
  restoreBackup?(databasePath: string, backupPath: string, backupFolder: string): Promise<string | null>;
}

/** How the screen ended: the user quit, or a backup was put back (start the app again to use it). */
export type StartupErrorOutcome = 'quit' | 'restored';

function describeForUser(error: unknown): { message: string; detail: string } {
  if (error instanceof DatabaseOpenError) return describeDatabaseOpenError(error);
  return { message: 'Ketenplanner kan niet starten.', detail: `Technische melding: ${error instanceof Error ? error.message : String(error)}` };
}

const defaultRestore = (databasePath: string, backupPath: string, backupFolder: string): Promise<string | null> =>
  Promise.resolve(
    restoreBackup(databasePath, backupPath, { folder: backupFolder, now: systemClock().now(), nativeBinding: process.env['KETENPLANNER_SQLITE_BINDING'] })
      .previousCopy,
  );

/**
 * The start-up error screen: says what went wrong in Dutch, never deletes anything, and offers to
 * copy the error, open the backup folder, or quit; for a damaged, empty or unreadable file with a good
 * backup, also to put that backup back (the current file is kept as a backup first). Resolves when
 * the user quits or after a restore (the app then quits; the next start opens the restored file).
 */
export async function showStartupError(ui: StartupErrorUi, error: unknown, backupFolder: string): Promise<StartupErrorOutcome> {
  // No backup folder yet (a file that never migrated): open the folder that holds the database instead.
  const folderToOpen = ui.folderExists(backupFolder) ? backupFolder : path.dirname(backupFolder);
  const { message, detail } = describeForUser(error);
  const goodBackup = error instanceof DatabaseOpenError ? error.goodBackupPath : null;
  const actions: { label: string; run: () => Promise<StartupErrorOutcome | null> }[] = [];
  if (goodBackup && error instanceof DatabaseOpenError) {
    actions.push({
      label: 'Reservekopie terugzetten',
      run: async () => {
        try {
          const previous = await (ui.restoreBackup ?? defaultRestore)(error.databasePath, goodBackup, backupFolder);
          await ui.showMessageBox({
            type: 'info',
            title: 'Ketenplanner',
            message: 'De reservekopie is teruggezet.',
            detail: `Teruggezet: ${goodBackup}\nBestand: ${error.databasePath}${previous ? `\nHet vorige bestand is bewaard als: ${previous}` : ''}\n\nStart Ketenplanner opnieuw.`,
            buttons: ['Afsluiten'],
            defaultId: 0,
            cancelId: 0,
            noLink: true,
          });
          return 'restored';
        } catch (restoreError) {
          await ui.showMessageBox({
            type: 'error',
            title: 'Ketenplanner',
            message: 'Het terugzetten van de reservekopie is mislukt.',
            detail: `Er is niets verwijderd.\n\nTechnische melding: ${restoreError instanceof Error ? restoreError.message : String(restoreError)}`,
            buttons: ['Terug'],
            defaultId: 0,
            cancelId: 0,
            noLink: true,
          });
          return null;
        }
      },
    });
  }
  actions.push(
    {
      label: 'Foutmelding kopiëren',
      run: async () => {
        ui.copyToClipboard(`${message}\n${detail}`);
        return null;
      },
    },
    {
      label: 'Back-upmap openen',
      run: async () => {
        await ui.openFolder(folderToOpen);
        return null;
      },
    },
    { label: 'Afsluiten', run: async () => 'quit' },
  );
  const quit = actions.length - 1;
  for (;;) {
    const { response } = await ui.showMessageBox({
      type: 'error',
      title: 'Ketenplanner',
      message,
      detail,
      buttons: actions.map((a) => a.label),
      defaultId: quit,
      cancelId: quit,
      noLink: true,
    });
    const outcome = await (actions[response] ?? actions[quit]!).run();
    if (outcome) return outcome;
  }
}
