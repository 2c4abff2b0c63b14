import { defineConfig } from 'vitest/config';

const serverTests = ['server/**/*.test.ts', 'common/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [...serverTests, 'web/**/*.test.ts', 'scripts/**/*.test.ts'],
          env: { TIPNET_TEST_DRIVER: 'pglite' },
          globalSetup: ['server/test/pglite-template.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'pg',
          include: serverTests,
          env: { TIPNET_TEST_DRIVER: 'pg' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // One browser suite at a time: the specs share one server and this machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
