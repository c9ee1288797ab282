import { parseArgs } from 'node:util';
import { REVIEW_PERIOD_PATTERN, reviewPeriodLabel } from '../../../shared/metrics/review-period';
import { CliUsageError, requireOption } from '../cli-error';
import type { CliCommand } from '../cli-command';
import { DEFAULT_CHROMIUM_PATH, printPackWithChromium, withServedDistrict, writePdfFile } from './report-pdf';

const STEPS = { data: 'gegevens laden', charts: 'grafieken', pdf: 'PDF' } as const;

export const reportCommand: CliCommand = async (args, io, { clock }) => {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' }, ui: { type: 'string' } }, strict: true });
  const dbFile = requireOption('db', values.db);
  const period = requireOption('period', values.period);
  const outFile = requireOption('out', values.out);
  if (!REVIEW_PERIOD_PATTERN.test(period)) throw new CliUsageError(`--period must look like 2026-T3 (T1, T2 or T3), got "${period}"`);
  const chromiumPath = process.env['CHROMIUM_PATH'] ?? DEFAULT_CHROMIUM_PATH;

  return withServedDistrict({ dbFile, ui: values.ui, clock }, async ({ url, token }) => {
    let step = 0;
    const { pdf, figures } = await printPackWithChromium({ url, token, period, chromiumPath, onStep: (name) => io.out(`[${++step}/3] ${STEPS[name]}…`) });
    writePdfFile(outFile, pdf);
    io.out(JSON.stringify({ file: outFile, period, label: reviewPeriodLabel(period), bytes: pdf.length, figures }, null, 2));
    return 0;
  });
};
