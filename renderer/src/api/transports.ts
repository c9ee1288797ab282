import { BRIDGE_GLOBAL_NAME, type KetenplannerBridge } from '../../../shared/api/bridge';
import type { ApiEnvelope } from '../../../shared/api/envelope';
import type { Transport } from './api-client';
import { CSRF_HEADER } from './server-session';

export function findElectronBridge(): KetenplannerBridge | null {
  const bridge = (globalThis as Record<string, unknown>)[BRIDGE_GLOBAL_NAME];
  return bridge && typeof bridge === 'object' ? (bridge as KetenplannerBridge) : null;
}

/** Electron: the preload's function for the operation; a write's request id goes as its second argument. */
export function ipcTransport(bridge: KetenplannerBridge): Transport {
  return (operation, input, meta) =>
    (meta?.requestId ? bridge[operation](input, { requestId: meta.requestId }) : bridge[operation](input)) as Promise<
      ApiEnvelope<unknown>
    >;
}

/**
 * Browser mode: POST /api/<operation> on the same origin, with this start's token. A write's request id
 * goes as the standard Idempotency-Key header.
 */
export function httpTransport(token: string, fetchImpl: typeof fetch = fetch): Transport {
  return async (operation, input, meta) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
    if (meta?.requestId) headers['Idempotency-Key'] = meta.requestId;
    const response = await fetchImpl(`/api/${encodeURIComponent(operation)}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(input ?? {}),
    });
    const body: unknown = await response.json().catch(() => null);
    if (body && typeof body === 'object' && 'ok' in body) return body as ApiEnvelope<unknown>;
    return { ok: false, error: { code: 'INTERNAL', message: `HTTP ${response.status}` } };
  };
}

/**
 * District server mode: POST /api/<operation> with the session cookie (same origin) and the
 * X-Ketenplanner-Request header the server's CSRF check asks for; no token. A 401 (not signed in, or
 * the session ended) calls `onSignedOut`, which sends the browser to sign in.
 */
export function sessionTransport(onSignedOut: () => void, fetchImpl: typeof fetch = fetch): Transport {
  return async (operation, input, meta) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', [CSRF_HEADER]: '1' };
    if (meta?.requestId) headers['Idempotency-Key'] = meta.requestId;
    const response = await fetchImpl(`/api/${encodeURIComponent(operation)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers,
      body: JSON.stringify(input ?? {}),
    });
    if (response.status === 401) onSignedOut();
    const body: unknown = await response.json().catch(() => null);
    if (body && typeof body === 'object' && 'ok' in body) return body as ApiEnvelope<unknown>;
    return { ok: false, error: { code: 'INTERNAL', message: `HTTP ${response.status}` } };
  };
}
