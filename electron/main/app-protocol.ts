import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/content-security-policy';
import { APP_HOST } from './app-origin';

/**
 * Maps an app:// request to a file inside the built UI folder, or null when it points elsewhere
 * (another host, or a path that climbs out of the folder).
 */
export function resolveAppFile(requestUrl: string, rendererRoot: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.host !== APP_HOST) return null;
  const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, relative);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

/** Serves the built UI for app://ketenplanner/… with the app's CSP on every response. */
export function createAppProtocolHandler(rendererRoot: string, fetchFile: (fileUrl: string) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const file = resolveAppFile(request.url, rendererRoot);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await fetchFile(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  };
}
