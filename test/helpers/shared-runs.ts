import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { ROOT, spawnCli, type CliResult } from './run-cli.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's shared folder (test/global-setup.ts). */
    sharedDir?: string;
  }
}

/** A command's result and the folder it ran in (its outputs are there; tests only read them). */
export interface SharedRun extends CliResult {
  dir: string;
}

const started = new Map<string, Promise<SharedRun>>();

/**
 * Slow end-to-end runs of the built bin that several test files check, run once per test run and shared: the first
 * test to ask runs the command in a folder of the run's shared folder (where `data/` is the
 * repository's data, as in the README's examples), the others, in this worker or another, wait for
 * its result there. Outside vitest's global setup, once per worker.
 */
function shared(name: string, args: string[]): Promise<SharedRun> {
  let run = started.get(name);
  if (!run) {
    run = runShared(name, args);
    started.set(name, run);
  }
  return run;
}

async function runShared(name: string, args: string[]): Promise<SharedRun> {
  const root = inject('sharedDir') ?? mkdtempSync(join(tmpdir(), 'hhsurvey-shared-'));
  const dir = join(root, name);
  const result = join(root, `${name}.json`);
  try {
    mkdirSync(dir); // exclusive: this test runs it
  } catch {
    for (let waited = 0; !existsSync(result); waited += 100) {
      if (waited > 300_000) throw new Error(`the shared run ${name} did not finish`);
      await sleep(100);
    }
    return { ...(JSON.parse(readFileSync(result, 'utf8')) as CliResult), dir };
  }
  symlinkSync(join(ROOT, 'data'), join(dir, 'data'));
  // The built bin, as a user's shell runs it, on an 80-column terminal (the README's width).
  const r = spawnCli(args, { cwd: dir, env: { COLUMNS: '80' } });
  writeFileSync(`${result}.tmp`, JSON.stringify(r));
  renameSync(`${result}.tmp`, result);
  return { ...r, dir };
}

/**
 * `hhsurvey demo --out demo-output`: the demo drill (its files are in `dir`/demo-output), the
 * README's example of it (test/readme.test.ts), checked in detail by test/drill-demo.test.ts.
 */
export function demoRun(): Promise<SharedRun> {
  return shared('demo', ['demo', '--out', 'demo-output']);
}

/**
 * `hhsurvey demo --out demo-output --lang zh`: the README's demo line in Chinese
 * (test/language.test.ts), whose Chinese lines test/drill-demo.test.ts checks.
 */
export function demoZhRun(): Promise<SharedRun> {
  return shared('demo-zh', ['demo', '--out', 'demo-output', '--lang', 'zh']);
}

/**
 * `hhsurvey drill data/demo/drill.yaml --out drill-output --lang zh`: the demo's drill file run by
 * `drill`, which keeps its exit code (a README example, test/readme.test.ts); test/drill-demo.test.ts
 * compares its files with the demo's.
 */
export function demoDrillZhRun(): Promise<SharedRun> {
  return shared('drill-zh', ['drill', 'data/demo/drill.yaml', '--out', 'drill-output', '--lang', 'zh']);
}
