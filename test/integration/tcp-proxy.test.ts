import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCertificates, type TestCertificates } from '../support/test-ca';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

// The TCP proxy the offline tests cut the network with (issue 14): a real HTTPS server behind it, real
// TLS through it, a request in flight when the cut comes, refusal while cut, the same port afterwards.
let folder: string;
let certs: TestCertificates;
let server: https.Server;
let proxy: TcpProxy;
/** Requests for /slow: their answers are held until released. */
const held: Array<() => void> = [];

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-tcp-proxy-'));
  certs = makeTestCertificates(folder);
  server = https.createServer({ cert: fs.readFileSync(certs.certFile), key: fs.readFileSync(certs.keyFile) }, (request, response) => {
    if (request.url === '/slow') {
      // The head and a first part now, the rest only when released: the answer is in flight.
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.write('begin;');
      held.push(() => response.end('end'));
      return;
    }
    response.end('hallo');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy = await startTcpProxy({ host: '127.0.0.1', port: (server.address() as AddressInfo).port });
});

afterAll(async () => {
  for (const release of held.splice(0)) release();
  await proxy.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(folder, { recursive: true, force: true });
});

interface Outcome {
  status?: number;
  body?: string;
  /** The failure's code: ECONNREFUSED, ECONNRESET, or 'aborted' when the answer broke off. */
  error?: string;
}

/** One GET through the proxy, trusting the test CA; `onHead` runs once the head has arrived. */
function get(pathname: string, onHead?: () => void): Promise<Outcome> {
  return new Promise((resolve) => {
    let answer: Outcome = {};
    const fail = (error: NodeJS.ErrnoException | string) => resolve({ ...answer, error: typeof error === 'string' ? error : (error.code ?? error.message) });
    const request = https.get({ host: '127.0.0.1', port: proxy.port, path: pathname, ca: certs.caCert, agent: false }, (response) => {
      answer = { status: response.statusCode!, body: '' };
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        answer.body += chunk;
      });
      response.on('end', () => resolve(answer));
      response.on('aborted', () => fail('aborted'));
      response.on('error', fail);
      onHead?.();
    });
    request.on('error', fail);
  });
}

describe('the TCP proxy in front of a real HTTPS server', () => {
  it('passes TLS through: the server\'s certificate, checked against the CA, and its answer', async () => {
    expect(await get('/')).toEqual({ status: 200, body: 'hallo' });
    expect(proxy.running).toBe(true);
  });

  it('cuts an answer in flight, refuses new connections while stopped, and listens on the same port after start()', async () => {
    const port = proxy.port;
    const before = proxy.connections;
    let inFlight!: Promise<Outcome>;
    await new Promise<void>((headArrived) => {
      inFlight = get('/slow', headArrived);
    });
    expect(proxy.open).toBe(1);
    await proxy.stop();
    expect(proxy.running).toBe(false);
    expect(proxy.open).toBe(0);
    const cut = await inFlight;
    expect(cut.status).toBe(200);
    expect(cut.body).not.toContain('end');
    expect(['aborted', 'ECONNRESET']).toContain(cut.error);
    // Released after the cut: the rest never arrives.
    held.splice(0).forEach((release) => release());

    expect(await get('/')).toEqual({ error: 'ECONNREFUSED' });
    await proxy.stop(); // twice: nothing more to do

    await proxy.start();
    expect(proxy.running).toBe(true);
    expect(proxy.port).toBe(port);
    expect(await get('/')).toEqual({ status: 200, body: 'hallo' });
    expect(proxy.connections).toBe(before + 2);
  });

  it('refuses for good after close()', async () => {
    const spare = await startTcpProxy({ host: '127.0.0.1', port: (server.address() as AddressInfo).port });
    await spare.close();
    await expect(spare.start()).rejects.toThrow('The proxy is closed');
  });
});
