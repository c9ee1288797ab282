import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import tls from 'node:tls';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/run-cli';
import { describeConfig, DistrictConfigError, loadDatabaseConfig, loadServerConfig, type DistrictServerConfig } from '../../server/district-server/district-config';
import { createDistrictLogger } from '../../server/district-server/district-logger';
import { DistrictServerStartError, startDistrictServer, type RunningDistrictServer } from '../../server/district-server/district-server';
import type { DistrictApi } from '../../server/district-server/district-server-app';
import { applyPgMigrations, schemaState } from '../../server/district-server/pg-migrations';
import { fixedClock } from '../../server/services/context/clock';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/content-security-policy';
import { startPostgres, type PostgresServer } from '../support/postgres-server';
import { makeTestCertificates, type TestCertificates } from '../support/test-ca';

/**
 * `ketenplanner server` (issue 13, item 2) with real parts: PostgreSQL started here, a test CA and server
 * certificate made by openssl, real HTTPS requests that trust only that CA, the CLI as users run it.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PG_MIGRATIONS = path.join(ROOT, 'db', 'pg-migrations');
const clock = fixedClock('2026-06-15T07:30:00Z');
const SUSPECT = 'Jansen-Verhoeven';

let postgres: PostgresServer;
let folder: string;
let certs: TestCertificates;
let databases = 0;

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-district-server-'));
  certs = makeTestCertificates(folder);
  postgres = await startPostgres();
}, 60_000);

afterAll(async () => {
  await postgres?.stop();
  fs.rmSync(folder, { recursive: true, force: true });
}, 30_000);

/** A new, empty database on the test server (each test its own: no dependence on order). */
async function freshDatabase(server: PostgresServer = postgres): Promise<string> {
  const name = `district_${++databases}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C.UTF-8'`);
  } finally {
    await admin.end();
  }
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return url.toString();
}

async function migratedDatabase(server?: PostgresServer): Promise<string> {
  const url = await freshDatabase(server);
  await applyPgMigrations(url, PG_MIGRATIONS);
  return url;
}

function serverConfig(databaseUrl: string): DistrictServerConfig {
  return { databaseUrl, migrationDatabaseUrl: databaseUrl, listen: { host: '127.0.0.1', port: 0 }, tls: { cert: certs.certFile, key: certs.keyFile }, shutdownGraceSeconds: 25, oidc: null };
}

/** Log lines written to memory, as parsed JSON and as the raw text. */
function memoryLog() {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { logger: createDistrictLogger({ clock, destination: stream }), text: () => text, lines: () => text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) };
}

interface Person {
  name: string;
}

