import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import pg from 'pg';
import type { DistrictServerConfig } from './district-config';
import { errorFields, type DistrictLogger } from './district-logger';
import { createDistrictServerApp, type DistrictApi, type DistrictEnv, type Readiness } from './district-server-app';
import { schemaProblem, schemaState } from './pg-migrations';
import { createDistrictPool } from '../pg/postgres-district-database';
import type { Clock } from '../services/context/clock';

const READY_TIMEOUT_MS = 2_000;
const POOL_SIZE = 20;
/** How long a request may wait for a free connection when all are busy (the readiness check has its own, shorter limit). */
const CONNECTION_WAIT_MS = 15_000;

/** What the operations and the sign-in get to work with, made by the server at its start. */
export interface DistrictResources {
  pool: pg.Pool;
  logger: DistrictLogger;
  config: DistrictServerConfig;
  /** The operations' and the sessions' clock; absent: the system clock (tests pin it to the demo's day). */
  clock?: Clock;
}

/** The operations and the session check, wired to the server's pool (the seam for the async handlers and server/auth/). */
/** How long the server keeps an idle connection open (longer than any client's own idle timeout). */
const KEEP_ALIVE_MS = 65_000;

export interface DistrictWiring<Person> {
  api: DistrictApi<Person>;
  authenticate: (request: Request) => Promise<Person | null>;
  routes?: (app: Hono<DistrictEnv>) => void;
  /** Called after the pool is closed, at shutdown. */
  close?: () => Promise<void>;
}

export interface DistrictServerOptions<Person> {
  config: DistrictServerConfig;
  logger: DistrictLogger;
  migrationsFolder: string;
  staticRoot: string | null;
  /** Handed to `wire` (DistrictResources.clock); absent: the system clock. */
  clock?: Clock;
  wire: (resources: DistrictResources) => DistrictWiring<Person> | Promise<DistrictWiring<Person>>;
}

export interface RunningDistrictServer {
  /** https://host:port/ as bound (port 0 in the config: the port the system chose). */
  url: string;
  port: number;
  /**
   * Graceful shutdown: stops accepting connections, lets running requests finish (at most the grace
   * period, then drops what is left), closes the PostgreSQL pool. Calling it again returns the same promise.
   */
  shutdown(): Promise<void>;
}

/** The server will not start; the message (Dutch) says why and what to do. */
export class DistrictServerStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DistrictServerStartError';
  }
}

/** PostgreSQL answers and the schema is current; else why not (Dutch, no internals: /ready is public). */
async function checkDatabase(pool: pg.Pool, migrationsFolder: string, logger: DistrictLogger): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('readiness check timed out'), { code: 'TIMEOUT' })), READY_TIMEOUT_MS);
  });
  try {
    const state = await Promise.race([schemaState(pool, migrationsFolder), timeout]);
    const problem = schemaProblem(state);
    return problem ? { ready: false, reason: problem } : { ready: true };
  } catch (error) {
    logger.warn({ operation: 'ready', ...errorFields(error) }, 'database not reachable');
    return { ready: false, reason: 'De database is niet bereikbaar.' };
  } finally {
    clearTimeout(timer);
  }
}

function readTlsFile(file: string, field: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    throw new DistrictServerStartError(`${field}: het bestand ${file} kan niet gelezen worden (mag de server het lezen?).`);
  }
}

/**
 * Starts `ketenplanner server`: checks that PostgreSQL answers and its schema matches this version
 * (else refuses, telling to run `ketenplanner server migrate`), then serves HTTPS only, TLS 1.2 or newer.
 */
