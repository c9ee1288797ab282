import type { Context } from 'hono';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/content-security-policy';

/** The headers every answer of the browser-mode host and the district server carries. */
export function setSecurityHeaders(c: Context): void {
  c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Cross-Origin-Resource-Policy', 'same-origin');
}
