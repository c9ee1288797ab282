import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { isValidLocalDate } from '../../../shared/calendar/local-date';
import { getDistrict } from '../../services/district-service';
import { runPlanner } from '../../services/planning/run-planner';
import { CliUsageError, requireOption } from '../cli-error';
import type { CliIo } from '../cli-io';
import { openCliDatabase } from '../open-cli-database';

export const PLAN_USAGE = `ketenplanner plan --db FILE --from YYYY-MM-DD --to YYYY-MM-DD [--dry-run] [--replan] [--hold-back]
  Plans the cases awaiting planning onto the sessions in the window (exact min-cost flow; see
  docs/planner.md) and prints a JSON summary: planned cases with a Dutch explanation each,
  infeasible cases with the reason and the options, cases that did not fit, fill rate per session
  type, moves of announced hearings, run time. Cases already planned keep their hearing.
  --dry-run   propose only, write nothing
  --replan    also replan hearings already planned in the window; announced hearings inside the
              summons window and pinned ones stay, moving another costs extra (moves are listed)
  --hold-back hold back slots on near sessions for expected urgent arrivals (forecast reserve)`;

export async function planCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, 'dry-run': { type: 'boolean' }, replan: { type: 'boolean' }, 'hold-back': { type: 'boolean' } }, strict: true });
  const dbFile = requireOption('db', values.db);
  const from = requireOption('from', values.from);
  const to = requireOption('to', values.to);
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (!isValidLocalDate(value)) throw new CliUsageError(`--${name} must be a date YYYY-MM-DD, got "${value}"`);
  }
  if (to < from) throw new CliUsageError('--to lies before --from');
  if (!fs.existsSync(dbFile)) throw new CliUsageError(`${dbFile} does not exist: give the district's database file`);
  const database = await openCliDatabase(dbFile);
  try {
    if (!getDistrict(database.db)) throw new CliUsageError(`${dbFile} holds no district yet`);
    const summary = await runPlanner(database.db, { from, to, dryRun: values['dry-run'] ?? false, replan: values.replan ?? false, holdBackForUrgent: values['hold-back'] ?? false }, os.userInfo().username, new Date());
    io.out(JSON.stringify(summary, null, 2));
    return 0;
  } finally {
    database.close();
  }
}
