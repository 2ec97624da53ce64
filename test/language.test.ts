import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../src/cli/commands/index.js';
import { chineseSentences, englishRuns } from './helpers/language.js';
import { ROOT, runCli } from './helpers/run-cli.js';
import { readable, readmeExamples, withLang, writtenLang } from './helpers/readme.js';
import { demoZhRun } from './helpers/shared-runs.js';

/**
 * Chinese only with --lang zh, English only with --lang en: every --help, every README example
 * (here in the language it is not written in; test/readme.test.ts checks the one it is written in)
 * and, through test/helpers/run-cli.ts, every usage or input error the other tests provoke.
 *
 * KNOWN_ENGLISH lists the cases whose Chinese output still holds English, each with the reason; a
 * listed case that has become Chinese only fails too, so the list can only shrink.
 */
const KNOWN_ENGLISH: Record<string, string> = {};

/** Cases whose English output still holds Chinese sentences, each with the reason (none today). */
const KNOWN_CHINESE: Record<string, string> = {};

const SUBCOMMANDS: string[][] = [
  ['responses', 'template'],
  ['standard', 'show'],
  ['standard', 'init'],
  ['synth', 'roster'],
  ['synth', 'responses'],
];

function expectChinese(id: string, text: string): void {
  const runs = englishRuns(text);
  if (id in KNOWN_ENGLISH) {
    expect(runs.length, `${id} is Chinese only now: remove it from KNOWN_ENGLISH`).toBeGreaterThan(0);
  } else {
    expect(runs, `English sentences in the Chinese output of ${id}`).toEqual([]);
  }
}

describe('the English detector', () => {
  it('finds English sentences of two words, and a common English word alone', () => {
    expect(englishRuns('wrote /tmp/x.json')).toEqual(['wrote']);
    expect(englishRuns('warning: different standards（a、b）')).toEqual(['warning:', 'different standards']);
    expect(englishRuns('第1次: drill-1/report.json (no data)')).toEqual(['(no data)']);
    expect(englishRuns('已写入 x.csv\nis older than 报告')).toEqual(['is older than']);
  });

  it('leaves identifiers, file names, options, ids, units and names alone', () => {
    for (const text of [
      '已写入 报告.csv',
      'hhsurvey score 样本.csv --responses 回收.csv --lang zh',
      '应答率＝AAPOR RR1；合作率＝AAPOR COOP1',
      'Wilson 区间；Clopper–Pearson 精确区间；Holm 逐步法',
      '通过概率（Monte Carlo 模拟 10,000 次）',
      'national-mock（2026.1）；种子 doc（seedrandom-3.0.5/xor4096）',
      'x/n：肯定回答数/有效回答数；n=15；p（Holm 校正）',
      '可选：proportional、equal、neyman',
      '#   indicators   favourable: { question, in } | all_of: [...] | at_least: k, of: [...]',
    ])
      expect(englishRuns(text), text).toEqual([]);
  });
});

describe('--help in one language', () => {
  const helps = [[], ...COMMAND_NAMES.map((c) => [c]), ...SUBCOMMANDS];
  for (const cmd of helps) {
    const id = `help ${cmd.join(' ')}`.trim();
    it(`${id}: Chinese with --lang zh`, async () => {
      const r = await runCli([...cmd, '--help', '--lang', 'zh']);
      expect(r.code).toBe(0);
      expectChinese(id, r.stdout + r.stderr);
    });
    it(`${id}: English with --lang en`, async () => {
      const r = await runCli([...cmd, '--help', '--lang', 'en']);
      expect(r.code).toBe(0);
      const found = chineseSentences(r.stdout + r.stderr);
      if (id in KNOWN_CHINESE) expect(found.length, `${id} is English only now`).toBeGreaterThan(0);
      else expect(found).toEqual([]);
    });
  }
});

