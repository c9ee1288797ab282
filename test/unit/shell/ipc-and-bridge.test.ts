import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { resolveAppFile } from '../../../electron/main/app-protocol';
import { registerApiIpc, type IpcMainLike } from '../../../electron/main/ipc-bridge';
import { createBridge } from '../../../electron/preload/create-bridge';
import { IPC_API_CHANNEL } from '../../../shared/api/bridge';
import { OPERATION_NAMES } from '../../../shared/api/contract';

function fakeIpcMain() {
  const handlers = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  return {
    ipcMain: { handle: (channel, listener) => handlers.set(channel, listener) } satisfies IpcMainLike,
    invoke: (senderUrl: string | null, ...args: unknown[]) =>
      handlers.get(IPC_API_CHANNEL)!({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, ...args),
    channels: () => [...handlers.keys()],
  };
}

describe('the IPC bridge', () => {
  it('registers exactly one channel and forwards calls from the app to the handler', async () => {
    const fake = fakeIpcMain();
    const handler = vi.fn(async () => ({ ok: true as const, value: 1 }));
    registerApiIpc(fake.ipcMain, handler);
    expect(fake.channels()).toEqual([IPC_API_CHANNEL]);
    await expect(fake.invoke('app://ketenplanner/index.html', 'district.get', {})).resolves.toEqual({ ok: true, value: 1 });
    expect(handler).toHaveBeenCalledWith('district.get', {}, { requestId: null });
    await fake.invoke('app://ketenplanner/index.html', 'capacity.removeClosure', { closureId: 1 }, { requestId: 'action-0001' });
    expect(handler).toHaveBeenLastCalledWith('capacity.removeClosure', { closureId: 1 }, { requestId: 'action-0001' });
  });

  it.each([['https://evil.example/'], ['file:///tmp/x.html'], ['app://elsewhere/index.html'], [null]])(
    'refuses a call from %s without reaching the handler',
    async (sender) => {
      const fake = fakeIpcMain();
      const handler = vi.fn();
      registerApiIpc(fake.ipcMain, handler);
      await expect(fake.invoke(sender, 'district.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it('the preload exposes one frozen function per contract operation and nothing else', async () => {
    const invoke = vi.fn(async () => ({ ok: true }));
    const bridge = createBridge(invoke);
    expect(Object.keys(bridge).sort()).toEqual([...OPERATION_NAMES].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    await bridge['sessions.week']({ weekStart: '2026-03-09' });
    expect(invoke).toHaveBeenCalledWith('sessions.week', { weekStart: '2026-03-09' }, {});
  });
});

describe('the app:// protocol', () => {
  const root = path.resolve('/opt/ketenplanner/dist/renderer');
  it.each([
    ['app://ketenplanner/index.html', path.join(root, 'index.html')],
    ['app://ketenplanner/', path.join(root, 'index.html')],
    ['app://ketenplanner/assets/index-1.js', path.join(root, 'assets', 'index-1.js')],
    ['app://ketenplanner/../../etc/passwd', path.join(root, 'etc', 'passwd')],
    ['app://ketenplanner/%2e%2e/%2e%2e/etc/passwd', path.join(root, 'etc', 'passwd')],
    ['app://ketenplanner/assets/%2e%2e%2f..%2f..%2fsecret', null],
    ['app://other/index.html', null],
    ['not a url', null],
  ])('maps %s to %s', (url, expected) => {
    expect(resolveAppFile(url, root)).toBe(expected);
  });
});
