import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { generate } from 'selfsigned';

const VALID_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface WrittenCertificate {
  cert: string;
  key: string;
  /** SHA-256 fingerprint, to compare in the browser's certificate dialog. */
  fingerprint: string;
  /** The last day it is valid (YYYY-MM-DD, UTC). */
  validTo: string;
  names: string[];
}

/**
 * A self-signed certificate and its key for trying the district server locally (`ketenplanner server
 * cert`): an ECDSA P-256 key, valid a year from `now`, for `host` and the loopback names. Not for
 * production: there the court's IT brings a certificate its browsers and desktops trust.
 */
export async function writeSelfSignedCertificate(options: { folder: string; host: string | null; now: Date; overwrite: boolean }): Promise<WrittenCertificate> {
  const names = [...new Set([options.host ?? 'localhost', 'localhost', '127.0.0.1', '::1'])];
  const certFile = path.join(options.folder, 'server.crt');
  const keyFile = path.join(options.folder, 'server.key');
  const pems = await generate([{ name: 'commonName', value: names[0]! }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: options.now,
    notAfterDate: new Date(options.now.getTime() + VALID_DAYS * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: names.map((name) => (net.isIP(name) ? { type: 7 as const, ip: name } : { type: 2 as const, value: name })) },
    ],
  });
  fs.mkdirSync(options.folder, { recursive: true });
  const flag = options.overwrite ? 'w' : 'wx';
  // The key first, readable by its owner only; 'wx' refuses to overwrite an existing pair.
  if (options.overwrite) fs.rmSync(keyFile, { force: true });
  fs.writeFileSync(keyFile, pems.private, { mode: 0o600, flag });
  fs.writeFileSync(certFile, pems.cert, { mode: 0o644, flag });
  const x509 = new X509Certificate(pems.cert);
  return { cert: certFile, key: keyFile, fingerprint: x509.fingerprint256, validTo: new Date(x509.validTo).toISOString().slice(0, 10), names };
}
