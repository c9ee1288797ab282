import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { describeConfig, DistrictConfigError, loadDatabaseConfig, loadServerConfig, redactDatabaseUrl, type ConfigSource } from '../../district-server/district-config';
import { createDistrictLogger } from '../../district-server/district-logger';
import { DistrictServerStartError, shutdownSignal, startDistrictServer } from '../../district-server/district-server';
import type { wireDistrict } from '../../district-server/district-wiring';
import { applyPgMigrations, schemaProblem, schemaState } from '../../district-server/pg-migrations';
import { writeSelfSignedCertificate } from '../../district-server/self-signed-cert';
import { openDatabase } from '../../../db/open-database';
import { readMigrationsState } from '../../../db/migrations-state';
import { copySqliteToPostgres, CopyRefusal, type CopyReport } from '../../pg/copy-sqlite-to-postgres';
import { createDistrictPool } from '../../pg/postgres-district-database';
import type { CliCommand, CliContext } from '../cli-command';
import { CliOperationError, CliUsageError, requireOption } from '../cli-error';
import type { CliIo } from '../cli-io';
import { PROJECT_PATHS } from '../project-paths';

/** `ketenplanner server [run|migrate|import|cert]` (issue 13, items 2 and 7): the district server and its helpers. */
export const serverCommand: CliCommand = async (args, io, context) => {
  const [first, ...rest] = args;
  if (first === 'migrate') return migrate(rest, io);
  if (first === 'cert') return cert(rest, io, context);
  if (first === 'import') return importDistrict(rest, io, context);
  if (first === 'run') return run(rest, io, context);
  if (first === undefined || first.startsWith('-')) return run(args, io, context);
  throw new CliUsageError(`unknown subcommand "${first}": use run, migrate, import or cert`);
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

/**
 * The operations as the server runs them: the bundle whose services use PostgreSQL's table modules
 * (vite.server.config.ts). The CLI's own bundle keeps SQLite's, for the standalone commands.
 */
async function loadWiring(): Promise<typeof wireDistrict> {
  if (!fs.existsSync(PROJECT_PATHS.serverWiring)) {
    throw new CliOperationError('INTERNAL', `De handelingen van de server zijn niet gebouwd (${PROJECT_PATHS.serverWiring} ontbreekt): voer eerst 'npm run build' uit.`);
  }
  const bundle = (await import(pathToFileURL(PROJECT_PATHS.serverWiring).href)) as { wireDistrict: typeof wireDistrict };
  return bundle.wireDistrict;
}

async function run(args: string[], io: CliIo, { clock }: CliContext): Promise<number> {
  const source = configSource(args);
  const config = loadOrRefuse(() => loadServerConfig(source));
  const logger = createDistrictLogger({ clock });
  logger.info({ operation: 'config', config: describeConfig(config) }, 'settings read');
  const staticRoot = fs.existsSync(path.join(PROJECT_PATHS.builtRenderer, 'index.html')) ? PROJECT_PATHS.builtRenderer : null;
  if (!staticRoot) logger.warn({ operation: 'start' }, 'the UI is not built (npm run build): serving the API only');
  const wire = await loadWiring();
  let server;
  try {
    server = await startDistrictServer({ config, logger, migrationsFolder: PROJECT_PATHS.pgMigrations, staticRoot, wire });
  } catch (error) {
    // By name: the wiring bundle carries its own copy of the class.
    if (error instanceof DistrictServerStartError || (error instanceof Error && error.name === 'DistrictServerStartError')) throw new CliOperationError('INTERNAL', error.message);
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

/** The reasons PostgreSQL cannot be reached that are worth naming (never the address's password). */
function connectionReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|28P01|28000|3D000)$/.test(code) ? ` (${code})` : '';
}

/**
 * `server import --from FILE` (issue 13, item 7): a standalone district file onto an empty, migrated
 * server database, as the schema's owner (migrationDatabaseUrl). The file is opened read-only through the
 * app's own checks (quick_check; a file of a newer version refused) and must be at this version's schema;
 * the copy runs in one transaction, so a refusal or failure leaves the server's database as it was.
 */
async function importDistrict(args: string[], io: CliIo, { clock }: CliContext): Promise<number> {
  const { values } = parseArgs({ args, options: { from: { type: 'string' }, config: { type: 'string' } }, strict: true });
  const file = path.resolve(requireOption('from', values.from));
  if (!fs.existsSync(file)) throw new CliUsageError(`${file} does not exist: give the district's database file (--from)`);
  const config = loadOrRefuse(() => loadDatabaseConfig({ file: values.config, env: process.env }));
  // Read-only: quick_check and the file's migrations; a damaged file or one of a newer version is refused (DatabaseOpenError, Dutch).
  const opened = await openDatabase(file, { migrationsFolder: PROJECT_PATHS.migrations, readonly: true, now: () => clock.now() });
  const pool = createDistrictPool({ connectionString: config.migrationDatabaseUrl, max: 1, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => undefined);
  try {
    const state = readMigrationsState(opened.sqlite, PROJECT_PATHS.migrations);
    if (state.pending > 0) {
      throw new CliOperationError(
        'INVALID_INPUT',
        `Het bestand ${file} heeft een ouder schema (${state.pending} migratie(s) niet uitgevoerd): open het eerst één keer met deze versie van de Ketenplanner-app, die het na een reservekopie bijwerkt. Er is niets overgezet.`,
      );
    }
    if (!opened.sqlite.prepare('select 1 from district limit 1').get()) throw new CliOperationError('INVALID_INPUT', `Het bestand ${file} bevat nog geen arrondissement. Er is niets overgezet.`);
    let client;
    try {
      client = await pool.connect();
    } catch (error) {
      throw new CliOperationError('INTERNAL', `Kan geen verbinding maken met ${redactDatabaseUrl(config.migrationDatabaseUrl)}${connectionReason(error)}. Er is niets overgezet. Controleer het adres en of PostgreSQL draait.`);
    }
    let report: CopyReport;
    try {
      const refused = schemaProblem(await schemaState(client, PROJECT_PATHS.pgMigrations));
      if (refused) throw new CliOperationError('INVALID_INPUT', `${refused} Er is niets overgezet.`);
      report = await copySqliteToPostgres(opened.sqlite, client);
    } catch (error) {
      if (error instanceof CopyRefusal) throw new CliOperationError('INVALID_INPUT', error.message);
      throw error;
    } finally {
      client.release();
    }
    const width = Math.max(...report.tables.map((t) => t.table.length), 'tabel'.length);
    io.out(`Overgezet van ${file} naar ${redactDatabaseUrl(config.migrationDatabaseUrl)}, gecontroleerd per tabel (aantal rijen en SHA-256):`);
    io.out(`  ${'tabel'.padEnd(width)}  ${'rijen'.padStart(8)}  controlegetal`);
    for (const table of report.tables) io.out(`  ${table.table.padEnd(width)}  ${String(table.rows).padStart(8)}  ${table.checksum.slice(0, 12)}`);
    io.out(`Totaal: ${report.totalRows} rijen in ${report.tables.length} tabellen.`);
    return 0;
  } finally {
    opened.close();
    await pool.end();
  }
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
