import type { OperationInput, OperationName, OperationOutput } from '../../../shared/api/contract';
import type { ApiEnvelope } from '../../../shared/api/envelope';
import { ApiError } from './api-error';

/** What goes with an operation besides its input: the request id of a write (one per user action). */
export interface CallMeta {
  requestId?: string | undefined;
}

/**
 * Sends one operation to the back end, however it is reached: over IPC the request id is the bridge
 * function's second argument, over HTTP the Idempotency-Key header.
 */
export type Transport = (operation: OperationName, input: unknown, meta?: CallMeta) => Promise<ApiEnvelope<unknown>>;

export interface ApiClient {
  call<K extends OperationName>(operation: K, input: OperationInput<K>, meta?: CallMeta): Promise<OperationOutput<K>>;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(operation, input, meta) {
      let envelope: ApiEnvelope<unknown>;
      try {
        envelope = await (meta?.requestId ? transport(operation, input, { requestId: meta.requestId }) : transport(operation, input));
      } catch (error) {
        throw new ApiError({ code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) });
      }
      if (!envelope.ok) throw new ApiError(envelope.error);
      return envelope.value as OperationOutput<typeof operation>;
    },
  };
}
