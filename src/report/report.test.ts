import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Chalk } from 'chalk';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { buildScoreInput, SPECS } from '../scoring/fixtures.js';
import { scoreAssessment } from '../scoring/score-assessment.js';
import { scoreExitCode } from '../scoring/exit-code.js';
import { REPORT_FORMATS } from './formats.js';
import { renderReport } from './index.js';
import { displayWidth } from '../core/width.js';
import { layoutTable } from './text.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const report = scoreAssessment(buildScoreInput(SPECS));
const passing = scoreAssessment(buildScoreInput(SPECS.filter((s) => s.key === 'C')));
const open = scoreAssessment(
  buildScoreInput([
    { key: 'A', street: 'S1', population: 300, completes: 10, aware: 10, part: [10, 0], open: 12 },
    { key: 'B', street: 'S1', population: 150, completes: 0, aware: 0, part: [0, 0], open: 20 },
  ]),
);
const plain = new Chalk({ level: 0 });
const coloured = new Chalk({ level: 1 });

function elements(node: Node, tag: string, out: Element[] = []): Element[] {
  if ('tagName' in node && node.tagName === tag) out.push(node);
  if ('childNodes' in node) for (const c of node.childNodes) elements(c, tag, out);
  if ('content' in node && node.content) elements(node.content, tag, out);
  return out;
}
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

describe('terminal', () => {
  it("names a community's sub-district once: in its name, or after it when the name lacks it", () => {
    const r = scoreAssessment(
      buildScoreInput([
        { ...SPECS[0]!, key: '全福街道 / 利农社区', street: '全福街道' },
        { ...SPECS[0]!, key: '洪楼社区', street: '洪家楼街道' },
      ]),
    );
    const lines = renderReport(r, 'table', { lang: 'zh', color: plain }).split('\n');
    expect(lines.filter((l) => / · 样本 \d+/.test(l)).map((l) => l.split(' · ')[0])).toEqual([
      '全福街道 / 利农社区  N 300',
      '洪楼社区  洪家楼街道',
    ]);
  });
});

describe('JSON', () => {
  const schema = JSON.parse(
    readFileSync(new URL('../../schemas/score-report.schema.json', import.meta.url), 'utf8'),
  );
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  for (const [name, r] of [
    ['failing', report],
    ['passing', passing],
    ['fieldwork open', open],
  ] as const) {
    it(`matches schemas/score-report.schema.json (${name})`, () => {
      const json = JSON.parse(renderReport(r, 'json', { lang: 'en', color: plain }));
      const ok = validate(json);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });
  }
  it('rejects a report that breaks the schema', () => {
    const json = JSON.parse(renderReport(report, 'json', { lang: 'en', color: plain }));
    json.strata[0].indicators[0].rate = 1.5;
    delete json.levels;
    expect(validate(json)).toBe(false);
  });
});

describe('HTML', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`parses without errors and has one chart per indicator (${lang})`, () => {
      const html = renderReport(report, 'html', { lang, color: plain });
      const errors: string[] = [];
      const doc = parse(html, { onParseError: (e) => errors.push(e.code) });
      expect(errors).toEqual([]);
      const byClass = (root: Parameters<typeof elements>[0], cls: string) =>
        elements(root, 'div').filter((d) => (attr(d, 'class') ?? '').split(' ').includes(cls));
      const charts = byClass(doc, 'chart');
      expect(charts.map((c) => attr(c, 'data-indicator'))).toEqual(['awareness', 'participation']);
      // a row per community and roll-up (after the axis), failing communities first
      const rows = byClass(charts[0]!, 'crow').filter((r) => attr(r, 'data-status') !== undefined);
      expect(rows).toHaveLength(4 + 3);
      expect(attr(rows[0]!, 'data-status')).toBe('fail'); // D at 60%
      // one threshold mark per row, placed at the threshold on the chart's scale
      expect(attr(charts[0]!, 'style')).toMatch(/^--thr:\d+\.\d\d%$/);
      // tables scroll inside their own box
      expect(byClass(doc, 'table-wrap')).toHaveLength(2);
      // self-contained: no scripts, no external references
      expect(elements(doc, 'script')).toHaveLength(0);
      expect(elements(doc, 'link')).toHaveLength(0);
      expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
      expect(attr(elements(doc, 'html')[0]!, 'lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
    });
  }
  it('titles the report with --title or the drill name, else the standard', () => {
    const titled = renderReport({ ...report, title: '4月模拟测评' }, 'html', { lang: 'en', color: plain });
    expect(titled).toContain('<title>4月模拟测评</title>');
    expect(titled).toContain('<h1>4月模拟测评</h1>');
    const plainTitle = renderReport(report, 'html', { lang: 'zh', color: plain });
    expect(plainTitle).toContain(`<h1>${report.standard_name.zh}：模拟测评结果</h1>`);
    for (const f of ['md', 'table', 'junit'] as const)
      expect(renderReport({ ...report, title: '4月模拟测评' }, f, { lang: 'zh', color: plain })).toContain(
        '4月模拟测评',
      );
  });
  it('shows full labels: no name is cut short', () => {
    const long = '一个名字很长很长很长的街道办事处 / 一个名字也很长很长很长的社区居民委员会';
    const r = scoreAssessment(buildScoreInput([{ ...SPECS[0]!, key: long, street: 'S1' }]));
    const html = renderReport(r, 'html', { lang: 'en', color: plain });
    expect(html).toContain(`<span class="clabel">${long}</span>`);
    expect(html).not.toContain('…');
  });
  it('escapes names', () => {
    const r = scoreAssessment(buildScoreInput([{ ...SPECS[0]!, key: '<b>&"x', street: 'S1' }]));
    const html = renderReport(r, 'html', { lang: 'en', color: plain });
    expect(html).not.toContain('<b>&"x');
    expect(html).toContain('&lt;b&gt;&amp;&quot;x');
  });
});

