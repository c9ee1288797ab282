import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CalendarSubjectKind } from '../../../shared/calendars/calendar-schemas';
import type { CliCommand } from '../cli-command';
import { CliUsageError, parseIntegerOption, requireOption } from '../cli-error';
import { openExistingDistrict } from '../open-cli-database';

const KINDS: readonly CalendarSubjectKind[] = ['judge', 'prosecutor', 'courtroom'];

/** `ketenplanner calendar`: the ICS file of one judge, prosecutor or courtroom (the operation calendars.get). */
export const calendarCommand: CliCommand = async (args, io, context) => {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, out: { type: 'string' }, judge: { type: 'string' }, prosecutor: { type: 'string' }, courtroom: { type: 'string' } },
    strict: true,
  });
  const dbFile = requireOption('db', values.db);
  const outFile = requireOption('out', values.out);
  const given = KINDS.filter((kind) => values[kind] !== undefined);
  if (given.length !== 1) throw new CliUsageError('Give exactly one of --judge ID, --prosecutor ID or --courtroom ID');
  const kind = given[0]!;
  const id = parseIntegerOption(kind, values[kind], 1, 2_147_483_647)!;

  const backend = await openExistingDistrict(dbFile, context.clock);
  try {
    const file = await backend.call('calendars.get', { subject: { kind, id } });
    const target = path.resolve(outFile);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Written next to the target first and then renamed: a subscribed folder never sees half a file.
    const partial = `${target}.partial`;
    fs.writeFileSync(partial, file.content, 'utf8');
    fs.renameSync(partial, target);
    io.out(JSON.stringify({ file: target, subject: { kind, id }, events: file.eventCount, from: file.from, to: file.to }, null, 2));
    return 0;
  } finally {
    backend.close();
  }
};
