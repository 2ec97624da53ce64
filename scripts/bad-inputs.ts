import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The bad-input corpus: at least 300 broken or hostile inputs of every kind hhsurvey reads
 * (rosters, sample lists, responses, standards, drills, manifests, exclude, prior and rates files,
 * flags), generated at test time from a few valid files by fixed rules and a seeded generator, so
 * nothing binary is committed. Each case is a command line to run in `dir`; every one must end
 * with exit 0 (a legitimate variant) or 2 and a short message, never 3, a hang or a memory blow-up.
 *
 *   writeCorpus(dir, { roster, sample, manifest, responses, standard, drill }) → cases
 */
export interface BadCase {
  name: string;
  args: string[];
}

export interface ValidFiles {
  /** Texts of valid files, and their names inside `dir` (already written there). */
  roster: string;
  sample: string;
  manifest: string;
  responses: string;
  standard: string;
  drill: string;
}

/** A small deterministic generator (xorshift32): the corpus is the same on every run. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

/** Byte-level mutations of a valid file: truncations, flips, insertions of hostile bytes. */
function mutations(text: string, seed: number, n: number): { tag: string; bytes: Buffer }[] {
  const base = Buffer.from(text);
  const r = rng(seed);
  const out: { tag: string; bytes: Buffer }[] = [];
  const hostile = [
    '\u0000',
    '"',
    '\r',
    '\n',
    ',',
    '\uFEFF',
    '\u001b[2J',
    "'=1+1",
    '\uFFFD',
    '\\',
    '\t',
    '💥',
  ];
  for (let i = 0; i < n; i++) {
    const b = Buffer.from(base);
    const at = Math.floor(r() * b.length);
    switch (i % 5) {
      case 0:
        out.push({ tag: `cut${at}`, bytes: b.subarray(0, at) });
        break;
      case 1:
        b[at] = Math.floor(r() * 256);
        out.push({ tag: `flip${at}`, bytes: b });
        break;
      case 2: {
        const h = Buffer.from(hostile[Math.floor(r() * hostile.length)]!);
        out.push({ tag: `ins${at}`, bytes: Buffer.concat([b.subarray(0, at), h, b.subarray(at)]) });
        break;
      }
      case 3: {
        const len = Math.floor(r() * 64);
        out.push({ tag: `del${at}`, bytes: Buffer.concat([b.subarray(0, at), b.subarray(at + len)]) });
        break;
      }
      default: {
        // A line repeated or dropped.
        const lines = text.split('\n');
        const k = Math.floor(r() * lines.length);
        if (r() < 0.5) lines.splice(k, 0, lines[k]!);
        else lines.splice(k, 1);
        out.push({ tag: `line${k}`, bytes: Buffer.from(lines.join('\n')) });
      }
    }
  }
  return out;
}

