import { createTestApi } from '../support/test-api';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpHost, type RunningHttpHost } from '../../server/http/http-host';
import type { OpenedDatabase } from '../../db/open-database';
import { openDemoDatabase } from '../support/demo-database';
import os from 'node:os';

const TOKEN = 'test-token-0123456789abcdef';
let host: RunningHttpHost;
let database: OpenedDatabase;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-http-'));
  const staticRoot = path.join(dir, 'ui');
  fs.mkdirSync(staticRoot);
  fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>Ketenplanner</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'must never be served');
  database = await openDemoDatabase(dir);
  const handler = createTestApi(database, { actor: 'test', today: () => '2026-06-15' });
  host = await startHttpHost({ handler, token: TOKEN, staticRoot, port: 0 });
});

afterAll(async () => {
  await host.close();
  database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const api = (operation: string, body: string, headers: Record<string, string> = { Authorization: `Bearer ${TOKEN}` }) =>
  fetch(`${host.url}api/${operation}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('the browser-mode HTTP host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('answers a valid request with the envelope', async () => {
    const response = await api('sessions.week', JSON.stringify({ weekStart: '2026-06-15' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { ok: boolean; value: { totals: { sessions: number } } };
    expect(body.ok).toBe(true);
    expect(body.value.totals.sessions).toBeGreaterThan(0);
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { Authorization: 'Bearer wrong-token-0123456789abcd' }],
    ['a token of another length', { Authorization: 'Bearer x' }],
    ['another scheme', { Authorization: `Basic ${TOKEN}` }],
  ])('refuses %s with 401 UNAUTHORIZED', async (_label, headers) => {
    const response = await api('district.get', '{}', headers);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it.each([
    ['malformed JSON', 'sessions.week', '{"weekStart": ', 400, 'INVALID_INPUT'],
    ['a wrong field type', 'sessions.week', '{"weekStart": 5}', 400, 'INVALID_INPUT'],
    ['an unknown operation', 'cases.purge', '{}', 404, 'UNKNOWN_OPERATION'],
    ['a conflicting create', 'demo.load', '{}', 409, 'CONFLICT'],
  ])('answers %s with a clear code, never a crash', async (_label, operation, body, status, code) => {
    const response = await api(operation, body);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses a request with a foreign Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${host.url}api/district.get`, { method: 'POST', headers: { Host: 'evil.example', Authorization: `Bearer ${TOKEN}` } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('serves the UI with the CSP', async () => {
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  // Raw request paths: fetch() would normalise '../' away before sending and so test nothing.
  it.each(['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/assets/../../secret.txt', '//secret.txt'])(
    'never serves a file outside the UI folder for the raw path %s',
    async (rawPath) => {
      const { request } = await import('node:http');
      const body = await new Promise<string>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: host.port, path: rawPath, method: 'GET' }, (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve(text));
        });
        req.on('error', reject);
        req.end();
      });
      expect(body).not.toContain('must never be served');
    },
  );

  it('keeps answering after bad requests', async () => {
    await api('sessions.week', 'garbage');
    const response = await api('district.get', '{}');
    expect(response.status).toBe(200);
  });
});
