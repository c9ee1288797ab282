import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isValidLocalDate } from '../../../shared/calendar/local-date';
import { buildMonitoringExport } from '../../services/monitoring/export-monitoring';
import { CliUsageError, requireOption } from '../cli-error';
import type { CliIo } from '../cli-io';
import { openCliDatabase } from '../open-cli-database';

export const EXPORT_MONITORING_USAGE = `ketenplanner export monitoring --db FILE --out FILE.json [--from DATE] [--to DATE]
  Writes the pseudonymised per-case records for national comparison (format: docs/monitoring-export.md):
  no names, dates of birth or parketnummers; case keys are an HMAC under the district's own secret.
  --from, --to  only cases whose arrest (else registration) falls in these dates, YYYY-MM-DD`;

export async function exportMonitoringCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } }, strict: true });
  const dbFile = requireOption('db', values.db);
  const outFile = requireOption('out', values.out);
  for (const name of ['from', 'to'] as const) {
    const value = values[name];
    if (value !== undefined && !isValidLocalDate(value)) throw new CliUsageError(`--${name} must be a date YYYY-MM-DD, got "${value}"`);
  }
  if (values.from && values.to && values.from > values.to) throw new CliUsageError('--from lies after --to');
  if (!fs.existsSync(dbFile)) throw new CliUsageError(`${dbFile} does not exist: give the district's database file`);
  const database = await openCliDatabase(dbFile);
  try {
    const exported = buildMonitoringExport(database.db, { from: values.from, to: values.to }, os.userInfo().username, new Date());
    fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
    // Write next to the target and rename, so a failed write never leaves half a file behind.
    const temporary = `${outFile}.partial`;
    fs.writeFileSync(temporary, `${JSON.stringify(exported, null, 2)}\n`, 'utf8');
    fs.renameSync(temporary, outFile);
    io.out(JSON.stringify({ file: outFile, district: exported.district, keyId: exported.keyId, recordCount: exported.recordCount, selection: exported.selection }, null, 2));
    return 0;
  } finally {
    database.close();
  }
}
