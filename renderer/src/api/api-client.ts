import type { OperationInput, OperationName, OperationOutput } from '../../../shared/api/contract';
import type { ApiEnvelope } from '../../../shared/api/envelope';
import { ApiError } from './api-error';

/** Sends one operation to the back end, however it is reached (IPC or HTTP). */
export type Transport = (operation: OperationName, input: unknown) => Promise<ApiEnvelope<unknown>>;

export interface ApiClient {
  call<K extends OperationName>(operation: K, input: OperationInput<K>): Promise<OperationOutput<K>>;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(operation, input) {
      let envelope: ApiEnvelope<unknown>;
      try {
        envelope = await transport(operation, input);
      } catch (error) {
        throw new ApiError({ code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) });
      }
      if (!envelope.ok) throw new ApiError(envelope.error);
      return envelope.value as OperationOutput<typeof operation>;
    },
  };
}
