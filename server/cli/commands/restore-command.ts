import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultBackupFolder, newestGoodBackup, restoreBackup } from '../../../db/backup';
import { checkDatabaseFile } from '../../../db/file-check';
import type { CliCommand } from '../cli-command';
import { CliUsageError, requireOption } from '../cli-error';

/**
 * `ketenplanner restore`: puts a verified backup in place of the district file; the current file (with
 * its -wal) is kept as a backup first. Nothing is deleted.
 */
export const restoreCommand: CliCommand = async (args, { out }, { clock }) => {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, from: { type: 'string' }, backups: { type: 'string' } },
    strict: true,
  });
  const file = path.resolve(requireOption('db', values.db));
  const from = requireOption('from', values.from);
  const folder = values.backups ? path.resolve(values.backups) : defaultBackupFolder(file);
  let source = from;
  if (from === 'newest') {
    const newest = newestGoodBackup(file, folder);
    if (!newest) throw new CliUsageError(`there is no good backup of ${file} in ${folder}`);
    source = newest.path;
  }
  const result = restoreBackup(file, source, { folder, now: clock.now() });
  const check = checkDatabaseFile(file, 'quick');
  out(JSON.stringify({ database: file, ...result, check: check.ok ? 'ok' : 'damaged' }, null, 2));
  return check.ok ? 0 : 1;
};
