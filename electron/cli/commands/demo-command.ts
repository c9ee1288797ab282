import { parseArgs } from 'node:util';
import { isValidLocalDate } from '../../../shared/calendar/local-date';
import { amsterdamToday } from '../../services/amsterdam-today';
import { resolveDemoOptions } from '../../services/demo/demo-options';
import { generateDemoDistrict } from '../../services/demo/generate-demo-district';
import { writeDemoDistrict } from '../../services/demo/write-demo-district';
import type { CliIo } from '../cli-io';
import { CliUsageError, parseIntegerOption, requireOption } from '../cli-error';
import { openCliDatabase } from '../open-cli-database';

export const DEMO_USAGE = `ketenplanner demo --db FILE [--seed N] [--cases N] [--as-of YYYY-MM-DD]
  Creates FILE (or uses an empty one) and fills it with a synthetic demo district: the year of
  cases and sessions up to the as-of date, and six weeks of sessions after it.
  --seed N        random seed (default 2026)
  --cases N       cases arriving in that year (default 2800; 700 small, 7000 large district)
  --as-of DATE    the demo's 'today' (default: today): earlier hearings were held, later ones planned
  The same seed, cases and as-of date always give the same district.`;

export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  const { out } = io;
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, seed: { type: 'string' }, cases: { type: 'string' }, 'as-of': { type: 'string' } },
    strict: true,
  });
  const asOf = values['as-of'];
  if (asOf !== undefined && !isValidLocalDate(asOf)) throw new CliUsageError(`--as-of must be a date YYYY-MM-DD, got "${asOf}"`);
  const options = resolveDemoOptions(
    {
      seed: parseIntegerOption('seed', values.seed, 0, 2 ** 32 - 1),
      casesPerYear: parseIntegerOption('cases', values.cases, 1, 200_000),
      asOf,
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
        `(seed ${options.seed}, as of ${options.asOf}) in ${Math.round(performance.now() - started)} ms.`,
    );
    return 0;
  } finally {
    database.close();
  }
}
