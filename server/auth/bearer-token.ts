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

const CLOCK_TOLERANCE_SECONDS = 30;
/** Verified tokens remembered (one or two per signed-in desktop). */
const VERIFIED_TOKENS_KEPT = 1000;

/**
 * Checks 'Authorization: Bearer <JWT access token>' from desktops with jose: signature against the IdP's
 * published keys, issuer, audience, expiry (by the injected clock), then maps the claims to a person.
 * Returns null for anything that is not a valid token (the caller answers 401).
 */
export function createBearerTokenVerifier(settings: BearerTokenSettings): (token: string) => Promise<SignedInPerson | null> {
  const keySet = createRemoteJWKSet(new URL(settings.jwksUri));
  const typ = settings.accessTokenType === undefined ? 'at+jwt' : settings.accessTokenType;
  // A desktop sends the same token with every request until it expires: its signature is checked once
  // (about 5 % of the server's CPU under load, npm run bench:server), its expiry on every request.
  const verified = new Map<string, { person: SignedInPerson; expiresAt: number }>();
  return async (token) => {
    const known = verified.get(token);
    if (known) {
      if (settings.clock.now().getTime() < known.expiresAt) return known.person;
      verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, keySet, {
        issuer: settings.issuer,
        audience: settings.audience,
        currentDate: settings.clock.now(),
        requiredClaims: ['sub', 'exp'],
        algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        ...(typ === null ? {} : { typ }),
      });
      const person = personFromClaims(payload, settings.roleClaimTable);
      if (person && typeof payload.exp === 'number') {
        // Oldest first out: a map keeps insertion order.
        if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value as string);
        verified.set(token, { person, expiresAt: (payload.exp + CLOCK_TOLERANCE_SECONDS) * 1000 });
      }
      return person;
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
