import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chineseSentences, englishRuns } from './helpers/language.js';
import { firstMissing, readable, readmeExamples, writtenLang } from './helpers/readme.js';
import { demoDrillZhRun, demoRun, type SharedRun } from './helpers/shared-runs.js';
import { ROOT, runCli, spawnCli } from './helpers/run-cli.js';

/** The README's demo line: the shared demo run (test/helpers/shared-runs.ts) is this command. */
const DEMO = 'demo --out demo-output';

/**
 * The README's examples that other test files check too (the demo drill, run by `demo` and by
 * `drill`): run once for the suite, in the run's shared folder (test/helpers/shared-runs.ts).
 */
const SHARED: Record<string, () => Promise<SharedRun>> = {
  [DEMO]: demoRun,
  'drill data/demo/drill.yaml --out drill-output --lang zh': demoDrillZhRun,
};

/**
 * What each README example prints, for the examples whose output the README does not show: key
 * lines, each a part of one line (or a pattern), in order, stdout before stderr. An example the
 * README shows output for must print those lines as shown. Every example is in one or the other.
 */
const KEY_LINES: Record<string, (string | RegExp)[]> = {
  [DEMO]: [
    'Communities and indicators to rectify or watch (ranked by risk of failing the official check):',
    '│ 全福街道 / 利农社区       │ Core values awareness │  80.0% (8/10) │',
    / 2026-01-01 \(seed demo-2026\): FAIL: 7 of 60 communities fail; 44 at risk/,
    'synthetic fieldwork: 1,512 households visited, 1,252 complete, 216 reserves used (response rate 85%)',
    'wrote sample.csv, sample.xlsx, sample.manifest.json, responses.csv, report.json, report.md, report.html, junit.xml, drill.json to demo-output',
    'this was the demo: it exits 0 whatever the verdict',
  ],
  'check data/demo/roster.csv': [
    '│ sub-district │ community    │ households │',
    '│ 东风街道     │ 东风社区     │        441 │',
    'warning: 全福街道 / 利农社区: only 10 households, fewer than a typical sample of 22 (a draw takes them all)',
  ],
  'check data/demo/roster.csv --json --lang zh': [
    '"file": "data/demo/roster.csv",',
    '"format": "csv",',
    '警告：全福街道 / 利农社区：仅 10 户，少于常用样本量 22 户（抽样时将全部入样）',
  ],
  'check fixtures/office/roster.xlsx': [
    '│ 全福街道     │ 南全福社区   │        155 │',
    'header on line 3 (2 title or blank rows above it skipped)',
    '6 merged ranges read as their top-left value',
    'warning: 300 household ids are numbers with leading zeros (like 000001 on line 4)',
  ],
  'check fixtures/office/roster.xlsx --sheet 旧名单 --lang zh': [
    '│ 全福街道 │ 南全福社区 │    5 │',
    'fixtures/office/roster.xlsx：有效，5 户，1 个抽样层，工作表“旧名单”',
  ],
  'check fixtures/office/roster.tsv': [
    '│ 全福街道     │ 利农社区     │         93 │',
    'fixtures/office/roster.tsv: valid, 300 households in 3 strata, encoding utf8',
    'fields separated by tabs',
  ],
  'check fixtures/office/roster-export-gb18030.csv': [
    'header on line 3 (2 title or blank rows above it skipped)',
    'fixtures/office/roster-export-gb18030.csv:5: 街道: 298 households have an empty stratum value',
    'fixtures/office/roster-export-gb18030.csv:5: 社区: 297 households have an empty stratum value',
    'hhsurvey: fixtures/office/roster-export-gb18030.csv: invalid roster: 2 problems',
  ],
  'check fixtures/office/roster-export-gb18030.csv --fill-down 街道,社区': [
    '│ 全福街道     │ 利农社区     │         93 │',
    '--fill-down: filled 595 blank cells from the row above (街道 298, 社区 297)',
  ],
  'check fixtures/office/serial-only.csv': [
    'hhsurvey: fixtures/office/serial-only.csv:1: "序号" is a row number, not a household id',
  ],
  'sample fixtures/office/serial-only.csv --id-from 街道,社区,楼栋,单元,房号 --seed office-1 -o serial-sample.csv':
    [
      'household ids built from 街道, 社区, 楼栋, 单元, 房号',
      'drew 66 primary and 0 reserve households from 3 strata; wrote serial-sample.csv and its manifest',
    ],
  'sample fixtures/office/roster.xlsx --seed office-1 --reserve 3 -o office-sample.csv': [
    'read sheet "户册" (1 hidden sheet skipped; --sheet to read one)',
    'header on line 3 (2 title or blank rows above it skipped)',
    'drew 66 primary and 9 reserve households from 3 strata; wrote office-sample.csv and its manifest',
  ],
  'verify office-sample.csv --roster fixtures/office/roster-export-utf8.csv --fill-down 街道,社区': [
    'verified: all 75 households are exactly the draw of seed office-1',
    "note: the roster's bytes differ from the one drawn from",
  ],
  'check fixtures/office/roster.xlsx --lang zh': [
    '│ 街道       │ 社区         │ 户数 │',
    '表头在第 3 行（跳过上方 2 行标题或空行）',
    '警告：300 个户编号是以 0 开头的数字（如第 4 行的 000001）',
  ],
  'sample fixtures/office/roster.xlsx --seed office-2 --reserve 3 --mask pii --lang zh -o 样本.xlsx': [
    '读取工作表“户册”（另有 1 个隐藏工作表未读取，可用 --sheet 指定）',
    '已从 3 个抽样层抽取 66 户正式样本、9 户备用样本，写入 样本.xlsx 及其清单文件',
  ],
  'verify 样本.xlsx --roster fixtures/office/roster.xlsx': [
    'verified: all 75 households are exactly the draw of seed office-2',
  ],
  'pack 样本.xlsx -o 入户材料/ --lang zh --no-pdf': [
    '已写入 入户材料/：3 份社区走访表、2 份街道封面及 pack.xlsx',
  ],
  'responses template 样本.xlsx -o 录入表.xlsx --lang zh': ['已写出录入表：75 户，录入表.xlsx'],
  'synth responses 样本.xlsx --rate 0.9 --seed r1 -o 回收.csv': [
    'wrote 75 visits to 回收.csv: 3 strata, 75 households visited, 57 of 66 completes, 9 reserves used',
  ],
  'status 样本.xlsx --responses 回收.csv --lang zh': [
    '│ 抽样层       │  完成 │ 拒访 │ 无人 │ 其他 │ 待访 │ 备用 │ 应答率 │',
    '│ 利农社区     │ 19/22 │    1 │    2 │    3 │    0 │  3/3 │  76.2% │',
    '全福街道 / 利农社区：备用样本已用完，缺 3 户',
  ],
  'score 样本.xlsx --responses 回收.csv --lang zh --no-fail': [
    '全国文明城市测评入户调查（模拟）（national-mock）',
    '结论：按正式测评未达标风险排序',
    /^未达标：3 个社区中 3 个未达标/,
  ],
  'verify fixtures/office/sample-resaved.csv --manifest office-sample.manifest.json --roster fixtures/office/roster.xlsx':
    [
      'fixtures/office/sample-resaved.csv:2: household 164 is not in the sample, which has 000164: the list was probably re-saved by Excel',
    ],
  'sample data/demo/roster.csv --seed 2026-drill-1 --reserve 5 -o sample.csv': [
    'warning: 全福街道 / 利农社区 has only 10 households to draw from, fewer than 22: all are taken',
    'drew 1,296 primary and 285 reserve households from 60 strata; wrote sample.csv and its manifest',
  ],
  'verify sample.csv --roster data/demo/roster.csv': [
    'verified: all 1,581 households are exactly the draw of seed 2026-drill-1',
    'hhsurvey-draw/1, seedrandom-3.0.5/xor4096',
  ],
  'sample data/demo/roster.csv --by street,community --method systematic --seed s1 --only 南全福社区': [
    'stratum,role,rank,household_id,街道,社区,网格,小区,楼栋,单元,楼层,房号,户主姓名,联系电话,常住人口,inclusion_prob,weight',
    /^全福街道 \/ 南全福社区,primary,1,H0000003,/,
    /^全福街道 \/ 南全福社区,primary,22,H0000357,/,
    'drew 22 primary and 0 reserve households from 1 stratum',
  ],
  'sample data/demo/roster.csv --total 400 --allocation proportional --seed s2 --format json -o alloc.json': [
    'drew 400 primary and 0 reserve households from 60 strata; wrote alloc.json and its manifest',
  ],
  'sample data/demo/roster.csv --seed 2026-drill-2 --exclude sample.csv --mask phone,head_name --bom --lang zh -o 样本.csv':
    ['已从 60 个抽样层抽取 1,254 户正式样本、0 户备用样本，写入 样本.csv 及其清单文件'],
  'synth roster --households 300 --communities 3 --seed 1 -o roster.csv': [
    'wrote 300 households in 3 communities (3 sub-districts) to roster.csv; seed "1", seedrandom 3.0.5 xor4096',
  ],
  'synth roster --households 5000 --small 2 --seed 2 --streets 全福街道,洪家楼街道 --encoding gb18030 -o roster-gbk.csv':
    [
      'wrote 5,000 households in 15 communities (2 sub-districts) to roster-gbk.csv; seed "2", seedrandom 3.0.5 xor4096; 2 communities have fewer than 22',
    ],
  'synth roster --households 20000 --communities 60 --seed 3 --bom --lang en --rental -o roster-en.csv': [
    'wrote 20,000 households in 60 communities (9 sub-districts) to roster-en.csv; seed "3", seedrandom 3.0.5 xor4096',
  ],
  'standard show --lang zh': [
    '全国文明城市测评入户调查（模拟）  [national-mock 2026.1]',
    '说明：阈值与分值为演练默认值，并非官方标准；请按本地要求修改。',
    '总分 100',
  ],
  'standard init -o my-standard.yaml': [
    'wrote my-standard.yaml; edit it and pass --standard my-standard.yaml (thresholds are drill defaults)',
  ],
  'standard show --standard my-standard.yaml --json': [
    '"id": "national-mock",',
    '"zh": "全国文明城市测评入户调查（模拟）",',
  ],
  'sample data/demo/roster.csv --only 南全福社区 --seed fieldwork --reserve 5 --mask phone,head_name -o fw-sample.csv':
    ['drew 22 primary and 5 reserve households from 1 stratum; wrote fw-sample.csv and its manifest'],
  'synth responses fw-sample.csv --rate 0.9 --seed 1 -o team1.csv': [
    'wrote 25 visits to team1.csv: 1 stratum, 25 households visited, 22 of 22 completes, 3 reserves used',
  ],
  'status fw-sample.csv --responses team1.csv': [
    '│ stratum    │  done │ refused │ away │ other │ due │ reserves │   RR1 │',
    '│ 南全福社区 │ 22/22 │       1 │    2 │     0 │   0 │      3/5 │ 90.9% │',
    '22 of 22 completes; 0 households due; RR1 and COOP1 on the original sample (primaries).',
  ],
  'status fw-sample.csv --responses team1.csv --json --lang zh': [
    '"sample": "fw-sample.csv",',
    '"next_due": []',
  ],
  'status fw-sample.csv --responses team1.csv --merge -o merged.csv': [
    '│ 南全福社区 │ 22/22 │       1 │    2 │     0 │   0 │      3/5 │ 90.9% │',
    'merged 25 rows from 1 file in time order into merged.csv',
  ],
  'status fw-sample.csv --responses nope.csv': ['hhsurvey: nope.csv: no such file'],
  'simulate --population 300 --true-rate 0.93 --size 22 --threshold 0.9 --reserve 5 --response-rate 0.8 --not-sure 0.05 --not-sure-rule exclude --seed doc --json':
    ['"seed": "doc",', '"rng": "seedrandom-3.0.5/xor4096",', '"replicates": 10000,'],
  'simulate --population 300 --true-rate 0.95 --size 60 --threshold 0.85 --pass-rule lower_bound --ci clopper-pearson --confidence 0.9 --seed doc':
    [
      'One community: 300 households, 285 favourable (true rate 95.0%), 60 drawn',
      'Pass rule: clopper-pearson 90% lower bound ≥ 85% (at least 56 of 60 when all complete)',
      /^P\(pass\), exact \(hypergeometric\) +0\.841116$/,
      'seed doc (seedrandom-3.0.5/xor4096)',
    ],
  'simulate --roster data/demo/roster.csv --reserve 5 --rate awareness=0.93 --rate participation=0.85 --response-rate 0.85 --seed doc':
    [
      'Simulated 60 communities against national-mock (awareness ≥ 90%, participation ≥ 80%), response rate 85.0%, 10,000 replicates, seed doc',
      'warning: 全福街道 / 利农社区 has only 10 households to draw from, fewer than 22: all are taken',
    ],
  'simulate --roster data/demo/roster.csv --by street,community --total 600 --rate awareness=0.95 --seed doc --json -o simulation.json':
    [
      'warning: 全福街道 / 利农社区 / awareness: true rate 95% of 10 households is 9.5; simulated as 10 favourable (100%), rounded half up',
    ],
  'simulate --roster fixtures/office/roster-export-gb18030.csv --fill-down 街道,社区 --rate 0.9 --seed doc': [
    /^Simulated 3 communities against national-mock \(awareness ≥ 90%, support ≥ 90%/,
    /^│ overall │ overall +│ core_values +│ 300 │ 90\.3% │/,
  ],
  'plan --margin 0.05': [
    'Sample size to estimate a rate within ±5.0% at 95% confidence (expected rate 50.0%)',
    /^ {2}households to draw \(rounded up once\) +385$/,
  ],
  'plan --margin 5% --expected 0.9 --population 300 --deff 1.5 --response-rate 0.8 --json': [
    '"form": "precision",',
    '"margin": 0.05,',
    '"expected_completes": 142.4,',
  ],
  'plan --threshold 0.9 --expected 0.95 --population 300 --power 0.8': [
    'Community of 300 households, expected true rate 95.0% (285 households), rule rate ≥ 90%, target P(pass) ≥ 0.80',
    'Households to draw: 20 (P(pass) = 0.931126; every larger size also reaches the target)',
  ],
  'init my-drill': [
    'wrote my-drill/drill.yaml, my-drill/standard.yaml, my-drill/roster.csv',
    'next: hhsurvey drill my-drill/drill.yaml --out my-drill/out',
  ],
  'drill my-drill/drill.yaml --out my-drill/out': [
    / 2026-01-01 \(seed 2026-01-01\): FAIL: 1 of 5 communities fail/,
    'roster my-drill/roster.csv: 1,800 households, valid; drew 110 primary and 25 reserve households in 5 strata (seed 2026-01-01)',
    'wrote sample.csv, sample.xlsx, sample.manifest.json, responses.csv, report.json, report.md, report.html, junit.xml, drill.json to my-drill/out',
  ],
  'drill data/demo/drill.yaml --out drill-output --lang zh': [
    / 2026-01-01（种子 demo-2026）：未达标：60 个社区中 7 个未达标/,
    '模拟入户：走访 1,512 户，完成 1,252 户，启用备用样本 216 户（应答率 85%）',
    /^hhsurvey: 未达标：60 个社区中 7 个未达标/,
  ],
  'drill data/demo/drill.yaml --out drill-output --no-fail': [
    / 2026-01-01 \(seed demo-2026\): FAIL: 7 of 60 communities fail/,
    'roster data/demo/roster.csv: 20,000 households, valid; drew 1,296 primary and 285 reserve households in 60 strata (seed demo-2026)',
    'wrote sample.csv, sample.xlsx, sample.manifest.json, responses.csv, report.json, report.md, report.html, junit.xml, drill.json to drill-output',
  ],
  'synth responses sample.csv --rate awareness=0.93 --rate participation=0.85 --rate 0.9 --seed r1 -o responses.csv':
    [
      'wrote 1,540 visits to responses.csv: 60 strata, 1,540 households visited, 1,232 of 1,296 completes, 244 reserves used',
    ],
  'synth responses sample.csv --rate 0.9 --response-rate 0.7 --not-sure 0.03 --max-visits 3 --seed r2 -o responses-2.csv':
    [
      'wrote 2,308 visits to responses-2.csv: 60 strata, 1,573 households visited, 1,118 of 1,296 completes, 277 reserves used',
    ],
  'score sample.csv --responses responses.csv': [
    'National Civilized City household survey (mock) (national-mock)',
    'Verdicts, ranked by risk of failing the official check',
    /^FAIL: 44 of 60 communities fail; 16 at risk \(risk of failing the official check above 20%\)/,
    /^hhsurvey: FAIL: 44 of 60 communities fail/,
  ],
  'score sample.csv --responses responses.csv --lang zh --ci clopper-pearson --no-fail': [
    '按点估计判定；95%置信区间：社区 Clopper–Pearson 精确区间，汇总 Korn–Graubard 区间',
    /^未达标：60 个社区中 44 个未达标，16 个有风险/,
  ],
  'score sample.csv --responses responses.csv --risk-level 10% --prior jeffreys --no-fail': [
    /^FAIL: 44 of 60 communities fail; 16 at risk \(risk of failing the official check above 10%\)/,
  ],
  'score sample.csv --responses responses.csv --format json,md,html,junit,csv -o drill-1/ --no-fail': [
    /^wrote .*\/drill-1\/report\.json$/,
    /^wrote .*\/drill-1\/report\.csv$/,
    /^FAIL: 44 of 60 communities fail/,
  ],
  'score sample.csv --responses responses-2.csv --max-visits 3 --format json -o drill-2.json': [
    /^wrote .*\/drill-2\.json$/,
    /^hhsurvey: FAIL: 52 of 60 communities fail; 8 at risk/,
  ],
  'compare drill-1/report.json drill-2.json': [
    'Drill 1: drill-1/report.json (2026-01-01 08:00, FAIL)',
    'Drill 2: drill-2.json (2026-01-01 08:00, FAIL)',
    '2 drills: 7 better, 8 worse, 335 without a clear change (significance level 5%)',
  ],
  'compare drill-1/report.json drill-2.json --format md -o trend.md': [/^wrote .*\/trend\.md$/],
  'compare drill-1/report.json drill-2.json --adjust holm --lang zh': [
    '第1次：drill-1/report.json（2026-01-01 08:00，未达标）',
    '2 次测评：0 项显著提高，0 项显著下降，350 项变化不显著（显著性水平 5%）',
  ],
  'score sample.csv --responses nope.csv': ['hhsurvey: nope.csv: no such file'],
  'score sample.csv --responses responses.csv --format html --title 4月模拟测评 -o april.html --no-fail': [
    /^wrote .*\/april\.html$/,
  ],
  'score sample.csv --responses responses.csv --format csv --lang zh -o 报告.csv --no-fail': [
    /^已写入 .*\/报告\.csv$/,
  ],
  'pack sample.csv -o pack/ --no-pdf': ['wrote 60 visit sheets, 9 covers and pack.xlsx to pack/'],
  'pack fw-sample.csv -o 入户材料/ --only 南全福社区 --lang zh --no-pdf': [
    '已写入 入户材料/：1 份社区走访表、1 份街道封面及 pack.xlsx',
  ],
};

/** Commands that group subcommands: an example's command is its first two words. */
const GROUPS = new Set(['standard', 'synth', 'responses']);
const commandOf = (args: readonly string[]) => (GROUPS.has(args[0]!) ? `${args[0]} ${args[1]}` : args[0]!);

describe('README examples', () => {
  const examples = readmeExamples(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  /**
   * The first example of each command is spawned, the built bin as a user's shell runs it; the
   * later ones run in-process, through the same `run` the bin calls, in the same folder, with the
   * same environment (a spawned command costs about half a second of start-up on a loaded 2-core
   * machine, most of the README's time when every example was spawned).
   */
  const firstOfCommand = new Set(
    examples.filter((ex, i) => examples.findIndex((e) => commandOf(e.args) === commandOf(ex.args)) === i),
  );
  const cwd = mkdtempSync(join(tmpdir(), 'hhsurvey-readme-'));
  symlinkSync(join(ROOT, 'data'), join(cwd, 'data'));
  symlinkSync(join(ROOT, 'fixtures'), join(cwd, 'fixtures'));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it('has examples for every command it documents', () => {
    expect(examples.length).toBeGreaterThan(5);
  });

  it('says what every example prints: output in the README or key lines here, not both, none left over', () => {
    const commands = new Set(examples.map((ex) => ex.args.join(' ')));
    for (const ex of examples) {
      const cmd = ex.args.join(' ');
      expect(ex.shown.length > 0 !== cmd in KEY_LINES, `README.md:${ex.line}: hhsurvey ${cmd}`).toBe(true);
    }
    expect(Object.keys(KEY_LINES).filter((cmd) => !commands.has(cmd))).toEqual([]);
  });

  it('the output check finds a line missing, changed or out of order', () => {
    const printed = ['drew 22 households', 'wrote a.csv', '  total 22  '];
    expect(firstMissing(printed, ['drew 22', /^wrote a\.csv$/])).toBeUndefined();
    expect(firstMissing(printed, ['wrote a.csv', 'drew 22'])).toBe('drew 22');
    expect(firstMissing(printed, ['drew 23'])).toBe('drew 23');
    expect(firstMissing(printed, ['  total 22'], true)).toBeUndefined();
    expect(firstMissing(printed, ['total 22'], true)).toBe('total 22');
  });

  it('spawns the first example of every command it documents', () => {
    const spawned = new Set([...firstOfCommand].map((ex) => commandOf(ex.args)));
    expect([...spawned].sort()).toEqual([...new Set(examples.map((ex) => commandOf(ex.args)))].sort());
    expect(spawned.size).toBeGreaterThanOrEqual(16);
  });

  for (const ex of examples)
    it(`README.md:${ex.line}: hhsurvey ${ex.args.join(' ')}${firstOfCommand.has(ex) || ex.args.join(' ') in SHARED ? ' (spawned)' : ''}`, async () => {
      // The demo drill is also what test/drill-demo.test.ts and the browser test check: run once, shared.
      const cmd = ex.args.join(' ');
      // As on an 80-column terminal, where the README's output was taken (status fits its table to it).
      const opts = { cwd, env: { COLUMNS: '80' } };
      const r =
        cmd in SHARED
          ? await SHARED[cmd]!()
          : firstOfCommand.has(ex)
            ? spawnCli(ex.args, opts)
            : await runCli(ex.args, opts);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.code, r.stderr).toBe(ex.exit);
      const lines = `${r.stdout}\n${r.stderr}`.split('\n');
      const missing =
        ex.shown.length > 0 ? firstMissing(lines, ex.shown, true) : firstMissing(lines, KEY_LINES[cmd] ?? []);
      expect(missing, `not printed (or not in this order):\n${r.stdout}${r.stderr}`).toBeUndefined();
      // In the language it is written in only (test/language.test.ts runs it in the other one).
      const text = readable(r);
      if (writtenLang(ex.args) === 'zh')
        expect(englishRuns(text), 'English in its Chinese output').toEqual([]);
      else expect(chineseSentences(text), 'Chinese sentences in its English output').toEqual([]);
    });
});
