/**
 * A district server in its own process for the graceful-shutdown test (test/integration/district-server.test.ts):
 * the real startDistrictServer and signal handling of `ketenplanner server`, with an API whose operation
 * 'slow' is still running when SIGTERM arrives: it answers only after the shutdown began.
 * Settings from the environment (KETENPLANNER_DATABASE_URL, KETENPLANNER_TLS_CERT, KETENPLANNER_TLS_KEY);
 * port 0, so the system picks one: the process prints `listening <url>` on stderr.
 */
import path from 'node:path';
import { fixedClock } from '../../server/services/context/clock';
import { loadServerConfig } from '../../server/district-server/district-config';
import { createDistrictLogger } from '../../server/district-server/district-logger';
import { shutdownSignal, startDistrictServer } from '../../server/district-server/district-server';

const migrationsFolder = path.resolve(import.meta.dirname, '..', '..', 'db', 'pg-migrations');
const config = { ...loadServerConfig({ env: process.env }), listen: { host: '127.0.0.1', port: 0 } };
const logger = createDistrictLogger({ clock: fixedClock('2026-06-15T07:30:00Z') });

let signalled: () => void = () => undefined;
const signalReceived = new Promise<void>((resolve) => (signalled = resolve));

const server = await startDistrictServer({
  config,
  logger,
  migrationsFolder,
  staticRoot: null,
  wire: () => ({
    authenticate: async () => ({ name: 'test' }),
    api: async ({ operation }) => {
      if (operation !== 'slow') return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: operation } };
      process.stderr.write('slow request running\n');
      await signalReceived;
      // Long enough that the server has stopped listening and is waiting for this request.
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { ok: true, value: 'finished' };
    },
  }),
});
process.stderr.write(`listening ${server.url}\n`);
await shutdownSignal();
signalled();
await server.shutdown();