export async function startDistrictServer<Person>(options: DistrictServerOptions<Person>): Promise<RunningDistrictServer> {
  const { config, logger, migrationsFolder } = options;
  const cert = readTlsFile(config.tls.cert, 'tls.cert');
  const key = readTlsFile(config.tls.key, 'tls.key');

  const pool = createDistrictPool({ connectionString: config.databaseUrl, max: POOL_SIZE, connectionTimeoutMillis: CONNECTION_WAIT_MS, application_name: 'ketenplanner-server' });
  // An idle connection that breaks (PostgreSQL restarted) must not end the process: the next query reconnects.
  pool.on('error', (error) => logger.warn({ operation: 'pool', ...errorFields(error) }, 'idle database connection lost'));

  const initial = await checkDatabase(pool, migrationsFolder, logger);
  if (!initial.ready) {
    await pool.end();
    throw new DistrictServerStartError(initial.reason === 'De database is niet bereikbaar.' ? 'De database is niet bereikbaar: controleer databaseUrl en of PostgreSQL draait.' : initial.reason);
  }

  let wiring: DistrictWiring<Person>;
  try {
    wiring = await options.wire({ pool, logger, config, ...(options.clock ? { clock: options.clock } : {}) });
  } catch (error) {
    await pool.end();
    throw error;
  }
  let stopping = false;
  // Operations still running when their client went away (a closed desktop, a cut network) finish before
  // the pool closes at shutdown: a write already under way is done, not cut off.
  const running = new Set<Promise<unknown>>();
  const api: DistrictWiring<Person>['api'] = (request) => {
    const answer = wiring.api(request);
    running.add(answer);
    void answer.finally(() => running.delete(answer)).catch(() => undefined);
    return answer;
  };
  const app = createDistrictServerApp<Person>({
    api,
    authenticate: wiring.authenticate,
    ...(wiring.routes ? { routes: wiring.routes } : {}),
    readiness: async () => (stopping ? { ready: false, reason: 'De server wordt afgesloten.' } : checkDatabase(pool, migrationsFolder, logger)),
    stopping: () => stopping,
    logger,
    staticRoot: options.staticRoot,
  });

  const server = await new Promise<https.Server>((resolve, reject) => {
    let created: https.Server;
    try {
      created = serve(
        {
          fetch: app.fetch,
          createServer: https.createServer,
          serverOptions: { cert, key, minVersion: 'TLSv1.2' },
          hostname: config.listen.host,
          port: config.listen.port,
        },
        () => resolve(created),
      ) as https.Server;
      created.once('error', reject);
    } catch (error) {
      reject(error instanceof Error && /key|cert|PEM/i.test(error.message) ? new DistrictServerStartError('tls.cert / tls.key: het certificaat of de sleutel is ongeldig, of ze horen niet bij elkaar.') : error);
    }
  }).catch(async (error: unknown) => {
    await pool.end();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new DistrictServerStartError(`listen: poort ${config.listen.port} op ${config.listen.host} is al in gebruik.`);
    if ((error as NodeJS.ErrnoException).code === 'EACCES') throw new DistrictServerStartError(`listen: de server mag poort ${config.listen.port} niet gebruiken (kies een poort boven 1024, of geef de server dat recht).`);
    throw error;
  });
  // Idle keep-alive connections are closed by the client first (undici and node's agent wait 4-5 s), never by the
  // server just as a client reuses one: that race loses a request with ECONNRESET.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  // A TLS handshake that fails (an old client, a port scan) is no failure of the server: logged, not thrown.
  server.on('tlsClientError', (error) => logger.info({ operation: 'tls', ...errorFields(error) }, 'tls handshake refused'));

  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  logger.info({ operation: 'start', port: address.port }, 'server started');

  let shutdown: Promise<void> | null = null;
  const graceMs = config.shutdownGraceSeconds * 1000;
  return {
    url: `https://${host}:${address.port}/`,
    port: address.port,
    shutdown() {
      shutdown ??= (async () => {
        stopping = true;
        const deadline = performance.now() + graceMs;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            logger.warn({ operation: 'shutdown' }, 'grace period over: closing the remaining connections');
            server.closeAllConnections();
          }, graceMs);
          // close() stops listening at once, closes idle keep-alive connections, and calls back when the last one ends.
          server.close(() => {
            clearTimeout(timer);
            resolve();
          });
          logger.info({ operation: 'shutdown', graceSeconds: config.shutdownGraceSeconds }, 'shutdown started: no new connections');
        });
        if (running.size > 0) {
          const left = Math.max(0, deadline - performance.now());
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([Promise.allSettled([...running]), new Promise((resolve) => (timer = setTimeout(resolve, left)))]);
          clearTimeout(timer);
        }
        await pool.end();
        await wiring.close?.();
        logger.info({ operation: 'shutdown' }, 'server stopped');
      })();
      return shutdown;
    },
  };
}

/** Resolves at the first SIGTERM or SIGINT (systemd stop, Ctrl+C). */
export function shutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', on);
      process.off('SIGINT', on);
      resolve(signal);
    };
    process.on('SIGTERM', on);
    process.on('SIGINT', on);
  });
}
