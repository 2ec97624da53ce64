import type { Lang } from '../core/i18n.js';
import { num, t } from '../core/messages.js';
import type { IndicatorResult, ScoreReport } from '../scoring/report-types.js';
import { renderChart, STATUS_COLOURS, type ChartRow } from './chart.js';
import { escapeHtml } from './escape.js';
import { REPORT_CSS } from './html-style.js';
import {
  ciText,
  fieldworkText,
  groupStatusText,
  levelLabel,
  pct,
  ruleText,
  statusOf,
  statusText,
  verdictText,
  word,
  type Status,
  displayTime,
  colon,
} from './labels.js';
import { communityName, groupByStreet, reportTitle } from './layout.js';
import { m } from './messages.js';
import { punct } from '../core/punctuation.messages.js';
import { terms } from './terms.messages.js';
import { renderVerdictSection, VERDICT_CSS } from './verdicts-html.js';

export { escapeHtml, renderChart };

function rateCell(r: IndicatorResult): string {
  const st = statusOf(r);
  if (r.rate === null) return `<td class="none">–</td>`;
  return `<td class="${st}" title="${escapeHtml(`${r.favourable}/${r.eligible}`)}">${pct(r.rate)} <span class="ci">${ciText(r.ci)}</span></td>`;
}

/** A table whose width is its own business: it scrolls inside its section, never the page. */
function table(head: string, body: string[]): string {
  return `<div class="table-wrap"><table>\n<thead>${head}</thead>\n<tbody>\n${body.join('\n')}\n</tbody></table></div>`;
}

/** One self-contained HTML file: inline CSS, no scripts, no external assets. */
export function renderHtml(report: ScoreReport, opts: { lang: Lang }): string {
  const { lang } = opts;
  const e = escapeHtml;
  const inds = report.indicators;
  const title = reportTitle(lang, report);
  const standardName = report.standard_name[lang];
  const out: string[] = [];
  out.push('<!DOCTYPE html>', `<html lang="${t(lang, punct.htmlLang)}">`, '<head>', '<meta charset="utf-8">');
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${e(title)}</title>`, `<style>${REPORT_CSS}${VERDICT_CSS}</style>`, '</head>', '<body>');
  out.push('<header>', `<h1>${e(title)}</h1>`);
  if (!title.includes(standardName)) out.push(`<p class="subtitle">${e(standardName)}</p>`);
  out.push(`<p class="verdict ${report.pass ? 'pass' : 'fail'}">${e(verdictText(lang, report))}</p>`);
  const open = fieldworkText(lang, report);
  if (open) out.push(`<p class="open">${e(open)}</p>`);
  out.push('<ul class="meta">');
  out.push(
    `<li>${e(t(lang, m.standard))}${colon(lang)}<code>${e(report.standard)}</code>${report.standard_version ? e(t(lang, punct.aside, { text: report.standard_version })) : ''}</li>`,
  );
  out.push(`<li>${e(ruleText(lang, report))}</li>`);
  out.push(
    `<li>${e(t(lang, m.generated))}${colon(lang)}${e(displayTime(report.generated_at))}${e(t(lang, punct.aside, { text: `hhsurvey ${report.tool.version}` }))}</li>`,
  );
  out.push('</ul>');
  out.push(
    `<p class="key">${(['pass', 'at-risk', 'close-pass', 'fail'] as Status[]).map((s) => `<span style="color:${STATUS_COLOURS[s]}">● ${e(statusText(lang, s))}</span>`).join('')}<span>${e(t(lang, m.chartKey))}</span></p>`,
  );
  out.push('</header>');
  // The verdict groups lead: first in the page, and on the first printed page.
  out.push(renderVerdictSection(report, lang));

  const headRow = (first: string[]) =>
    `<tr>${first.map((h) => `<th class="name">${e(h)}</th>`).join('')}${inds.map((i) => `<th>${e(i.name[lang])}</th>`).join('')}<th>${e(word(lang, 'score'))}</th><th>${e(word(lang, 'verdict'))}</th></tr>`;
  const verdictCell = (p: boolean | null) =>
    `<td class="${p === null ? 'none' : p ? 'pass' : 'fail'}">${e(groupStatusText(lang, p))}</td>`;

  const first = [
    word(lang, 'community'),
    word(lang, 'completes'),
    t(lang, terms.rr1),
    t(lang, terms.coop1),
    word(lang, 'reservesUsed'),
  ];
  const columns = first.length + inds.length + 2;
  const body: string[] = [];
  const groups = groupByStreet(report.strata);
  const grouped = groups.some((g) => g.street !== null);
  for (const g of groups) {
    if (grouped)
      body.push(
        `<tr class="group"><th colspan="${columns}">${e(g.street === null ? t(lang, m.noStreet) : levelLabel(lang, 'street', g.street))}</th></tr>`,
      );
    for (const s of g.strata) {
      body.push(
        `<tr><td class="name">${e(grouped ? communityName(s) : s.stratum)}</td><td>${s.completes}/${s.sampled}</td><td>${pct(s.response_rate.rr1)}</td><td>${pct(s.response_rate.coop1)}</td><td>${s.reserves_used}/${s.reserves}</td>${s.indicators.map(rateCell).join('')}<td>${pct(s.score?.rate)}</td>${verdictCell(s.pass)}</tr>`,
      );
    }
  }
  out.push(
    '<section id="communities">',
    `<h2>${e(t(lang, m.communities))}</h2>`,
    table(headRow(first), body),
    '</section>',
  );

  const levels = report.levels.map(
    (l) =>
      `<tr><td class="name">${e(levelLabel(lang, l.level, l.group))}</td><td>${num(l.population)}</td><td>${num(l.completes)}</td>${l.indicators.map(rateCell).join('')}<td>${pct(l.score?.rate)}</td>${verdictCell(l.pass)}</tr>`,
  );
  out.push(
    '<section id="rollups">',
    `<h2>${e(t(lang, m.rollups))}</h2>`,
    table(headRow([t(lang, m.level), word(lang, 'population'), word(lang, 'completes')]), levels),
    `<p class="meta">${e(t(lang, m.notes))}</p>`,
    '</section>',
  );

  out.push('<section id="indicators">', `<h2>${e(t(lang, m.indicators))}</h2>`);
  inds.forEach((def, k) => {
    const rows: ChartRow[] = [
      ...report.strata.map((s) => ({ label: s.stratum, r: s.indicators[k]!, rollup: false })),
      ...report.levels.map((l) => ({
        label: levelLabel(lang, l.level, l.group),
        r: l.indicators[k]!,
        rollup: true,
      })),
    ];
    const failing = report.strata.filter((s) => s.indicators[k]!.pass === false).length;
    out.push(`<figure id="chart-${e(def.id)}">`);
    out.push(
      `<figcaption><strong>${e(def.name[lang])}</strong> · ${e(word(lang, 'threshold'))} ${pct(def.threshold)} · ${e(t(lang, m.failingCount, { n: failing }))}</figcaption>`,
    );
    out.push(renderChart(def, rows, lang));
    out.push('</figure>');
  });
  out.push('</section>');
  out.push('</body>', '</html>');
  return out.join('\n') + '\n';
}
