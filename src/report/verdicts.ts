import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import type { IndicatorResult, ScoreReport, StratumResult, VerdictGroup } from '../scoring/report-types.js';
import { vm } from './verdict.messages.js';
import { formatPercent } from '../core/percent.js';

/** One community result in a verdict group. */
export interface VerdictItem {
  stratum: StratumResult;
  result: IndicatorResult;
}

/** A community result's group (reports written before groups existed: from pass alone). */
export function groupOf(r: Pick<IndicatorResult, 'pass' | 'group'>): VerdictGroup {
  if (r.group) return r.group;
  return r.pass === null ? 'no_data' : r.pass ? 'on_track' : 'fails_now';
}

/**
 * Every community result in its group, ranked by risk of failing the official check (highest
 * first), then by how far the rate falls short of the threshold, then by community.
 */
export function verdictGroups(report: ScoreReport): Record<VerdictGroup, VerdictItem[]> {
  const out: Record<VerdictGroup, VerdictItem[]> = { fails_now: [], at_risk: [], on_track: [], no_data: [] };
  for (const s of report.strata)
    for (const r of s.indicators) out[groupOf(r)].push({ stratum: s, result: r });
  const gap = (r: IndicatorResult) => (r.rate ?? 0) - r.threshold;
  for (const list of Object.values(out)) {
    list.sort(
      (a, b) =>
        (b.result.risk ?? 0) - (a.result.risk ?? 0) ||
        gap(a.result) - gap(b.result) ||
        (a.stratum.stratum < b.stratum.stratum ? -1 : a.stratum.stratum > b.stratum.stratum ? 1 : 0),
    );
  }
  return out;
}

/**
 * A group's heading: how many results (community × indicator) and in how many communities, and how
 * many of those communities the verdict line counts in a worse group (it counts each community
 * once, by its worst result), so the two counts cannot be mistaken for each other.
 */
export function groupCountText(lang: Lang, g: VerdictGroup, items: readonly VerdictItem[]): string {
  const communities = new Map(items.map((i) => [i.stratum.stratum, i.stratum]));
  const rank = (x: VerdictGroup) => ['fails_now', 'at_risk', 'on_track', 'no_data'].indexOf(x);
  const worse = [...communities.values()].filter((s) => rank(s.group ?? g) < rank(g)).length;
  return t(lang, vm.groupCount, {
    label: groupLabel(lang, g),
    count: items.length,
    total: communities.size,
    worse,
  });
}

export function groupLabel(lang: Lang, g: VerdictGroup): string {
  return t(lang, { fails_now: vm.failsNow, at_risk: vm.atRisk, on_track: vm.onTrack, no_data: vm.noData }[g]);
}

/** A percentage for a level, without needless decimals: 20%, 12.5%. */
export function levelText(level: number): string {
  return `${+(level * 100).toFixed(2)}%`;
}

/** What a group means, in one clause. */
export function groupNote(lang: Lang, g: VerdictGroup, report: ScoreReport): string {
  const level = levelText(report.risk_model.level);
  switch (g) {
    case 'fails_now':
      return t(lang, report.pass_rule === 'point' ? vm.failsNowNote : vm.failsNowNoteLowerBound);
    case 'at_risk':
      return t(lang, vm.atRiskNote, { level });
    case 'on_track':
      return t(lang, vm.onTrackNote, { level });
    case 'no_data':
      return '';
  }
}

/** The risk as a percentage; below 0.1% and above 99.9% say so rather than print 0.0% or 100.0%. */
export function riskText(risk: number | null | undefined): string {
  if (risk === null || risk === undefined) return '–';
  if (risk === 0) return '0%';
  if (risk === 1) return '100%';
  if (risk < 0.001) return '<0.1%';
  if (risk > 0.999) return '>99.9%';
  return formatPercent(risk);
}

/** The plain statement of what the risk assumes. */
export function riskModelText(lang: Lang, report: ScoreReport): string {
  const m = report.risk_model;
  const size = m.official_size === null ? t(lang, vm.sizeOwn) : t(lang, vm.sizeGiven, { n: m.official_size });
  const prior = t(lang, m.prior === 'jeffreys' ? vm.priorJeffreys : vm.priorUniform);
  return t(lang, vm.model, { size, prior });
}

/** The one-line verdict: communities failing, at risk and on track. */
export function groupsVerdictLine(lang: Lang, report: ScoreReport, head: string): string {
  const c = report.summary.communities;
  return t(lang, vm.verdictLine, {
    head,
    failed: c.fails_now,
    judged: c.fails_now + c.at_risk + c.on_track,
    atRisk: c.at_risk,
    onTrack: c.on_track,
    level: levelText(report.risk_model.level),
  });
}
