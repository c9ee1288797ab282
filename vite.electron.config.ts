import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// The Electron main process and the preload, each bundled into ONE CommonJS file: a sandboxed
// preload cannot require sibling chunks, so they are built separately (`--mode main|preload`).
// Everything is bundled except Electron itself, Node's built-ins and the native better-sqlite3.
const ENTRIES = { main: 'electron/main/main.ts', preload: 'electron/preload/preload.ts' } as const;

export default defineConfig(({ mode }) => {
  if (mode !== 'main' && mode !== 'preload') throw new Error('Build with --mode main or --mode preload');
  return {
    build: {
      outDir: 'dist/electron',
      emptyOutDir: false,
      ssr: true,
      target: 'node22',
      sourcemap: true,
      minify: false,
      rollupOptions: {
        input: { [mode]: ENTRIES[mode] },
        external: ['electron', 'better-sqlite3', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
    ssr: { noExternal: true },
  };
});
