import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import type { ScoreReport } from '../scoring/report-types.js';
import { escapeHtml } from './escape.js';
import { ciText, indicatorNames, pct, word } from './labels.js';
import { terms } from './terms.messages.js';
import { vm } from './verdict.messages.js';
import { groupCountText, groupNote, riskModelText, riskText, verdictGroups } from './verdicts.js';

/** Colours of the verdict groups (the rest of the report's look is in html.ts). */
export const VERDICT_CSS = `
td.at-risk{color:#9a6700;background:#fff8c5}
.verdicts h3{font-size:1rem;margin:1rem 0 .25rem}.verdicts h3 .note{font-weight:400;color:#57606a;font-size:.9rem}
.verdicts h3.fails_now{color:#cf222e}.verdicts h3.at_risk{color:#9a6700}.verdicts h3.on_track{color:#1a7f37}
`;

/**
 * The report's lead section: community results that fail now and those at risk of failing the
 * official check, each ranked by risk, the on-track count, and what the risk assumes.
 */
export function renderVerdictSection(report: ScoreReport, lang: Lang): string {
  const e = escapeHtml;
  const names = indicatorNames(lang, report);
  const groups = verdictGroups(report);
  const conf = `${Math.round(report.confidence * 1000) / 10}%`;
  const out: string[] = ['<section class="verdicts" id="verdicts">', `<h2>${e(t(lang, vm.heading))}</h2>`];
  for (const g of ['fails_now', 'at_risk', 'on_track', 'no_data'] as const) {
    const items = groups[g];
    if (g === 'no_data' && items.length === 0) continue;
    const note = groupNote(lang, g, report);
    out.push(
      `<h3 class="${g}">${e(groupCountText(lang, g, items))}${note ? ` <span class="note">· ${e(note)}</span>` : ''}</h3>`,
    );
    if (g !== 'fails_now' && g !== 'at_risk') continue;
    if (items.length === 0) continue;
    out.push(
      '<table>',
      `<tr>${[word(lang, 'community'), word(lang, 'indicator')].map((h) => `<th class="name">${e(h)}</th>`).join('')}${[word(lang, 'rate'), t(lang, terms.ci, { conf }), word(lang, 'threshold'), t(lang, vm.risk)].map((h) => `<th>${e(h)}</th>`).join('')}</tr>`,
    );
    const cls = g === 'fails_now' ? 'fail' : 'at-risk';
    for (const { stratum: s, result: r } of items) {
      out.push(
        `<tr><td class="name">${e(s.stratum)}</td><td class="name">${e(names.get(r.id) ?? r.id)}</td><td>${pct(r.rate)} (${r.favourable}/${r.eligible})</td><td>${ciText(r.ci)}</td><td>${pct(r.threshold)}</td><td class="${cls}">${riskText(r.risk)}</td></tr>`,
      );
    }
    out.push('</table>');
  }
  out.push(`<p class="meta">${e(riskModelText(lang, report))}</p>`, '</section>');
  return out.join('\n');
}
