import type { Lang } from '../core/i18n.js';
import { compareCodePoints } from '../roster/read-roster.js';
import { t } from '../core/messages.js';
import type { IndicatorDefinition, IndicatorResult } from '../scoring/report-types.js';
import { escapeHtml } from './escape.js';
import { ciText, pct, statusOf, statusText, word, type Status } from './labels.js';
import { m } from './messages.js';

/**
 * The per-indicator chart of the HTML report: one row per community (then the roll-ups) with its
 * rate, interval and the threshold. Built from HTML boxes positioned in percent rather than one
 * fixed-size SVG, so it follows the page: labels are ordinary text that wraps, never shrinks with
 * the drawing and is never cut; on a narrow screen a row's label goes above its bar (see CSS).
 */

export const STATUS_COLOURS: Record<Status, string> = {
  pass: '#1a7f37',
  fail: '#cf222e',
  'at-risk': '#9a6700',
  'close-pass': '#9a6700',
  'close-fail': '#cf222e',
  none: '#6e7781',
};
const ORDER: Record<Status, number> = {
  fail: 0,
  'close-fail': 1,
  'at-risk': 2,
  'close-pass': 2,
  pass: 3,
  none: 4,
};

export interface ChartRow {
  label: string;
  r: IndicatorResult;
  rollup: boolean;
}

/** The chart's axis: from a round 10% below everything shown, to 100%. */
export function chartScale(
  def: IndicatorDefinition,
  rows: readonly ChartRow[],
): { lo: number; hi: number; step: number } {
  const lows = rows.map((x) => x.r.ci?.[0] ?? x.r.rate ?? 1);
  const lo = Math.max(0, Math.floor(Math.min(def.threshold, ...lows) * 10 - 1e-9) / 10);
  const hi = 1;
  const span = hi - lo;
  const step = span > 0.5 ? 0.2 : span > 0.25 ? 0.1 : 0.05;
  return { lo, hi, step };
}

export function renderChart(def: IndicatorDefinition, rows: readonly ChartRow[], lang: Lang): string {
  const e = escapeHtml;
  const communities = rows
    .filter((x) => !x.rollup)
    .sort((a, b) => {
      const sa = statusOf(a.r);
      const sb = statusOf(b.r);
      return (
        ORDER[sa] - ORDER[sb] || (a.r.rate ?? 2) - (b.r.rate ?? 2) || compareCodePoints(a.label, b.label)
      );
    });
  const rollups = rows.filter((x) => x.rollup);
  const { lo, hi, step } = chartScale(def, [...communities, ...rollups]);
  const at = (v: number) => `${(((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * 100).toFixed(2)}%`;
  const name = def.name[lang];
  const out: string[] = [];
  out.push(
    `<div class="chart" data-indicator="${e(def.id)}" role="img" aria-label="${e(t(lang, m.chartAria, { name }))}" style="--thr:${at(def.threshold)}">`,
  );
  // The axis: tick labels inside the track (the first aligned left, the last right).
  const ticks: number[] = [];
  for (let k = 0; lo + k * step <= hi + 1e-9; k++) ticks.push(lo + k * step);
  out.push('<div class="crow axis" aria-hidden="true"><span class="clabel"></span><div class="track">');
  ticks.forEach((v, i) => {
    const edge = i === 0 ? ' first' : i === ticks.length - 1 ? ' last' : '';
    out.push(`<span class="tick${edge}" style="left:${at(v)}">${Math.round(v * 100)}%</span>`);
  });
  out.push('</div><span class="cval"></span></div>');
  const row = (x: ChartRow, extra = '') => {
    const st = statusOf(x.r);
    const colour = STATUS_COLOURS[st];
    const tip = `${x.label}: ${pct(x.r.rate)} (${ciText(x.r.ci)}), ${statusText(lang, st)}`;
    const parts = [
      `<div class="crow${x.rollup ? ' rollup' : ''}${extra}" data-status="${st}" title="${e(tip)}">`,
      `<span class="clabel">${e(x.label)}</span>`,
      '<div class="track"><span class="thr"></span>',
    ];
    if (x.r.rate !== null && x.r.ci) {
      const [a, b] = x.r.ci;
      parts.push(
        `<span class="iv" style="left:${at(a)};right:calc(100% - ${at(b)});background:${colour}"></span>`,
        `<span class="pt${x.rollup ? ' dia' : ''}" style="left:${at(x.r.rate)};background:${colour}"></span>`,
      );
    }
    parts.push(
      '</div>',
      `<span class="cval" style="color:${colour}">${e(x.r.rate === null ? word(lang, 'noData') : `${pct(x.r.rate)} ${statusText(lang, st)}`)}</span>`,
      '</div>',
    );
    return parts.join('');
  };
  for (const x of communities) out.push(row(x));
  rollups.forEach((x, i) => out.push(row(x, i === 0 && communities.length > 0 ? ' gap' : '')));
  out.push('</div>');
  return out.join('\n');
}
