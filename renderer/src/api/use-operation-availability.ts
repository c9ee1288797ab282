import type { OperationName } from '../../../shared/api/contract';
import { OFFLINE_OPERATIONS, offlineRefusal } from '../../../shared/api/offline-operations';
import { forbiddenMessage, mayCall, OPERATION_ROLES } from '../../../shared/api/operation-roles';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { SyncStatus } from '../../../shared/api/sync-status';
import { useServerPerson } from './server-session-context';
import { SYNC_STATUS_QUERY_KEY } from './sync-status-context';

export interface OperationAvailability {
  allowed: boolean;
  /** Why not, in Dutch, to show as text next to the disabled action; null when allowed. */
  reason: string | null;
}

/**
 * May the person start this action now? Not when none of their roles may call the operation (the
 * server would refuse it), nor, on a desktop that cannot reach its district server, when the operation
 * needs the server (shared/api/offline-operations.ts, with the reason). Standalone everything is allowed.
 */
export function useOperationAvailability(operation: OperationName): OperationAvailability {
  const person = useServerPerson();
  const offline = useOfflineNow();
  if (person && !mayCall(person.roles, operation)) return { allowed: false, reason: forbiddenMessage(OPERATION_ROLES[operation], person.roles) };
  const policy = OFFLINE_OPERATIONS[operation];
  if (offline && policy.offline === 'online-only') return { allowed: false, reason: offlineRefusal(policy.reason) };
  return { allowed: true, reason: null };
}

/**
 * useIsOffline without a query observer of its own: it reads the sync status that SyncStatusProvider
 * polls from the query cache. Every action button asks this (useOperationMutation); an observer per
 * button would poll the status once per button every SYNC_POLL_MS.
 */
function useOfflineNow(): boolean {
  const client = useQueryClient();
  const subscribe = useCallback(
    (changed: () => void) => client.getQueryCache().subscribe((event) => event.query.queryKey[0] === SYNC_STATUS_QUERY_KEY[0] && changed()),
    [client],
  );
  const status = useSyncExternalStore(subscribe, () => client.getQueryData<SyncStatus | null>(SYNC_STATUS_QUERY_KEY));
  return status != null && status.connection !== 'online';
}
