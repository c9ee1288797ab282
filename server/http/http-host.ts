import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiEnvelope } from '../../shared/api/envelope';
import type { ApiHandler } from '../services/api-handler';
import { addCalendarRoute } from './calendar-route';
import { httpStatusOf } from './http-status';
import { addRendererRoutes } from './renderer-routes';
import { setSecurityHeaders } from './security-headers';

export const LOOPBACK_HOST = '127.0.0.1';
const MAX_REQUEST_BYTES = 20 * 1024 * 1024;

export interface HttpAppOptions {
  handler: ApiHandler;
  /** The per-start secret every API request must present as 'Authorization: Bearer <token>'. */
  token: string;
  /** The built UI (dist/renderer); null serves the API only. */
  staticRoot: string | null;
}

/**
 * Browser mode: the same API as the Electron IPC bridge, over HTTP on the loopback interface.
 * Every request to /api needs the start's secret token and a loopback Host header (against DNS rebinding).
 */
export function createHttpApp(options: HttpAppOptions): Hono {
  const app = new Hono();
  const expectedToken = Buffer.from(options.token);

  app.use('*', async (c, next) => {
    if (!isLoopbackHost(c.req.header('host'))) return c.text('Forbidden host', 403);
    await next();
    setSecurityHeaders(c);
  });

  app.use(
    '/api/*',
    bodyLimit({ maxSize: MAX_REQUEST_BYTES, onError: (c) => envelopeResponse(c, invalid('Request body too large')) }),
  );

  app.post('/api/:operation', async (c) => {
    c.header('Cache-Control', 'no-store');
    if (!hasToken(c.req.header('authorization'), expectedToken)) {
      return envelopeResponse(c, { ok: false, error: { code: 'UNAUTHORIZED', message: 'Missing or wrong access token' } });
    }
    let input: unknown;
    try {
      const text = await c.req.text();
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      return envelopeResponse(c, invalid('Request body is not valid JSON'));
    }
    // The standard Idempotency-Key header (IETF httpapi): the same key again gets the first answer.
    const requestId = c.req.header('idempotency-key') ?? null;
    return envelopeResponse(c, await options.handler(c.req.param('operation'), input, { requestId }));
  });

  app.all('/api/*', (c) =>
    envelopeResponse(c, { ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'Use POST /api/<operation>' } }),
  );

  // Calendar subscriptions (issue 15 item 6): the same token, also as ?token= for calendar clients.
  addCalendarRoute(app, { handler: options.handler, authorized: (token) => token !== undefined && hasToken(`Bearer ${token}`, expectedToken) });

  if (options.staticRoot) addRendererRoutes(app, options.staticRoot);
  return app;
}

export interface RunningHttpHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startHttpHost(options: HttpAppOptions & { port: number }): Promise<RunningHttpHost> {
  const app = createHttpApp(options);
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({ fetch: app.fetch, hostname: LOOPBACK_HOST, port: options.port }, (info: AddressInfo) => {
        resolve({
          url: `http://${LOOPBACK_HOST}:${info.port}/`,
          port: info.port,
          close: () => new Promise<void>((done) => server.close(() => done())),
        });
      });
      server.once('error', reject);
    } catch (error) {
      reject(error);
    }
  });
}

function envelopeResponse(c: Context, envelope: ApiEnvelope<unknown>) {
  return c.json(envelope, httpStatusOf(envelope));
}

function invalid(message: string): ApiEnvelope<never> {
  return { ok: false, error: { code: 'INVALID_INPUT', message } };
}

function hasToken(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d+$/, '');
  return name === LOOPBACK_HOST || name === 'localhost';
}
