import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvTable } from '../../src/io/csv-write.js';
import { readSampleList, type SampleEntry } from '../../src/sampling/sample-file.js';
import { runCli } from './run-cli.js';

const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '涛', '明'];

/** A small synthetic roster: generated names, phones starting with 100 (cannot be real). */
export function writeRoster(
  dir: string,
  communities: Record<string, number> = { 南全福社区: 40, 利农社区: 30 },
): string {
  const rows: string[][] = [];
  let n = 0;
  for (const [community, size] of Object.entries(communities)) {
    for (let i = 0; i < size; i++) {
      n++;
      rows.push([
        `H${String(n).padStart(6, '0')}`,
        '全福街道',
        community,
        `${1 + (i % 3)}`,
        `${1 + Math.floor(i / 6)}`,
        `${1 + (i % 2)}`,
        `${100 + (i % 6) + 1}`,
        `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}`,
        `100${String(10_000_000 + n * 7919).slice(-8)}`,
      ]);
    }
  }
  const file = join(dir, 'roster.csv');
  writeFileSync(
    file,
    csvTable(
      ['household_id', 'street', 'community', 'grid', 'building', 'unit', 'room', 'head_name', 'phone'],
      rows,
    ),
  );
  return file;
}

export interface Fixture {
  dir: string;
  sample: string;
  entries: SampleEntry[];
}

/** A temp folder with a roster and a sample drawn by `hhsurvey sample` (22 + 5 reserves per community). */
export async function makeFixture(
  opts: { size?: number; reserve?: number; communities?: Record<string, number> } = {},
): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-'));
  writeRoster(dir, opts.communities);
  const r = await runCli(
    [
      'sample',
      'roster.csv',
      '--seed',
      'fieldwork-test',
      '--size',
      String(opts.size ?? 22),
      '--reserve',
      String(opts.reserve ?? 5),
      '--mask',
      'phone,head_name',
      '-o',
      'sample.csv',
    ],
    { cwd: dir },
  );
  if (r.code !== 0) throw new Error(`sample failed: ${r.stderr}`);
  const sample = join(dir, 'sample.csv');
  return { dir, sample, entries: (await readSampleList(sample)).entries };
}
