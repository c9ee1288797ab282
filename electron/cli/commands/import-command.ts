import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importCases } from '../../services/cases/import-cases';
import { getDistrict } from '../../services/district-service';
import { CliUsageError, requireOption } from '../cli-error';
import type { CliIo } from '../cli-io';
import { openCliDatabase } from '../open-cli-database';

export const IMPORT_USAGE = `ketenplanner import --db FILE [--mode valid-only|all-or-nothing] [--dry-run] cases.csv|cases.xlsx
  Imports cases from a police or OM export (columns: docs/intake-import.md) and prints the report as
  JSON: every problem with its row, column and Dutch message. Every row is checked first; then all
  valid rows are committed in one transaction (valid-only, the default) or, with all-or-nothing,
  nothing at all while any row has a problem. Duplicates (same parketnummer) are reported, never doubled.
  --dry-run   check only, write nothing
  Exit code 0 when every row was valid (and, unless --dry-run, committed); 1 when there were problems.`;

const MODES = { 'valid-only': 'valid_only', 'all-or-nothing': 'all_or_nothing' } as const;

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { db: { type: 'string' }, mode: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const dbFile = requireOption('db', values.db);
  if (positionals.length !== 1) throw new CliUsageError('give exactly one file to import (.csv or .xlsx)');
  const file = positionals[0]!;
  const mode = MODES[(values.mode ?? 'valid-only') as keyof typeof MODES];
  if (!mode) throw new CliUsageError(`--mode must be valid-only or all-or-nothing, got "${values.mode}"`);
  let content: Buffer;
  try {
    content = fs.readFileSync(file);
  } catch (error) {
    throw new CliUsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  // An existing district file only: a typo must not create a new, empty database and import into it.
  if (!fs.existsSync(dbFile)) throw new CliUsageError(`${dbFile} does not exist: give the district's database file`);
  const database = await openCliDatabase(dbFile);
  if (!getDistrict(database.db)) {
    database.close();
    throw new CliUsageError(`${dbFile} holds no district yet: create one in the app (or load the demo) first`);
  }
  try {
    const report = await importCases(database.db, { fileName: path.basename(file), content, mode, dryRun: values['dry-run'] ?? false }, os.userInfo().username);
    io.out(JSON.stringify(report, null, 2));
    return report.fileProblems.length === 0 && report.invalidRows === 0 ? 0 : 1;
  } finally {
    database.close();
  }
}
