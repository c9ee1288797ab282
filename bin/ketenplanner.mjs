#!/usr/bin/env node
// Runs the TypeScript CLI from source through tsx, so `npx ketenplanner` works right after `npm ci`.
import { tsImport } from 'tsx/esm/api';

const { runCli } = await tsImport('../electron/cli/run-cli.ts', import.meta.url);
process.exitCode = await runCli(process.argv.slice(2));
