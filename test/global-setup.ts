import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * One temporary folder for the whole run: test files and the commands they spawn make their
 * scratch folders in it (TMPDIR), and it is removed when the run ends, so a run leaves nothing in
 * the system's temporary folder, even from tests that kill commands midway on purpose. Its `shared`
 * folder holds the slow runs several test files check (test/helpers/shared-runs.ts).
 */
export default function setup(project: TestProject): () => void {
  const before = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-suite-'));
  process.env.TMPDIR = dir;
  mkdirSync(join(dir, 'shared'));
  project.provide('sharedDir', join(dir, 'shared'));
  return () => {
    rmSync(dir, { recursive: true, force: true });
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  };
}
