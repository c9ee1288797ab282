import { parseArgs } from 'node:util';
import type { CourtRoll } from '../../../shared/sessions/court-roll-schemas';
import { CliOperationError, CliUsageError, parseIntegerOption, requireOption } from '../cli-error';
import type { CliCommand } from '../cli-command';
import { DEFAULT_CHROMIUM_PATH, printRouteToPdf, withServedDistrict, writePdfFile } from './report-pdf';

const STEPS = { data: 'gegevens laden', charts: 'opmaak', pdf: 'PDF' } as const;

/**
 * `ketenplanner roll --session ID --format pdf --out FILE`: the court roll (zittingsrol) of one session as
 * a PDF, printed from the app's roll page (/zittingen/ID/rol) by the same Chromium path as the review pack.
 */
export const rollCommand: CliCommand = async (args, io, { clock }) => {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, session: { type: 'string' }, format: { type: 'string', default: 'pdf' }, out: { type: 'string' }, ui: { type: 'string' } },
    strict: true,
  });
  const dbFile = requireOption('db', values.db);
  const sessionId = parseIntegerOption('session', requireOption('session', values.session), 1, 999_999_999)!;
  const outFile = requireOption('out', values.out);
  if (values.format !== 'pdf') throw new CliUsageError(`--format must be pdf, got "${values.format}"`);
  const chromiumPath = process.env['CHROMIUM_PATH'] ?? DEFAULT_CHROMIUM_PATH;

  return withServedDistrict({ dbFile, ui: values.ui, clock }, async ({ url, token, backend }) => {
    // Ask the back end first: an unknown session is refused in its words, before Chromium starts.
    const roll = await backend.handler('sessions.courtRoll', { sessionId });
    if (!roll.ok) throw new CliOperationError(roll.error.code, roll.error.message, roll.error.details);
    let step = 0;
    const { pdf, header } = await printRouteToPdf({ url, token, route: `/zittingen/${sessionId}/rol`, chromiumPath, onStep: (name) => io.out(`[${++step}/3] ${STEPS[name]}…`) });
    writePdfFile(outFile, pdf);
    io.out(JSON.stringify({ file: outFile, sessionId, header, cases: (roll.value as CourtRoll).rows.length, bytes: pdf.length }, null, 2));
    return 0;
  });
};
