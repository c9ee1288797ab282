import { OPERATION_NAMES } from '../../shared/api/contract';
import type { BridgeRequestMeta, KetenplannerBridge } from '../../shared/api/bridge';

/**
 * One function per contract operation, each forwarding to the main process over the single API channel.
 * The optional second argument carries the request id of a write; only that field crosses the boundary.
 */
export function createBridge(
  invoke: (operation: string, input: unknown, meta: BridgeRequestMeta) => Promise<unknown>,
): KetenplannerBridge {
  const entries = OPERATION_NAMES.map(
    (name) =>
      [
        name,
        (input: unknown, meta?: BridgeRequestMeta) =>
          invoke(name, input, typeof meta?.requestId === 'string' ? { requestId: meta.requestId } : {}),
      ] as const,
  );
  return Object.freeze(Object.fromEntries(entries)) as unknown as KetenplannerBridge;
}
