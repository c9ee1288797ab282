import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useRef } from 'react';
import type { OperationInput, OperationName, OperationOutput } from '../../../shared/api/contract';
import { isWriteOperation } from '../../../shared/api/operation-kinds';
import { useApi } from './api-context';
import { useOperationAvailability, type OperationAvailability } from './use-operation-availability';

/** One attempt of a user action: the input and, for a write, the action's request id. */
interface Attempt<K extends OperationName> {
  input: OperationInput<K>;
  requestId: string | undefined;
}

export interface OperationCallbacks<K extends OperationName> {
  onSuccess?: (value: OperationOutput<K>, input: OperationInput<K>) => unknown;
  onError?: (error: Error, input: OperationInput<K>) => unknown;
}

/** Omit on each member of a union, so `isSuccess` still narrows `data`. */
type DistributiveOmit<T, Keys extends PropertyKey> = T extends unknown ? Omit<T, Keys> : never;

export type OperationMutation<K extends OperationName> = DistributiveOmit<
  UseMutationResult<OperationOutput<K>, Error, Attempt<K>>,
  'mutate' | 'mutateAsync' | 'variables'
> & {
  /** Starts (or retries) the user action; ignored while an attempt of this hook is still under way. */
  mutate: (input: OperationInput<K>, callbacks?: OperationCallbacks<K>) => void;
  /** The input of the latest attempt. */
  variables: OperationInput<K> | undefined;
  /** The request id of the latest attempt of a write (what a progress question names: cases.importProgress). */
  requestId: string | undefined;
  /**
   * May the person start this action now (their roles, and offline whether it can be queued)? A write's
   * button is disabled with the reason next to it (components/ActionButton.tsx); mutate() of a write that
   * is not allowed does nothing (Enter in a form).
   */
  availability: OperationAvailability;
};

/**
 * The app's one refresh rule: after a write succeeds, every query is invalidated (the active ones
 * refetch at once, the others when next shown). No page needs to know which views a change touches.
 */
export async function refreshAfterWrite(queryClient: ReturnType<typeof useQueryClient>): Promise<void> {
  await queryClient.invalidateQueries();
}

/**
 * Runs one contract operation as a user action (TanStack Query's useMutation underneath):
 *
 * - A write gets a request id (crypto.randomUUID()) when the user starts the action. Trying the same
 *   input again after a failure is a retry of that action and reuses the id, so the back end answers a
 *   write whose answer got lost with its first answer instead of doing it twice. A success ends the
 *   action: the next click is a new action with a new id.
 * - While an attempt is under way further calls are ignored (a double click is one request); bind
 *   the triggering button's `disabled` to `isPending`.
 * - Since only one attempt runs at a time and a succeeded id is never sent again, a success is never
 *   replaced by a later answer of the same action.
 * - After a successful write the refresh rule runs (refreshAfterWrite) before the caller's onSuccess.
 *
 * - A write the person may not start now (useOperationAvailability: their roles, or offline an
 *   operation that needs the server) is not sent; `availability` says why, for the disabled button.
 *
 * Reads may use this too (e.g. a what-if run on request): no request id, no refresh, not gated.
 */
export function useOperationMutation<K extends OperationName>(
  operation: K,
  options: OperationCallbacks<K> = {},
): OperationMutation<K> {
  const api = useApi();
  const queryClient = useQueryClient();
  const write = isWriteOperation(operation);
  const action = useRef<{ requestId: string; fingerprint: string } | null>(null);
  const underWay = useRef(false);
  const availability = useOperationAvailability(operation);

  const mutation = useMutation<OperationOutput<K>, Error, Attempt<K>>({
    mutationKey: [operation],
    mutationFn: ({ input, requestId }) => api.call(operation, input, requestId ? { requestId } : undefined),
    onSuccess: async (value, attempt) => {
      if (action.current?.requestId === attempt.requestId) action.current = null;
      if (write) await refreshAfterWrite(queryClient);
      await options.onSuccess?.(value, attempt.input);
    },
    onError: async (error, attempt) => {
      await options.onError?.(error, attempt.input);
    },
    onSettled: () => {
      underWay.current = false;
    },
  });

  const requestIdFor = (input: OperationInput<K>): string | undefined => {
    if (!write) return undefined;
    const fingerprint = stableJson(input);
    if (action.current?.fingerprint !== fingerprint) action.current = { requestId: crypto.randomUUID(), fingerprint };
    return action.current.requestId;
  };

  const mutate = (input: OperationInput<K>, callbacks: OperationCallbacks<K> = {}) => {
    if (underWay.current) return;
    if (write && !availability.allowed) return;
    underWay.current = true;
    mutation.mutate(
      { input, requestId: requestIdFor(input) },
      {
        onSuccess: (value) => void callbacks.onSuccess?.(value, input),
        onError: (error) => void callbacks.onError?.(error, input),
      },
    );
  };

  const { mutate: _mutate, mutateAsync: _mutateAsync, variables, ...state } = mutation;
  return { ...state, mutate, variables: variables?.input, requestId: variables?.requestId, availability } as OperationMutation<K>;
}

/** JSON with the keys of every object sorted: equal inputs give equal text, whatever the key order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
