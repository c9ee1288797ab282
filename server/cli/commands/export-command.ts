import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../cli-command';
import { CliUsageError, requireOption } from '../cli-error';
import { openExistingDistrict } from '../open-cli-database';
import { exportMonitoringCommand } from './export-monitoring';

export const exportCommand: CliCommand = async (args, io, context) => {
  const [subcommand, ...rest] = args;
  if (subcommand === 'monitoring') return exportMonitoringCommand(rest, io, context);
  if (subcommand !== 'cjib') throw new CliUsageError(subcommand ? `Unknown subcommand "${subcommand}"; the subcommands are: cjib, monitoring` : 'Give a subcommand: cjib or monitoring');
  const { values } = parseArgs({ args: rest, options: { db: { type: 'string' }, out: { type: 'string' }, resend: { type: 'string' } }, strict: true });
  const dbFile = requireOption('db', values.db);
  const outDir = requireOption('out', values.out);
  if (values.resend !== undefined && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(values.resend)) {
    throw new CliUsageError(`--resend must be a batch id (UUID), got "${values.resend}"`);
  }
  if (!fs.existsSync(dbFile)) throw new CliUsageError(`${dbFile} does not exist: give the district's database file`);
  // Check the folder before the batch is recorded as sent, so the files cannot get lost after it.
  try {
    fs.mkdirSync(outDir, { recursive: true });
    fs.accessSync(outDir, fs.constants.W_OK);
  } catch (error) {
    throw new CliUsageError(`cannot write to ${outDir}: ${(error as Error).message}`);
  }
  const backend = await openExistingDistrict(dbFile, context.clock);
  try {
    const files = values.resend !== undefined ? await backend.call('cjib.resend', { batchUid: values.resend }) : await backend.call('cjib.export', {});
    const written = [files.json, files.csv].map((file) => {
      const target = path.join(outDir, file.fileName);
      fs.writeFileSync(target, file.text, 'utf8');
      return target;
    });
    io.out(
      JSON.stringify(
        { batchUid: files.batchUid, createdAt: files.createdAt, resent: values.resend !== undefined, decisionCount: files.decisionCount, checksum: files.checksum, files: written },
        null,
        2,
      ),
    );
    return 0;
  } finally {
    backend.close();
  }
};
