import { stripControls } from '../core/safe-text.js';
import type { ChalkInstance } from 'chalk';
import type { Lang } from '../core/i18n.js';
import type { IndicatorResult, ScoreReport } from '../scoring/report-types.js';
import {
  ciText,
  fieldworkText,
  groupStatusText,
  indicatorNames,
  levelLabel,
  pct,
  ruleText,
  statusOf,
  statusText,
  verdictText,
  word,
  type Status,
} from './labels.js';
import { communityName, reportTitle } from './layout.js';
import { layoutTable, type Cell } from './text.js';
import { num, t } from '../core/messages.js';
import { terms } from './terms.messages.js';
import { facts } from './labels.messages.js';
import { punct } from '../core/punctuation.messages.js';
import { vm } from './verdict.messages.js';
import { groupCountText, groupNote, riskModelText, riskText, verdictGroups } from './verdicts.js';

export interface TerminalOptions {
  lang: Lang;
  color: ChalkInstance;
}

/**
 * The report for people at a terminal: a compact table per community, then the roll-ups, then the
 * overall verdict last. Colour marks pass, fail and too close (off with NO_COLOR or in a pipe).
 */
export function renderTerminal(data: ScoreReport, opts: TerminalOptions): string {
  // Names from files reach a terminal here: no escape sequences or control characters in them.
  const report = JSON.parse(JSON.stringify(data), (_k, v: unknown) =>
    typeof v === 'string' ? stripControls(v) : v,
  ) as ScoreReport;
  const { lang, color: c } = opts;
  const names = indicatorNames(lang, report);
  const style = (s: Status) =>
    s === 'pass'
      ? c.green
      : s === 'fail'
        ? c.red.bold
        : s === 'close-pass' || s === 'at-risk'
          ? c.yellow
          : s === 'close-fail'
            ? c.red
            : c.dim;
  const groupStyle = (pass: boolean | null) => (pass === null ? c.dim : pass ? c.green.bold : c.red.bold);
  const conf = `${Math.round(report.confidence * 1000) / 10}%`;
  const out: string[] = [];
  const standardNamed = t(lang, punct.named, { name: report.standard_name[lang], id: report.standard });
  if (report.title?.trim()) {
    out.push(c.bold(reportTitle(lang, report)));
    out.push(c.dim(standardNamed));
  } else out.push(c.bold(standardNamed));
  out.push(c.dim(ruleText(lang, report)));
  const open = fieldworkText(lang, report);
  if (open) out.push(c.yellow(open));
  out.push('');
  out.push(...verdictSection(report, opts));

  const indicatorTable = (rows: readonly IndicatorResult[], rollup: boolean): string[] => {
    const header: Cell[] = [
      word(lang, 'indicator'),
      word(lang, 'rate'),
      t(lang, terms.ci, { conf }),
      rollup ? 'n' : 'x/n',
      word(lang, 'threshold'),
      word(lang, 'verdict'),
      ...(rollup ? [] : [t(lang, vm.risk)]),
    ].map((text) => ({ text, style: c.dim }));
    const body = rows.map((r): Cell[] => {
      const st = statusOf(r);
      return [
        { text: names.get(r.id) ?? r.id },
        { text: pct(r.rate) },
        { text: ciText(r.ci) },
        { text: rollup ? num(r.eligible) : `${r.favourable}/${r.eligible}` },
        { text: pct(r.threshold) },
        { text: statusText(lang, st), style: style(st) },
        ...(rollup ? [] : [{ text: riskText(r.risk) }]),
      ];
    });
    return layoutTable([header, ...body], [false, true, true, true, true, false, true]).map((l) => `  ${l}`);
  };

  for (const s of report.strata) {
    const shown = [
      // The sub-district, unless the stratum's name already begins with it.
      s.street && communityName(s) === s.stratum ? s.street : '',
      t(lang, facts.population, { n: s.population }),
      t(lang, facts.sampled, { n: s.sampled }),
      t(lang, facts.completes, { n: s.completes }),
      `${t(lang, terms.rr1)} ${pct(s.response_rate.rr1)}`,
      `${t(lang, terms.coop1)} ${pct(s.response_rate.coop1)}`,
      t(lang, facts.reservesUsed, { used: s.reserves_used, reserves: s.reserves }),
    ];
    if (s.not_visited > 0) shown.push(t(lang, facts.notVisited, { n: s.not_visited }));
    out.push(
      `${c.bold(s.stratum)}  ${c.dim(shown.filter((f) => f !== '').join(' · '))}  ${groupStyle(s.pass)(groupStatusText(lang, s.pass))}`,
    );
    out.push(...indicatorTable(s.indicators, false));
    if (s.score) out.push(`  ${word(lang, 'score')} ${pct(s.score.rate)}`);
    out.push('');
  }

  for (const l of report.levels) {
    const shown = [
      t(lang, facts.communities, { n: l.strata.length }),
      t(lang, facts.population, { n: l.population }),
      t(lang, facts.completes, { n: l.completes }),
    ];
    out.push(
      `${c.bold(levelLabel(lang, l.level, l.group))}  ${c.dim(shown.join(' · '))}  ${groupStyle(l.pass)(groupStatusText(lang, l.pass))}`,
    );
    out.push(...indicatorTable(l.indicators, true));
    if (l.score) out.push(`  ${word(lang, 'score')} ${pct(l.score.rate)}`);
    out.push('');
  }
  if (report.strata.length > 0) out.push(c.dim(t(lang, terms.legend)));
  out.push(groupStyle(report.pass)(verdictText(lang, report)));
  return out.join('\n') + '\n';
}

/**
 * The report's lead: every community result in its verdict group, ranked by risk, failing and
 * at-risk results listed, on-track ones counted; then what the risk assumes.
 */
function verdictSection(report: ScoreReport, opts: TerminalOptions): string[] {
  const { lang, color: c } = opts;
  const names = indicatorNames(lang, report);
  const conf = `${Math.round(report.confidence * 1000) / 10}%`;
  const groups = verdictGroups(report);
  const out: string[] = [c.bold(t(lang, vm.heading))];
  const styleOf = { fails_now: c.red.bold, at_risk: c.yellow.bold, on_track: c.green.bold, no_data: c.dim };
  for (const g of ['fails_now', 'at_risk', 'on_track'] as const) {
    const items = groups[g];
    const note = groupNote(lang, g, report);
    out.push(`${styleOf[g](groupCountText(lang, g, items))}${c.dim(` · ${note}`)}`);
    if (g === 'on_track' || items.length === 0) continue;
    const header: Cell[] = [
      word(lang, 'community'),
      word(lang, 'indicator'),
      word(lang, 'rate'),
      t(lang, terms.ci, { conf }),
      word(lang, 'threshold'),
      t(lang, vm.risk),
    ].map((text) => ({ text, style: c.dim }));
    const body = items.map(({ stratum, result: r }): Cell[] => [
      { text: stratum.stratum },
      { text: names.get(r.id) ?? r.id },
      { text: `${pct(r.rate)} (${r.favourable}/${r.eligible})` },
      { text: ciText(r.ci) },
      { text: pct(r.threshold) },
      { text: riskText(r.risk), style: styleOf[g] },
    ]);
    out.push(...layoutTable([header, ...body], [false, false, true, true, true, true]).map((l) => `  ${l}`));
  }
  if (groups.no_data.length > 0) out.push(c.dim(groupCountText(lang, 'no_data', groups.no_data)));
  out.push(c.dim(riskModelText(lang, report)), '');
  return out;
}
