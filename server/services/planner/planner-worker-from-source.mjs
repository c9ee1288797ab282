// Starts the planner's worker thread from the TypeScript source (tests, an unbuilt checkout), the same
// way bin/ketenplanner.mjs runs an unbuilt CLI: through tsx. The builds use dist/electron/planner-worker.cjs
// and dist/cli/planner-worker.mjs instead.
import { tsImport } from 'tsx/esm/api';

await tsImport('./planner-worker.ts', import.meta.url);
