#!/usr/bin/env node
// npm test: the static checks (type check, type-aware lint and knip: scripts/static-checks.mjs) and
// the tests (vitest) at the same time, the checks at a lower priority. vitest keeps both cores of a
// two-core machine busy most of the time but not all of it (tests that wait on a browser, a
// terminal or a killed command), and the checks take about 20 s of one core and a half: beside the
// tests, at a lower priority, they use the time the tests leave, instead of running first.
// The checks' report is printed after the tests' (they would otherwise interleave); the exit code
// is the tests' when they fail, else the checks'. Arguments go to vitest (`npm test -- test/x.test.ts`).
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Niceness of the static checks: the tests go first whenever both want a core. */
const CHECKS_NICENESS = 10;

/** A child's exit code (1 when it could not start or was killed), and what it printed when piped. */
function run(args, piped) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: piped ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  let out = '';
  if (piped) {
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
  }
  const done = new Promise((resolve) => {
    child.on('error', (err) => resolve({ code: 1, out: `${out}${args[0]}: ${err.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
  return { child, done };
}

const checks = run([join(root, 'scripts', 'static-checks.mjs'), '--knip'], true);
try {
  // Before the checks start knip (their child inherits the priority).
  if (checks.child.pid !== undefined) setPriority(checks.child.pid, CHECKS_NICENESS);
} catch {
  // Not permitted here: the checks run at the tests' priority.
}
const tests = run(
  [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)],
  false,
);

// Ctrl+C reaches the whole process group; a signal sent to this process alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    for (const c of [checks.child, tests.child]) c.kill(signal);
  });

const t = await tests.done;
const c = await checks.done;
process.stdout.write('\nType check, lint and knip (scripts/static-checks.mjs):\n');
process.stdout.write(c.out || (c.code === 0 ? 'no problems\n' : ''));
process.exitCode = t.code !== 0 ? t.code : c.code;
