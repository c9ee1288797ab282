import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * The district server's table modules: every import of db/schema.ts resolves to db/pg/schema.ts (the same
 * export names and columns, generated from it by `npm run db:pg-schema`, compared by a test), so the
 * services' drizzle queries build PostgreSQL's SQL. Used for the server bundle and the PostgreSQL run of
 * the operation tests; everything else keeps SQLite's tables. Hand-written SQL is chosen at run time by
 * the connection it runs on (server/services/context/query-results.ts).
 */
export function postgresTables(root: string): Plugin {
  const sqliteTables = path.join(root, 'db', 'schema');
  const postgresTablesModule = path.join(root, 'db', 'pg', 'schema.ts');
  return {
    name: 'ketenplanner-postgres-tables',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || !/(^|\/)schema(\.ts)?$/.test(source)) return null;
      const resolved = path.resolve(path.dirname(importer), source).replace(/\.ts$/, '');
      return resolved === sqliteTables ? postgresTablesModule : null;
    },
  };
}
