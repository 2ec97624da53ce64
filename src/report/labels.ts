import { chinaDisplay } from '../core/clock.js';
import type { Lang } from '../core/i18n.js';
import type { CommunityCiMethod, IndicatorResult, LocalName, ScoreReport } from '../scoring/report-types.js';
import { groupLabel, groupsVerdictLine } from './verdicts.js';
import { formatPercent } from '../core/percent.js';

/** Words every report format shares, in Chinese and English. */
const WORDS = {
  community: { zh: '社区', en: 'Community' },
  street: { zh: '街道', en: 'Sub-district' },
  overall: { zh: '全区总体', en: 'Overall' },
  indicator: { zh: '指标', en: 'Indicator' },
  rate: { zh: '比率', en: 'Rate' },
  threshold: { zh: '标准', en: 'Threshold' },
  verdict: { zh: '结论', en: 'Verdict' },
  pass: { zh: '达标', en: 'pass' },
  fail: { zh: '未达标', en: 'FAIL' },
  tooClose: { zh: '误差范围内', en: 'too close to call' },
  noData: { zh: '无数据', en: 'no data' },
  population: { zh: '总户数', en: 'Households' },
  sampled: { zh: '样本', en: 'Sampled' },
  completes: { zh: '完成', en: 'Completes' },
  reservesUsed: { zh: '启用备用户', en: 'Reserves used' },
  score: { zh: '得分率', en: 'Score rate' },
  favourable: { zh: '肯定', en: 'Favourable' },
  eligible: { zh: '有效', en: 'Eligible' },
  notVisited: { zh: '未访', en: 'Not visited' },
} as const;

export type Word = keyof typeof WORDS;

export function word(lang: Lang, w: Word): string {
  return WORDS[w][lang];
}

export function nameOf(lang: Lang, n: LocalName): string {
  return n[lang];
}

export function pct(v: number | null | undefined, digits = 1): string {
  return formatPercent(v, digits);
}

export function ciText(ci: [number, number] | null, digits = 1): string {
  return ci === null ? '–' : `${(ci[0] * 100).toFixed(digits)}–${(ci[1] * 100).toFixed(digits)}%`;
}

export function ciMethodName(lang: Lang, m: CommunityCiMethod | 'korn-graubard'): string {
  switch (m) {
    case 'hypergeometric':
      return lang === 'zh' ? '有限总体超几何精确区间' : 'exact hypergeometric (finite community)';
    case 'wilson':
      return lang === 'zh' ? 'Wilson 区间' : 'Wilson';
    case 'clopper-pearson':
      return lang === 'zh' ? 'Clopper–Pearson 精确区间' : 'Clopper–Pearson';
    case 'korn-graubard':
      return lang === 'zh' ? 'Korn–Graubard 区间' : 'Korn–Graubard';
  }
}

/**
 * How a result is shown. A community result with a verdict group shows its group (pass = on
 * track, at-risk, fail = fails now); a roll-up has no risk and keeps "too close" (its interval
 * holds the threshold).
 */
export type Status = 'pass' | 'fail' | 'at-risk' | 'close-pass' | 'close-fail' | 'none';

export function statusOf(r: Pick<IndicatorResult, 'pass' | 'too_close' | 'group'>): Status {
  if (r.pass === null) return 'none';
  if (r.group !== undefined)
    return r.group === 'fails_now'
      ? 'fail'
      : r.group === 'at_risk'
        ? 'at-risk'
        : r.group === 'on_track'
          ? 'pass'
          : 'none';
  if (r.too_close) return r.pass ? 'close-pass' : 'close-fail';
  return r.pass ? 'pass' : 'fail';
}

export function statusText(lang: Lang, s: Status): string {
  switch (s) {
    case 'pass':
      return word(lang, 'pass');
    case 'fail':
      return word(lang, 'fail');
    case 'at-risk':
      return groupLabel(lang, 'at_risk');
    case 'close-pass':
      return lang === 'zh' ? '达标（误差范围内）' : 'pass (too close)';
    case 'close-fail':
      return lang === 'zh' ? '未达标（误差范围内）' : 'FAIL (too close)';
    case 'none':
      return word(lang, 'noData');
  }
}

export function groupStatusText(lang: Lang, pass: boolean | null): string {
  return pass === null ? word(lang, 'noData') : pass ? word(lang, 'pass') : word(lang, 'fail');
}

