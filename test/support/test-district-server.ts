import { createDistrictLogger } from '../../server/district-server/district-logger';
import { startDistrictServer, type RunningDistrictServer } from '../../server/district-server/district-server';
import type { wireDistrict as WireDistrict } from '../../server/district-server/district-wiring';
import type { Clock } from '../../server/services/context/clock';
import { startTestIdentityProvider, type TestIdentityProvider } from './test-identity-provider';
import { freePort } from './trusting-fetch';

export interface TestDistrictServer {
  server: RunningDistrictServer;
  idp: TestIdentityProvider;
  /** https://127.0.0.1:<port> */
  origin: string;
  port: number;
}

/**
 * The district server on a free local port, built from the wiring bundle, over TLS with the test CA's pair,
 * with the test identity provider (users of every role, the desktop client) and a silent log. The API
 * connects as ketenplanner_api; migrations run as the owner in `postgresUrl`.
 */
export async function startTestDistrictServer(options: {
  postgresUrl: string;
  certs: { certFile: string; keyFile: string };
  clock: Clock;
  wiringBundle: string;
  migrationsFolder: string;
}): Promise<TestDistrictServer> {
  const port = await freePort();
  const origin = `https://127.0.0.1:${port}`;
  const idp = await startTestIdentityProvider({ serverRedirectUri: `${origin}/auth/callback`, serverPostLogoutRedirectUri: `${origin}/`, apiResource: `${origin}/api` });
  try {
    const { wireDistrict } = (await import(options.wiringBundle)) as { wireDistrict: typeof WireDistrict };
    const server = await startDistrictServer({
      config: testDistrictServerConfig({ port, postgresUrl: options.postgresUrl, certs: options.certs, idp }),
      logger: createDistrictLogger({ clock: options.clock, level: 'silent' }),
      migrationsFolder: options.migrationsFolder,
      staticRoot: null,
      clock: options.clock,
      wire: wireDistrict,
    });
    return { server, idp, origin, port };
  } catch (error) {
    await idp.close();
    throw error;
  }
}

/**
 * The district server's configuration for a test (or bench) server on 127.0.0.1:`port`: the API connecting
 * as ketenplanner_api, migrations as the owner in `postgresUrl`, TLS with `certs`, sign-in through `idp`.
 */
export function testDistrictServerConfig(options: { port: number; postgresUrl: string; certs: { certFile: string; keyFile: string }; idp: TestIdentityProvider }) {
  const { port, postgresUrl, certs, idp } = options;
  const origin = `https://127.0.0.1:${port}`;
  const apiUrl = new URL(postgresUrl);
  apiUrl.username = 'ketenplanner_api';
  return {
    databaseUrl: apiUrl.toString(),
    migrationDatabaseUrl: postgresUrl,
    listen: { host: '127.0.0.1', port },
    tls: { cert: certs.certFile, key: certs.keyFile },
    shutdownGraceSeconds: 5,
    oidc: {
      issuer: idp.issuer,
      clientId: idp.serverClient.clientId,
      clientSecret: idp.serverClient.clientSecret,
      redirectUri: `${origin}/auth/callback`,
      apiAudience: idp.apiResource,
      desktopClientId: idp.desktopClient.clientId,
    },
  };
}
