import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabaseFile, checkBackup, DEFAULT_RETENTION, defaultBackupFolder, listBackups, pruneBackups } from '../../../db/backup';
import type { CliCommand } from '../cli-command';
import { parseIntegerOption, requireOption } from '../cli-error';

/**
 * `ketenplanner backup`: a verified copy of the district file (no migration, nothing written to it),
 * then the retention rule; `--list` shows the backups with the result of integrity_check.
 */
export const backupCommand: CliCommand = async (args, { out }, { clock }) => {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      out: { type: 'string' },
      'keep-last': { type: 'string' },
      'keep-months': { type: 'string' },
      list: { type: 'boolean' },
    },
    strict: true,
  });
  const file = path.resolve(requireOption('db', values.db));
  const folder = values.out ? path.resolve(values.out) : defaultBackupFolder(file);
  if (values.list) {
    const backups = listBackups(file, folder).map((backup) => {
      const check = checkBackup(backup);
      return { ...backup, check: check.ok ? 'ok' : 'damaged', problems: check.problems };
    });
    out(JSON.stringify({ folder, backups }, null, 2));
    return backups.length > 0 && backups.every((b) => b.check === 'ok') ? 0 : 1;
  }
  const retention = {
    keepLast: parseIntegerOption('keep-last', values['keep-last'], 1, 1000) ?? DEFAULT_RETENTION.keepLast,
    keepMonths: parseIntegerOption('keep-months', values['keep-months'], 0, 1200) ?? DEFAULT_RETENTION.keepMonths,
  };
  const backup = await backupDatabaseFile(file, { folder, reason: 'manual', now: clock.now() });
  const removed = pruneBackups(file, folder, retention);
  out(JSON.stringify({ backup: backup.path, sizeBytes: backup.sizeBytes, check: 'ok', retention, removed }, null, 2));
  return 0;
};