describe('JUnit XML', () => {
  it('is valid XML with one suite per community and roll-up, one case per indicator, right counts', () => {
    const xml = renderReport(report, 'junit', { lang: 'en', color: plain });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => ['testsuite', 'testcase', 'property'].includes(n),
    }).parse(xml);
    const root = doc.testsuites;
    expect(root.tests).toBe(String((4 + 3) * 2));
    expect(root.failures).toBe('3');
    const suites = root.testsuite as {
      name: string;
      tests: string;
      failures: string;
      testcase: { failure?: unknown }[];
    }[];
    expect(suites.map((s) => s.name)).toEqual([
      'A',
      'B',
      'C',
      'D',
      'Sub-district S1',
      'Sub-district S2',
      'Overall',
    ]);
    for (const s of suites) {
      expect(s.testcase).toHaveLength(2);
      expect(String(s.testcase.filter((c) => c.failure !== undefined).length)).toBe(s.failures);
    }
    // failures: B awareness 75%, D awareness 60%, S1 awareness 85.6%
    expect(suites.filter((s) => s.failures !== '0').map((s) => s.name)).toEqual([
      'B',
      'D',
      'Sub-district S1',
    ]);
  });
  it('marks indicators without data as skipped', () => {
    const xml = renderReport(open, 'junit', { lang: 'zh', color: plain });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatch(/<testsuites [^>]*skipped="2"/);
  });
});

describe('CSV', () => {
  it('one row per community × indicator, then the roll-ups', () => {
    const csv = renderReport(report, 'csv', { lang: 'en', color: plain });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 4 * 2 + 3 * 2);
    expect(lines[0]).toMatch(/^level,group,street,indicator,/);
    expect(lines[1]).toMatch(/^stratum,A,S1,awareness,Awareness,20,22,0,0\.9090909090909091,/);
    expect(lines.at(-1)).toMatch(/^overall,overall,,participation,/);
    const zh = renderReport(report, 'csv', { lang: 'zh', color: plain, bom: true });
    expect(zh.startsWith('\uFEFF层级,单位')).toBe(true);
    // for people: percentages with one decimal, 是/否, levels in Chinese (20/22 = 90.909...%)
    const zl = zh.trimEnd().split('\r\n');
    expect(zl[1]).toMatch(
      /^社区,A,S1,awareness,知晓率,20,22,0,90\.9%,[\d.]+%,[\d.]+%,[\d.]+%,90\.0%,是,是,300,/,
    );
    expect(zl.at(-1)).toMatch(/^总体,总体,,participation,/);
    expect(zh).not.toMatch(/true|false|0\.\d{4}/);
    // The verdict group: a code for programs, the group's name for people; every header unique.
    expect(lines[0]!.split(',').at(-1)).toBe('verdict_group');
    expect(new Set(lines[0]!.split(',')).size).toBe(lines[0]!.split(',').length);
    expect(new Set(zl[0]!.replace('\uFEFF', '').split(',')).size).toBe(zl[0]!.split(',').length);
    const groups = (rows: string[]) => rows.slice(1, 9).map((l) => l.split(',').at(-1));
    const names: Record<string, string> = {
      fails_now: '现在未达标',
      at_risk: '有风险',
      on_track: '有把握',
      no_data: '无数据',
    };
    expect(groups(lines)).toContain('fails_now');
    expect(groups(zl)).toEqual(groups(lines).map((g) => names[g!]));
  });
});

