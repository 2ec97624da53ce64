import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, longest first (end-to-end runs, 30-kill crash tests): started first,
 * the short files fill the other worker around them and both workers finish near the same time.
 * vitest orders by the durations of earlier runs when it has them, and a fresh clone (CI) has none.
 */
const SLOWEST = [
  'test/output-crash.test.ts',
  'test/interview-crash.test.ts',
  'test/browser-report.test.ts',
  'test/hardening-signals.test.ts',
  'test/readme.test.ts',
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = SLOWEST.findIndex((s) => f.moduleId.endsWith(s));
      return i < 0 ? SLOWEST.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

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
    sequence: { sequencer: SlowestFirst },
  },
});
