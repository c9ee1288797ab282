import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../cli-command';
import { CliUsageError, requireOption } from '../cli-error';
import { openExistingDistrict } from '../open-cli-database';

const MODES = { 'valid-only': 'valid_only', 'all-or-nothing': 'all_or_nothing' } as const;

export const importAckCommand: CliCommand = async (args, io, { clock }) => {
  const { values, positionals } = parseArgs({
    args,
    options: { db: { type: 'string' }, file: { type: 'string' }, mode: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const dbFile = requireOption('db', values.db);
  const file = requireOption('file', values.file);
  const mode = MODES[(values.mode ?? 'all-or-nothing') as keyof typeof MODES];
  if (!mode) throw new CliUsageError(`--mode must be valid-only or all-or-nothing, got "${values.mode}"`);
  if (positionals.length > 0) throw new CliUsageError(`unexpected argument "${positionals[0]}": give the response file with --file`);
  let content: Buffer;
  try {
    content = fs.readFileSync(file);
  } catch (error) {
    throw new CliUsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const backend = await openExistingDistrict(dbFile, clock, ': create one in the app (or load the demo) first');
  try {
    const report = await backend.call('cjib.importResponses', { fileName: path.basename(file), contentBase64: content.toString('base64'), dryRun: values['dry-run'] ?? false, mode });
    io.out(JSON.stringify(report, null, 2));
    return report.fileProblems.length === 0 && report.counts.error === 0 ? 0 : 1;
  } finally {
    backend.close();
  }
};
