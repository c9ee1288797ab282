import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isValidLocalDate } from '../../../shared/calendar/local-date';
import type { CliCommand } from '../cli-command';
import { CliUsageError, requireOption } from '../cli-error';
import { openCliDatabase } from '../open-cli-database';

export const exportMonitoringCommand: CliCommand = async (args, io, { clock }) => {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, k: { type: 'string' } }, strict: true });
  const dbFile = requireOption('db', values.db);
  const outFile = requireOption('out', values.out);
  for (const name of ['from', 'to'] as const) {
    const value = values[name];
    if (value !== undefined && !isValidLocalDate(value)) throw new CliUsageError(`--${name} must be a date YYYY-MM-DD, got "${value}"`);
  }
  if (values.k !== undefined && !/^\d+$/.test(values.k)) throw new CliUsageError(`--k must be a whole number, got "${values.k}"`);
  if (!fs.existsSync(dbFile)) throw new CliUsageError(`${dbFile} does not exist: give the district's database file`);
  const backend = await openCliDatabase(dbFile, clock);
  try {
    const file = await backend.call('monitoring.export', {
      ...(values.from ? { from: values.from } : {}),
      ...(values.to ? { to: values.to } : {}),
      ...(values.k !== undefined ? { k: Number(values.k) } : {}),
    });
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
    // Write next to the target and rename, so a failed write never leaves half a file behind.
    const temporary = `${outFile}.partial`;
    fs.writeFileSync(temporary, text, 'utf8');
    fs.renameSync(temporary, outFile);
    const exported = JSON.parse(text) as { district: unknown; keyId: unknown; recordCount: number; selection: unknown; disclosureControl: unknown };
    io.out(
      JSON.stringify(
        { file: outFile, district: exported.district, keyId: exported.keyId, recordCount: exported.recordCount, selection: exported.selection, disclosureControl: exported.disclosureControl },
        null,
        2,
      ),
    );
    return 0;
  } finally {
    backend.close();
  }
};
