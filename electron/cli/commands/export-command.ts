import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CjibBatchFiles } from '../../../shared/cjib/handoff-schemas';
import { exportCjibBatch } from '../../services/cjib/export-batch';
import { resendCjibBatch } from '../../services/cjib/export-resend';
import { getDistrict } from '../../services/district-service';
import { CliUsageError, requireOption } from '../cli-error';
import type { CliIo } from '../cli-io';
import { openCliDatabase } from '../open-cli-database';
import { EXPORT_MONITORING_USAGE, exportMonitoringCommand } from './export-monitoring';

export const EXPORT_USAGE = `ketenplanner export cjib --db FILE --out DIR [--resend BATCHUID]
  Makes a batch for CJIB of every hand-off that is ready (enforceable and complete), marks them sent
  and hands their cases to CJIB, and writes ketenplanner-cjib-<batchUid>.json and .csv to DIR (format:
  docs/cjib-exchange.md). Prints a JSON summary: batch id, decisions, checksum, files written.
  --resend BATCHUID  write an earlier batch again, byte for byte (changes nothing; refused when the
                     data of a decision in it changed since, as that decision needs a new batch)

${EXPORT_MONITORING_USAGE}`;

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === 'monitoring') return exportMonitoringCommand(rest, io);
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
  const database = await openCliDatabase(dbFile);
  try {
    if (!getDistrict(database.db)) throw new CliUsageError(`${dbFile} holds no district yet`);
    const actor = os.userInfo().username;
    const files: CjibBatchFiles =
      values.resend !== undefined
        ? resendCjibBatch(database.db, { batchUid: values.resend }, actor, new Date())
        : exportCjibBatch(database.db, {}, actor, new Date());
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
    database.close();
  }
}
