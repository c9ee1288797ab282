import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { postgresTables } from './scripts/build/postgres-tables-plugin.ts';

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          // One folder per run for the demo districts the tests copy (test/support/demo-database.ts).
          globalSetup: ['test/support/integration-global-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // The operation suite (issue 13): the same files on the standalone engine and on the district server's.
        test: {
          name: 'operations',
          include: ['test/operations/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/integration-global-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [postgresTables(import.meta.dirname)],
        test: {
          name: 'operations-postgres',
          include: ['test/operations/**/*.test.ts'],
          environment: 'node',
          env: { KETENPLANNER_TEST_ENGINE: 'postgresql' },
          globalSetup: ['test/support/postgres-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'component',
          include: ['test/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['test/component/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // One folder per run for the demo districts the files share (test/support/e2e-district.ts).
          globalSetup: ['test/support/e2e-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
