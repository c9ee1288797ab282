import path from 'node:path';
import { DatabaseOpenError } from '../../db/database-errors';

export interface StartupErrorUi {
  showMessageBox(options: {
    type: 'error';
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
}

const BUTTONS = ['Foutmelding kopiëren', 'Back-upmap openen', 'Afsluiten'] as const;

function describeForUser(error: unknown): { message: string; detail: string } {
  if (error instanceof DatabaseOpenError) {
    const message = {
      DB_OPEN_FAILED: 'Het databasebestand kan niet worden geopend.',
      DB_FROM_NEWER_VERSION: 'Dit databasebestand is gemaakt met een nieuwere versie van Ketenplanner.',
      DB_MIGRATION_FAILED: 'Het bijwerken van het databasebestand is mislukt.',
    }[error.code];
    const backup = error.backupPath ? `\nVoor het bijwerken is een back-up gemaakt: ${error.backupPath}` : '';
    return {
      message,
      detail: `Er is niets verwijderd of overschreven.\nBestand: ${error.databasePath}${backup}\n\nTechnische melding: ${error.message}`,
    };
  }
  return { message: 'Ketenplanner kan niet starten.', detail: `Technische melding: ${error instanceof Error ? error.message : String(error)}` };
}

/**
 * The start-up error screen: says what went wrong in Dutch, never deletes anything, and offers to
 * copy the error, open the backup folder, or quit. Resolves when the user chooses to quit.
 */
export async function showStartupError(ui: StartupErrorUi, error: unknown, backupFolder: string): Promise<void> {
  // No backup folder yet (a file that never migrated): open the folder that holds the database instead.
  const folderToOpen = ui.folderExists(backupFolder) ? backupFolder : path.dirname(backupFolder);
  const { message, detail } = describeForUser(error);
  for (;;) {
    const { response } = await ui.showMessageBox({
      type: 'error',
      title: 'Ketenplanner',
      message,
      detail,
      buttons: [...BUTTONS],
      defaultId: 2,
      cancelId: 2,
      noLink: true,
    });
    if (response === 0) ui.copyToClipboard(`${message}\n${detail}`);
    else if (response === 1) await ui.openFolder(folderToOpen);
    else return;
  }
}
