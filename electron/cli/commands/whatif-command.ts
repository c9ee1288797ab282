import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { whatIfInputSchema, type WhatIfRequest } from '../../../shared/planner/what-if';
import { amsterdamToday } from '../../services/amsterdam-today';
import { getDistrict } from '../../services/district-service';
import { runWhatIf } from '../../services/planning/what-if';
import { CliUsageError, requireOption } from '../cli-error';
import type { CliIo } from '../cli-io';
import { openCliDatabase } from '../open-cli-database';

export const WHATIF_USAGE = `ketenplanner whatif --db FILE --from YYYY-MM-DD --to YYYY-MM-DD [--replay-from YYYY-MM-DD --replay-to YYYY-MM-DD]
                   [--add-pattern JSON]... [--remove-template ID]...
  Compares the current plan with a scenario, in memory (nothing is written): free capacity and the
  waiting ready cases in the window (at most 26 weeks, from today), planned by the real planner on
  both sides. Prints JSON: per side cases, planned, infeasible cases, deadline and target compliance,
  days to hearing (mean, 90th percentile), fill rate per session type, and the difference.
  --replay-from/--replay-to  replay the arrivals of a past period (at most 26 weeks, not longer than
                             the window) as new cases, shifted so its first day is --from
  --add-pattern JSON         add a session pattern, e.g. '{"courtroomId":5,"weekdays":[2,4],
                             "daypart":"morning","startTime":"09:00","endTime":"12:30",
                             "sessionType":"supersnelrecht","capacitySlots":4}' (repeatable)
  --remove-template ID       take a session template's sessions out (repeatable)`;

export async function whatifCommand(args: string[], io: CliIo): Promise<number> {
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
  const request = parseRequest({
    from: requireOption('from', values.from),
    to: requireOption('to', values.to),
    replayFrom: values['replay-from'],
    replayTo: values['replay-to'],
    patterns: values['add-pattern'] ?? [],
    templates: values['remove-template'] ?? [],
  });
  if (!fs.existsSync(dbFile)) throw new CliUsageError(`${dbFile} does not exist: give the district's database file`);
  const database = await openCliDatabase(dbFile);
  try {
    if (!getDistrict(database.db)) throw new CliUsageError(`${dbFile} holds no district yet`);
    const now = new Date();
    io.out(JSON.stringify(runWhatIf(database.db, request, amsterdamToday(now), now), null, 2));
    return 0;
  } finally {
    database.close();
  }
}

interface RawOptions {
  from: string;
  to: string;
  replayFrom: string | undefined;
  replayTo: string | undefined;
  patterns: string[];
  templates: string[];
}

/** The options as the contract's request, checked by the same rules (Dutch messages name the field). */
function parseRequest(raw: RawOptions): WhatIfRequest {
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
  const parsed = whatIfInputSchema.safeParse({
    from: raw.from,
    to: raw.to,
    ...(raw.replayFrom !== undefined && raw.replayTo !== undefined ? { replay: { from: raw.replayFrom, to: raw.replayTo } } : {}),
    ...(addPatterns.length > 0 ? { addPatterns } : {}),
    ...(removeTemplateIds.length > 0 ? { removeTemplateIds } : {}),
  });
  if (!parsed.success) throw new CliUsageError(parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
  return parsed.data;
}
