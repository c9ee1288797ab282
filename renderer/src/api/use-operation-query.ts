import { queryOptions, useQuery, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { OperationInput, OperationName, OperationOutput } from '../../../shared/api/contract';
import type { ApiClient } from './api-client';
import { useApi } from './api-context';
import { queryKeyFor, type OperationQueryKey } from './query-keys';

export type OperationQueryOptions<K extends OperationName> = Omit<
  UseQueryOptions<OperationOutput<K>, Error, OperationOutput<K>, OperationQueryKey<K>>,
  'queryKey' | 'queryFn'
>;

/** The query of one read: key `[operation, input]` (query-keys.ts), fetched through the app's client. */
export function operationQuery<K extends OperationName>(
  api: ApiClient,
  operation: K,
  input: OperationInput<K>,
  options: OperationQueryOptions<K> = {},
) {
  return queryOptions({
    ...options,
    queryKey: queryKeyFor(operation, input),
    queryFn: () => api.call(operation, input),
  });
}

/** Reads one operation with TanStack Query. Writes never go through here: see useOperationMutation. */
export function useOperationQuery<K extends OperationName>(
  operation: K,
  input: OperationInput<K>,
  options: OperationQueryOptions<K> = {},
): UseQueryResult<OperationOutput<K>, Error> {
  const api = useApi();
  return useQuery(operationQuery(api, operation, input, options));
}
