import type { OperationName, OperationOutput } from './contract';
import type { ApiEnvelope } from './envelope';

/** What a caller knows of one request besides its operation and input. */
export interface BridgeRequestMeta {
  /** The id of the user action (writes only): a repeat with the same id is answered once, with the first answer. */
  requestId?: string | undefined;
}

/** What the Electron preload exposes as window.ketenplanner: one function per contract operation, nothing else. */
export type KetenplannerBridge = {
  readonly [K in OperationName]: (input: unknown, meta?: BridgeRequestMeta) => Promise<ApiEnvelope<OperationOutput<K>>>;
};

export const BRIDGE_GLOBAL_NAME = 'ketenplanner';
export const IPC_API_CHANNEL = 'ketenplanner:api';
