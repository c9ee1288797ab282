// The district server of `npm run bench:sync`, in its own process as `ketenplanner server run` runs it:
// startDistrictServer with the operations of dist/server/district-wiring.mjs. Settings as JSON in argv[2]
// (the bench's TLS files, identity provider and port), the clock standing still at argv[3] (the demo's 'now').
// Only warnings and errors are logged (stdout); `ready` on stderr says the server listens; SIGTERM stops it.
import { pathToFileURL } from 'node:url';
import type { DistrictServerConfig } from '../../server/district-server/district-config';
import { createDistrictLogger } from '../../server/district-server/district-logger';
import { shutdownSignal, startDistrictServer } from '../../server/district-server/district-server';
import type { wireDistrict as WireDistrict } from '../../server/district-server/district-wiring';
import { fixedClock } from '../../server/services/context/clock';

const [configJson, now, wiringBundle, migrationsFolder] = process.argv.slice(2);
if (!configJson || !now || !wiringBundle || !migrationsFolder) throw new Error('usage: sync-bench-server.ts CONFIG_JSON NOW WIRING_BUNDLE MIGRATIONS_FOLDER');
const clock = fixedClock(now);
const { wireDistrict } = (await import(pathToFileURL(wiringBundle).href)) as { wireDistrict: typeof WireDistrict };
const server = await startDistrictServer({
  config: JSON.parse(configJson) as DistrictServerConfig,
  logger: createDistrictLogger({ clock, level: 'warn' }),
  migrationsFolder,
  staticRoot: null,
  clock,
  wire: wireDistrict,
});
process.stderr.write('ready\n');
await shutdownSignal();
await server.shutdown();
process.exit(0);
