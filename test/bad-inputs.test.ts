import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeCorpus, type BadCase } from '../scripts/bad-inputs.js';
import { ROOT, runCli } from './helpers/run-cli.js';

/**
 * Several hundred bad inputs, generated at test time (scripts/bad-inputs.ts), each run with a time
 * and memory limit: every one ends with exit 0 (a legitimate variant), 1 (a verification or an
 * assessment that fails, for the commands that have that outcome) or 2 with a few short lines;
 * never 3 (a bug), a stack trace, a hang or more than 300 MB.
 *
 * The cases run in-process in a small pool of worker processes (test/helpers/corpus-worker.mjs,
 * the built CLI): start-up is paid once per worker, not once per case. A worker's heap is capped
 * and its peak resident memory is reported after every case; a worker that takes longer than the
 * time limit is killed (the case hung) and replaced, and one that dies is reported with its case.
 */
const TIME_LIMIT_MS = 30_000;
const MEMORY_LIMIT_MB = 300;
const WORKERS = 2;
const WORKER = fileURLToPath(new URL('./helpers/corpus-worker.mjs', import.meta.url));

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

interface Outcome {
  code: number;
  stderr: string;
  timedOut: boolean;
  /** The worker's peak resident memory after the case (MB). */
  maxRssMb: number;
  /** The worker died during the case (signal or exit code). */
  died?: string;
}

interface Reply {
  id: number;
  code: number;
  stderr: string;
  maxRssMb: number;
}

/** A worker process running cases one at a time; replaced when it hangs or dies. */
class Worker {
  private child!: ChildProcess;
  private ready!: Promise<void>;
  constructor() {
    this.start();
  }

  private start(): void {
    this.child = fork(WORKER, [], {
      execArgv: [`--max-old-space-size=${MEMORY_LIMIT_MB}`, '--expose-gc'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.stderr!.resume();
    this.ready = new Promise((res) => this.child.once('message', () => res()));
  }

  async run(id: number, c: BadCase, cwd: string): Promise<Outcome> {
    await this.ready;
    const child = this.child;
    return new Promise<Outcome>((done) => {
      const timer = setTimeout(() => {
        cleanup();
        child.kill('SIGKILL');
        this.start();
        done({ code: -1, stderr: '', timedOut: true, maxRssMb: 0 });
      }, TIME_LIMIT_MS);
      const onMessage = (m: Reply) => {
        if (m.id !== id) return;
        cleanup();
        done({ code: m.code, stderr: m.stderr, timedOut: false, maxRssMb: m.maxRssMb });
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        cleanup();
        this.start();
        done({ code: -1, stderr: '', timedOut: false, maxRssMb: 0, died: signal ?? `exit ${code}` });
      };
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send({ id, args: c.args, cwd });
    });
  }

  stop(): void {
    this.child.kill('SIGKILL');
  }
}

/** The commands for which exit 1 is a result (a mismatch or a failed assessment), not an error. */
const MAY_FAIL = new Set(['verify', 'score', 'drill', 'status']);

function judge(c: BadCase, r: Outcome): string | undefined {
  const lines = r.stderr.trimEnd().split('\n');
  if (r.timedOut) return `hung (over ${TIME_LIMIT_MS / 1000} s)`;
  if (r.died) return `the process died (${r.died})`;
  if (r.code === 3 || /internal error|\n\s+at /.test(r.stderr))
    return `exit ${r.code}: ${r.stderr.slice(0, 400)}`;
  if (![0, 2].includes(r.code) && !(r.code === 1 && MAY_FAIL.has(c.args[0]!)))
    return `exit ${r.code}: ${r.stderr.slice(0, 300)}`;
  if (r.code === 2 && (lines.length > 30 || lines.some((l) => l.length > 600)))
    return `exit 2 with ${lines.length} lines, longest ${Math.max(...lines.map((l) => l.length))}`;
  if (r.maxRssMb > MEMORY_LIMIT_MB) return `${Math.round(r.maxRssMb)} MB`;
  return undefined;
}

describe('bad-input corpus', () => {
  it(
    'every bad input ends with exit 0, 1 or 2 and a short message; none with 3, a hang or 300 MB',
    { timeout: 600_000 },
    async () => {
      const { dir, cases } = await setUp();
      expect(cases.length).toBeGreaterThanOrEqual(300);
      const failures: string[] = [];
      const codes = new Map<number, number>();
      let next = 0;
      const pool = Array.from({ length: WORKERS }, () => new Worker());
      try {
        await Promise.all(
          pool.map(async (w) => {
            while (next < cases.length) {
              const id = next++;
              const c = cases[id]!;
              const r = await w.run(id, c, dir);
              codes.set(r.code, (codes.get(r.code) ?? 0) + 1);
              const why = judge(c, r);
              if (why) failures.push(`${c.name} (hhsurvey ${c.args.join(' ')}): ${why}`);
            }
          }),
        );
      } finally {
        for (const w of pool) w.stop();
      }
      expect(failures).toEqual([]);
      // The corpus is not all refusals: some variants are legitimate and run through.
      expect(codes.get(0) ?? 0).toBeGreaterThan(0);
      expect(codes.get(2) ?? 0).toBeGreaterThan(cases.length / 2);
    },
  );
});
