import { chinaDisplay } from '../core/clock.js';
import type { Lang } from '../core/i18n.js';
import type { CommunityCiMethod, IndicatorResult, LocalName, ScoreReport } from '../scoring/report-types.js';
import { groupLabel, groupsVerdictLine } from './verdicts.js';
import { formatPercent } from '../core/percent.js';
import { t } from '../core/messages.js';
import { lm, words } from './labels.messages.js';
import { punct } from '../core/punctuation.messages.js';

export type Word = keyof typeof words;

export function word(lang: Lang, w: Word): string {
  return t(lang, words[w]);
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
  const byMethod = {
    hypergeometric: lm.ciHypergeometric,
    wilson: lm.ciWilson,
    'clopper-pearson': lm.ciClopperPearson,
    'korn-graubard': lm.ciKornGraubard,
  } as const;
  return t(lang, byMethod[m]);
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
      return t(lang, lm.closePass);
    case 'close-fail':
      return t(lang, lm.closeFail);
    case 'none':
      return word(lang, 'noData');
  }
}

export function groupStatusText(lang: Lang, pass: boolean | null): string {
  return pass === null ? word(lang, 'noData') : pass ? word(lang, 'pass') : word(lang, 'fail');
}

export function levelLabel(lang: Lang, level: 'street' | 'overall', group: string): string {
  if (level === 'overall') return word(lang, 'overall');
  return t(lang, lm.streetLevel, { group });
}

export function ruleText(lang: Lang, report: ScoreReport): string {
  const conf = `${Math.round(report.confidence * 1000) / 10}%`;
  return t(lang, lm.rule, {
    rule: report.pass_rule === 'point' ? t(lang, lm.rulePoint) : t(lang, lm.ruleLowerBound, { conf }),
    conf,
    community: ciMethodName(lang, report.ci_method),
    rollup: ciMethodName(lang, report.rollup_ci_method),
  });
}

/** The one-line verdict every format ends with. */
export function verdictText(lang: Lang, report: ScoreReport): string {
  const s = report.summary;
  const failedLevels = report.levels.filter((l) => l.pass === false).length;
  const head = t(lang, report.pass ? lm.verdictPass : lm.verdictFail);
  const more: string[] = [];
  if (failedLevels > 0) more.push(t(lang, lm.rollupsFail, { n: failedLevels }));
  if (s.communities) {
    if (s.strata_not_judged > 0) more.push(t(lang, lm.noDataYet, { n: s.strata_not_judged }));
    return [groupsVerdictLine(lang, report, head), ...more].join(t(lang, punct.clauses));
  }
  const judged = s.strata - s.strata_not_judged;
  const parts = [t(lang, lm.strataFailed, { failed: s.strata_failed, judged }), ...more];
  parts.push(t(lang, lm.tooCloseCount, { n: s.indicators_too_close }));
  if (s.strata_not_judged > 0) parts.push(t(lang, lm.noDataYet, { n: s.strata_not_judged }));
  return t(lang, lm.verdict, { head, parts });
}

export function fieldworkText(lang: Lang, report: ScoreReport): string | undefined {
  if (report.fieldwork_complete) return undefined;
  const open = report.strata.reduce((a, s) => a + s.not_visited, 0);
  return t(lang, lm.fieldworkOpen, { open });
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
export const colon = (lang: Lang): string => t(lang, punct.colon);
