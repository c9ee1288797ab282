// The server under test of `npm run bench:server`, in its own process as `ketenplanner server run` runs it
// (server/cli/commands/server-command.ts): startDistrictServer with the operations of
// dist/server/district-wiring.mjs, the logger on stdout, stopped by SIGTERM. Two differences, both for
// the bench: the settings come as JSON in argv[2] (the bench's own TLS files, identity provider and
// port) and the clock stands still at argv[3], the demo district's own 'now'.
// The bench reads the log lines on stdout; `ready` on stderr says the server listens.
import { pathToFileURL } from 'node:url';
import type { DistrictServerConfig } from '../../server/district-server/district-config';
import { createDistrictLogger } from '../../server/district-server/district-logger';
import { shutdownSignal, startDistrictServer } from '../../server/district-server/district-server';
import type { wireDistrict as WireDistrict } from '../../server/district-server/district-wiring';
import { fixedClock } from '../../server/services/context/clock';

const [configJson, now, wiringBundle, migrationsFolder] = process.argv.slice(2);
if (!configJson || !now || !wiringBundle || !migrationsFolder) throw new Error('usage: server-bench-process.ts CONFIG_JSON NOW WIRING_BUNDLE MIGRATIONS_FOLDER');
const clock = fixedClock(now);
const { wireDistrict } = (await import(pathToFileURL(wiringBundle).href)) as { wireDistrict: typeof WireDistrict };
const server = await startDistrictServer({
  config: JSON.parse(configJson) as DistrictServerConfig,
  logger: createDistrictLogger({ clock }),
  migrationsFolder,
  staticRoot: null,
  clock,
  wire: wireDistrict,
});
process.stderr.write('ready\n');
await shutdownSignal();
await server.shutdown();
// The sign-in's caches may hold timers; the profile (--cpu-prof) is written at exit.
process.exit(0);
