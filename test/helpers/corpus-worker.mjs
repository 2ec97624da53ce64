// One worker of the bad-input corpus test (test/bad-inputs.test.ts): runs command lines in-process
// with the built CLI (dist/), one at a time, as the parent sends them, and answers each with its
// exit code, what it printed and the worker's peak resident memory so far. The parent kills a worker
// that takes too long (a hang) and starts another; one that dies (out of memory) is reported too.
import { Readable } from 'node:stream';
import { getHeapStatistics } from 'node:v8';
import { run } from '../../dist/cli/main.js';

const LIMIT = 1 << 20;
/** Heap in use (live and garbage) above which the heap is collected before the next case. */
const GARBAGE_MB = 64;

process.on('message', async (job) => {
  // The peak below is the worker's high-water mark over all its cases, so the earlier cases'
  // garbage must not carry it: on a busy machine, with a 300 MB heap limit, garbage alone once
  // carried the mark past 300 MB. It is collected before a case once it passes GARBAGE_MB, so a
  // case starts with at most that much of it (a full collection before every case, as this worker
  // once did, cost about 20 ms a case: 10 s of CPU for the corpus).
  if (getHeapStatistics().used_heap_size > GARBAGE_MB * 2 ** 20) globalThis.gc?.();
  let stdout = '';
  let stderr = '';
  const sink = (add) => ({
    write: (c) => {
      add(typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));
      return true;
    },
  });
  const code = await run(['node', 'hhsurvey', ...job.args], {
    stdout: sink((s) => {
      if (stdout.length < LIMIT) stdout += s;
    }),
    stderr: sink((s) => {
      if (stderr.length < LIMIT) stderr += s;
    }),
    stdin: Readable.from([]),
    env: { SOURCE_DATE_EPOCH: '1767225600', NO_COLOR: '1', LANG: 'en_US.UTF-8' },
    cwd: job.cwd,
  });
  process.send({
    id: job.id,
    code,
    stdout: stdout.slice(0, 2000),
    stderr,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  });
});
process.send({ ready: true });
