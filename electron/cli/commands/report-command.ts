import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REVIEW_PERIOD_PATTERN, reviewPeriodLabel } from '../../../shared/metrics/review-period';
import { startHttpHost } from '../../http/http-host';
import { createBackend } from '../../services/create-backend';
import { getDistrict } from '../../services/district-service';
import { CliUsageError, requireOption } from '../cli-error';
import type { CliIo } from '../cli-io';
import { PROJECT_PATHS } from '../project-paths';
import { DEFAULT_CHROMIUM_PATH, printPackWithChromium } from './report-pdf';

export const REPORT_USAGE = `ketenplanner report --db FILE --period YYYY-Tn --out FILE.pdf [--ui DIR]
  Makes the four-monthly review pack as a PDF (A4), headless: serves the app on 127.0.0.1 for the
  duration, opens the pack page in Chromium (/usr/bin/chromium, or CHROMIUM_PATH) and prints it.
  Periods: T1 = January-April, T2 = May-August, T3 = September-December (docs/review-pack.md).
  --ui DIR   the built UI to print from (default: dist/renderer of this checkout)`;

const STEPS = { data: 'gegevens laden', charts: 'grafieken', pdf: 'PDF' } as const;

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' }, ui: { type: 'string' } }, strict: true });
  const dbFile = requireOption('db', values.db);
  const period = requireOption('period', values.period);
  const outFile = requireOption('out', values.out);
  if (!REVIEW_PERIOD_PATTERN.test(period)) throw new CliUsageError(`--period must look like 2026-T3 (T1, T2 or T3), got "${period}"`);
  if (!fs.existsSync(dbFile)) throw new CliUsageError(`${dbFile} does not exist: give the district's database file`);
  const ui = path.resolve(values.ui ?? PROJECT_PATHS.builtRenderer);
  if (!fs.existsSync(path.join(ui, 'index.html'))) throw new CliUsageError(`No built UI in ${ui}: run \`npm run build\` first (or give --ui).`);
  const chromiumPath = process.env['CHROMIUM_PATH'] ?? DEFAULT_CHROMIUM_PATH;

  const backend = await createBackend(dbFile, { migrationsFolder: PROJECT_PATHS.migrations });
  const token = randomBytes(24).toString('base64url');
  try {
    if (!getDistrict(backend.database.db)) throw new CliUsageError(`${dbFile} holds no district yet`);
    const host = await startHttpHost({ handler: backend.handler, token, staticRoot: ui, port: 0 });
    try {
      let step = 0;
      const { pdf, figures } = await printPackWithChromium({
        url: host.url,
        token,
        period,
        chromiumPath,
        onStep: (name) => io.out(`[${++step}/3] ${STEPS[name]}…`),
      });
      fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
      const temporary = `${outFile}.partial`;
      fs.writeFileSync(temporary, pdf);
      fs.renameSync(temporary, outFile);
      io.out(JSON.stringify({ file: outFile, period, label: reviewPeriodLabel(period), bytes: pdf.length, figures }, null, 2));
      return 0;
    } finally {
      await host.close();
    }
  } finally {
    backend.close();
  }
}
