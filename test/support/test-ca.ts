import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface TestCertificates {
  /** The test CA's certificate (PEM): what a client trusts. */
  caCert: string;
  /** Files of the server's certificate (signed by the CA, for 127.0.0.1 and localhost) and key. */
  certFile: string;
  keyFile: string;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * A test CA and a server certificate it signed, made by the openssl binary in `folder` (issue 13, item 8):
 * ECDSA P-256 keys, valid 30 days from the machine's time (TLS checks validity against it, not a test clock).
 */
export function makeTestCertificates(folder: string): TestCertificates {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '30', '-subj', '/CN=Ketenplanner test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], folder);
  openssl(['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost'], folder);
  fs.writeFileSync(path.join(folder, 'server.ext'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n');
  openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '30', '-extfile', 'server.ext'], folder);
  return { caCert: fs.readFileSync(path.join(folder, 'ca.crt'), 'utf8'), certFile: path.join(folder, 'server.crt'), keyFile: path.join(folder, 'server.key') };
}
