import { parseArgs } from 'node:util';
import { isValidLocalDate } from '../../../shared/calendar/local-date';
import type { CliCommand } from '../cli-command';
import { CliUsageError, requireOption } from '../cli-error';
import { openExistingDistrict } from '../open-cli-database';

export const planCommand: CliCommand = async (args, io, { clock }) => {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, 'dry-run': { type: 'boolean' }, replan: { type: 'boolean' }, 'hold-back': { type: 'boolean' } }, strict: true });
  const dbFile = requireOption('db', values.db);
  const from = requireOption('from', values.from);
  const to = requireOption('to', values.to);
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (!isValidLocalDate(value)) throw new CliUsageError(`--${name} must be a date YYYY-MM-DD, got "${value}"`);
  }
  // The window's rules (order, at most a year) are the contract's: the CLI refuses what the app refuses.
  const backend = await openExistingDistrict(dbFile, clock);
  try {
    const summary = await backend.call('planner.run', { from, to, dryRun: values['dry-run'] ?? false, replan: values.replan ?? false, holdBackForUrgent: values['hold-back'] ?? false });
    io.out(JSON.stringify(summary, null, 2));
    return 0;
  } finally {
    backend.close();
  }
};
