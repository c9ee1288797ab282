import type { OperationName } from '../../../shared/api/contract';
import { OFFLINE_OPERATIONS, offlineRefusal } from '../../../shared/api/offline-operations';
import { forbiddenMessage, mayCall, OPERATION_ROLES } from '../../../shared/api/operation-roles';
import { useServerPerson } from './server-session-context';
import { useIsOffline } from './sync-status-context';

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
  const offline = useIsOffline();
  if (person && !mayCall(person.roles, operation)) return { allowed: false, reason: forbiddenMessage(OPERATION_ROLES[operation], person.roles) };
  const policy = OFFLINE_OPERATIONS[operation];
  if (offline && policy.offline === 'online-only') return { allowed: false, reason: offlineRefusal(policy.reason) };
  return { allowed: true, reason: null };
}
