// Starts the import's worker thread from the TypeScript source (tests, an unbuilt checkout) through tsx,
// as the planner's worker does. A build uses import-worker.cjs / import-worker.mjs next to its bundle.
import { tsImport } from 'tsx/esm/api';

await tsImport('./import-file-worker.ts', import.meta.url);
