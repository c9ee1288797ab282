import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// The CLI (bin/ketenplanner.mjs runs dist/cli/ketenplanner.mjs when it is built) and the planner's
// worker thread for the CLI and browser mode, as ES modules for Node. Each command is a lazily loaded
// chunk, so `ketenplanner --help` loads only the entry (a few kB). The chunks sit flat next to the
// entries: server/cli/project-paths.ts finds the checkout two folders up, and the planner thread finds
// planner-worker.mjs next to itself. Pure dependencies are bundled; better-sqlite3 (native) and
// playwright-core (drives a browser from its own files) stay in node_modules.
const EXTERNAL = ['better-sqlite3', 'playwright-core', 'electron'];

export default defineConfig({
  build: {
    outDir: 'dist/cli',
    emptyOutDir: true,
    ssr: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: {
        ketenplanner: 'server/cli/run-cli.ts',
        'planner-worker': 'server/services/planner/planner-worker.ts',
        'import-worker': 'server/services/cases/import-file-worker.ts',
      },
      external: [...EXTERNAL, ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      preserveEntrySignatures: 'strict',
    },
  },
  ssr: { noExternal: true, external: EXTERNAL },
});