/** Whole files that are not what they claim to be, for any kind of input. */
function foreign(): { tag: string; bytes: Buffer }[] {
  const r = rng(7);
  const random = Buffer.alloc(4096);
  for (let i = 0; i < random.length; i++) random[i] = Math.floor(r() * 256);
  return [
    { tag: 'empty', bytes: Buffer.alloc(0) },
    { tag: 'bom', bytes: Buffer.from('\uFEFF') },
    { tag: 'random', bytes: random },
    { tag: 'utf16', bytes: Buffer.from('\uFEFFhousehold_id\n', 'utf16le') },
    { tag: 'xlsx', bytes: Buffer.from('PK\u0003\u0004garbage') },
    { tag: 'xls', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
    {
      tag: 'passwd',
      bytes: Buffer.from('root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534::/:/usr/sbin/nologin\n'),
    },
    { tag: 'quote', bytes: Buffer.from(`household_id,community\n"${'x'.repeat(1000)}`) },
    {
      tag: 'wide',
      bytes: Buffer.from(`${Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',')}\n1\n`),
    },
    { tag: 'nul', bytes: Buffer.from('household_id\u0000,community\nH1,c\n') },
    { tag: 'cr', bytes: Buffer.from('household_id,community\rH1,c\rH2,c\r') },
    { tag: 'json', bytes: Buffer.from('{"a": [1, 2, {"b": null}]}') },
    { tag: 'yaml-alias', bytes: Buffer.from(laughs()) },
    { tag: 'deep', bytes: Buffer.from('['.repeat(100_000)) },
    { tag: 'proto', bytes: Buffer.from('{"__proto__": {"x": 1}, "constructor": 1}') },
  ];
}

function laughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++)
    lines.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(',')}]`,
    );
  return lines.join('\n') + '\n';
}

export function writeCorpus(dir: string, valid: ValidFiles): BadCase[] {
  const cases: BadCase[] = [];
  const bad = join(dir, 'bad');
  mkdirSync(bad, { recursive: true });
  const file = (kind: string, tag: string, ext: string, bytes: Buffer) => {
    const name = join('bad', `${kind}-${tag}.${ext}`);
    writeFileSync(join(dir, name), bytes);
    return name;
  };
  const kinds: {
    kind: string;
    ext: string;
    text: string;
    seed: number;
    n: number;
    args: (f: string) => string[];
  }[] = [
    { kind: 'roster', ext: 'csv', text: valid.roster, seed: 1, n: 40, args: (f) => ['check', f] },
    {
      kind: 'roster-sample',
      ext: 'csv',
      text: valid.roster,
      seed: 2,
      n: 15,
      args: (f) => ['sample', f, '--seed', 'c', '--size', '3'],
    },
    {
      kind: 'sample',
      ext: 'csv',
      text: valid.sample,
      seed: 3,
      n: 30,
      args: (f) => ['verify', f, '--roster', 'roster.csv', '--manifest', 'sample.manifest.json'],
    },
    {
      kind: 'sample-score',
      ext: 'csv',
      text: valid.sample,
      seed: 4,
      n: 15,
      args: (f) => ['score', f, '--responses', 'responses.csv'],
    },
    {
      kind: 'responses',
      ext: 'csv',
      text: valid.responses,
      seed: 5,
      n: 30,
      args: (f) => ['score', 'sample.csv', '--responses', f],
    },
    {
      kind: 'responses-status',
      ext: 'csv',
      text: valid.responses,
      seed: 6,
      n: 15,
      args: (f) => ['status', 'sample.csv', '--responses', f],
    },
    {
      kind: 'standard',
      ext: 'yaml',
      text: valid.standard,
      seed: 7,
      n: 30,
      args: (f) => ['standard', 'show', '--standard', f],
    },
    {
      kind: 'drill',
      ext: 'yaml',
      text: valid.drill,
      seed: 8,
      n: 10,
      args: (f) => ['drill', f, '--out', `out-${f.replace(/\W/g, '')}`],
    },
    {
      kind: 'manifest',
      ext: 'json',
      text: valid.manifest,
      seed: 9,
      n: 25,
      args: (f) => ['verify', 'sample.csv', '--roster', 'roster.csv', '--manifest', f],
    },
    {
      kind: 'exclude',
      ext: 'csv',
      text: valid.sample,
      seed: 10,
      n: 15,
      args: (f) => ['sample', 'roster.csv', '--seed', 'c', '--size', '3', '--exclude', f],
    },
    {
      kind: 'prior',
      ext: 'json',
      text: '{"strata": [{"stratum": "x", "indicators": [{"id": "awareness", "rate": 0.9}]}]}',
      seed: 11,
      n: 10,
      args: (f) => [
        'sample',
        'roster.csv',
        '--seed',
        'c',
        '--allocation',
        'neyman',
        '--total',
        '6',
        '--prior',
        f,
      ],
    },
    {
      kind: 'rates',
      ext: 'csv',
      text: 'stratum,indicator,rate\r\nx,awareness,0.9\r\n',
      seed: 12,
      n: 10,
      args: (f) => ['synth', 'responses', 'sample.csv', '--rates', f, '--seed', 'c'],
    },
  ];
  for (const k of kinds) {
    for (const mu of mutations(k.text, k.seed, k.n))
      cases.push({ name: `${k.kind} ${mu.tag}`, args: k.args(file(k.kind, mu.tag, k.ext, mu.bytes)) });
    if (
      [
        'roster',
        'sample',
        'responses',
        'standard',
        'manifest',
        'drill',
        'prior',
        'rates',
        'exclude',
      ].includes(k.kind)
    )
      for (const fo of foreign())
        cases.push({ name: `${k.kind} ${fo.tag}`, args: k.args(file(k.kind, fo.tag, k.ext, fo.bytes)) });
  }
  // Paths that are no files.
  for (const p of ['/dev/null', '/dev/zero', '.', 'missing.csv', '/proc/self/status'])
    cases.push(
      { name: `check ${p}`, args: ['check', p] },
      { name: `standard ${p}`, args: ['standard', 'show', '--standard', p] },
    );
  // Flags.
  const flags: string[][] = [
    ['sample', 'roster.csv', '--size', '-1'],
    ['sample', 'roster.csv', '--size', 'abc'],
    ['sample', 'roster.csv', '--size', '1e9'],
    ['sample', 'roster.csv', '--reserve', '99999999999'],
    ['sample', 'roster.csv', '--seed', ''],
    ['sample', 'roster.csv', '--by', 'nosuchcolumn'],
    ['sample', 'roster.csv', '--by', ''],
    ['sample', 'roster.csv', '--only', ''],
    ['sample', 'roster.csv', '--only', 'nosuch'],
    ['sample', 'roster.csv', '--encoding', 'latin1'],
    ['sample', 'roster.csv', '--method', 'magic'],
    ['sample', 'roster.csv', '--mask', 'nosuch'],
    ['sample', 'roster.csv', '--order', ''],
    ['sample', 'roster.csv', '-o', '/dev/full'],
    ['sample', 'roster.csv', '-o', 'roster.csv'],
    ['sample', 'roster.csv', '-o', 'nosuchdir/x.csv'],
    ['sample', 'roster.csv', '-o', '.'],
    ['sample', 'roster.csv', '--lang', 'xx'],
    ['check', 'roster.csv', '--max-errors', '0'],
    ['check', 'roster.csv', '--encoding', 'gb18030'],
    ['score', 'sample.csv', '--responses', 'responses.csv', '--format', 'pdf'],
    ['score', 'sample.csv', '--responses', 'responses.csv', '--confidence', '2'],
    ['score', 'sample.csv', '--responses', 'responses.csv', '-o', 'responses.csv', '--format', 'csv'],
    ['score', 'sample.csv', '--responses', 'responses.csv', '-o', 'sample.csv', '--format', 'csv'],
    ['score', 'sample.csv'],
    ['status', 'sample.csv', '--responses', 'responses.csv', '--stratum', ''],
    ['simulate', '--size', '1000000', '--population', '2000000', '--true-rate', '0.9', '--threshold', '0.85'],
    ['simulate', '--population', '0', '--true-rate', '0.9', '--threshold', '0.85', '--size', '2'],
    ['simulate', '--population', '300', '--true-rate', '2', '--threshold', '0.85', '--size', '22'],
    [
      'simulate',
      '--population',
      '300',
      '--true-rate',
      '0.9',
      '--threshold',
      '0.85',
      '--size',
      '22',
      '--replicates',
      '0',
    ],
    ['plan', '--threshold', '1.5'],
    ['plan', '--threshold', '0.9', '--expected', 'x'],
    ['plan', '--threshold', '0.9', '--expected', '0.93', '--population', '-5'],
    ['synth', 'roster', '--households', '-5'],
    ['synth', 'roster', '--households', 'many'],
    ['synth', 'roster', '-o', '/dev/full', '--households', '10'],
    ['synth', 'responses', 'sample.csv', '--rate', '7'],
    ['synth', 'responses', 'sample.csv', '--response-rate', '-1'],
    ['drill', 'drill.yaml', '--out', 'roster.csv'],
    ['drill', 'drill.yaml', '--out', '/dev/null'],
    ['compare', 'sample.csv', 'sample.csv'],
    ['compare', 'x.json'],
    ['verify', 'sample.csv'],
    ['nosuchcommand'],
    ['interview', 'sample.csv'],
    ['standard', 'check'],
  ];
  flags.forEach((args, i) => cases.push({ name: `flags ${i}: ${args.join(' ')}`, args }));
  return cases;
}
