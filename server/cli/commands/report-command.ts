import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REVIEW_PERIOD_PATTERN, reviewPeriodLabel } from '../../../shared/metrics/review-period';
import { startHttpHost } from '../../http/http-host';
import type { ApiHandler } from '../../services/api-handler';
import { createBackend } from '../../services/create-backend';
import { CliUsageError, requireOption } from '../cli-error';
import type { CliCommand } from '../cli-command';
import { PROJECT_PATHS } from '../project-paths';
import { DEFAULT_CHROMIUM_PATH, printPackWithChromium } from './report-pdf';

const STEPS = { data: 'gegevens laden', charts: 'grafieken', pdf: 'PDF' } as const;

export const reportCommand: CliCommand = async (args, io, { clock }) => {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' }, ui: { type: 'string' } }, strict: true });
  const dbFile = requireOption('db', values.db);
  const period = requireOption('period', values.period);
  const outFile = requireOption('out', values.out);
  if (!REVIEW_PERIOD_PATTERN.test(period)) throw new CliUsageError(`--period must look like 2026-T3 (T1, T2 or T3), got "${period}"`);
  if (!fs.existsSync(dbFile)) throw new CliUsageError(`${dbFile} does not exist: give the district's database file`);
  const ui = path.resolve(values.ui ?? PROJECT_PATHS.builtRenderer);
  if (!fs.existsSync(path.join(ui, 'index.html'))) throw new CliUsageError(`No built UI in ${ui}: run \`npm run build\` first (or give --ui).`);
  const chromiumPath = process.env['CHROMIUM_PATH'] ?? DEFAULT_CHROMIUM_PATH;

  const backend = await createBackend(dbFile, { migrationsFolder: PROJECT_PATHS.migrations, clock });
  const token = randomBytes(24).toString('base64url');
  try {
    if (!(await districtOf(backend))) throw new CliUsageError(`${dbFile} holds no district yet`);
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
};

/** Whether the file holds a district, asked through the api handler like every figure of the pack. */
async function districtOf(backend: { handler: ApiHandler }): Promise<unknown> {
  const envelope = await backend.handler('district.get', {});
  return envelope.ok ? envelope.value : null;
}
