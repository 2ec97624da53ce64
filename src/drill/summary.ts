import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { ciText, indicatorNames, pct, verdictText, word } from '../report/labels.js';
import { vm } from '../report/verdict.messages.js';
import { groupLabel, groupOf, riskText, verdictGroups } from '../report/verdicts.js';
import type { ScoreReport } from '../scoring/report-types.js';
import { d } from './messages.js';
import type { DrillResult } from './run.js';

/** The one line a drill prints on stdout: which drill, its verdict, and where the report is. */
export function drillSummaryLine(
  lang: Lang,
  r: Pick<DrillResult, 'drill' | 'date' | 'seed' | 'report'>,
  outLabel: string,
): string {
  return t(lang, d.summary, {
    name: r.drill.name ?? t(lang, d.defaultName),
    date: r.date,
    seed: r.seed,
    verdict: verdictText(lang, r.report),
    report: `${outLabel.replace(/[/\\]+$/, '')}/report.html`,
  });
}

/**
 * What to rectify (整改) and what to watch: every community result that fails now, then the
 * results at risk of failing the official check (the `atRiskLimit` riskiest), each ranked by risk,
 * as table rows (community, indicator, rate, interval, threshold, risk, group); `more` counts the
 * at-risk results left out.
 */
export function rectifyRows(
  lang: Lang,
  report: ScoreReport,
  atRiskLimit = Infinity,
): { head: string[]; rows: string[][]; more: number } {
  const names = indicatorNames(lang, report);
  const groups = verdictGroups(report);
  const items = [...groups.fails_now, ...groups.at_risk.slice(0, atRiskLimit)];
  return {
    head: [
      word(lang, 'community'),
      word(lang, 'indicator'),
      word(lang, 'rate'),
      t(lang, d.intervalHead, { level: Math.round(report.confidence * 1000) / 10 }),
      word(lang, 'threshold'),
      t(lang, vm.risk),
      t(lang, vm.group),
    ],
    rows: items.map(({ stratum: s, result: i }) => [
      s.stratum,
      names.get(i.id) ?? i.id,
      `${pct(i.rate)} (${i.favourable}/${i.eligible})`,
      ciText(i.ci),
      pct(i.threshold),
      riskText(i.risk),
      groupLabel(lang, groupOf(i)),
    ]),
    more: Math.max(0, groups.at_risk.length - atRiskLimit),
  };
}
