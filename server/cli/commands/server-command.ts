import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeConfig, DistrictConfigError, loadDatabaseConfig, loadServerConfig, redactDatabaseUrl, type ConfigSource } from '../../district-server/district-config';
import { createDistrictLogger } from '../../district-server/district-logger';
import { DistrictServerStartError, shutdownSignal, startDistrictServer } from '../../district-server/district-server';
import { wireDistrict } from '../../district-server/district-wiring';
import { applyPgMigrations, schemaProblem } from '../../district-server/pg-migrations';
import { writeSelfSignedCertificate } from '../../district-server/self-signed-cert';
import type { CliCommand, CliContext } from '../cli-command';
import { CliOperationError, CliUsageError, requireOption } from '../cli-error';
import type { CliIo } from '../cli-io';
import { PROJECT_PATHS } from '../project-paths';

/** `ketenplanner server [run|migrate|cert]` (issue 13, item 2): the district server and its two helpers. */
export const serverCommand: CliCommand = async (args, io, context) => {
  const [first, ...rest] = args;
  if (first === 'migrate') return migrate(rest, io);
  if (first === 'cert') return cert(rest, io, context);
  if (first === 'run') return run(rest, io, context);
  if (first === undefined || first.startsWith('-')) return run(args, io, context);
  throw new CliUsageError(`unknown subcommand "${first}": use run, migrate or cert`);
};

function configSource(args: string[]): ConfigSource {
  const { values } = parseArgs({ args, options: { config: { type: 'string' } }, strict: true });
  return { file: values.config, env: process.env };
}

/** The config's own Dutch message (exit 1), never a stack trace. */
function loadOrRefuse<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof DistrictConfigError) throw new CliOperationError('INVALID_INPUT', error.message);
    throw error;
  }
}

async function run(args: string[], io: CliIo, { clock }: CliContext): Promise<number> {
  const source = configSource(args);
  const config = loadOrRefuse(() => loadServerConfig(source));
  const logger = createDistrictLogger({ clock });
  logger.info({ operation: 'config', config: describeConfig(config) }, 'settings read');
  const staticRoot = fs.existsSync(path.join(PROJECT_PATHS.builtRenderer, 'index.html')) ? PROJECT_PATHS.builtRenderer : null;
  if (!staticRoot) logger.warn({ operation: 'start' }, 'the UI is not built (npm run build): serving the API only');
  let server;
  try {
    server = await startDistrictServer({ config, logger, migrationsFolder: PROJECT_PATHS.pgMigrations, staticRoot, wire: wireDistrict });
  } catch (error) {
    if (error instanceof DistrictServerStartError) throw new CliOperationError('INTERNAL', error.message);
    throw error;
  }
  io.err(`Ketenplanner-server draait op ${server.url} (Ctrl+C of SIGTERM om te stoppen)`);
  await shutdownSignal();
  await server.shutdown();
  return 0;
}

async function migrate(args: string[], io: CliIo): Promise<number> {
  const source = configSource(args);
  const config = loadOrRefuse(() => loadDatabaseConfig(source));
  let result;
  try {
    result = await applyPgMigrations(config.migrationDatabaseUrl, PROJECT_PATHS.pgMigrations);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === 'string' && /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|28P01|28000|3D000)$/.test(code) ? ` (${code})` : '';
    throw new CliOperationError('INTERNAL', `De migratie van ${redactDatabaseUrl(config.migrationDatabaseUrl)} is mislukt${reason}: er is niets veranderd aan wat al was uitgevoerd. Controleer het adres, of PostgreSQL draait en of de rol eigenaar van het schema is.`);
  }
  const refused = schemaProblem(result.after);
  if (refused) {
    io.err(refused);
    return 1;
  }
  io.out(
    result.applied === 0
      ? `De database is al bij: ${result.after.applied} migratie(s) uitgevoerd, niets te doen.`
      : `De database is bijgewerkt: ${result.applied} migratie(s) uitgevoerd, nu ${result.after.applied} in totaal.`,
  );
  return 0;
}

async function cert(args: string[], io: CliIo, { clock }: CliContext): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, host: { type: 'string' }, force: { type: 'boolean' } }, strict: true });
  const folder = path.resolve(requireOption('out', values.out));
  const host = values.host?.trim() || null;
  if (host !== null && !/^[A-Za-z0-9.:-]+$/.test(host)) throw new CliUsageError(`--host must be a host name or IP address, got "${host}"`);
  const existing = ['server.crt', 'server.key'].map((name) => path.join(folder, name)).filter((file) => fs.existsSync(file));
  if (existing.length > 0 && !values.force) throw new CliUsageError(`${existing.join(' and ')} already exist: pick another --out, or overwrite with --force`);
  const written = await writeSelfSignedCertificate({ folder, host, now: clock.now(), overwrite: values.force ?? false });
  io.out(
    [
      `Zelfondertekend certificaat gemaakt (alleen voor lokaal gebruik), geldig tot ${written.validTo}, voor ${written.names.join(', ')}:`,
      `  certificaat: ${written.cert}`,
      `  sleutel:     ${written.key} (alleen leesbaar voor u)`,
      `  SHA-256:     ${written.fingerprint}`,
      `Zet ze in de instellingen: KETENPLANNER_TLS_CERT=${written.cert} KETENPLANNER_TLS_KEY=${written.key}`,
    ].join('\n'),
  );
  return 0;
}
