import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { DISPOSITIONS } from '../fieldwork/dispositions.js';
import { optionKeys } from '../fieldwork/screens.js';
import { escapeHtml as e } from '../report/escape.js';
import type { Standard } from '../standard/schema.js';
import { m } from './messages.js';
import { punct } from '../core/punctuation.messages.js';
import type { PackCommunity, PackHousehold, PackStreet } from './model.js';

/**
 * The printable field pack: a visit sheet per community and a cover per sub-district, each one
 * self-contained HTML page with an A4 print stylesheet (no scripts, no external files).
 */

export interface SheetContext {
  lang: Lang;
  standard: Standard;
  /** The sample list's name, printed in the header so a sheet can be traced to its draw. */
  sample: string;
  /** When the pack was made (China time, for people). */
  made: string;
  /** Visits allowed to a household where nobody is home (as for interview, status and score). */
  maxVisits: number;
  masked: boolean;
}

export const SHEET_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#111;margin:1rem auto;max-width:1000px;padding:0 .75rem;font-size:14px;line-height:1.35}
h1{font-size:1.35rem;margin:0 0 .2rem}h2{font-size:1.05rem;margin:1rem 0 .3rem}
.sub{color:#444;margin:0 0 .5rem}.meta{color:#444;font-size:.85rem}
.fill{display:flex;flex-wrap:wrap;gap:.3rem 1.5rem;margin:.4rem 0 .6rem}.fill span{min-width:12rem;border-bottom:1px solid #333;padding-bottom:.1rem}
.wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.2rem 0 .6rem}
th,td{border:1px solid #333;padding:.2rem .3rem;vertical-align:top;text-align:left}
th{background:#eee;font-weight:600;font-size:.85rem}
td.no{text-align:center;font-weight:600;white-space:nowrap}td.id{font-family:ui-monospace,monospace;font-size:.8rem;white-space:nowrap}
td.addr .grid{display:block;color:#555;font-size:.75rem}
td.box{min-width:6.5rem;height:2.6rem}td.box.small{min-width:3rem}
th .hint{display:block;font-weight:400;color:#555;font-size:.7rem}
.rule{border:0;border-top:2px solid #111;margin:1rem 0 .4rem}
.note{background:#f3f3f3;border-left:4px solid #111;padding:.35rem .6rem;margin:.3rem 0 .6rem;font-size:.9rem}
.legend{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.1rem 1rem;font-size:.85rem;margin:.2rem 0 .6rem}
.legend b{display:inline-block;min-width:1.4rem}
ol.q{padding-left:1.6rem;margin:.2rem 0}ol.q li{margin:.35rem 0;break-inside:avoid}
.opts{display:flex;flex-wrap:wrap;gap:.1rem 1.2rem;margin-top:.15rem}.opts b{margin-right:.3rem}
.cond{color:#555;font-size:.8rem}
td.ans{min-width:2.4rem;height:1.9rem}
.questionnaire{break-before:page}
.cover ol{font-size:1rem}.cover li{margin:.3rem 0}
@page{size:A4;margin:10mm}
@media print{
body{margin:0;max-width:none;padding:0;font-size:10pt}
.wrap{overflow:visible}
table{font-size:9pt}th{font-size:8pt}
thead{display:table-header-group}tr{break-inside:avoid}
td.box{min-width:0;height:11mm}td.ans{height:7mm}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

function page(lang: Lang, title: string, body: string[]): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${t(lang, punct.htmlLang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title>`,
    `<style>${SHEET_CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The number printed beside a household: its rank, R1, R2... for reserves (备1 in Chinese). */
export function householdNumber(lang: Lang, h: Pick<PackHousehold, 'role' | 'rank'>): string {
  return h.role === 'primary' ? String(h.rank) : t(lang, m.reserveNumber, { rank: h.rank });
}

/** Outcome codes (the keys `hhsurvey interview` takes) with their labels. */
export function dispositionLegend(lang: Lang): { key: string; label: string; aapor: string }[] {
  return DISPOSITIONS.map((d) => ({ key: d.key, label: d[lang], aapor: d.aapor }));
}

/** The questionnaire as printed: number, text, condition, options with the codes to write down. */
export function questionnaire(
  lang: Lang,
  standard: Standard,
): {
  n: number;
  id: string;
  text: string;
  condition?: string;
  optional: boolean;
  options: { key: string; label: string }[];
}[] {
  const number = new Map(standard.questions.map((q, i) => [q.id, i + 1]));
  return standard.questions.map((q, i) => {
    const keys = optionKeys(q);
    const cond = q.ask_if;
    const condQ = cond ? standard.questions.find((x) => x.id === cond.question) : undefined;
    // The condition in the codes the interviewer writes down for the earlier question.
    const condKeys =
      cond && condQ
        ? cond.in.map((c) => {
            const k = condQ.options.findIndex((o) => o.code === c);
            return (k >= 0 ? optionKeys(condQ)[k] : undefined) ?? String(c);
          })
        : [];
    return {
      n: i + 1,
      id: q.id,
      text: q.text[lang],
      ...(cond
        ? {
            condition: t(lang, m.askIf, {
              question: String(number.get(cond.question) ?? cond.question),
              codes: condKeys.join('/'),
            }),
          }
        : {}),
      optional: !q.required,
      options: q.options.map((o, k) => ({
        key: keys[k] ?? String(o.code),
        label: `${o[lang]}${o.not_sure ? t(lang, m.doNotRead) : ''}`,
      })),
    };
  });
}

/** A household's rows, with a box per visit it may get (--max-visits). */
function householdRows(
  lang: Lang,
  list: readonly PackHousehold[],
  reserve: boolean,
  visits: number,
): string[] {
  return list.map((h) => {
    const grid = h.grid ? `<span class="grid">${e(h.grid)}</span>` : '';
    const boxes = Array.from({ length: visits }, () => '<td class="box"></td>').join('');
    return `<tr><td class="no">${e(householdNumber(lang, h))}</td><td class="id">${e(h.householdId)}</td><td class="addr">${e(h.address)}${grid}</td><td>${e(h.head)}</td><td>${e(h.phone)}</td>${boxes}${reserve ? '<td class="box small"></td>' : ''}</tr>`;
  });
}

function householdHead(lang: Lang, reserve: boolean, visits: number): string {
  const heads = Array.from(
    { length: visits },
    (_, i) =>
      `<th>${e(t(lang, m.visit, { n: i + 1 }))}<span class="hint">${e(t(lang, m.visitHint))}</span></th>`,
  ).join('');
  return `<thead><tr><th>${e(t(lang, m.no))}</th><th>${e(t(lang, m.householdId))}</th><th>${e(t(lang, m.address))}</th><th>${e(t(lang, m.head))}</th><th>${e(t(lang, m.phone))}</th>${heads}${reserve ? `<th>${e(t(lang, m.replaces))}</th>` : ''}</tr></thead>`;
}

/** Final outcomes that call for a reserve: everything but complete. */
function replaceCodes(): string {
  return DISPOSITIONS.filter((d) => d.token !== 'complete')
    .map((d) => d.key)
    .join('/');
}

/** The line under a sheet's or a cover's title: the standard, the sample list and when it was made. */
function metaLine(ctx: SheetContext): string {
  const { lang } = ctx;
  const item = (label: string, value: string) => e(label + t(lang, punct.colon) + value);
  return `<p class="meta">${[
    item(t(lang, m.standard), ctx.standard.name[lang]),
    item(t(lang, m.sampleFile), ctx.sample),
    item(t(lang, m.made), ctx.made),
  ].join(' · ')}</p>`;
}

export function renderVisitSheet(c: PackCommunity, ctx: SheetContext): string {
  const { lang, standard } = ctx;
  const title = t(lang, m.sheetTitle, { community: c.name });
  const out: string[] = [];
  out.push(`<h1>${e(title)}</h1>`);
  out.push(`<p class="sub">${e([c.street, c.name].filter(Boolean).join(' · '))}</p>`);
  out.push(metaLine(ctx));
  out.push(
    `<div class="fill">${[m.team, m.interviewer, m.date].map((x) => `<span>${e(t(lang, x) + t(lang, punct.colon).trimEnd())}</span>`).join('')}</div>`,
  );
  out.push(`<p class="note">${e(t(lang, ctx.masked ? m.masked : m.unmasked))}</p>`);
  out.push(`<h2>${e(t(lang, m.legend))}</h2>`, '<div class="legend">');
  for (const d of dispositionLegend(lang)) out.push(`<span><b>${e(d.key)}</b>${e(d.label)}</span>`);
  out.push('</div>');
  out.push(`<p class="note">${e(t(lang, m.notHomeRule, { visits: ctx.maxVisits }))}</p>`);

  out.push(
    `<h2>${e(t(lang, m.households) + t(lang, punct.aside, { text: String(c.primaries.length) }))}</h2>`,
  );
  out.push(
    '<div class="wrap"><table class="households">',
    householdHead(lang, false, ctx.maxVisits),
    '<tbody>',
  );
  out.push(...householdRows(lang, c.primaries, false, ctx.maxVisits), '</tbody></table></div>');

  if (c.reserves.length > 0) {
    out.push('<hr class="rule">');
    out.push(
      `<h2>${e(t(lang, m.reserves) + t(lang, punct.aside, { text: String(c.reserves.length) }))}</h2>`,
    );
    out.push(`<p class="note">${e(t(lang, m.reserveRule, { codes: replaceCodes() }))}</p>`);
    out.push(
      '<div class="wrap"><table class="reserves">',
      householdHead(lang, true, ctx.maxVisits),
      '<tbody>',
    );
    out.push(...householdRows(lang, c.reserves, true, ctx.maxVisits), '</tbody></table></div>');
  }

  const qs = questionnaire(lang, standard);
  out.push('<section class="questionnaire">');
  out.push(`<h2>${e(t(lang, m.questionnaire))}</h2>`, '<ol class="q">');
  for (const q of qs) {
    out.push(
      `<li><strong>${e(q.text)}</strong>${q.optional ? e(t(lang, m.optional)) : ''}${q.condition ? `<div class="cond">${e(q.condition)}</div>` : ''}<div class="opts">${q.options.map((o) => `<span><b>${e(o.key)}</b>${e(o.label)}</span>`).join('')}</div></li>`,
    );
  }
  out.push('</ol>');
  out.push(`<h2>${e(t(lang, m.answers))}</h2>`, `<p class="meta">${e(t(lang, m.answersHint))}</p>`);
  out.push(
    '<div class="wrap"><table class="answers">',
    `<thead><tr><th>${e(t(lang, m.no))}</th><th>${e(t(lang, m.householdId))}</th>${qs.map((q) => `<th>${q.n}</th>`).join('')}</tr></thead>`,
    '<tbody>',
  );
  for (const h of [...c.primaries, ...c.reserves])
    out.push(
      `<tr><td class="no">${e(householdNumber(lang, h))}</td><td class="id">${e(h.householdId)}</td>${qs.map(() => '<td class="ans"></td>').join('')}</tr>`,
    );
  out.push('</tbody></table></div>', '</section>');
  return page(lang, title, out);
}

export function renderCover(s: PackStreet, ctx: SheetContext, streetLabel: string): string {
  const { lang } = ctx;
  const title = t(lang, m.coverTitle, { street: streetLabel });
  const households = s.communities.reduce((a, c) => a + c.primaries.length, 0);
  const reserves = s.communities.reduce((a, c) => a + c.reserves.length, 0);
  const out: string[] = ['<div class="cover">'];
  out.push(`<h1>${e(title)}</h1>`);
  out.push(metaLine(ctx));
  out.push(`<p>${e(t(lang, m.coverIntro, { communities: s.communities.length, households, reserves }))}</p>`);
  out.push(
    '<table class="communities">',
    `<thead><tr><th>${e(t(lang, m.no))}</th><th>${e(t(lang, m.communities))}</th><th>${e(t(lang, m.households))}</th><th>${e(t(lang, m.reserves))}</th><th>${e(t(lang, m.team))}</th><th>${e(t(lang, m.date))}</th></tr></thead>`,
    '<tbody>',
  );
  s.communities.forEach((c, i) =>
    out.push(
      `<tr><td class="no">${i + 1}</td><td>${e(c.name)}</td><td>${c.primaries.length}</td><td>${c.reserves.length}</td><td class="box"></td><td class="box"></td></tr>`,
    ),
  );
  out.push('</tbody></table>', '</div>');
  return page(lang, title, out);
}
