import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus, type BadCase } from '../scripts/bad-inputs.js';
import { BIN, ROOT, runCli, type CliResult } from './helpers/run-cli.js';

/**
 * Several hundred bad inputs, generated at test time (scripts/bad-inputs.ts), each run with a time
 * and memory limit: every one ends with exit 0 (a legitimate variant), 1 (a verification or an
 * assessment that fails, for the commands that have that outcome) or 2 with a few short lines;
 * never 3 (a bug), a stack trace, a hang or more than 300 MB.
 */
const TIME_LIMIT_MS = 60_000;
const MEMORY_LIMIT_MB = 300;
/** Inputs that once read without end or blew up the heap: run in their own process, heap capped. */
const SPAWNED = /dev\/zero|wide|deep|yaml-alias|random|1000000/;

async function setUp(): Promise<{ dir: string; cases: BadCase[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-corpus-'));
  const rows = ['household_id,street,community,building,room,head_name,phone'];
  for (let i = 0; i < 24; i++)
    rows.push(
      `H${String(i).padStart(4, '0')},全福街道,${i < 12 ? '南全福社区' : '利农社区'},${1 + (i % 3)},${101 + i},张${i},100${String(10000000 + i)}`,
    );
  const roster = rows.join('\r\n') + '\r\n';
  writeFileSync(join(dir, 'roster.csv'), roster);
  const s = await runCli(
    ['sample', 'roster.csv', '--seed', 'corpus', '--size', '4', '--reserve', '1', '-o', 'sample.csv'],
    { cwd: dir },
  );
  if (s.code !== 0) throw new Error(s.stderr);
  const r = await runCli(
    ['synth', 'responses', 'sample.csv', '--rate', '0.9', '--seed', 'corpus', '-o', 'responses.csv'],
    { cwd: dir },
  );
  if (r.code !== 0) throw new Error(r.stderr);
  const drill = `name: corpus\ndate: 2026-11-28\nroster: roster.csv\nseed: date\nsampling:\n  by: [community]\n  size: 4\n  reserve: 1\nsynthetic:\n  rates: 0.9\n  response_rate: 0.9\n`;
  writeFileSync(join(dir, 'drill.yaml'), drill);
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const cases = writeCorpus(dir, {
    roster,
    sample: read('sample.csv'),
    manifest: read('sample.manifest.json'),
    responses: read('responses.csv'),
    standard: readFileSync(join(ROOT, 'data/standards/national-mock.yaml'), 'utf8'),
    drill,
  });
  return { dir, cases };
}

function spawnLimited(args: string[], cwd: string): Promise<CliResult & { timedOut: boolean }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${MEMORY_LIMIT_MB}`, BIN, ...args], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        SOURCE_DATE_EPOCH: '1767225600',
        NO_COLOR: '1',
        LANG: 'en_US.UTF-8',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      if (stdout.length < 1 << 20) stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 1 << 20) stderr += d.toString();
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIME_LIMIT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code: code ?? -1, stdout, stderr, timedOut });
    });
  });
}

async function runLimited(
  c: BadCase,
  dir: string,
): Promise<CliResult & { timedOut: boolean; heapMb: number }> {
  if (SPAWNED.test(c.name) || c.args.some((a) => SPAWNED.test(a)))
    return { ...(await spawnLimited(c.args, dir)), heapMb: 0 };
  const before = process.memoryUsage().heapUsed;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>(
    (done) => (timer = setTimeout(() => done('timeout'), TIME_LIMIT_MS)),
  );
  const r = await Promise.race([runCli(c.args, { cwd: dir }), timeout]);
  clearTimeout(timer);
  const heapMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  if (r === 'timeout') return { code: -1, stdout: '', stderr: '', timedOut: true, heapMb };
  return { ...r, timedOut: false, heapMb };
}

/** The commands for which exit 1 is a result (a mismatch or a failed assessment), not an error. */
const MAY_FAIL = new Set(['verify', 'score', 'drill', 'status']);

describe('bad-input corpus', () => {
  it(
    'every bad input ends with exit 0, 1 or 2 and a short message; none with 3, a hang or 300 MB',
    { timeout: 1_800_000 },
    async () => {
      const { dir, cases } = await setUp();
      expect(cases.length).toBeGreaterThanOrEqual(300);
      const failures: string[] = [];
      let next = 0;
      const worker = async () => {
        while (next < cases.length) {
          const c = cases[next++]!;
          const r = await runLimited(c, dir);
          const lines = r.stderr.trimEnd().split('\n');
          const why = r.timedOut
            ? 'hung'
            : r.code === 3 || /internal error|\n\s+at /.test(r.stderr)
              ? `exit ${r.code}: ${r.stderr.slice(0, 400)}`
              : ![0, 2].includes(r.code) && !(r.code === 1 && MAY_FAIL.has(c.args[0]!))
                ? `exit ${r.code}: ${r.stderr.slice(0, 300)}`
                : r.code === 2 && (lines.length > 30 || lines.some((l) => l.length > 600))
                  ? `exit 2 with ${lines.length} lines, longest ${Math.max(...lines.map((l) => l.length))}`
                  : r.heapMb > MEMORY_LIMIT_MB
                    ? `${Math.round(r.heapMb)} MB`
                    : undefined;
          if (why) failures.push(`${c.name} (hhsurvey ${c.args.join(' ')}): ${why}`);
        }
      };
      await Promise.all([worker(), worker()]);
      expect(failures).toEqual([]);
    },
  );
});
