import type { Query, QueryClientConfig } from '@tanstack/react-query';
import type { OperationName } from '../../../shared/api/contract';

/** How often the views others change are read again in district server mode. */
export const SERVER_POLL_MS = 15_000;

/**
 * The views several people change at once: the week view, the court roll, the reservations. On the
 * district server they are read again every SERVER_POLL_MS while the tab is visible and whenever the
 * window gets focus, so a colleague's change appears without reloading (issue 13, item 6: polling
 * through TanStack Query). Queries with an interval of their own keep it (the work queue, the CJIB queue,
 * the problems: 60 s). Case pages are not polled: their forms hold the version they loaded, and the
 * conflict check (issue 10) must tell the person when someone else changed the case.
 */
export const POLLED_OPERATIONS: ReadonlySet<OperationName> = new Set<OperationName>(['sessions.week', 'sessions.courtRoll', 'reservations.list']);

const polled = (query: Query) => POLLED_OPERATIONS.has(query.queryKey[0] as OperationName);

/** The QueryClient's defaults: standalone and Electron exactly as before; on the district server the polling above. */
export function queryClientConfig(serverMode: boolean): QueryClientConfig {
  if (!serverMode) return { defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } };
  return {
    defaultOptions: {
      queries: {
        retry: 1,
        refetchOnWindowFocus: polled,
        refetchInterval: (query) => (polled(query) ? SERVER_POLL_MS : false),
      },
    },
  };
}