export function levelLabel(lang: Lang, level: 'street' | 'overall', group: string): string {
  if (level === 'overall') return word(lang, 'overall');
  // 全福街道 already says it is a sub-district; 全福 does not.
  return lang === 'zh' && group.endsWith('街道') ? group : `${word(lang, 'street')} ${group}`;
}

export function ruleText(lang: Lang, report: ScoreReport): string {
  const conf = `${Math.round(report.confidence * 1000) / 10}%`;
  const rule =
    report.pass_rule === 'point'
      ? lang === 'zh'
        ? '按点估计判定'
        : 'judged on the rate'
      : lang === 'zh'
        ? `按${conf}置信下限判定`
        : `judged on the ${conf} lower bound`;
  return lang === 'zh'
    ? `${rule}；${conf}置信区间：社区 ${ciMethodName(lang, report.ci_method)}，汇总 ${ciMethodName(lang, report.rollup_ci_method)}`
    : `${rule}; ${conf} intervals: ${ciMethodName(lang, report.ci_method)} for communities, ${ciMethodName(lang, report.rollup_ci_method)} for roll-ups`;
}

/** The one-line verdict every format ends with. */
export function verdictText(lang: Lang, report: ScoreReport): string {
  const s = report.summary;
  if (s.communities) {
    const failedLevels = report.levels.filter((l) => l.pass === false).length;
    const head = groupsVerdictLine(
      lang,
      report,
      report.pass ? (lang === 'zh' ? '达标' : 'PASS') : lang === 'zh' ? '未达标' : 'FAIL',
    );
    const parts = [head];
    if (failedLevels > 0)
      parts.push(
        lang === 'zh'
          ? `${failedLevels} 个汇总层级未达标`
          : `${failedLevels} roll-up${failedLevels === 1 ? ' fails' : 's fail'}`,
      );
    if (s.strata_not_judged > 0)
      parts.push(
        lang === 'zh' ? `${s.strata_not_judged} 个社区尚无数据` : `${s.strata_not_judged} without data yet`,
      );
    return parts.join(lang === 'zh' ? '，' : '; ');
  }
  const judged = s.strata - s.strata_not_judged;
  const failedLevels = report.levels.filter((l) => l.pass === false).length;
  if (lang === 'zh') {
    const head = report.pass ? '达标' : '未达标';
    const parts = [`${judged} 个社区中 ${s.strata_failed} 个未达标`];
    if (failedLevels > 0) parts.push(`${failedLevels} 个汇总层级未达标`);
    parts.push(`${s.indicators_too_close} 项结果在误差范围内`);
    if (s.strata_not_judged > 0) parts.push(`${s.strata_not_judged} 个社区尚无数据`);
    return `${head}：${parts.join('，')}`;
  }
  const head = report.pass ? 'PASS' : 'FAIL';
  const parts = [`${s.strata_failed} of ${judged} communities fail`];
  if (failedLevels > 0) parts.push(`${failedLevels} roll-up${failedLevels === 1 ? ' fails' : 's fail'}`);
  parts.push(`${s.indicators_too_close} result${s.indicators_too_close === 1 ? '' : 's'} too close to call`);
  if (s.strata_not_judged > 0) parts.push(`${s.strata_not_judged} without data yet`);
  return `${head}: ${parts.join('; ')}`;
}

export function fieldworkText(lang: Lang, report: ScoreReport): string | undefined {
  if (report.fieldwork_complete) return undefined;
  const open = report.strata.reduce((a, s) => a + s.not_visited, 0);
  return lang === 'zh'
    ? `入户调查尚未结束：${open} 户正式样本尚无记录，以下按已有记录计分。`
    : `Fieldwork still open: ${open} primary household${open === 1 ? '' : 's'} not yet recorded; scoring what is there.`;
}

export function indicatorNames(lang: Lang, report: ScoreReport): Map<string, string> {
  return new Map(report.indicators.map((i) => [i.id, i.name[lang]]));
}

/** A stored ISO stamp shown to people in China time (2026-12-01 08:00); unreadable text as it is. */
export function displayTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : chinaDisplay(new Date(ms));
}

/** The colon after a label: full-width in Chinese text. */
export const colon = (lang: Lang): string => (lang === 'zh' ? '：' : ': ');
