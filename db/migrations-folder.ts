import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed migrations when running from source (CLI, tests). The packaged app passes its own path. */
export const SOURCE_MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
