import * as oidc from 'openid-client';

/**
 * OpenID Connect discovery of the district's identity provider (openid-client). Plain http is accepted
 * only for an issuer on the loopback interface (the in-process test IdP); anything else must be https.
 */
export async function discoverIdentityProvider(
  issuer: string,
  clientId: string,
  clientAuthentication: oidc.ClientAuth,
  metadata?: Partial<oidc.ClientMetadata>,
): Promise<oidc.Configuration> {
  const url = new URL(issuer);
  const insecureAllowed = url.protocol === 'http:' && isLoopbackHostname(url.hostname);
  return oidc.discovery(url, clientId, metadata, clientAuthentication, insecureAllowed ? { execute: [oidc.allowInsecureRequests] } : undefined);
}

export function isLoopbackHostname(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === '[::1]' || hostname === '::1' || hostname === 'localhost';
}

/** The PKCE verifier, its S256 challenge, state and nonce of one sign-in attempt. */
export async function newSignInAttempt(): Promise<{ codeVerifier: string; codeChallenge: string; state: string; nonce: string }> {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  return { codeVerifier, codeChallenge: await oidc.calculatePKCECodeChallenge(codeVerifier), state: oidc.randomState(), nonce: oidc.randomNonce() };
}
