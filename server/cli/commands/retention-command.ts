import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../cli-command';
import { CliUsageError, requireOption } from '../cli-error';
import { openCliDatabase } from '../open-cli-database';

/**
 * `ketenplanner retention`: the cases whose personal data is past the district's retention term
 * (--dry-run: only the list), else pseudonymises them with the reason given (docs/retention.md).
 */
export const retentionCommand: CliCommand = async (args, io, { clock }) => {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, 'dry-run': { type: 'boolean' }, reason: { type: 'string' } }, strict: true });
  const dbFile = requireOption('db', values.db);
  const dryRun = values['dry-run'] === true;
  if (!dryRun && !values.reason?.trim()) throw new CliUsageError('--reason is required (why the data is removed now), or give --dry-run to only list the cases');
  if (!fs.existsSync(dbFile)) throw new CliUsageError(`${dbFile} does not exist: give the district's database file`);
  const backend = await openCliDatabase(dbFile, clock);
  try {
    const preview = await backend.call('retention.preview', { limit: 100_000 });
    if (dryRun) {
      io.out(JSON.stringify({ dryRun: true, ...preview }, null, 2));
      return 0;
    }
    const applied = await backend.call('retention.apply', { reason: values.reason! });
    io.out(JSON.stringify({ dryRun: false, term: preview.term, ...applied }, null, 2));
    return 0;
  } finally {
    backend.close();
  }
};
