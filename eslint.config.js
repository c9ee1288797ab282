// ESLint (flat config): the conventions the design notes promise in prose, checked on every `npm run lint`.
// Only syntax-level rules (no type-aware rules): the typecheck runs separately. `npm run lint:eslint` costs
// about 25 s of CPU (most of it the React Compiler's checks on the renderer), run on two threads.
// No --cache: a cached file would not be linted again when only nl.json changed.
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import ketenplanner from './scripts/lint/eslint-plugin-ketenplanner.js';

/**
 * Reading the wall clock: only the back end's clock may (server/services/context/clock.ts). The rest of the
 * back end takes 'now' from its operation context or as a parameter. (scripts/bench is outside these folders.)
 */
const WALL_CLOCK_READS = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'new Date() reads the wall clock: use the clock of the operation context (ctx.clock.now()) or take now as a parameter.',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Date.now() reads the wall clock: use the clock of the operation context (ctx.clock.now()) or take now as a parameter.',
  },
  {
    selector: "CallExpression[callee.type='Identifier'][callee.name='Date']",
    message: 'Date() reads the wall clock: use the clock of the operation context (ctx.clock.now()) or take now as a parameter.',
  },
];

export default tseslint.config(
  {
    // Generated or third-party output, and the migrations drizzle-kit writes.
    ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'db/migrations/**', '.ketenplanner/**'],
  },
  {
    files: ['**/*.{js,mjs,cjs,ts,mts,cts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter or binding kept on purpose (a signature, or `{ dropped: _d, ...rest }`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests break JSON on purpose and read untyped answers (`Record<string, any>`, `call<T = any>`).
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The renderer and its component tests: the rules of hooks, including the React Compiler's checks
    // (purity of render, no components made during render).
    files: ['renderer/**/*.{ts,tsx}', 'test/component/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      // Only says the React Compiler would skip a component (useVirtualizer): we do not compile with it.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    // No time read outside the clock: the back end gets 'now' and 'today' from its operation context.
    files: ['server/**/*.ts', 'db/**/*.ts', 'shared/**/*.ts'],
    ignores: ['server/services/context/clock.ts'],
    rules: { 'no-restricted-syntax': ['error', ...WALL_CLOCK_READS] },
  },
  {
    // Every text a person sees comes from the catalog, and every key used exists there as a message.
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { ketenplanner },
    rules: {
      'ketenplanner/valid-i18n-keys': [
        'error',
        {
          catalog: fileURLToPath(new URL('./shared/i18n/nl.json', import.meta.url)),
          // Merged into the catalog at start-up from the domain's table (renderer/src/i18n/i18n.ts).
          runtimeNamespaces: ['caseStatus'],
          // Keys built from data whose prefix is the data itself; each falls back to the raw value.
          allowedDynamicKeys: ['`${key}.${value}`'],
        },
      ],
      'ketenplanner/no-ui-literals': ['error', { allow: ['Ketenplanner'] }],
    },
  },
);
