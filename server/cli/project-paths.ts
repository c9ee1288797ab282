import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where things are when running from the source tree (CLI, tests, browser mode). */
export const PROJECT_PATHS = {
  root,
  migrations: path.join(root, 'db', 'migrations'),
  /** The district server's PostgreSQL migrations (`ketenplanner server migrate`). */
  pgMigrations: path.join(root, 'db', 'pg-migrations'),
  builtRenderer: path.join(root, 'dist', 'renderer'),
  /** The district server's operations, bundled with PostgreSQL's table modules (`npm run build:server`). */
  serverWiring: path.join(root, 'dist', 'server', 'district-wiring.mjs'),
} as const;
