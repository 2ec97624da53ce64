import type { ChalkInstance } from 'chalk';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { cm } from './compare-render.messages.js';
import type { CompareResult, Direction, TrendRow } from '../scoring/compare-reports.js';
import { levelLabel, pct, word, displayTime } from './labels.js';
import { mdCell } from './markdown.js';
import { layoutTable, type Cell } from './text.js';
import type { CompareFormat } from './compare-formats.js';

function directionText(lang: Lang, d: Direction): string {
  return t(lang, cm[d]);
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
  return t(lang, cm.drill, { n: i + 1 });
}

function rateWithCounts(p: TrendRow['points'][number], rollup: boolean): string {
  if (p.rate === null) return '–';
  return rollup || p.eligible === null ? pct(p.rate) : `${pct(p.rate)} (${p.favourable}/${p.eligible})`;
}

function levelText(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

function summaryText(lang: Lang, c: CompareResult): string {
  const s = c.summary;
  return t(lang, cm.summary, {
    drills: c.reports.length,
    better: s.better,
    worse: s.worse,
    unclear: s.unclear,
    level: levelText(1 - c.confidence),
  });
}

/** How many tests, and what that means: expected chance findings, or the Holm adjustment. */
function testsText(lang: Lang, c: CompareResult): string {
  const level = levelText(1 - c.confidence);
  if (c.adjustment === 'holm') return t(lang, cm.testsHolm, { tests: c.tests, level });
  const expected = c.tests * (1 - c.confidence);
  return t(lang, cm.tests, {
    tests: c.tests,
    level,
    expected: expected < 10 ? expected.toFixed(1) : String(Math.round(expected)),
  });
}

function intervalText(ci: [number, number]): string {
  return `${signedPoints(ci[0])} … ${signedPoints(ci[1])}`;
}

/** The column heads and one row's cells, the same in the terminal and in Markdown. */
function columns(lang: Lang, c: CompareResult): string[] {
  return [
    t(lang, cm.unit),
    word(lang, 'indicator'),
    ...c.reports.map((_, i) => drillLabel(lang, i)),
    t(lang, cm.change),
    t(lang, cm.interval, { level: levelText(c.confidence) }),
    c.adjustment === 'holm' ? t(lang, cm.pHolm) : 'p',
    word(lang, 'verdict'),
  ];
}

function cells(lang: Lang, c: CompareResult, names: Map<string, string>, r: TrendRow): string[] {
  const ch = r.change;
  return [
    groupLabel(lang, r),
    names.get(r.indicator) ?? r.indicator,
    ...r.points.map((p) => rateWithCounts(p, r.level !== 'stratum')),
    ch ? signedPoints(ch.difference) : '–',
    ch ? intervalText(ch.ci) : '–',
    ch ? pText(c.adjustment === 'holm' ? (ch.p_adjusted ?? ch.p_value) : ch.p_value) : '–',
    directionText(lang, r.direction),
  ];
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
        .map((r, i) =>
          t(lang, cm.drillLine, {
            drill: drillLabel(lang, i),
            file: r.file,
            time: displayTime(r.generated_at),
            verdict: r.pass ? word(lang, 'pass') : word(lang, 'fail'),
          }),
        )
        .join('\n'),
    ),
    '',
  );
  const header: Cell[] = columns(lang, c).map((text) => ({ text, style: color.dim }));
  const body = c.rows.map((r): Cell[] =>
    cells(lang, c, names, r).map((text, i, all) =>
      i === all.length - 1 ? { text, style: style(r.direction) } : { text },
    ),
  );
  const right = [false, false, ...c.reports.map(() => true), true, true, true, false];
  out.push(...layoutTable([header, ...body], right));
  out.push('', summaryText(lang, c), color.dim(testsText(lang, c)));
  return out.join('\n') + '\n';
}

export function renderCompareMarkdown(c: CompareResult, opts: { lang: Lang }): string {
  const { lang } = opts;
  const names = new Map(c.indicators.map((i) => [i.id, i.name[lang]]));
  const out: string[] = [];
  out.push(`# ${t(lang, cm.title)}`, '', `**${mdCell(summaryText(lang, c))}**`, '');
  c.reports.forEach((r, i) => {
    const line = t(lang, cm.drillLine, {
      drill: drillLabel(lang, i),
      file: `\`${mdCell(r.file)}\``,
      time: displayTime(r.generated_at),
      verdict: r.pass ? word(lang, 'pass') : word(lang, 'fail'),
    });
    out.push(`- ${line}`);
  });
  out.push('', mdCell(t(lang, cm.method)), '', mdCell(testsText(lang, c)), '');
  const cols = columns(lang, c);
  out.push(
    `| ${cols.map(mdCell).join(' | ')} |`,
    `|${cols.map((_, i) => (i < 2 || i === cols.length - 1 ? ' --- ' : ' ---: ')).join('|')}|`,
  );
  for (const r of c.rows) {
    const mark = r.direction === 'better' ? '⬆️ ' : r.direction === 'worse' ? '⬇️ ' : '';
    const row = cells(lang, c, names, r).map(mdCell);
    row[row.length - 1] = `${mark}${row[row.length - 1]!}`;
    out.push(`| ${row.join(' | ')} |`);
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
