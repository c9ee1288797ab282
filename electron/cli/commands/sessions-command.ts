import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { isValidLocalDate } from '../../../shared/calendar/local-date';
import { amsterdamToday } from '../../services/amsterdam-today';
import { generateSessionsForHorizon } from '../../services/capacity/generate-service';
import { getDistrict } from '../../services/district-service';
import { CliUsageError, requireOption } from '../cli-error';
import type { CliIo } from '../cli-io';
import { openCliDatabase } from '../open-cli-database';

export const SESSIONS_USAGE = `ketenplanner sessions generate --db FILE --from YYYY-MM-DD --to YYYY-MM-DD [--dry-run]
  Generates the dated court sessions of the active session templates over the horizon (at most a
  year, from today on) and prints a JSON summary: counts, the sessions created, and every skipped
  occurrence with the Dutch reason (holiday or weekend, location closed, already exists, cancelled
  earlier, room taken). Never a session on a non-court day; running it again creates nothing new.
  --dry-run   show what would be created, write nothing`;

export async function sessionsCommand(args: string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'generate') throw new CliUsageError(subcommand ? `Unknown subcommand "${subcommand}"; the one subcommand is: generate` : 'Give a subcommand: generate');
  const { values } = parseArgs({ args: rest, options: { db: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, 'dry-run': { type: 'boolean' } }, strict: true });
  const dbFile = requireOption('db', values.db);
  const from = requireOption('from', values.from);
  const to = requireOption('to', values.to);
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (!isValidLocalDate(value)) throw new CliUsageError(`--${name} must be a date YYYY-MM-DD, got "${value}"`);
  }
  if (to < from) throw new CliUsageError('--to lies before --from');
  if (Date.parse(to) - Date.parse(from) > 400 * 86_400_000) throw new CliUsageError('--from to --to spans more than a year');
  if (!fs.existsSync(dbFile)) throw new CliUsageError(`${dbFile} does not exist: give the district's database file`);
  const database = await openCliDatabase(dbFile);
  try {
    if (!getDistrict(database.db)) throw new CliUsageError(`${dbFile} holds no district yet`);
    const result = generateSessionsForHorizon(database.db, { from, to, dryRun: values['dry-run'] ?? false }, os.userInfo().username, amsterdamToday());
    io.out(JSON.stringify(result, null, 2));
    return 0;
  } finally {
    database.close();
  }
}