describe('Markdown', () => {
  it('leads with the verdict groups ranked by risk, then a table per level', () => {
    const md = renderReport(report, 'md', { lang: 'en', color: plain });
    expect(md).toContain('**FAIL: 2 of 4 communities fail; ');
    expect(md).toContain('; 1 roll-up fails**');
    // a sub-district named once, on its first community's row
    expect(md).toMatch(/\| \*\*S2\*\* \| C \| [^\n]*\n\| {2}\| D \| 10\/10 \|/);
    expect(md.match(/\*\*S2\*\*/g)).toHaveLength(1);
    expect(md).toContain('## Verdicts, ranked by risk of failing the official check');
    expect(md).toMatch(/- D: Awareness 60\.0% \(6\/10, 31\.3–83\.2%\), threshold 90\.0%, risk \d+\.\d%/);
    expect(md).toContain('The risk is a model-based estimate');
    // The verdict line counts communities once, by their worst result; a group's heading counts
    // results and says how many of its communities the verdict line puts in a worse group
    // (2 at risk = 3 communities with an at-risk result − 1 that also fails now).
    expect(md).toContain(
      '2 at risk (risk of failing the official check above 20%); 0 on track (each community counted once, by its worst result)',
    );
    expect(md).toContain(
      '**At risk: 4 results (community × indicator) in 3 communities; 1 of them has a worse result and is counted in a worse group in the verdict line**',
    );
    expect(md).toContain('**Fails now: 2 results (community × indicator) in 2 communities**');
    const zhMd = renderReport(report, 'md', { lang: 'zh', color: plain });
    expect(zhMd).toContain(
      '2 个有风险（正式测评未达标风险高于 20%），0 个有把握（每个社区按其最差的一项结果计一次）',
    );
    expect(zhMd).toContain(
      '**有风险：4 项结果（社区 × 指标），分布在 3 个社区；其中 1 个社区另有更差的结果，在结论行中计入更差的分组**',
    );
    expect(md.indexOf('## Verdicts')).toBeLessThan(md.indexOf('## Communities'));
    const zh = renderReport(report, 'md', { lang: 'zh', color: plain });
    expect(zh).toContain('## 各社区');
  });
});

describe('terminal table', () => {
  it('a block per community, roll-ups, verdict last; no colour codes when colour is off', () => {
    const t = renderReport(report, 'table', { lang: 'en', color: plain });
    expect(t).not.toContain('\x1b[');
    const lines = t.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^FAIL: 2 of 4 communities fail/);
    expect(t).toMatch(/^D {2}S2 · N 80 · 10 sampled · 10 complete/m);
    expect(t).toMatch(/Awareness +60\.0% +31\.3–83\.2% +6\/10 +90\.0% +FAIL +\d+\.\d%$/m);
    expect(t).toMatch(/^Fails now: \d+ results? \(community × indicator\) in \d communit(y|ies)/m);
    expect(t.indexOf('Fails now')).toBeLessThan(t.indexOf('D  S2'));
    expect(t).toContain('Overall');
  });
  it('colours pass, fail and too close when colour is on', () => {
    const t = renderReport(report, 'table', { lang: 'en', color: coloured });
    expect(t).toContain('\x1b[31m');
    expect(t).toContain('\x1b[32m');
    expect(t).toContain('\x1b[33m');
  });
  it('speaks Chinese and says when fieldwork is open', () => {
    const t = renderReport(open, 'table', { lang: 'zh', color: plain });
    expect(t).toContain('入户调查尚未结束：32 户正式样本尚无记录');
    expect(t).toContain('知晓率');
    expect(t).toContain('无数据');
  });
});

describe('every format renders', () => {
  for (const f of REPORT_FORMATS) {
    it(f, () => {
      for (const lang of ['en', 'zh'] as const)
        expect(renderReport(open, f, { lang, color: plain }).length).toBeGreaterThan(100);
    });
  }
});

describe('exit code', () => {
  it('0 when met, 1 when any indicator fails, 0 with --no-fail', () => {
    expect(scoreExitCode(passing)).toBe(0);
    expect(scoreExitCode(report)).toBe(1);
    expect(scoreExitCode(report, { noFail: true })).toBe(0);
  });
});

describe('text layout', () => {
  it('counts a Chinese character as two columns', () => {
    expect(displayWidth('南全福社区')).toBe(10);
    expect(displayWidth('A1%')).toBe(3);
    expect(
      layoutTable(
        [
          ['知晓率', '1'],
          ['Awareness', '22'],
        ],
        [false, true],
      ),
    ).toEqual(['知晓率      1', 'Awareness  22']);
  });
});