async function startServer(databaseUrl: string, options: { api?: DistrictApi<Person>; person?: Person | null; staticRoot?: string } = {}) {
  const log = memoryLog();
  const server = await startDistrictServer<Person>({
    config: serverConfig(databaseUrl),
    logger: log.logger,
    migrationsFolder: PG_MIGRATIONS,
    staticRoot: options.staticRoot ?? null,
    wire: () => ({
      authenticate: async () => (options.person === undefined ? { name: 'Coordinator' } : options.person),
      api: options.api ?? (async () => ({ ok: true, value: null })),
    }),
  });
  return { server, log };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function request(server: RunningDistrictServer | string, pathname: string, options: { method?: string; body?: string; headers?: Record<string, string>; ca?: string | null; agent?: https.Agent } = {}): Promise<Answer> {
  const url = new URL(pathname, typeof server === 'string' ? server : server.url);
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: options.method ?? 'GET', headers: options.headers, agent: options.agent ?? false, ...(options.ca === null ? {} : { ca: options.ca ?? certs.caCert }) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = (answer: Answer) => JSON.parse(answer.body) as Record<string, unknown>;

function writeConfig(settings: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(folder, 'config-')), 'ketenplanner.json');
  fs.writeFileSync(file, typeof settings === 'string' ? settings : JSON.stringify(settings));
  return file;
}

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--now', '2026-06-15T09:30:00+02:00'], { out: (line) => out.push(line), err: (line) => err.push(line), readStdin: async () => '' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the settings', () => {
  const configError = (load: () => unknown): string => {
    try {
      load();
    } catch (error) {
      expect(error).toBeInstanceOf(DistrictConfigError);
      return (error as Error).message;
    }
    throw new Error('the settings were accepted');
  };

  it('refuses missing and wrong fields in Dutch, naming each field and where it came from', () => {
    expect(configError(() => loadServerConfig({ env: {} }))).toMatch(/databaseUrl ontbreekt[\s\S]*tls\.cert ontbreekt[\s\S]*tls\.key ontbreekt/);
    const file = writeConfig({ databaseUrl: 'mysql://db/x', tls: { cert: certs.certFile, key: path.join(folder, 'missing.key') }, colour: 'blue' });
    const message = configError(() => loadServerConfig({ file, env: { KETENPLANNER_LISTEN: 'overal' } }));
    expect(message).toContain('databaseUrl (in ketenplanner.json): moet een PostgreSQL-adres zijn');
    expect(message).toContain('tls.key (in ketenplanner.json): dit bestand bestaat niet');
    expect(message).toContain('listen (uit KETENPLANNER_LISTEN): moet host:poort zijn');
    expect(message).toContain('onbekende instelling colour');
    expect(configError(() => loadServerConfig({ env: { KETENPLANNER_SHUTDOWN_GRACE_SECONDS: 'lang' } }))).toContain('shutdownGraceSeconds (uit KETENPLANNER_SHUTDOWN_GRACE_SECONDS): moet een getal zijn');
    expect(configError(() => loadServerConfig({ env: { KETENPLANNER_OIDC_ISSUER: 'http://idp.example' } }))).toMatch(/oidc\.issuer \(uit KETENPLANNER_OIDC_ISSUER\): moet een https-adres zijn[\s\S]*oidc\.clientId: ontbreekt/);
  });

  it('takes the environment over the file, and never repeats a secret', () => {
    const file = writeConfig({ databaseUrl: 'postgres://file@db/district', tls: { cert: certs.certFile, key: certs.keyFile }, listen: '127.0.0.1:9443' });
    const config = loadServerConfig({
      file,
      env: { KETENPLANNER_DATABASE_URL: 'postgres://api:geheim-wachtwoord@db:5432/district', KETENPLANNER_LISTEN: '[::]:8443', KETENPLANNER_OIDC_ISSUER: 'https://idp.example', KETENPLANNER_OIDC_CLIENT_ID: 'ketenplanner', KETENPLANNER_OIDC_CLIENT_SECRET: 'client-geheim', KETENPLANNER_OIDC_REDIRECT_URI: 'https://planner.example/auth/callback', KETENPLANNER_OIDC_DESKTOP_CLIENT_ID: 'ketenplanner-desktop' },
    });
    expect(config.oidc?.desktopClientId).toBe('ketenplanner-desktop');
    expect(config.databaseUrl).toBe('postgres://api:geheim-wachtwoord@db:5432/district');
    expect(config.listen).toEqual({ host: '::', port: 8443 });
    expect(config.oidc?.clientSecret).toBe('client-geheim');
    const shown = JSON.stringify(describeConfig(config));
    expect(shown).toContain('postgres://api:***@db:5432/district');
    expect(shown).not.toContain('geheim');

    const broken = writeConfig('{"databaseUrl": "postgres://api:zeer-geheim@db/x",,}');
    const message = configError(() => loadDatabaseConfig({ file: broken, env: {} }));
    expect(message).toContain('is geen geldige JSON');
    expect(message).not.toContain('zeer-geheim');
  });

  it('the CLI refuses bad settings with the Dutch message and exit code 1', async () => {
    const file = writeConfig({ databaseUrl: 'postgres://api:wachtwoord123@127.0.0.1:1/x' });
    const run = await cli(['server', '--config', file]);
    expect(run.code).toBe(1);
    expect(run.err).toContain('De instellingen van de server kloppen niet');
    expect(run.err).toContain('tls.cert ontbreekt: zet het in het configuratiebestand of in KETENPLANNER_TLS_CERT');
    expect(run.err + run.out).not.toContain('wachtwoord123');
  });
});

