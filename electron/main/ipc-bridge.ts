import { IPC_API_CHANNEL } from '../../shared/api/bridge';
import type { ApiEnvelope } from '../../shared/api/envelope';
import type { ApiHandler } from '../../server/services/api-handler';
import { isAppUrl } from './app-origin';

export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown): void;
}

/**
 * The single IPC channel of the API. Only the app's own pages may call it; every call goes through the
 * same validating handler as browser mode and answers with an envelope.
 */
export function registerApiIpc(ipcMain: IpcMainLike, handler: ApiHandler): void {
  ipcMain.handle(IPC_API_CHANNEL, async (event, operation, input, meta): Promise<ApiEnvelope<unknown>> => {
    const senderUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(senderUrl)) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'Requests are only accepted from the app itself' } };
    }
    return handler(operation, input, { requestId: requestIdOf(meta) });
  });
}

/** The request id of a write, when the renderer sent one (the handler checks its form). */
function requestIdOf(meta: unknown): string | null {
  if (!meta || typeof meta !== 'object' || !('requestId' in meta)) return null;
  const { requestId } = meta as { requestId: unknown };
  return typeof requestId === 'string' ? requestId : null;
}
