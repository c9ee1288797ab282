import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHttpHost } from '../../http/http-host';
import { createBackend } from '../../services/create-backend';
import type { CliIo } from '../cli-io';
import { CliUsageError, parseIntegerOption, requireOption } from '../cli-error';
import { PROJECT_PATHS } from '../project-paths';

export const DEFAULT_PORT = 4780;

export const SERVE_USAGE = `ketenplanner serve --db FILE [--port N] [--demo]
  Browser mode: serves the built UI and the API on 127.0.0.1 and prints the URL to open
  (it carries this start's secret token). A new FILE starts empty: the app then offers to create a
  district or load the demo.
  --port N   port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)
  --demo     load the demo district first when FILE holds no district yet`;

export async function serveCommand(args: string[], io: CliIo): Promise<number> {
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
  const backend = await createBackend(file, { migrationsFolder: PROJECT_PATHS.migrations, loadDemoIfEmpty: values.demo ?? false });
  const { database, handler } = backend;
  if (isNew) out(`New, empty database created: ${database.path}`);
  if (backend.demoLoaded) out(`Demo district loaded: ${backend.demoLoaded.sessions} sessions, ${backend.demoLoaded.cases} cases.`);

  const token = randomBytes(24).toString('base64url');
  let host;
  try {
    host = await startHttpHost({ handler, token, staticRoot: PROJECT_PATHS.builtRenderer, port });
  } catch (error) {
    backend.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new CliUsageError(`Port ${port} is in use: pick another with --port.`);
    throw error;
  }
  out(`Ketenplanner (browser mode) for ${database.path}`);
  out(`Open: ${host.url}#token=${token}`);
  out('Stop with Ctrl+C.');

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  backend.close();
  return 0;
}
