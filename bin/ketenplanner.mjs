#!/usr/bin/env node
// Runs the CLI from its bundle (dist/cli/ketenplanner.mjs, made by `npm run build`, which runs after
// `npm ci`): it starts in a fraction of a second. Without a bundle (a checkout that was never built)
// it runs the TypeScript source through tsx, which takes a few seconds to load.
// After editing server/ or shared/, `npm run build:cli` brings the bundle up to date.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli/ketenplanner.mjs', import.meta.url);
let runCli;
if (existsSync(bundle)) {
  ({ runCli } = await import(bundle.href));
} else {
  const { tsImport } = await import('tsx/esm/api');
  ({ runCli } = await tsImport('../server/cli/run-cli.ts', import.meta.url));
}
process.exitCode = await runCli(process.argv.slice(2));
