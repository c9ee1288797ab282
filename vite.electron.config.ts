import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// The Electron main process, the preload and the worker threads (planner, import reading), each bundled into ONE
// CommonJS file: a sandboxed preload cannot require sibling chunks, and a worker is started from its
// own file, so they are built separately (`--mode main|preload|planner-worker|import-worker`).
// Everything is bundled except Electron itself, Node's built-ins and the native better-sqlite3.
const ENTRIES = {
  main: 'electron/main/main.ts',
  preload: 'electron/preload/preload.ts',
  'planner-worker': 'server/services/planner/planner-worker.ts',
  'import-worker': 'server/services/cases/import-file-worker.ts',
} as const;

export default defineConfig(({ mode }) => {
  if (!Object.hasOwn(ENTRIES, mode)) throw new Error(`Build with --mode ${Object.keys(ENTRIES).join('|')}`);
  return {
    build: {
      outDir: 'dist/electron',
      emptyOutDir: false,
      ssr: true,
      target: 'node22',
      sourcemap: true,
      minify: false,
      rollupOptions: {
        input: { [mode]: ENTRIES[mode as keyof typeof ENTRIES] },
        external: ['electron', 'better-sqlite3', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
    ssr: { noExternal: true },
  };
});
