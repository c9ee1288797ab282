// Starts the planner's worker thread from the TypeScript source (CLI, browser mode, tests), the same
// way bin/ketenplanner.mjs runs the CLI: through tsx. The Electron build uses planner-worker.cjs instead.
import { tsImport } from 'tsx/esm/api';

await tsImport('./planner-worker.ts', import.meta.url);
