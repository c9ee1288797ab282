import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { Role } from '../../shared/domain/roles';
import type { Clock } from '../services/context/clock';
import { personFromClaims, type SignedInPerson } from './signed-in-person';

export interface BearerTokenSettings {
  /** The IdP's issuer ('iss' must equal it). */
  issuer: string;
  /** The IdP's jwks_uri (from discovery). */
  jwksUri: string;
  /** The API's resource indicator: the access token's 'aud' must contain it. */
  audience: string;
  clock: Clock;
  roleClaimTable?: Readonly<Record<string, Role>>;
  /**
   * The JWT 'typ' header access tokens must carry: 'at+jwt' (RFC 9068, the default) keeps ID tokens
   * out; null accepts any type for an IdP that does not set it.
   */
  accessTokenType?: string | null;
}

/**
 * Checks 'Authorization: Bearer <JWT access token>' from desktops with jose: signature against the IdP's
 * published keys, issuer, audience, expiry (by the injected clock), then maps the claims to a person.
 * Returns null for anything that is not a valid token (the caller answers 401).
 */
export function createBearerTokenVerifier(settings: BearerTokenSettings): (token: string) => Promise<SignedInPerson | null> {
  const keySet = createRemoteJWKSet(new URL(settings.jwksUri));
  const typ = settings.accessTokenType === undefined ? 'at+jwt' : settings.accessTokenType;
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keySet, {
        issuer: settings.issuer,
        audience: settings.audience,
        currentDate: settings.clock.now(),
        requiredClaims: ['sub', 'exp'],
        algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
        clockTolerance: 30,
        ...(typ === null ? {} : { typ }),
      });
      return personFromClaims(payload, settings.roleClaimTable);
    } catch (error) {
      if (error instanceof errors.JOSEError) return null;
      throw error;
    }
  };
}

/** The token of an 'Authorization: Bearer …' header, or null. */
export function bearerTokenOf(authorization: string | null | undefined): string | null {
  const match = /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(authorization ?? '');
  return match ? match[1]! : null;
}
