import type { OperationInput, OperationName } from '../../../shared/api/contract';

/**
 * The one rule for query keys: `[operation, input]`, the operation's name and exactly the input it is
 * called with. Two views asking the same thing share one cache entry. No page writes a key by hand.
 */
export type OperationQueryKey<K extends OperationName> = readonly [K, OperationInput<K>];

export function queryKeyFor<K extends OperationName>(operation: K, input: OperationInput<K>): OperationQueryKey<K> {
  return [operation, input] as const;
}

