import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isOperationName } from '../../shared/api/contract';
import type { ApiEnvelope } from '../../shared/api/envelope';
import { httpStatusOf } from '../http/http-status';
import { addRendererRoutes } from '../http/renderer-routes';
import { setSecurityHeaders } from '../http/security-headers';
import { errorFields, type DistrictLogger } from './district-logger';

const MAX_REQUEST_BYTES = 20 * 1024 * 1024;
const HSTS = 'max-age=31536000';

export const NOT_SIGNED_IN = 'U bent niet aangemeld (of uw sessie is verlopen): meld u opnieuw aan.';
const INTERNAL = 'Er ging iets mis op de server. Probeer het opnieuw; blijft het misgaan, geef dan het aanvraagnummer door aan de beheerder:';

/** One API request as the district server hands it to the operations. */
export interface DistrictApiRequest<Person> {
  operation: string;
  input: unknown;
  /** The caller's Idempotency-Key header (one per user action), else null. */
  requestId: string | null;
  /** The signed-in person, as `authenticate` returned it. */
  person: Person;
  /** This HTTP request's own id (in the log and the X-Request-Id header). */
  logId: string;
}

/** The operations behind POST /api/<operation>; always answers with an envelope. */
export type DistrictApi<Person> = (request: DistrictApiRequest<Person>) => Promise<ApiEnvelope<unknown>>;

export type Readiness = { ready: true } | { ready: false; reason: string };

export interface DistrictAppOptions<Person> {
  api: DistrictApi<Person>;
  /**
   * Who sends this request (the session check of server/auth/), or null: then /api answers 401 with a
   * Dutch envelope and the operation does not run.
   */
  authenticate: (request: Request) => Promise<Person | null>;
  /** GET /ready: PostgreSQL reachable and the schema current. */
  readiness: () => Promise<Readiness>;
  logger: DistrictLogger;
  /** The built UI (dist/renderer); null serves no UI. */
  staticRoot: string | null;
  /** True once shutdown began: answers then close their connection (no keep-alive to wait for). */
  stopping?: () => boolean;
  /** More routes (sign-in, sign-out, the identity provider's callback), added before the UI's. */
  routes?: (app: Hono<DistrictEnv>) => void;
}

export interface DistrictEnv {
  Variables: {
    /** This request's id (a random UUID): in the log line and the X-Request-Id header. */
    logId: string;
    /** What the log line names this request by: an operation of the contract or a fixed label, never a URL. */
    operation: string;
  };
}

/**
 * The district server's HTTP application (issue 13, item 2): the API under /api, health and readiness,
 * the UI, every answer with the same security headers as browser mode and HSTS, one log line per request.
 */
export function createDistrictServerApp<Person>(options: DistrictAppOptions<Person>): Hono<DistrictEnv> {
  const { logger } = options;
  const app = new Hono<DistrictEnv>();

  app.use('*', async (c, next) => {
    const logId = randomUUID();
    const started = performance.now();
    c.set('logId', logId);
    c.set('operation', 'ui');
    await next();
    setSecurityHeaders(c);
    c.header('Strict-Transport-Security', HSTS);
    c.header('X-Request-Id', logId);
    if (options.stopping?.()) c.header('Connection', 'close');
    logger.info(
      { requestId: logId, operation: c.get('operation'), method: c.req.method, status: c.res.status, durationMs: Math.round((performance.now() - started) * 10) / 10 },
      'request',
    );
  });

  app.onError((error, c) => {
    logger.error({ requestId: c.get('logId'), operation: c.get('operation'), ...errorFields(error) }, 'request failed');
    return envelopeResponse(c, { ok: false, error: { code: 'INTERNAL', message: `${INTERNAL} ${c.get('logId')}` } });
  });

  app.get('/health', (c) => {
    c.set('operation', 'health');
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' });
  });

  app.get('/ready', async (c) => {
    c.set('operation', 'ready');
    c.header('Cache-Control', 'no-store');
    const readiness = await options.readiness();
    return c.json(readiness, readiness.ready ? 200 : 503);
  });

  app.use(
    '/api/*',
    bodyLimit({ maxSize: MAX_REQUEST_BYTES, onError: (c) => envelopeResponse(c, invalid('De aanvraag is te groot.')) }),
  );

  app.post('/api/:operation', async (c) => {
    const operation = c.req.param('operation');
    c.set('operation', isOperationName(operation) ? operation : 'api.unknown');
    c.header('Cache-Control', 'no-store');
    const person = await options.authenticate(c.req.raw);
    if (person === null) return envelopeResponse(c, { ok: false, error: { code: 'UNAUTHORIZED', message: NOT_SIGNED_IN } });
    let input: unknown;
    try {
      const text = await c.req.text();
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      return envelopeResponse(c, invalid('De aanvraag is geen geldige JSON.'));
    }
    const requestId = c.req.header('idempotency-key') ?? null;
    return envelopeResponse(c, await options.api({ operation, input, requestId, person, logId: c.get('logId') }));
  });

  app.all('/api/*', (c) => {
    c.set('operation', 'api.unknown');
    return envelopeResponse(c, { ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'Gebruik POST /api/<handeling>.' } });
  });

  options.routes?.(app);
  if (options.staticRoot) addRendererRoutes(app, options.staticRoot);
  return app;
}

function envelopeResponse(c: Context, envelope: ApiEnvelope<unknown>) {
  return c.json(envelope, httpStatusOf(envelope));
}

function invalid(message: string): ApiEnvelope<never> {
  return { ok: false, error: { code: 'INVALID_INPUT', message } };
}
