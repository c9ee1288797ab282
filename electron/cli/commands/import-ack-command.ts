import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importCjibResponses } from '../../services/cjib/import-responses';
import { getDistrict } from '../../services/district-service';
import { CliUsageError, requireOption } from '../cli-error';
import type { CliIo } from '../cli-io';
import { openCliDatabase } from '../open-cli-database';

export const IMPORT_ACK_USAGE = `ketenplanner import-ack --db FILE --file F [--dry-run]
  Reads a CJIB response file (acknowledgements, returns with a reason code, execution updates;
  format: docs/cjib-exchange.md) and prints the report as JSON, one line per message: processed,
  already_processed (read before: nothing changes), outdated (about an older attempt: stored, nothing
  changes) or error (with the message number and the reason in Dutch). Every message is checked
  first; then all are written in one transaction, or nothing when any message has an error.
  --dry-run   check only, write nothing
  Exit code 0 when no message had an error; 1 otherwise.`;

export async function importAckCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { db: { type: 'string' }, file: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const dbFile = requireOption('db', values.db);
  const file = requireOption('file', values.file);
  if (positionals.length > 0) throw new CliUsageError(`unexpected argument "${positionals[0]}": give the response file with --file`);
  let content: Buffer;
  try {
    content = fs.readFileSync(file);
  } catch (error) {
    throw new CliUsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (!fs.existsSync(dbFile)) throw new CliUsageError(`${dbFile} does not exist: give the district's database file`);
  const database = await openCliDatabase(dbFile);
  try {
    if (!getDistrict(database.db)) throw new CliUsageError(`${dbFile} holds no district yet: create one in the app (or load the demo) first`);
    const report = importCjibResponses(database.db, { fileName: path.basename(file), content, dryRun: values['dry-run'] ?? false }, os.userInfo().username, new Date());
    io.out(JSON.stringify(report, null, 2));
    return report.fileProblems.length === 0 && report.counts.error === 0 ? 0 : 1;
  } finally {
    database.close();
  }
}
