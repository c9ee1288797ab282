import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Env, Hono } from 'hono';

/** Serves the built UI (dist/renderer): its files, and index.html for every other GET (client-side routes). */
export function addRendererRoutes<E extends Env>(app: Hono<E>, root: string): void {
  app.use('/*', serveStatic({ root }));
  const indexHtml = path.join(root, 'index.html');
  app.get('*', (c) => (fs.existsSync(indexHtml) ? c.html(fs.readFileSync(indexHtml, 'utf8')) : c.notFound()));
}
