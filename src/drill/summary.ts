import type { Lang } from '../core/i18n.js';
import { ciText, indicatorNames, pct, verdictText, word } from '../report/labels.js';
import type { ScoreReport } from '../scoring/report-types.js';
import type { DrillResult } from './run.js';

/** The one line a drill prints on stdout: which drill, its verdict, and where the report is. */
export function drillSummaryLine(
  lang: Lang,
  r: Pick<DrillResult, 'drill' | 'date' | 'seed' | 'report'>,
  outLabel: string,
): string {
  const name = r.drill.name ?? (lang === 'zh' ? '演练' : 'drill');
  const report = `${outLabel.replace(/[/\\]+$/, '')}/report.html`;
  return lang === 'zh'
    ? `${name} ${r.date}（种子 ${r.seed}）：${verdictText(lang, r.report)}；报告 ${report}`
    : `${name} ${r.date} (seed ${r.seed}): ${verdictText(lang, r.report)}; report ${report}`;
}

/**
 * What to rectify (整改): every failing indicator of every community, worst shortfall first, as
 * table rows (community, indicator, rate, interval, threshold, too close to call).
 */
export function rectifyRows(lang: Lang, report: ScoreReport): { head: string[]; rows: string[][] } {
  const names = indicatorNames(lang, report);
  const items = report.strata.flatMap((s) =>
    s.indicators.filter((i) => i.pass === false).map((i) => ({ s, i, gap: (i.rate ?? 0) - i.threshold })),
  );
  items.sort((a, b) => a.gap - b.gap || (a.s.stratum < b.s.stratum ? -1 : a.s.stratum > b.s.stratum ? 1 : 0));
  return {
    head: [
      word(lang, 'community'),
      word(lang, 'indicator'),
      word(lang, 'rate'),
      `${Math.round(report.confidence * 1000) / 10}% ${lang === 'zh' ? '置信区间' : 'interval'}`,
      word(lang, 'threshold'),
      '',
    ],
    rows: items.map(({ s, i }) => [
      s.stratum,
      names.get(i.id) ?? i.id,
      `${pct(i.rate)} (${i.favourable}/${i.eligible})`,
      ciText(i.ci),
      pct(i.threshold),
      i.too_close ? word(lang, 'tooClose') : '',
    ]),
  };
}
