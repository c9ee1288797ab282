import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHttpHost } from '../../http/http-host';
import { createBackend } from '../../services/create-backend';
import type { CliCommand } from '../cli-command';
import { CliUsageError, parseIntegerOption, requireOption } from '../cli-error';
import { PROJECT_PATHS } from '../project-paths';
import { DEFAULT_PORT } from '../usage';
import { STANDALONE_ROLES } from '../../../shared/domain/roles';

export const serveCommand: CliCommand = async (args, io, { clock }) => {
  const { out } = io;
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, port: { type: 'string' }, demo: { type: 'boolean' } },
    strict: true,
  });
  const file = requireOption('db', values.db);
  const port = parseIntegerOption('port', values.port, 0, 65535) ?? DEFAULT_PORT;
  if (!fs.existsSync(path.join(PROJECT_PATHS.builtRenderer, 'index.html'))) {
    throw new CliUsageError('The UI is not built yet: run `npm run build` first.');
  }
  const isNew = !fs.existsSync(file);
  const backend = await createBackend(file, { migrationsFolder: PROJECT_PATHS.migrations, clock, loadDemoIfEmpty: values.demo ?? false, roles: STANDALONE_ROLES });
  const { database, handler } = backend;
  // Short and Dutch: `npm start` shows these lines to a newcomer as they are (scripts/lib/start-steps.mjs).
  if (backend.demoLoaded) out(`Demodistrict geladen in ${database.path}: ${backend.demoLoaded.sessions} zittingen, ${backend.demoLoaded.cases} zaken.`);
  else if (isNew) out(`Nieuwe, lege database aangemaakt: ${database.path}`);

  const token = randomBytes(24).toString('base64url');
  let host;
  try {
    host = await startHttpHost({ handler, token, staticRoot: PROJECT_PATHS.builtRenderer, port });
  } catch (error) {
    backend.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new CliUsageError(`Port ${port} is in use: pick another with --port.`);
    throw error;
  }
  // The URL line is what tests and scripts read (scripts/lib/start-steps.mjs, test/e2e/support/serve-process.ts).
  out(`Ketenplanner draait op ${host.url}#token=${token} (Ctrl+C om te stoppen)`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  backend.close();
  return 0;
};
