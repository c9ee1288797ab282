import { actorLabel, type SignedInPerson } from '../auth/signed-in-person';
import { createSignIn } from '../auth/sign-in';
import { postgresDistrictDatabase } from '../pg/postgres-district-database';
import { createApiHandler } from '../services/api-handler';
import { systemClock } from '../services/context/clock';
import { operationHandlers } from '../services/operation-handlers';
import { pruneRowChanges } from '../services/sync/row-change-pruning';
import { errorFields } from './district-logger';
import { DistrictServerStartError, type DistrictResources, type DistrictWiring } from './district-server';

const NO_SIGN_IN =
  'De aanmelding is niet ingesteld: de districtsserver deelt geen gegevens zonder te weten wie vraagt. Vul oidc.issuer, oidc.clientId, oidc.clientSecret en oidc.redirectUri in (of KETENPLANNER_OIDC_*), zie docs/district-server.md.';

/**
 * What `ketenplanner server` runs: the operations of the contract on the district's PostgreSQL (one
 * SERIALIZABLE transaction per operation in the signed-in person's group role: server/pg/), behind the
 * sign-in of server/auth/ (browser session or desktop bearer token). The actor of every audit row is the
 * signed-in person, 'Naam (Organisatie)'; their roles are checked per operation by the api handler.
 *
 * Built into its own bundle (vite.server.config.ts) where the services use PostgreSQL's table modules.
 */
export async function wireDistrict(resources: DistrictResources): Promise<DistrictWiring<SignedInPerson>> {
  const { config, pool, logger } = resources;
  if (!config.oidc) throw new DistrictServerStartError(NO_SIGN_IN);
  const clock = resources.clock ?? systemClock();
  const signIn = await createSignIn({
    issuer: config.oidc.issuer,
    clientId: config.oidc.clientId,
    clientSecret: config.oidc.clientSecret,
    redirectUri: config.oidc.redirectUri,
    ...(config.oidc.apiAudience ? { apiAudience: config.oidc.apiAudience } : {}),
    ...(config.oidc.desktopClientId ? { desktopClientId: config.oidc.desktopClientId } : {}),
    clock,
    log: (message) => logger.warn({ operation: 'sign-in' }, message),
  });
  const database = postgresDistrictDatabase(pool, { onRetry: (attempt, code) => logger.info({ operation: 'transaction', attempt, sqlState: code }, 'transaction retried') });
  const handler = createApiHandler(operationHandlers, {
    database,
    clock,
    // Every request names its person; these apply to none.
    actor: () => 'districtsserver',
    roles: () => [],
    log: (message) => logger.warn({ operation: 'api' }, message),
    onInternalError: (operation, error) => logger.error({ operation, ...errorFields(error) }, 'operation failed'),
  });
  // The change feed of the desktops' local copies keeps 30 days (issue 14): pruned now and once a day.
  const prune = () =>
    pruneRowChanges(pool)
      .then((removed) => logger.info({ operation: 'sync.prune', removed }, 'change feed pruned'))
      .catch((error: unknown) => logger.warn({ operation: 'sync.prune', ...errorFields(error) }, 'change feed not pruned'));
  await prune();
  const daily = setInterval(() => void prune(), 24 * 60 * 60_000);
  daily.unref();
  return {
    close: async () => clearInterval(daily),
    authenticate: (request) => signIn.authenticate(request),
    routes: (app) => app.route('/', signIn.routes),
    api: ({ operation, input, requestId, person }) =>
      handler(operation, input, { requestId, person: { actor: actorLabel(person), roles: person.roles, policeUnit: person.policeUnit } }),
  };
}
