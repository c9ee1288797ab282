import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler } from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../shared/api/content-security-policy';

const root = path.resolve('/opt/ketenplanner/dist/renderer');

describe('the app:// protocol handler', () => {
  it('serves files from the UI folder with the CSP and nosniff on every response', async () => {
    const fetchFile = vi.fn(async () => new Response('<html></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    const response = await createAppProtocolHandler(root, fetchFile)(new Request('app://ketenplanner/index.html'));
    expect(fetchFile).toHaveBeenCalledWith(`file://${path.join(root, 'index.html')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe('<html></html>');
  });

  it('answers 404 without touching the disk for another host or a path out of the folder', async () => {
    const fetchFile = vi.fn();
    const handle = createAppProtocolHandler(root, fetchFile);
    expect((await handle(new Request('app://elsewhere/index.html'))).status).toBe(404);
    expect((await handle(new Request('app://ketenplanner/assets/%2e%2e%2f..%2f..%2fsecret'))).status).toBe(404);
    expect(fetchFile).not.toHaveBeenCalled();
  });
});
