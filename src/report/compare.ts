import type { ChalkInstance } from 'chalk';
import type { Lang } from '../core/i18n.js';
import type { CompareResult, Direction, TrendRow } from '../scoring/compare.js';
import { levelLabel, pct, word, displayTime } from './labels.js';
import { mdCell } from './markdown.js';
import { layoutTable, type Cell } from './text.js';

export const COMPARE_FORMATS = ['table', 'json', 'md'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

function directionText(lang: Lang, d: Direction): string {
  const zh = { better: '显著提高', worse: '显著下降', unclear: '变化不显著', none: '无法比较' };
  const en = { better: 'better', worse: 'WORSE', unclear: 'no clear change', none: 'not comparable' };
  return (lang === 'zh' ? zh : en)[d];
}

function signedPoints(d: number): string {
  const v = (d * 100).toFixed(1);
  return `${d > 0 ? '+' : d < 0 ? '' : '±'}${v === '-0.0' ? '0.0' : v}`;
}

function pText(p: number): string {
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

function groupLabel(lang: Lang, r: TrendRow): string {
  return r.level === 'stratum' ? r.group : levelLabel(lang, r.level, r.group);
}

function drillLabel(lang: Lang, i: number): string {
  return lang === 'zh' ? `第${i + 1}次` : `Drill ${i + 1}`;
}

function rateWithCounts(p: TrendRow['points'][number], rollup: boolean): string {
  if (p.rate === null) return '–';
  return rollup || p.eligible === null ? pct(p.rate) : `${pct(p.rate)} (${p.favourable}/${p.eligible})`;
}

function summaryText(lang: Lang, c: CompareResult): string {
  const s = c.summary;
  return lang === 'zh'
    ? `${c.reports.length} 次测评：${s.better} 项显著提高，${s.worse} 项显著下降，${s.unclear} 项变化不显著（显著性水平 ${Math.round((1 - c.confidence) * 1000) / 10}%）`
    : `${c.reports.length} drills: ${s.better} better, ${s.worse} worse, ${s.unclear} without a clear change (significance level ${Math.round((1 - c.confidence) * 1000) / 10}%)`;
}

/** The trend for people at a terminal: one row per community (and roll-up) × indicator. */
export function renderCompareTable(c: CompareResult, opts: { lang: Lang; color: ChalkInstance }): string {
  const { lang, color } = opts;
  const names = new Map(c.indicators.map((i) => [i.id, i.name[lang]]));
  const style = (d: Direction) => (d === 'better' ? color.green : d === 'worse' ? color.red.bold : color.dim);
  const out: string[] = [];
  out.push(
    color.dim(
      c.reports
        .map(
          (r, i) =>
            `${drillLabel(lang, i)}: ${r.file} (${displayTime(r.generated_at)}, ${r.pass ? word(lang, 'pass') : word(lang, 'fail')})`,
        )
        .join('\n'),
    ),
    '',
  );
  const header: Cell[] = [
    lang === 'zh' ? '单位' : 'Community',
    word(lang, 'indicator'),
    ...c.reports.map((_, i) => drillLabel(lang, i)),
    lang === 'zh' ? '变化（百分点）' : 'Change (points)',
    'p',
    word(lang, 'verdict'),
  ].map((text) => ({ text, style: color.dim }));
  const body = c.rows.map((r): Cell[] => [
    { text: groupLabel(lang, r) },
    { text: names.get(r.indicator) ?? r.indicator },
    ...r.points.map((p) => ({ text: rateWithCounts(p, r.level !== 'stratum') })),
    { text: r.change ? signedPoints(r.change.difference) : '–' },
    { text: r.change ? pText(r.change.p_value) : '–' },
    { text: directionText(lang, r.direction), style: style(r.direction) },
  ]);
  const right = [false, false, ...c.reports.map(() => true), true, true, false];
  out.push(...layoutTable([header, ...body], right));
  out.push('', summaryText(lang, c));
  return out.join('\n') + '\n';
}

export function renderCompareMarkdown(c: CompareResult, opts: { lang: Lang }): string {
  const { lang } = opts;
  const zh = lang === 'zh';
  const names = new Map(c.indicators.map((i) => [i.id, i.name[lang]]));
  const out: string[] = [];
  out.push(`# ${zh ? '测评趋势' : 'Trend across drills'}`, '', `**${mdCell(summaryText(lang, c))}**`, '');
  c.reports.forEach((r, i) =>
    out.push(
      `- ${drillLabel(lang, i)}: \`${mdCell(r.file)}\` (${displayTime(r.generated_at)}, ${r.pass ? word(lang, 'pass') : word(lang, 'fail')})`,
    ),
  );
  out.push(
    '',
    zh
      ? '社区的变化用两比例检验（合并方差 z 检验）判断；汇总层级用分层估计的同类检验（各社区两次合并比率下的方差）。'
      : 'Changes in a community are judged with a two-proportion test (pooled z test); roll-ups with its stratified analogue (variance from each community\u2019s rate pooled over the drills).',
    '',
  );
  const cols = [
    zh ? '单位' : 'Community',
    word(lang, 'indicator'),
    ...c.reports.map((_, i) => drillLabel(lang, i)),
    zh ? '变化（百分点）' : 'Change (points)',
    'p',
    word(lang, 'verdict'),
  ];
  out.push(
    `| ${cols.join(' | ')} |`,
    `|${cols.map((_, i) => (i < 2 || i === cols.length - 1 ? ' --- ' : ' ---: ')).join('|')}|`,
  );
  for (const r of c.rows) {
    const mark = r.direction === 'better' ? '⬆️ ' : r.direction === 'worse' ? '⬇️ ' : '';
    out.push(
      `| ${[
        mdCell(groupLabel(lang, r)),
        mdCell(names.get(r.indicator) ?? r.indicator),
        ...r.points.map((p) => rateWithCounts(p, r.level !== 'stratum')),
        r.change ? signedPoints(r.change.difference) : '–',
        r.change ? pText(r.change.p_value) : '–',
        `${mark}${directionText(lang, r.direction)}`,
      ].join(' | ')} |`,
    );
  }
  return out.join('\n') + '\n';
}

export function renderCompare(
  c: CompareResult,
  format: CompareFormat,
  opts: { lang: Lang; color: ChalkInstance },
): string {
  switch (format) {
    case 'table':
      return renderCompareTable(c, opts);
    case 'json':
      return `${JSON.stringify(c, null, 2)}\n`;
    case 'md':
      return renderCompareMarkdown(c, opts);
  }
}
