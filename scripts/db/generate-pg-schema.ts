/**
 * `npm run db:pg-schema`: writes db/pg/schema.ts (drizzle pg-core) from db/schema.ts (sqlite-core).
 * test/unit/pg-schema-generated.test.ts fails while the committed file differs from what this writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PG_SCHEMA_PATH, renderPgSchema } from './pg-schema-source';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = path.join(root, PG_SCHEMA_PATH);
const text = renderPgSchema();
const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
if (before === text) {
  console.log(`${PG_SCHEMA_PATH} is up to date`);
} else {
  fs.writeFileSync(target, text);
  console.log(`wrote ${PG_SCHEMA_PATH}; now run npm run db:generate:pg for its migration`);
}
