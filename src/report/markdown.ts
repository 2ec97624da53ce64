import type { Lang } from '../core/i18n.js';
import { stripControls } from '../core/safe-text.js';
import type { IndicatorResult, ScoreReport } from '../scoring/report-types.js';
import { num, t } from '../core/messages.js';
import { terms } from './terms.messages.js';
import { vm } from './verdict.messages.js';
import { groupCountText, groupNote, riskModelText, riskText, verdictGroups } from './verdicts.js';
import {
  ciText,
  fieldworkText,
  groupStatusText,
  indicatorNames,
  levelLabel,
  pct,
  ruleText,
  statusOf,
  verdictText,
  word,
  type Status,
  displayTime,
  colon,
} from './labels.js';
import { punct } from '../core/punctuation.messages.js';
import { m as core } from '../core/core.messages.js';
import { m } from './messages.js';
import { communityName, groupByStreet, reportTitle } from './layout.js';

const MARK: Record<Status, string> = {
  pass: '✅',
  fail: '❌',
  'at-risk': '⚠️',
  'close-pass': '⚠️',
  'close-fail': '❌⚠️',
  none: '–',
};

/**
 * Text from data in Markdown: pipes and line breaks would break a table, and HTML (a name like
 * `<img onerror=...>`) would run in any viewer that renders Markdown's inline HTML.
 */
export function mdCell(s: string): string {
  return stripControls(s)
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

function cell(r: IndicatorResult): string {
  if (r.rate === null) return '–';
  return `${MARK[statusOf(r)]} ${pct(r.rate)} (${ciText(r.ci)})`;
}

/** A report to paste into a work log or a pull request (GitHub-flavoured Markdown). */
export function renderMarkdown(report: ScoreReport, opts: { lang: Lang }): string {
  const { lang } = opts;
  const inds = report.indicators;
  const aside = (text: string) => t(lang, punct.aside, { text });
  const out: string[] = [];
  const title = reportTitle(lang, report);
  out.push(`# ${mdCell(title)}`, '');
  if (!title.includes(report.standard_name[lang])) out.push(mdCell(report.standard_name[lang]), '');
  out.push(`**${mdCell(verdictText(lang, report))}**`, '');
  out.push(
    `- ${t(lang, m.standard)}${colon(lang)}\`${report.standard}\`${report.standard_version ? mdCell(aside(report.standard_version)) : ''}`,
  );
  out.push(`- ${ruleText(lang, report)}`);
  out.push(
    `- ${t(lang, m.thresholds)}${colon(lang)}${inds.map((i) => `${mdCell(i.name[lang])} ${pct(i.threshold)}${i.points !== null ? aside(t(lang, m.points, { n: i.points })) : ''}`).join(t(lang, core.listSep))}`,
  );
  out.push(
    `- ${t(lang, m.generated)}${colon(lang)}${displayTime(report.generated_at)}${aside(`hhsurvey ${report.tool.version}`)}`,
  );
  const open = fieldworkText(lang, report);
  if (open) out.push(`- ⚠️ ${open}`);
  out.push('');
  out.push(...verdictSection(report, lang));
  out.push(t(lang, m.mdKey), '');

  const header = (first: string[]) => {
    const cols = [
      ...first,
      ...inds.map((i) => mdCell(i.name[lang])),
      word(lang, 'score'),
      word(lang, 'verdict'),
    ];
    return [
      `| ${cols.join(' | ')} |`,
      `|${cols.map((_, i) => (i < first.length ? ' --- ' : ' ---: ')).join('|')}|`,
    ];
  };

  out.push(`## ${t(lang, m.communities)}`, '');
  out.push(
    ...header([
      word(lang, 'street'),
      word(lang, 'community'),
      word(lang, 'completes'),
      t(lang, terms.rr1),
      word(lang, 'reservesUsed'),
    ]),
  );
  // Communities grouped under their sub-district, whose name is shown once, on the group's first row.
  const rows = groupByStreet(report.strata).flatMap((g) =>
    g.strata.map((s, i) => ({ s, street: i === 0 && g.street !== null ? `**${mdCell(g.street)}**` : '' })),
  );
  for (const { s, street } of rows) {
    out.push(
      `| ${[
        street,
        mdCell(s.street ? communityName(s) : s.stratum),
        `${s.completes}/${s.sampled}`,
        pct(s.response_rate.rr1),
        `${s.reserves_used}/${s.reserves}`,
        ...s.indicators.map(cell),
        pct(s.score?.rate),
        `**${groupStatusText(lang, s.pass)}**`,
      ].join(' | ')} |`,
    );
  }
  out.push('');
  out.push(`## ${t(lang, m.rollups)}`, '');
  out.push(...header([t(lang, m.level), word(lang, 'population'), word(lang, 'completes')]));
  for (const l of report.levels) {
    out.push(
      `| ${[
        mdCell(levelLabel(lang, l.level, l.group)),
        num(l.population),
        num(l.completes),
        ...l.indicators.map(cell),
        pct(l.score?.rate),
        `**${groupStatusText(lang, l.pass)}**`,
      ].join(' | ')} |`,
    );
  }
  out.push('');
  return out.join('\n');
}

/** The lead: failing and at-risk results ranked by risk, the on-track count, and what the risk assumes. */
function verdictSection(report: ScoreReport, lang: Lang): string[] {
  const names = indicatorNames(lang, report);
  const groups = verdictGroups(report);
  const out: string[] = [`## ${t(lang, vm.heading)}`, ''];
  for (const g of ['fails_now', 'at_risk', 'on_track'] as const) {
    const items = groups[g];
    out.push(`**${mdCell(groupCountText(lang, g, items))}** · ${mdCell(groupNote(lang, g, report))}`, '');
    if (g === 'on_track' || items.length === 0) continue;
    for (const { stratum: s, result: r } of items) {
      const name = mdCell(names.get(r.id) ?? r.id);
      const item = t(lang, m.watchItem, {
        stratum: mdCell(s.stratum),
        name,
        rate: pct(r.rate),
        counts: `${r.favourable}/${r.eligible}`,
        ci: ciText(r.ci),
        threshold: pct(r.threshold),
        risk: t(lang, vm.riskShort, { risk: riskText(r.risk) }),
      });
      out.push(`- ${item}`);
    }
    out.push('');
  }
  if (groups.no_data.length > 0) {
    out.push(mdCell(groupCountText(lang, 'no_data', groups.no_data)), '');
  }
  out.push(`_${mdCell(riskModelText(lang, report))}_`, '');
  return out;
}
