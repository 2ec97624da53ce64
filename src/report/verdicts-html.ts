import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import type { ScoreReport } from '../scoring/report-types.js';
import { escapeHtml } from './escape.js';
import { ciText, indicatorNames, pct, word } from './labels.js';
import { terms } from './terms.messages.js';
import { vm } from './verdict.messages.js';
import { groupCountText, groupNote, riskModelText, riskText, verdictGroups } from './verdicts.js';

/**
 * Colours of the verdict groups (the rest of the report's look is in html.ts). On a phone
 * (≤ 640 px) each result is a card: community and indicator, then the rate, interval, standard and
 * risk, each under its label, so the risk is read without scrolling sideways.
 */
export const VERDICT_CSS = `
td.at-risk{color:#9a6700;background:#fff8c5}
@media screen and (max-width:640px){
.verdicts table,.verdicts tbody,.verdicts tr{display:block;min-width:0}
.verdicts tr.head{display:none}
.verdicts tr{border:1px solid #d0d7de;border-radius:6px;margin:.4rem 0;padding:.3rem .5rem}
.verdicts td{display:inline-block;border:none;padding:0 .9rem 0 0;text-align:left;position:static;background:none}
.verdicts td.name{display:inline;font-weight:600;padding-right:.5rem;min-width:0}
.verdicts td.name+td.name{font-weight:400}.verdicts td.name+td.name::after{content:"";display:block}
.verdicts td[data-label]::before{content:attr(data-label);display:block;font-size:.75em;color:#57606a;font-weight:400}
.verdicts td.at-risk,.verdicts td.fail{background:none}
}
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
  // The four number columns; on a phone each row becomes a card whose numbers carry these labels.
  const heads = [word(lang, 'rate'), t(lang, terms.ci, { conf }), word(lang, 'threshold'), t(lang, vm.risk)];
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
      `<tr class="head">${[word(lang, 'community'), word(lang, 'indicator')].map((h) => `<th class="name">${e(h)}</th>`).join('')}${heads.map((h) => `<th>${e(h)}</th>`).join('')}</tr>`,
    );
    const cls = g === 'fails_now' ? 'fail' : 'at-risk';
    for (const { stratum: s, result: r } of items) {
      out.push(
        `<tr><td class="name">${e(s.stratum)}</td><td class="name">${e(names.get(r.id) ?? r.id)}</td>` +
          [`${pct(r.rate)} (${r.favourable}/${r.eligible})`, ciText(r.ci), pct(r.threshold), riskText(r.risk)]
            .map((v, i) => `<td data-label="${e(heads[i]!)}"${i === 3 ? ` class="${cls}"` : ''}>${v}</td>`)
            .join('') +
          '</tr>',
      );
    }
    out.push('</table>');
  }
  out.push(`<p class="meta">${e(riskModelText(lang, report))}</p>`, '</section>');
  return out.join('\n');
}