describe('ketenplanner server migrate', () => {
  it('brings an empty database up to date, and a second run changes nothing', async () => {
    const url = await freshDatabase();
    const file = writeConfig({ databaseUrl: url });
    const files = fs.readdirSync(PG_MIGRATIONS).filter((name) => name.endsWith('.sql')).length;
    const first = await cli(['server', 'migrate', '--config', file]);
    expect(first).toMatchObject({ code: 0, out: `De database is bijgewerkt: ${files} migratie(s) uitgevoerd, nu ${files} in totaal.` });
    const second = await cli(['server', 'migrate', '--config', file]);
    expect(second).toMatchObject({ code: 0, out: `De database is al bij: ${files} migratie(s) uitgevoerd, niets te doen.` });
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      expect(await schemaState(pool, PG_MIGRATIONS)).toEqual({ state: 'current', applied: files });
    } finally {
      await pool.end();
    }
  });

  it('refuses a database migrated by a newer version, leaving it untouched', async () => {
    const url = await migratedDatabase();
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await pool.query("insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-the-future', 4102444800000)");
      const run = await cli(['server', 'migrate', '--config', writeConfig({ databaseUrl: url })]);
      expect(run.code).toBe(1);
      expect(run.err).toContain('nieuwer dan deze versie van Ketenplanner kent');
      await expect(startDistrictServer({ config: serverConfig(url), logger: memoryLog().logger, migrationsFolder: PG_MIGRATIONS, staticRoot: null, wire: () => ({ authenticate: async () => null, api: async () => ({ ok: true, value: null }) }) })).rejects.toThrow(/nieuwer dan deze versie/);
    } finally {
      await pool.end();
    }
  });

  it('names an unreachable database without its password', async () => {
    const run = await cli(['server', 'migrate', '--config', writeConfig({ databaseUrl: 'postgres://api:wachtwoord123@127.0.0.1:1/district' })]);
    expect(run.code).toBe(1);
    expect(run.err).toContain('De migratie van postgres://api:***@127.0.0.1:1/district is mislukt (ECONNREFUSED)');
    expect(run.err).not.toContain('wachtwoord123');
  });
});

