import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import { postgresTables } from './scripts/build/postgres-tables-plugin.ts';

// The district server's operations (`ketenplanner server` loads dist/server/district-wiring.mjs): the same
// services as everywhere, bundled with PostgreSQL's table modules in place of SQLite's
// (scripts/build/postgres-tables-plugin.ts). The rest of the CLI keeps SQLite's.
const EXTERNAL = ['better-sqlite3', 'playwright-core', 'electron'];

export default defineConfig({
  plugins: [postgresTables(import.meta.dirname)],
  build: {
    outDir: 'dist/server',
    emptyOutDir: true,
    ssr: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: { 'district-wiring': 'server/district-server/district-wiring.ts' },
      external: [...EXTERNAL, ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      preserveEntrySignatures: 'strict',
    },
  },
  ssr: { noExternal: true, external: EXTERNAL },
});
