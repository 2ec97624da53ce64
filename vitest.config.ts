import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { FORCE_COLOR: '0', NO_COLOR: '1' },
    globalSetup: ['test/global-setup.ts'],
    // One worker per core (vitest's default leaves one core idle: a single worker on two cores),
    // and test files share their worker's loaded modules: the tests inject their streams, clock
    // and environment (no mocks, no process-wide state), and loading the CLI afresh for each file
    // cost about a second of CPU per file.
    maxWorkers: availableParallelism(),
    isolate: false,
  },
});