describe('the server over HTTPS', () => {
  it('refuses to start before migrate, telling to run it', async () => {
    const url = await freshDatabase();
    const start = startDistrictServer({ config: serverConfig(url), logger: memoryLog().logger, migrationsFolder: PG_MIGRATIONS, staticRoot: null, wire: () => ({ authenticate: async () => null, api: async () => ({ ok: true, value: null }) }) });
    await expect(start).rejects.toBeInstanceOf(DistrictServerStartError);
    await expect(start).rejects.toThrow('De database heeft nog geen Ketenplanner-schema: voer eerst `ketenplanner server migrate` uit.');
  });

  it('answers /health and /ready over TLS 1.2+, with the security headers, trusting only the test CA', async () => {
    const { server } = await startServer(await migratedDatabase());
    try {
      const health = await request(server, '/health');
      expect(health.status).toBe(200);
      expect(json(health)).toEqual({ status: 'ok' });
      expect(health.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(health.headers['x-content-type-options']).toBe('nosniff');
      expect(health.headers['strict-transport-security']).toBe('max-age=31536000');
      expect(health.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const ready = await request(server, '/ready');
      expect(ready.status).toBe(200);
      expect(json(ready)).toEqual({ ready: true });

      // Without the test CA the certificate is not trusted: the TLS is real.
      await expect(request(server, '/health', { ca: null })).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
      const tls12 = await handshake(server.port, 'TLSv1.2');
      expect(tls12).toBe('TLSv1.2');
    } finally {
      await server.shutdown();
    }
  });

  it('refuses TLS 1.1 (the server answers with a protocol-version alert)', async () => {
    const { server, log } = await startServer(await migratedDatabase());
    try {
      await expect(handshake(server.port, 'TLSv1.1')).rejects.toMatchObject({ code: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION' });
    } finally {
      await server.shutdown();
    }
    expect(log.lines().some((line) => line.operation === 'tls' && line.errorCode === 'ERR_SSL_UNSUPPORTED_PROTOCOL')).toBe(true);
  });

  it('is ready only while the schema is current and PostgreSQL answers', async () => {
    const own = await startPostgres();
    const url = await migratedDatabase(own);
    const { server } = await startServer(url);
    try {
      expect((await request(server, '/ready')).status).toBe(200);
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      const last = (await pool.query<{ id: number; hash: string; created_at: string }>('select id, hash, created_at::text from drizzle.__drizzle_migrations order by created_at desc limit 1')).rows[0]!;
      await pool.query('delete from drizzle.__drizzle_migrations where id = $1', [last.id]);
      const behind = await request(server, '/ready');
      expect(behind.status).toBe(503);
      expect(json(behind)).toEqual({ ready: false, reason: 'Het schema van de database loopt achter (1 migratie(s) niet uitgevoerd): voer eerst `ketenplanner server migrate` uit.' });
      await pool.query('insert into drizzle.__drizzle_migrations (id, hash, created_at) values ($1, $2, $3)', [last.id, last.hash, last.created_at]);
      expect((await request(server, '/ready')).status).toBe(200);
      await pool.end();

      await own.stop();
      const down = await request(server, '/ready');
      expect(down.status).toBe(503);
      expect(json(down)).toEqual({ ready: false, reason: 'De database is niet bereikbaar.' });
      expect((await request(server, '/health')).status).toBe(200);
    } finally {
      await server.shutdown();
      await own.stop().catch(() => undefined);
    }
  });
});

function handshake(port: number, version: 'TLSv1.1' | 'TLSv1.2'): Promise<string> {
  return new Promise((resolve, reject) => {
    // SECLEVEL=0 lets this client offer TLS 1.1 at all (OpenSSL 3 refuses it by default): the refusal must come from the server.
    const socket = tls.connect({ host: '127.0.0.1', port, ca: certs.caCert, minVersion: version, maxVersion: version, ciphers: 'DEFAULT@SECLEVEL=0' }, () => {
      const protocol = socket.getProtocol() ?? '';
      socket.end();
      resolve(protocol);
    });
    socket.on('error', reject);
  });
}

describe('ketenplanner server cert', () => {
  it('writes a self-signed pair (key mode 0600) the server runs with and a client can pin, and never overwrites it unasked', async () => {
    const out = path.join(fs.mkdtempSync(path.join(folder, 'cert-')), 'tls');
    const made = await cli(['server', 'cert', '--out', out, '--host', 'planner.district.example']);
    expect(made.code).toBe(0);
    expect(made.out).toContain('Zelfondertekend certificaat gemaakt (alleen voor lokaal gebruik)');
    expect(made.out).toContain('planner.district.example, localhost, 127.0.0.1, ::1');
    const certFile = path.join(out, 'server.crt');
    const keyFile = path.join(out, 'server.key');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const cert = new X509Certificate(fs.readFileSync(certFile));
    expect(cert.subjectAltName).toBe('DNS:planner.district.example, DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(new Date(cert.validFrom).toISOString()).toBe('2026-06-15T07:30:00.000Z');

    const again = await cli(['server', 'cert', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already exist');

    const log = memoryLog();
    const server = await startDistrictServer({
      config: { ...serverConfig(await migratedDatabase()), tls: { cert: certFile, key: keyFile } },
      logger: log.logger,
      migrationsFolder: PG_MIGRATIONS,
      staticRoot: null,
      wire: () => ({ authenticate: async () => null, api: async () => ({ ok: true, value: null }) }),
    });
    try {
      expect((await request(server, '/health', { ca: fs.readFileSync(certFile, 'utf8') })).status).toBe(200);
    } finally {
      await server.shutdown();
    }
  });
});

describe('the API seam', () => {
  it('answers 401 in Dutch without running the operation when nobody is signed in', async () => {
    let calls = 0;
    const { server } = await startServer(await migratedDatabase(), { person: null, api: async () => (calls++, { ok: true, value: null }) });
    try {
      const answer = await request(server, '/api/cases.list', { method: 'POST', body: '{}' });
      expect(answer.status).toBe(401);
      expect(json(answer)).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: 'U bent niet aangemeld (of uw sessie is verlopen): meld u opnieuw aan.' } });
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(calls).toBe(0);
    } finally {
      await server.shutdown();
    }
  });

  it('hands the operation, input, Idempotency-Key and signed-in person to the API and maps the envelope to a status', async () => {
    const seen: unknown[] = [];
    const api: DistrictApi<Person> = async (req) => {
      seen.push({ operation: req.operation, input: req.input, requestId: req.requestId, person: req.person });
      return { ok: false, error: { code: 'NOT_FOUND', message: 'Zaak 7 bestaat niet.' } };
    };
    const { server } = await startServer(await migratedDatabase(), { api, person: { name: 'Officier' } });
    try {
      const answer = await request(server, '/api/cases.get', { method: 'POST', body: '{"caseId":7}', headers: { 'idempotency-key': 'req-1' } });
      expect(answer.status).toBe(404);
      expect(json(answer)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Zaak 7 bestaat niet.' } });
      expect(seen).toEqual([{ operation: 'cases.get', input: { caseId: 7 }, requestId: 'req-1', person: { name: 'Officier' } }]);
      const notJson = await request(server, '/api/cases.get', { method: 'POST', body: '{nope' });
      expect(notJson.status).toBe(400);
      expect((await request(server, '/api/cases.get')).status).toBe(404);
    } finally {
      await server.shutdown();
    }
  });
});

describe('the log', () => {
  it('has one JSON line per request with id, operation, status and duration, and no personal data', async () => {
    const staticRoot = fs.mkdtempSync(path.join(folder, 'ui-'));
    fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>Ketenplanner</title>');
    const api: DistrictApi<Person> = async (req) => {
      if (req.operation === 'cases.updateDetails') throw new Error(`cannot update ${SUSPECT}`);
      if (req.operation === 'cases.create') return { ok: true, value: { name: SUSPECT } };
      return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `Onbekende handeling ${req.operation}` } };
    };
    const { server, log } = await startServer(await migratedDatabase(), { api, staticRoot, person: { name: `Mr. ${SUSPECT}` } });
    try {
      const body = JSON.stringify({ lastName: SUSPECT, firstNames: 'Pieter', birthDate: '1990-01-01' });
      const created = await request(server, `/api/cases.create?naam=${SUSPECT}`, { method: 'POST', body, headers: { 'x-suspect': SUSPECT, 'idempotency-key': 'req-2' } });
      expect(created.status).toBe(200);
      expect(created.body).toContain(SUSPECT);
      const failed = await request(server, '/api/cases.updateDetails', { method: 'POST', body });
      expect(failed.status).toBe(500);
      expect(json(failed)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(failed.body).not.toContain(SUSPECT);
      expect((await request(server, `/api/${SUSPECT}`, { method: 'POST', body })).status).toBe(404);
      const page = await request(server, `/zaken/${SUSPECT}`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>Ketenplanner</title>');
    } finally {
      await server.shutdown();
    }
    expect(log.text()).not.toContain(SUSPECT);
    expect(log.text()).not.toContain('Pieter');
    expect(log.text()).not.toContain('1990-01-01');
    const requests = log.lines().filter((line) => line.msg === 'request');
    expect(requests.map((line) => [line.operation, line.method, line.status])).toEqual([
      ['cases.create', 'POST', 200],
      ['cases.updateDetails', 'POST', 500],
      ['api.unknown', 'POST', 404],
      ['ui', 'GET', 200],
    ]);
    for (const line of requests) {
      expect(line).toMatchObject({ level: 30, time: '2026-06-15T07:30:00.000Z', service: 'ketenplanner-server', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(typeof line.durationMs).toBe('number');
    }
    expect(log.lines().find((line) => line.msg === 'request failed')).toMatchObject({ operation: 'cases.updateDetails', errorName: 'Error' });
  });
});

describe('graceful shutdown', () => {
  it('on SIGTERM stops accepting connections, finishes the running request, closes the pool and exits 0', async () => {
    const url = await migratedDatabase();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'support', 'district-server-process.ts')], {
      cwd: ROOT,
      env: { ...process.env, KETENPLANNER_DATABASE_URL: url, KETENPLANNER_TLS_CERT: certs.certFile, KETENPLANNER_TLS_KEY: certs.keyFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const waitFor = (read: () => string, pattern: RegExp) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(read());
          if (match) resolve(match);
        };
        child.stdout.on('data', check);
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          check();
        });
        void exited.then(() => reject(new Error(`the server process ended early:\n${stderr}\n${stdout}`)));
        check();
      });
    try {
      const serverUrl = (await waitFor(() => stderr, /listening (https:\/\/\S+)/))[1]!;
      // A browser keeps its connection open: the server must close it once the answer is sent.
      const agent = new https.Agent({ keepAlive: true, ca: certs.caCert });
      const slow = request(serverUrl, '/api/slow', { method: 'POST', body: '{}', agent });
      await waitFor(() => stderr, /slow request running/);
      child.kill('SIGTERM');
      await waitFor(() => stdout, /shutdown started/);
      await expect(request(serverUrl, '/health')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      const answer = await slow;
      expect(answer.status).toBe(200);
      expect(json(answer)).toEqual({ ok: true, value: 'finished' });
      expect(answer.headers.connection).toBe('close');
      agent.destroy();
      expect(await exited).toBe(0);
      const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.map((line) => line.msg)).toEqual(['server started', 'shutdown started: no new connections', 'request', 'server stopped']);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
