import { OPERATION_NAMES } from '../../shared/api/contract';
import type { KetenplannerBridge } from '../../shared/api/bridge';

/** One function per contract operation, each forwarding to the main process over the single API channel. */
export function createBridge(invoke: (operation: string, input: unknown) => Promise<unknown>): KetenplannerBridge {
  const entries = OPERATION_NAMES.map((name) => [name, (input: unknown) => invoke(name, input)] as const);
  return Object.freeze(Object.fromEntries(entries)) as unknown as KetenplannerBridge;
}
