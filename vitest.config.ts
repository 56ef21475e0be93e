import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests that start processes (the compiled dist/, built once per run by `tests/support/build-dist.ts`)
 * or worker threads, read the eval sets, or time whole pipelines against each other. `npm test` runs them with the rest;
 * `npm run test:unit`, the edit loop, leaves them out. A new `*.e2e.test.ts` lands here by its name;
 * any other new test is a unit test.
 */
const E2E = [
  'tests/**/*.e2e.test.ts',
  'tests/discord/fake-discord.smoke.test.ts',
  'tests/core/service/reload-worker.test.ts',
  'tests/core/knowledge/cached-answers.test.ts',
  'tests/core/knowledge/reload-payload.test.ts',
  'tests/cli/**/*.test.ts',
  'tests/hostile/{cli,linear-time}.test.ts',
  'tests/quality/**/*.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    globalSetup: ['tests/support/lexicon-table.ts'],
    // Arrays in a project add to the root's, so `include` and the extra setup are set per project only.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...E2E],
          // One module graph per worker, not per file: importing the core once instead of 32 times
          // takes `npm run test:unit` from about 75 s to 17 s on a loaded 2-core machine. No unit test
          // mocks modules or relies on fresh module state.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'e2e', include: E2E, globalSetup: ['tests/support/build-dist.ts'] } },
    ],
  },
});
