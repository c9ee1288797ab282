import { parseArgs } from 'node:util';
import { isValidLocalDate } from '../../../shared/calendar/local-date';
import type { CliCommand } from '../cli-command';
import { CliUsageError, requireOption } from '../cli-error';
import { openExistingDistrict } from '../open-cli-database';

export const sessionsCommand: CliCommand = async (args, io, { clock }) => {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'generate') throw new CliUsageError(subcommand ? `Unknown subcommand "${subcommand}"; the one subcommand is: generate` : 'Give a subcommand: generate');
  const { values } = parseArgs({ args: rest, options: { db: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, 'dry-run': { type: 'boolean' } }, strict: true });
  const dbFile = requireOption('db', values.db);
  const from = requireOption('from', values.from);
  const to = requireOption('to', values.to);
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (!isValidLocalDate(value)) throw new CliUsageError(`--${name} must be a date YYYY-MM-DD, got "${value}"`);
  }
  // The horizon's rules (order, at most a year, not in the past) are the contract's and the service's.
  const backend = await openExistingDistrict(dbFile, clock);
  try {
    const result = await backend.call('capacity.generate', { from, to, dryRun: values['dry-run'] ?? false });
    io.out(JSON.stringify(result, null, 2));
    return 0;
  } finally {
    backend.close();
  }
};
