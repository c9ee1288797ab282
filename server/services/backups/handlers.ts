import {
  checkBackup,
  createBackup,
  DEFAULT_RETENTION,
  defaultBackupFolder,
  listBackups,
  nativeBindingOf,
  pruneBackups,
  type BackupInfo,
} from '../../../db/backup';
import { BackupError } from '../../../db/database-errors';
import type { FileCheck } from '../../../db/file-check';
import type { FeatureHandlers } from '../api-handler';
import { ServiceError } from '../service-error';
import { isPostgresClient } from '../context/query-results';

/** On the district server the database is PostgreSQL, backed up by the court's IT (docs/district-server.md), not by the app. */
function refuseOnServer(client: unknown): void {
  if (isPostgresClient(client)) {
    throw new ServiceError('CONFLICT', 'Back-ups van de districtsserver maakt het beheer van de server (PostgreSQL), niet de Ketenplanner: vraag het de beheerder van de server.');
  }
}

function item(backup: BackupInfo, check: FileCheck) {
  return { ...backup, ok: check.ok, problems: check.problems };
}

/**
 * Backups of the open district file, in the folder next to it: the list (each verified read-only with
 * integrity_check, remembered while the file is unchanged) and a new backup on request, after which the
 * retention rule runs. Restoring is not an operation: it replaces the file under the running app, so it
 * happens on the start-up screen or with `ketenplanner restore` (docs/architecture-decisions.md).
 */
export const backupsHandlers: FeatureHandlers<'backups'> = {
  'backups.list': (_input, { db }) => {
    refuseOnServer(db.$client);
    const databasePath = db.$client.name;
    const folder = defaultBackupFolder(databasePath);
    const binding = nativeBindingOf(db.$client);
    return {
      databasePath,
      folder,
      keepLast: DEFAULT_RETENTION.keepLast,
      keepMonths: DEFAULT_RETENTION.keepMonths,
      backups: listBackups(databasePath, folder).map((backup) => item(backup, checkBackup(backup, binding))),
    };
  },
  'backups.create': async (_input, { db, clock }) => {
    refuseOnServer(db.$client);
    const databasePath = db.$client.name;
    const folder = defaultBackupFolder(databasePath);
    const backup = await createBackup(db.$client, databasePath, { folder, reason: 'manual', now: clock.now(), nativeBinding: nativeBindingOf(db.$client) }).catch(
      (error: unknown) => {
        // The copy failed integrity_check: the district file itself is damaged (a full disk is the api handler's to say).
        throw error instanceof BackupError ? new ServiceError('CONFLICT', error.message) : error;
      },
    );
    const removed = pruneBackups(databasePath, folder, DEFAULT_RETENTION);
    return { backup: item(backup, backup.check), removed: removed.length };
  },
};
