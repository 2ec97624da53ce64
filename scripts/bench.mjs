#!/usr/bin/env node
// npm run bench: start-up times side by side with a bare `node -e 0`, then speed and memory of
// `hhsurvey sample` on city-sized rosters (CSV, and the first size as an .xlsx workbook), interleaved
// run by run with Miller's grouped sampling when `mlr` is installed (Debian package miller) and with
// the bare read floor (scripts/bench-floor.mjs), then the simulation benchmark. Prints medians of several runs
// and the load average: numbers depend on the machine and on what else runs (compare ratios).
// BENCH_ONLY=startup, sample, synth or simulate runs that part alone.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'hhsurvey.js');
const measure = join(root, 'scripts', 'measure.mjs');
const work = join(root, '.bench');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const sizes = (process.env.BENCH_ROWS ?? '1000000,3000000').split(',').map(Number);
mkdirSync(work, { recursive: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const hasTime = existsSync('/usr/bin/time');
const hasMlr = spawnSync('mlr', ['--version']).status === 0;

function roster(rows) {
  const file = join(work, `roster-${rows}.csv`);
  if (!existsSync(file)) {
    const t = performance.now();
    const communities = String(Math.round((180 * rows) / 1e6));
    execFileSync(
      process.execPath,
      [
        bin,
        'synth',
        'roster',
        '--households',
        String(rows),
        '--communities',
        communities,
        '--seed',
        'bench',
        '--lang',
        'en',
        '-o',
        file,
      ],
      { stdio: 'inherit' },
    );
    const mb = (statSync(file).size / 1e6).toFixed(0);
    console.error(`generated ${file} (${mb} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  return file;
}

/** The same roster as an .xlsx workbook (shared strings, deflated, numbers as numbers), as Excel saves one. */
function workbook(rows) {
  const csv = roster(rows);
  const file = join(work, `roster-${rows}.xlsx`);
  if (!existsSync(file)) {
    const t = performance.now();
    execFileSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'scripts', 'bench-xlsx-roster.ts'), csv, file],
      { stdio: 'inherit' },
    );
    const mb = (statSync(file).size / 1e6).toFixed(0);
    console.error(`generated ${file} (${mb} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  return file;
}

/**
 * The same roster with its rows in a random order (a seeded shuffle): the synthetic roster lists
 * households in id order, as registry exports do, and hhsurvey notices ordered ids (no sort needed);
 * this copy measures the general case.
 */
function shuffled(rows) {
  const csv = roster(rows);
  const file = join(work, `roster-${rows}-shuffled.csv`);
  if (!existsSync(file)) {
    const lines = readFileSync(csv, 'utf8').split('\n');
    const header = lines.shift();
    if (lines[lines.length - 1] === '') lines.pop();
    let x = 0x9e3779b9;
    const next = () => {
      // xorshift32: a fixed, reproducible order
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) / 2 ** 32;
    };
    for (let i = lines.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [lines[i], lines[j]] = [lines[j], lines[i]];
    }
    writeFileSync(file, `${header}\n${lines.join('\n')}\n`);
  }
  return file;
}

function timed(cmd, args, selfReported) {
  const [c, a] =
    hasTime && !selfReported ? ['/usr/bin/time', ['-f', 'BENCH_MAXRSS_KB=%M', cmd, ...args]] : [cmd, args];
  const t = performance.now();
  const r = spawnSync(c, a, { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const m = /BENCH_MAXRSS_KB=(\d+)/.exec(r.stderr);
  return { seconds, mb: m ? Number(m[1]) / 1024 : NaN };
}

function report(label, xs) {
  const s = { seconds: median(xs.map((x) => x.seconds)), mb: median(xs.map((x) => x.mb)) };
  const all = xs.map((x) => x.seconds.toFixed(2)).join(', ');
  console.log(
    `${label.padEnd(48)} ${s.seconds.toFixed(2).padStart(6)} s ${s.mb.toFixed(0).padStart(6)} MB  (median; runs ${all})`,
  );
  return s;
}

function series(label, f) {
  return report(
    label,
    Array.from({ length: runs }, () => f()),
  );
}

/** Several commands run in turn, run after run, so that a change of load hits them all alike. */
function interleaved(list) {
  const xs = list.map(() => []);
  for (let i = 0; i < runs; i++) list.forEach(([, f], j) => xs[j].push(f()));
  return list.map(([label], j) => report(label, xs[j]));
}

const load = () => `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`;

/** Wall time of a whole process, start-up included. */
function wall(cmd, args) {
  const t = performance.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'ignore'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
  return performance.now() - t;
}

const only = process.env.BENCH_ONLY;
const part = (name) => only === undefined || only === name;

// Start-up: runs alternate between the bare node and each command line, so load changes hit both.
if (part('startup')) {
  const startRuns = Number(process.env.BENCH_STARTUP_RUNS ?? 15);
  const lines = [
    ['--version'],
    ['--help'],
    ['sample', '--help'],
    ['simulate', '--help'],
    ['score', '--help'],
  ];
  const bare = [];
  const times = lines.map(() => []);
  for (let i = 0; i < startRuns; i++) {
    bare.push(wall(process.execPath, ['-e', '0']));
    lines.forEach((args, j) => times[j].push(wall(process.execPath, [bin, ...args])));
  }
  const b = median(bare);
  console.log(`start-up (medians of ${startRuns} runs, alternating; ${load()}):`);
  console.log(`  ${'node -e 0'.padEnd(28)} ${b.toFixed(0).padStart(5)} ms`);
  lines.forEach((args, j) => {
    const t = median(times[j]);
    const target = args[0] === '--version' ? 'bare + 50 ms' : '250 ms';
    console.log(
      `  ${`hhsurvey ${args.join(' ')}`.padEnd(28)} ${t.toFixed(0).padStart(5)} ms  (bare + ${(t - b).toFixed(0)} ms; target ${target})`,
    );
  });
}
if (part('sample')) {
  console.log(`hhsurvey sampling benchmark: ${runs} runs each, node ${process.version}, ${load()}`);
  const results = {};
  const floor = join(root, 'scripts', 'bench-floor.mjs');
  const out = join(work, 'sample.csv');
  const sample = (file) => () =>
    timed(
      process.execPath,
      [measure, 'sample', file, '--size', '22', '--reserve', '5', '--seed', 'bench', '-o', out],
      true,
    );
  for (const rows of sizes) {
    const file = roster(rows);
    const m = `${rows / 1e6}M`;
    if (rows !== sizes[0]) {
      results[rows] = series(`hhsurvey sample --size 22 --reserve 5 (${m})`, sample(file));
      continue;
    }
    // The first size: hhsurvey, Miller and the bare read floors interleaved, run by run.
    const list = [
      [`hhsurvey sample --size 22 --reserve 5 (${m})`, sample(file)],
      ...(hasMlr
        ? [
            [
              `mlr sample -k 22 -g community (${m})`,
              () => timed('mlr', ['--icsv', '--ocsv', 'sample', '-k', '22', '-g', 'community', file]),
            ],
          ]
        : []),
      [`hhsurvey sample, rows shuffled (${m})`, sample(shuffled(rows))],
      ...(hasMlr
        ? [
            [
              `mlr sample, rows shuffled (${m})`,
              () =>
                timed('mlr', ['--icsv', '--ocsv', 'sample', '-k', '22', '-g', 'community', shuffled(rows)]),
            ],
          ]
        : []),
      [`read floor: readline + split(',') (${m})`, () => timed(process.execPath, [floor, 'lines', file])],
      [`read floor: 1 MiB reads + byte loop (${m})`, () => timed(process.execPath, [floor, 'bytes', file])],
    ];
    const got = interleaved(list);
    results[rows] = got[0];
    if (hasMlr) results.mlr = got[1];
    results.shuffled = got[hasMlr ? 2 : 1];
    if (hasMlr) results.mlrShuffled = got[3];
    results.lines = got[got.length - 2];
    results.bytes = got[got.length - 1];
    const xlsx = workbook(rows);
    results.xlsx = series(`hhsurvey sample .xlsx --size 22 --reserve 5 (${m})`, sample(xlsx));
  }
  const first = results[sizes[0]];
  console.log(
    `rows per second (${sizes[0] / 1e6}M): ${Math.round(sizes[0] / first.seconds).toLocaleString('en-US')}`,
  );
  if (results.mlr)
    console.log(
      `time ratio hhsurvey / mlr: ${(first.seconds / results.mlr.seconds).toFixed(2)} (target <= 0.5); ` +
        `peak memory ${first.mb.toFixed(0)} MB vs ${results.mlr.mb.toFixed(0)} MB`,
    );
  else console.log('mlr is not installed (apt-get install miller): no side-by-side figure');
  if (results.mlrShuffled)
    console.log(
      `time ratio with the rows shuffled: ${(results.shuffled.seconds / results.mlrShuffled.seconds).toFixed(2)} ` +
        `(hhsurvey ${results.shuffled.seconds.toFixed(2)} s, mlr ${results.mlrShuffled.seconds.toFixed(2)} s)`,
    );
  console.log(
    `time ratio hhsurvey / read floor: ${(first.seconds / results.lines.seconds).toFixed(2)} against readline + split (target <= 1.5), ` +
      `${(first.seconds / results.bytes.seconds).toFixed(2)} against the byte loop`,
  );
  console.log(`peak memory at ${sizes[0] / 1e6}M: ${first.mb.toFixed(0)} MB (target < 150)`);
  if (results.xlsx)
    console.log(
      `.xlsx beside CSV at ${sizes[0] / 1e6}M: ${results.xlsx.seconds.toFixed(1)} s vs ${first.seconds.toFixed(1)} s, ` +
        `peak memory ${results.xlsx.mb.toFixed(0)} MB (target < 500) vs ${first.mb.toFixed(0)} MB`,
    );
  if (sizes.length > 1) {
    const last = results[sizes[sizes.length - 1]];
    const k = sizes[sizes.length - 1] / sizes[0];
    console.log(
      `growth x${k}: time x${(last.seconds / first.seconds).toFixed(2)} (target < ${(k * 1.1).toFixed(1)}), ` +
        `peak memory ${last.mb.toFixed(0)} MB (target < 250)`,
    );
  }
  console.log(`(${load()} at the end of the sampling benchmark)`);
}

// Synthetic fieldwork on large samples: 180 communities of 125 and of 500 households (+ reserves),
// 22,500 and 90,000 primaries (about 25,000 and 100,000 households): linear work grows about 4x.
if (part('synth') && !process.env.BENCH_SKIP_SYNTH) {
  const file = roster(sizes[0]);
  const synth = {};
  for (const [size, reserve] of [
    [125, 14],
    [500, 56],
  ]) {
    const sample = join(work, `sample-${size}.csv`);
    if (!existsSync(sample))
      execFileSync(process.execPath, [
        bin,
        'sample',
        file,
        '--size',
        String(size),
        '--reserve',
        String(reserve),
        '--seed',
        'bench',
        '--lang',
        'en',
        '-o',
        sample,
      ]);
    const households = 180 * (size + reserve);
    synth[size] = series(`hhsurvey synth responses (~${Math.round(households / 1000)}k households)`, () =>
      timed(process.execPath, [
        bin,
        'synth',
        'responses',
        sample,
        '--rate',
        '0.9',
        '--response-rate',
        '0.85',
        '--max-visits',
        '3',
        '--seed',
        'bench',
        '-o',
        join(work, 'responses.csv'),
      ]),
    );
  }
  console.log(
    `synth responses growth x4 in households per community: time x${(synth[500].seconds / synth[125].seconds).toFixed(2)} (linear: about 4; ${load()})`,
  );
}

const sim = join(root, 'scripts', 'bench-simulate.mjs');
if (part('simulate') && existsSync(sim) && !process.env.BENCH_SKIP_SIMULATE)
  execFileSync(process.execPath, [sim], { stdio: 'inherit' });
