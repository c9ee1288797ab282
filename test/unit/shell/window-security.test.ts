import { describe, expect, it, vi } from 'vitest';
import { APP_START_URL } from '../../../electron/main/app-origin';
import { secureWebPreferences } from '../../../electron/main/secure-web-preferences';
import { denyAllPermissions, guardContents, type GuardedContents } from '../../../electron/main/window-security';

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void; url: string }, url: string) => void>();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  const contents = {
    on: (event: string, listener: never) => listeners.set(event, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  } as unknown as GuardedContents;
  const fire = (event: string, url = '') => {
    const preventDefault = vi.fn();
    listeners.get(event)?.({ preventDefault, url }, url);
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('window security', () => {
  it('uses the security baseline for every window', () => {
    expect(secureWebPreferences('/app/preload.cjs', { devTools: false }).devTools).toBe(false);
    expect(secureWebPreferences('/app/preload.cjs', { devTools: true })).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it.each([
    ['will-navigate', 'https://example.org/', true],
    ['will-navigate', 'file:///etc/passwd', true],
    ['will-navigate', 'app://other-host/index.html', true],
    ['will-redirect', 'http://127.0.0.1:4780/', true],
    ['will-navigate', APP_START_URL, false],
    ['will-navigate', 'app://ketenplanner/index.html#/zittingen', false],
  ])('%s to %s is blocked: %s', (event, url, blocked) => {
    const fake = fakeContents();
    const onBlocked = vi.fn();
    guardContents(fake.contents, onBlocked);
    expect(fake.fire(event, url)).toBe(blocked);
    expect(onBlocked).toHaveBeenCalledTimes(blocked ? 1 : 0);
  });

  it('denies new windows and webviews', () => {
    const fake = fakeContents();
    guardContents(fake.contents);
    expect(fake.open('https://example.org')).toEqual({ action: 'deny' });
    expect(fake.open(APP_START_URL)).toEqual({ action: 'deny' });
    expect(fake.fire('will-attach-webview')).toBe(true);
  });

  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h) => {
        request = h;
      },
      setPermissionCheckHandler: (h) => {
        check = h;
      },
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      request?.(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(check?.()).toBe(false);
  });
});
