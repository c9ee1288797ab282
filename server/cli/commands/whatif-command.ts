import { parseArgs } from 'node:util';
import type { OperationInput } from '../../../shared/api/contract';
import type { CliCommand } from '../cli-command';
import { CliUsageError, requireOption } from '../cli-error';
import { openExistingDistrict } from '../open-cli-database';

export const whatifCommand: CliCommand = async (args, io, { clock }) => {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'replay-from': { type: 'string' },
      'replay-to': { type: 'string' },
      'add-pattern': { type: 'string', multiple: true },
      'remove-template': { type: 'string', multiple: true },
    },
    strict: true,
  });
  const dbFile = requireOption('db', values.db);
  const request = buildRequest({
    from: requireOption('from', values.from),
    to: requireOption('to', values.to),
    replayFrom: values['replay-from'],
    replayTo: values['replay-to'],
    patterns: values['add-pattern'] ?? [],
    templates: values['remove-template'] ?? [],
  });
  const backend = await openExistingDistrict(dbFile, clock);
  try {
    io.out(JSON.stringify(await backend.call('planner.whatIf', request), null, 2));
    return 0;
  } finally {
    backend.close();
  }
};

interface RawOptions {
  from: string;
  to: string;
  replayFrom: string | undefined;
  replayTo: string | undefined;
  patterns: string[];
  templates: string[];
}

/**
 * The options as the contract's request. Only the syntax is checked here (JSON, numbers); the rules
 * (window length, weekdays, times) are the contract's, so the CLI refuses what the app refuses.
 */
function buildRequest(raw: RawOptions): OperationInput<'planner.whatIf'> {
  if ((raw.replayFrom === undefined) !== (raw.replayTo === undefined)) throw new CliUsageError('--replay-from and --replay-to go together');
  const addPatterns = raw.patterns.map((text, index) => {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new CliUsageError(`--add-pattern ${index + 1} is no valid JSON: ${(error as Error).message}`);
    }
  });
  const removeTemplateIds = raw.templates.map((text) => {
    if (!/^\d+$/.test(text)) throw new CliUsageError(`--remove-template must be a template number, got "${text}"`);
    return Number(text);
  });
  // The patterns go unchecked into the request: the api handler validates them against the contract.
  return {
    from: raw.from,
    to: raw.to,
    ...(raw.replayFrom !== undefined && raw.replayTo !== undefined ? { replay: { from: raw.replayFrom, to: raw.replayTo } } : {}),
    ...(addPatterns.length > 0 ? { addPatterns: addPatterns as NonNullable<OperationInput<'planner.whatIf'>['addPatterns']> } : {}),
    ...(removeTemplateIds.length > 0 ? { removeTemplateIds } : {}),
  };
}
