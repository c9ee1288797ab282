import { parseArgs } from 'node:util';
import { isValidLocalDate } from '../../../shared/calendar/local-date';
import { DEFAULT_DEMO_SEED, resolveDemoOptions } from '../../services/demo/demo-options';
import { generateDemoDistrict } from '../../services/demo/generate-demo-district';
import { writeDemoDistrict } from '../../services/demo/write-demo-district';
import { runWriteTransaction } from '../../services/context/write-transaction';
import type { CliCommand } from '../cli-command';
import { CliUsageError, parseIntegerOption, requireOption } from '../cli-error';
import { openCliDatabase } from '../open-cli-database';

export const demoCommand: CliCommand = async (args, io, { clock }) => {
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
  const seed = parseIntegerOption('seed', values.seed, 0, 2 ** 32 - 1);
  const partial = {
    seed,
    casesPerYear: parseIntegerOption('cases', values.cases, 1, 200_000),
    years: parseIntegerOption('years', values.years, 1, 20),
    asOf,
    moves: values.moves,
    chain: values['planning-only'] ? false : undefined,
  };
  // The demo's 'today' is the clock's (`--now`) unless --as-of says otherwise.
  const today = clock.today();
  const options = resolveDemoOptions(partial, today);
  if (options.asOf < '2001-01-01' || options.asOf > '2099-11-01') throw new CliUsageError('--as-of must lie between 2001-01-01 and 2099-11-01');

  const backend = await openCliDatabase(requireOption('db', values.db), clock);
  try {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    const described = `(seed ${options.seed}, as of ${options.asOf}) over ${options.years} year(s)`;
    // What the app's "load the demo" does (demo.load: a seed, as of the clock's today) goes through
    // the api handler like every other transport; the CLI's other options have no contract operation.
    const contractShaped = partial.casesPerYear === undefined && partial.years === undefined && !partial.moves && partial.chain === undefined && (asOf === undefined || asOf === today);
    if (contractShaped) {
      const summary = await backend.call('demo.load', seed === undefined || seed === DEFAULT_DEMO_SEED ? {} : { seed });
      io.out(`Demo district "${summary.districtName}" written to ${backend.database.path}: ${summary.sessions} sessions, ${summary.cases} cases ${described}, in ${ms()} ms.`);
      return 0;
    }
    const demo = generateDemoDistrict(options);
    const summary = await runWriteTransaction(backend.database.sqlite, async () => await writeDemoDistrict(backend.database.db, demo, clock.now()));
    io.out(
      `Demo district "${summary.districtName}" written to ${backend.database.path}: ${summary.sessions} sessions, ${summary.cases} cases ` +
        `${described} with ${summary.events} audit events, in ${ms()} ms.`,
    );
    return 0;
  } finally {
    backend.close();
  }
};
