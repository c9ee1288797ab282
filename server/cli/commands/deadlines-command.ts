import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { computeDeadlines } from '../../../shared/deadlines/compute-deadlines';
import { parseDeadlineInputList } from '../../../shared/deadlines/input';
import { deadlineSettingsSchema } from '../../../shared/deadlines/settings';
import { CliUsageError } from '../cli-error';
import type { CliCommand } from '../cli-command';

// Pure computation on the input: it reads no clock, so --now changes nothing here.
export const deadlinesCommand: CliCommand = async (args, io) => {
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
};

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
