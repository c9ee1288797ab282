import { describe, expect, it, vi } from 'vitest';
import type { KetenplannerBridge } from '../../shared/api/bridge';
import { createBridge } from '../../electron/preload/create-bridge';
import { createApiClient } from '../../renderer/src/api/api-client';
import { httpTransport, ipcTransport } from '../../renderer/src/api/transports';

const REQUEST_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

function fakeFetch() {
  return vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify({ ok: true, value: { done: true } }), { status: 200 }));
}

describe('the transports carry the request id of a write', () => {
  it('over HTTP as the Idempotency-Key header, and no such header for a read', async () => {
    const fetch = fakeFetch();
    const client = createApiClient(httpTransport('token-1', fetch as unknown as typeof globalThis.fetch));
    await client.call('capacity.removeClosure', { closureId: 3 }, { requestId: REQUEST_ID });
    await client.call('district.get', {});

    const [writeUrl, writeInit] = fetch.mock.calls[0]!;
    expect(writeUrl).toBe('/api/capacity.removeClosure');
    expect(writeInit?.headers).toMatchObject({ 'Idempotency-Key': REQUEST_ID, Authorization: 'Bearer token-1' });
    expect(JSON.parse(String(writeInit?.body))).toEqual({ closureId: 3 });
    expect(fetch.mock.calls[1]![1]?.headers).not.toHaveProperty('Idempotency-Key');
  });

  it('over IPC as the second argument of the bridge function, through the preload to the main process', async () => {
    const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: {} }));
    const bridge = createBridge(invoke) as KetenplannerBridge;
    const client = createApiClient(ipcTransport(bridge));
    await client.call('capacity.removeClosure', { closureId: 3 }, { requestId: REQUEST_ID });
    await client.call('district.get', {});

    expect(invoke).toHaveBeenNthCalledWith(1, 'capacity.removeClosure', { closureId: 3 }, { requestId: REQUEST_ID });
    expect(invoke).toHaveBeenNthCalledWith(2, 'district.get', {}, {});
  });

  it('the preload passes only the request id across, nothing else the page might add', async () => {
    const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: {} }));
    const bridge = createBridge(invoke);
    await bridge['capacity.removeClosure']({ closureId: 3 }, { requestId: REQUEST_ID, extra: 'x' } as never);
    expect(invoke).toHaveBeenCalledWith('capacity.removeClosure', { closureId: 3 }, { requestId: REQUEST_ID });
  });
});
