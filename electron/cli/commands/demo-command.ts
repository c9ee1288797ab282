import { parseArgs } from 'node:util';
import { isValidLocalDate } from '../../../shared/calendar/local-date';
import { amsterdamToday } from '../../services/amsterdam-today';
import { resolveDemoOptions } from '../../services/demo/demo-options';
import { generateDemoDistrict } from '../../services/demo/generate-demo-district';
import { writeDemoDistrict } from '../../services/demo/write-demo-district';
import type { CliIo } from '../cli-io';
import { CliUsageError, parseIntegerOption, requireOption } from '../cli-error';
import { openCliDatabase } from '../open-cli-database';

export const DEMO_USAGE = `ketenplanner demo --db FILE [--seed N] [--cases N] [--years N] [--as-of YYYY-MM-DD] [--moves]
  Creates FILE (or uses an empty one) and fills it with a synthetic demo district: the years of
  cases and sessions up to the as-of date, and six weeks of sessions after it. Past cases carry
  their history: hearing outcomes, judgments and strafbeschikkingen, the hand-off to CJIB and
  its answers, and an audit event for every step.
  --seed N        random seed (default 2026)
  --cases N       cases arriving per year (default 2800; 700 small, 10000 large district)
  --years N       years of history (default 1, at most 20)
  --as-of DATE    the demo's 'today' (default: today): earlier hearings were held, later ones planned
  --moves         also move some hearings to another session before they were held
  --planning-only no history after planning (no outcomes, decisions or CJIB hand-offs)
  The same options always give the same district.`;

export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  const { out } = io;
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      seed: { type: 'string' },
      cases: { type: 'string' },
      years: { type: 'string' },
      'as-of': { type: 'string' },
      moves: { type: 'boolean' },
      'planning-only': { type: 'boolean' },
    },
    strict: true,
  });
  const asOf = values['as-of'];
  if (asOf !== undefined && !isValidLocalDate(asOf)) throw new CliUsageError(`--as-of must be a date YYYY-MM-DD, got "${asOf}"`);
  const options = resolveDemoOptions(
    {
      seed: parseIntegerOption('seed', values.seed, 0, 2 ** 32 - 1),
      casesPerYear: parseIntegerOption('cases', values.cases, 1, 200_000),
      years: parseIntegerOption('years', values.years, 1, 20),
      asOf,
      moves: values.moves,
      chain: values['planning-only'] ? false : undefined,
    },
    amsterdamToday(),
  );
  if (options.asOf < '2001-01-01' || options.asOf > '2099-11-01') throw new CliUsageError('--as-of must lie between 2001-01-01 and 2099-11-01');

  const database = await openCliDatabase(requireOption('db', values.db));
  try {
    const started = performance.now();
    const summary = writeDemoDistrict(database.db, generateDemoDistrict(options));
    out(
      `Demo district "${summary.districtName}" written to ${database.path}: ${summary.sessions} sessions, ${summary.cases} cases ` +
        `(seed ${options.seed}, as of ${options.asOf}) over ${options.years} year(s) with ${summary.events} audit events, in ${Math.round(performance.now() - started)} ms.`,
    );
    return 0;
  } finally {
    database.close();
  }
}
