import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { computeDeadlines } from '../../../shared/deadlines/compute-deadlines';
import { parseDeadlineInputList } from '../../../shared/deadlines/input';
import { deadlineSettingsSchema } from '../../../shared/deadlines/settings';
import { CliUsageError } from '../cli-error';
import type { CliIo } from '../cli-io';

export const DEADLINES_USAGE = `ketenplanner deadlines [--settings FILE] < cases.json > deadlines.json
  Reads a JSON array of cases on stdin and writes their legal limits as a JSON array on stdout.
  Per case: id, modality (zsm|supersnelrecht|snelrecht|snelrecht_nd|filler) and any known
  ISO-8601 timestamps with offset: arrestedAt, custodyOrderedAt, custodyExtendedAt,
  remandOrderedAt, summonsServedAt, judgmentAt, penaltyOrderDeliveredAt; shortTermConsent (boolean).
  Out per case: the limits that apply (voorgeleidingBy, hearingBy, hearingFrom, hearingTargetFrom,
  hearingTargetBy, verzetBy, appealBy, judgmentToOmBy, toCjibBy) in Europe/Amsterdam with offset,
  the rule and article of each, and warnings. See docs/legal-deadlines.md.
  --settings FILE   district settings as JSON (defaults otherwise; see docs/legal-deadlines.md)
  Invalid input: exit 1, one message per problem naming the case and the field.`;

export async function deadlinesCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { settings: { type: 'string' } }, strict: true });
  const settings = values.settings ? readSettings(values.settings) : undefined;

  let input: unknown;
  const raw = await io.readStdin();
  try {
    input = JSON.parse(raw);
  } catch (error) {
    io.err(`ketenplanner deadlines: stdin is not valid JSON (${(error as Error).message}).`);
    return 1;
  }
  const parsed = parseDeadlineInputList(input);
  if (!parsed.ok) {
    for (const message of parsed.errors) io.err(message);
    return 1;
  }
  io.out(JSON.stringify(parsed.value.map((c) => computeDeadlines(c, settings)), null, 2));
  return 0;
}

function readSettings(file: string) {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliUsageError(`--settings ${file}: ${(error as Error).message}`);
  }
  const parsed = deadlineSettingsSchema.partial().safeParse(json);
  if (!parsed.success) {
    throw new CliUsageError(`--settings ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