/**
 * Every README example in the other language: test/readme.test.ts runs each as written (spawned,
 * once) and checks it is in the language it is written in; here each runs in the other one, in
 * order, in one scratch folder (an example written in Chinese in English and the others in
 * Chinese: each reads the files the ones before it wrote, whatever their language).
 */
/** The README's demo line in Chinese: the shared run (test/helpers/shared-runs.ts) is this command. */
const DEMO_ZH = 'demo --out demo-output --lang zh';

describe('README examples in the other language', () => {
  const examples = readmeExamples(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  const cwd = mkdtempSync(join(tmpdir(), 'hhsurvey-lang-'));
  symlinkSync(join(ROOT, 'data'), join(cwd, 'data'));
  symlinkSync(join(ROOT, 'fixtures'), join(cwd, 'fixtures'));
  for (const ex of examples) {
    const id = `README.md:${ex.line}`;
    const lang = writtenLang(ex.args) === 'zh' ? 'en' : 'zh';
    const args = withLang(ex.args, lang);
    it(`${id}: hhsurvey ${args.join(' ')}`, async () => {
      // The demo in Chinese is also what test/drill-demo.test.ts checks: run once, shared.
      const r = args.join(' ') === DEMO_ZH ? await demoZhRun() : await runCli(args, { cwd });
      expect(r.code, r.stderr).toBe(ex.exit);
      if (lang === 'zh') expectChinese(id, readable(r));
      else {
        const found = chineseSentences(readable(r));
        if (id in KNOWN_CHINESE) expect(found.length, `${id} is English only now`).toBeGreaterThan(0);
        else expect(found, `Chinese sentences in the English output of ${id}`).toEqual([]);
      }
    });
  }
});

/** Paths no README example takes: a lower-bound rule, a drill's and compare's input errors. */
describe('more paths in one language', () => {
  const cases: { id: string; args: string[]; exit: number; setup?: (dir: string) => void }[] = [
    {
      id: 'simulate --roster, lower-bound rule',
      args: [
        'simulate',
        '--roster',
        'data/demo/roster.csv',
        '--only',
        '全福街道 / 利农社区',
        '--rate',
        '0.95',
        '--pass-rule',
        'lower_bound',
        '--replicates',
        '200',
        '--seed',
        's',
      ],
      exit: 0,
    },
    {
      id: 'drill file with problems',
      args: ['drill', 'bad.yaml', '--out', 'out'],
      exit: 2,
      setup: (d) =>
        writeFileSync(
          join(d, 'bad.yaml'),
          'roster: data/demo/roster.csv\nseed: 1\nsampling:\n  size: 2\n  total: 5\nsynthetic:\n  rates: 2\nconfidence: x\n',
        ),
    },
    {
      id: 'drill into a busy folder',
      args: ['drill', 'data/demo/drill.yaml', '--out', 'busy'],
      exit: 2,
      setup: (d) => {
        mkdirSync(join(d, 'busy'));
        writeFileSync(join(d, 'busy', 'notes.txt'), 'mine');
      },
    },
    {
      id: 'compare with one report',
      args: ['compare', 'one.json'],
      exit: 2,
      setup: (d) => writeFileSync(join(d, 'one.json'), '{}'),
    },
    {
      id: 'compare with a file that is not JSON',
      args: ['compare', 'a.json', 'b.json'],
      exit: 2,
      setup: (d) => {
        writeFileSync(join(d, 'a.json'), 'this is not valid');
        writeFileSync(join(d, 'b.json'), '{}');
      },
    },
    {
      id: 'simulate with no room for the not-sure share',
      args: [
        'simulate',
        '--population',
        '300',
        '--true-rate',
        '0.97',
        '--not-sure',
        '0.05',
        '--size',
        '22',
        '--threshold',
        '0.9',
      ],
      exit: 2,
    },
  ];
  for (const c of cases)
    for (const lang of ['zh', 'en'] as const)
      it(`${c.id}: ${lang === 'zh' ? 'Chinese' : 'English'} only with --lang ${lang}`, async () => {
        const cwd = mkdtempSync(join(tmpdir(), 'hhsurvey-lang-more-'));
        symlinkSync(join(ROOT, 'data'), join(cwd, 'data'));
        c.setup?.(cwd);
        const r = await runCli([...c.args, '--lang', lang], { cwd });
        expect(r.code, r.stderr).toBe(c.exit);
        const text = readable(r);
        expect(text.trim(), 'some output').not.toBe('');
        if (lang === 'zh') expect(englishRuns(text), text).toEqual([]);
        else expect(chineseSentences(text), text).toEqual([]);
      });
});

describe('init templates in one language', () => {
  /** The comments of a YAML file: what follows `#` on each line. */
  const comments = (text: string) =>
    text
      .split('\n')
      .map((l) => /(?:^|\s)#\s?(.*)$/.exec(l)?.[1])
      .filter((c): c is string => c !== undefined && c.trim() !== '');
  const written: Partial<Record<'zh' | 'en', Record<string, string[]>>> = {};
  for (const lang of ['zh', 'en'] as const) {
    it(`init --lang ${lang}: every comment of drill.yaml and standard.yaml in ${lang === 'zh' ? 'Chinese' : 'English'}`, async () => {
      const cwd = mkdtempSync(join(tmpdir(), 'hhsurvey-init-'));
      const r = await runCli(['init', 'd', '--lang', lang], { cwd });
      expect(r.code, r.stderr).toBe(0);
      const files: Record<string, string[]> = {};
      for (const f of ['drill.yaml', 'standard.yaml']) {
        const lines = comments(readFileSync(join(cwd, 'd', f), 'utf8'));
        files[f] = lines;
        expect(lines.length, f).toBeGreaterThan(5);
        const text = lines.join('\n');
        if (lang === 'zh') expect(englishRuns(text), f).toEqual([]);
        else expect(chineseSentences(text), f).toEqual([]);
      }
      written[lang] = files;
      // The template runs as written.
      const d = await runCli(['drill', 'd/drill.yaml', '--out', 'd/out', '--lang', lang], { cwd });
      expect(d.code, d.stderr).toBe(1);
    });
  }
  it('both languages explain the same lines', () => {
    expect(written.zh && written.en, 'the two init runs above').toBeTruthy();
    // One comment per commented setting in each language (the header may take more lines).
    const zh = written.zh!['drill.yaml']!.filter((c) => !/^\s/.test(c));
    const en = written.en!['drill.yaml']!.filter((c) => !/^\s/.test(c));
    expect(Math.abs(zh.length - en.length)).toBeLessThanOrEqual(3);
  });
});

describe('the language checks themselves', () => {
  it('find English sentences and let identifiers, paths and codes through', () => {
    expect(englishRuns('hhsurvey: x.csv: 找不到文件')).toEqual([]);
    expect(englishRuns('hhsurvey: x.csv: no such file')).toEqual(['no such file']);
    expect(englishRuns('roster.csv: valid, 300 households in 3 strata')).toEqual([
      'valid, households in strata',
    ]);
    expect(
      englishRuns('hhsurvey sample data/demo/roster.csv --seed s1 --by street,community -o 样本.csv'),
    ).toEqual([]);
    expect(englishRuns('用法：hhsurvey sample [选项] <roster>')).toEqual([]);
    expect(englishRuns('RR1 = I / (I+P+R+NC+O)；COOP1 合作率')).toEqual([]);
    expect(englishRuns('应答率（AAPOR RR1）：95%置信区间 Wilson')).toEqual([]);
    expect(englishRuns('警告：the stratum is small')).toEqual(['the stratum is small']);
  });
  it('find Chinese sentences and let Chinese names through', () => {
    expect(chineseSentences('南全福社区: only 12 households (全福街道)')).toEqual([]);
    expect(chineseSentences('wrote 样本.csv')).toEqual([]);
    expect(chineseSentences('68 errors in the responses；这些访问记录不在样本中')).toEqual([
      '；这些访问记录不在样本中',
    ]);
  });
});
