import type { SignedInPerson } from '../auth/signed-in-person';
import type { DistrictResources, DistrictWiring } from './district-server';

const NOT_CONNECTED = 'De handelingen zijn nog niet aangesloten op deze server.';

/**
 * What `ketenplanner server` runs: the seam where the async PostgreSQL operation handlers (`api`) and
 * the sign-in of server/auth/ (`authenticate`, and its `routes` mounted with app.route('/', routes))
 * are wired to the server's pool and settings (resources.config.oidc). Until they are, nobody is
 * signed in, so every API request is answered 401 and no data is served.
 */
export function wireDistrict(resources: DistrictResources): DistrictWiring<SignedInPerson> {
  void resources;
  return {
    authenticate: async () => null,
    api: async () => ({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: NOT_CONNECTED } }),
  };
}
