/**
 * The layer rule of ARCHITECTURE.md, checked on every `npm run lint` (and so on every `npm test`):
 *   renderer -> (typed contract in shared/api) -> server/services -> db, with shared/ pure.
 * shared/ is also type-checked without DOM and Node types (tsconfig.shared.json).
 */
module.exports = {
  forbidden: [
    {
      name: 'renderer-not-to-backend',
      severity: 'error',
      comment: 'The UI reaches the back end only through the typed API client (shared/api + a transport).',
      from: { path: '^renderer/' },
      to: { path: '^(db|electron|server)/' },
    },
    {
      name: 'renderer-no-server-libraries',
      severity: 'error',
      comment: 'Database, ORM and HTTP-server libraries belong to the back end.',
      from: { path: '^renderer/' },
      to: { path: '^node_modules/(better-sqlite3|drizzle-orm|drizzle-kit|hono|@hono|exceljs|papaparse)/' },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      comment: 'The UI runs in a sandboxed renderer: no Node built-ins.',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-stays-inside',
      severity: 'error',
      comment: 'shared/ is pure: it imports only itself and small pure libraries.',
      from: { path: '^shared/' },
      to: { pathNot: ['^shared/', '^node_modules/(zod|date-fns|@date-fns/tz)/'] },
    },
    {
      name: 'shared-no-node',
      severity: 'error',
      comment: 'shared/ runs anywhere: no Node built-ins.',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'only-the-shell-imports-electron',
      severity: 'error',
      comment:
        "The back end (server/: services, CLI, HTTP host) and db are plain Node; only electron/main and electron/preload import 'electron' " +
        '(and the dev scripts, which only ask the package where its binary is, to launch it).',
      from: { pathNot: '^(electron/(main|preload)|scripts)/' },
      to: { path: '^node_modules/electron/' },
    },
    {
      name: 'db-not-upwards',
      severity: 'error',
      comment: 'db/ knows nothing of services, transports or UI.',
      from: { path: '^db/' },
      to: { path: '^(electron|server|renderer)/' },
    },
    {
      name: 'services-not-to-transports',
      severity: 'error',
      comment: 'Services are transport-agnostic: they never import the shell, the HTTP host, the CLI or the UI.',
      from: { path: '^server/services/' },
      to: { path: '^(electron|server/(http|cli)|renderer)/' },
    },
    {
      name: 'backend-not-to-shell',
      severity: 'error',
      comment: 'The back end runs without Electron (CLI, browser mode, the district server): it never imports the shell.',
      from: { path: '^server/' },
      to: { path: '^electron/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    preserveSymlinks: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    exclude: { path: '^dist/' },
  },
};
