import type { QueryClient, QueryKey } from '@tanstack/react-query';

/** Queries that show planning state (the verkeerstoren, sessions, problems, candidates). */
export const LIVE_QUERY_PREFIXES = ['planner.', 'sessions.'] as const;

export function isLiveQueryKey(key: QueryKey): boolean {
  const head = key[0];
  return typeof head === 'string' && LIVE_QUERY_PREFIXES.some((prefix) => head.startsWith(prefix));
}

/**
 * The app's one refresh rule: after any successful mutation (a planner run, a placement, a
 * reservation, a session change, ...) every planning view is refetched, so no page has to know
 * which views a change touches. Pages may still invalidate more (their own lists). Returns the
 * unsubscribe function.
 */
export function refreshLiveQueriesAfterMutations(queryClient: QueryClient): () => void {
  return queryClient.getMutationCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    void queryClient.invalidateQueries({ predicate: (query) => isLiveQueryKey(query.queryKey) });
  });
}
