import type { OperationName, OperationOutput } from './contract';
import type { ApiEnvelope } from './envelope';

/** What the Electron preload exposes as window.ketenplanner: one function per contract operation, nothing else. */
export type KetenplannerBridge = {
  readonly [K in OperationName]: (input: unknown) => Promise<ApiEnvelope<OperationOutput<K>>>;
};

export const BRIDGE_GLOBAL_NAME = 'ketenplanner';
export const IPC_API_CHANNEL = 'ketenplanner:api';
