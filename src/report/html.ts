import type { Lang } from '../core/i18n.js';
import type { IndicatorDefinition, IndicatorResult, ScoreReport } from '../scoring/report-types.js';
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
} from './labels.js';
import { renderVerdictSection, VERDICT_CSS } from './verdicts-html.js';

export function escapeHtml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}

const COLOURS: Record<Status, string> = {
  pass: '#1a7f37',
  fail: '#cf222e',
  'at-risk': '#9a6700',
  'close-pass': '#9a6700',
  'close-fail': '#cf222e',
  none: '#8c959f',
};
const ORDER: Record<Status, number> = {
  fail: 0,
  'close-fail': 1,
  'at-risk': 2,
  'close-pass': 2,
  pass: 3,
  none: 4,
};

const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1f2328;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
.verdict{font-size:1.15rem;font-weight:600;padding:.6rem .9rem;border-radius:6px;margin:1rem 0}
.verdict.pass{background:#dafbe1;color:#1a7f37}.verdict.fail{background:#ffebe9;color:#cf222e}
.meta{color:#57606a;font-size:.9rem}.meta li{margin:.1rem 0}
.open{background:#fff8c5;padding:.5rem .8rem;border-radius:6px}
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0 1rem;width:100%}
th,td{border:1px solid #d0d7de;padding:.25rem .45rem;text-align:right;white-space:nowrap}
th{background:#f6f8fa}td.name,th.name{text-align:left}
td.pass{color:#1a7f37}td.fail{color:#cf222e;font-weight:600}td.close-pass{color:#9a6700;background:#fff8c5}td.close-fail{color:#cf222e;background:#fff8c5;font-weight:600}td.none{color:#8c959f}
.ci{color:#57606a;font-size:.8em}
figure{margin:.5rem 0 1.5rem}figcaption{color:#57606a;font-size:.85rem}
svg text{font-family:inherit}
.key span{display:inline-block;margin-right:1rem}
@media print{body{margin:0}h2{break-after:avoid}figure{break-inside:avoid}}
`;

interface Row {
  label: string;
  r: IndicatorResult;
  rollup: boolean;
}

/** One chart: every community's rate with its interval and the threshold line, failing first. */
export function renderChart(def: IndicatorDefinition, rows: readonly Row[], lang: Lang): string {
  const communities = rows
    .filter((x) => !x.rollup)
    .sort((a, b) => {
      const sa = statusOf(a.r);
      const sb = statusOf(b.r);
      return ORDER[sa] - ORDER[sb] || (a.r.rate ?? 2) - (b.r.rate ?? 2) || a.label.localeCompare(b.label);
    });
  const rollups = rows.filter((x) => x.rollup);
  const all = [...communities, ...rollups];
  const lows = all.map((x) => x.r.ci?.[0] ?? x.r.rate ?? 1);
  const lo = Math.max(0, Math.floor(Math.min(def.threshold, ...lows) * 10 - 1e-9) / 10);
  const hi = 1;
  const W = 820;
  const left = 190;
  const right = W - 150;
  const rowH = 18;
  const top = 28;
  const gapRows = rollups.length > 0 ? 1 : 0;
  const H = top + (all.length + gapRows) * rowH + 12;
  const x = (v: number) => left + ((v - lo) / (hi - lo)) * (right - left);
  const f = (v: number) => v.toFixed(1);
  const parts: string[] = [];
  const name = def.name[lang];
  parts.push(
    `<svg class="chart" data-indicator="${escapeHtml(def.id)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${escapeHtml(`${name}: ${lang === 'zh' ? '各社区比率及置信区间' : 'rate and interval per community'}`)}">`,
  );
  const step = hi - lo > 0.5 ? 0.1 : 0.05;
  for (let t = lo; t <= hi + 1e-9; t += step) {
    const tx = x(t);
    parts.push(
      `<line x1="${f(tx)}" y1="${top - 6}" x2="${f(tx)}" y2="${H - 8}" stroke="#eaeef2"/>`,
      `<text x="${f(tx)}" y="${top - 10}" font-size="10" text-anchor="middle" fill="#57606a">${Math.round(t * 100)}%</text>`,
    );
  }
  const tx = x(def.threshold);
  parts.push(
    `<line class="threshold" x1="${f(tx)}" y1="${top - 6}" x2="${f(tx)}" y2="${H - 8}" stroke="#cf222e" stroke-width="1.5" stroke-dasharray="4 3"/>`,
    `<text x="${f(tx + 3)}" y="${H - 1}" font-size="10" fill="#cf222e">${escapeHtml(`${word(lang, 'threshold')} ${pct(def.threshold)}`)}</text>`,
  );
  all.forEach((row, i) => {
    const y = top + (i + (row.rollup ? gapRows : 0)) * rowH + rowH / 2;
    const st = statusOf(row.r);
    const colour = COLOURS[st];
    const label = row.label.length > 14 ? `${row.label.slice(0, 13)}…` : row.label;
    parts.push(
      `<g class="row${row.rollup ? ' rollup' : ''}" data-status="${st}"><title>${escapeHtml(`${row.label}: ${pct(row.r.rate)} (${ciText(row.r.ci)}), ${statusText(lang, st)}`)}</title>`,
      `<text x="${left - 8}" y="${f(y + 4)}" font-size="12" text-anchor="end"${row.rollup ? ' font-weight="600"' : ''}>${escapeHtml(label)}</text>`,
    );
    if (row.r.rate !== null && row.r.ci) {
      parts.push(
        `<line x1="${f(x(row.r.ci[0]))}" y1="${f(y)}" x2="${f(x(row.r.ci[1]))}" y2="${f(y)}" stroke="${colour}" stroke-width="2"/>`,
        row.rollup
          ? `<path d="M${f(x(row.r.rate))} ${f(y - 5)}l5 5-5 5-5-5z" fill="${colour}"/>`
          : `<circle cx="${f(x(row.r.rate))}" cy="${f(y)}" r="4" fill="${colour}"/>`,
        `<text x="${right + 8}" y="${f(y + 4)}" font-size="11" fill="${colour}">${escapeHtml(`${pct(row.r.rate)} ${statusText(lang, st)}`)}</text>`,
      );
    } else {
      parts.push(
        `<text x="${left}" y="${f(y + 4)}" font-size="11" fill="${colour}">${escapeHtml(word(lang, 'noData'))}</text>`,
      );
    }
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('');
}

function rateCell(r: IndicatorResult): string {
  const st = statusOf(r);
  if (r.rate === null) return `<td class="none">–</td>`;
  return `<td class="${st}" title="${escapeHtml(`${r.favourable}/${r.eligible}`)}">${pct(r.rate)} <span class="ci">${ciText(r.ci)}</span></td>`;
}

/** One self-contained HTML file: inline CSS and SVG, no scripts, no external assets. */
export function renderHtml(report: ScoreReport, opts: { lang: Lang }): string {
  const { lang } = opts;
  const zh = lang === 'zh';
  const e = escapeHtml;
  const inds = report.indicators;
  const title = `${report.standard_name[lang]}: ${zh ? '模拟测评结果' : 'mock assessment result'}`;
  const out: string[] = [];
  out.push('<!DOCTYPE html>', `<html lang="${zh ? 'zh-CN' : 'en'}">`, '<head>', '<meta charset="utf-8">');
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${e(title)}</title>`, `<style>${CSS}${VERDICT_CSS}</style>`, '</head>', '<body>');
  out.push(`<h1>${e(title)}</h1>`);
  out.push(`<p class="verdict ${report.pass ? 'pass' : 'fail'}">${e(verdictText(lang, report))}</p>`);
  const open = fieldworkText(lang, report);
  if (open) out.push(`<p class="open">${e(open)}</p>`);
  out.push('<ul class="meta">');
  out.push(
    `<li>${zh ? '测评体系' : 'Standard'}: <code>${e(report.standard)}</code>${report.standard_version ? ` (${e(report.standard_version)})` : ''}</li>`,
  );
  out.push(`<li>${e(ruleText(lang, report))}</li>`);
  out.push(
    `<li>${zh ? '生成时间' : 'Generated'}: ${e(report.generated_at)} (hhsurvey ${e(report.tool.version)})</li>`,
  );
  out.push('</ul>');
  out.push(renderVerdictSection(report, lang));
  out.push(
    `<p class="key">${(['pass', 'at-risk', 'close-pass', 'fail'] as Status[]).map((s) => `<span style="color:${COLOURS[s]}">● ${e(statusText(lang, s))}</span>`).join('')}<span>${e(zh ? '横线：置信区间；虚线：标准' : 'bar: confidence interval; dashed line: threshold')}</span></p>`,
  );

  out.push(`<h2>${zh ? '各指标' : 'Indicators'}</h2>`);
  inds.forEach((def, k) => {
    const rows: Row[] = [
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
      `<figcaption><strong>${e(def.name[lang])}</strong> · ${e(word(lang, 'threshold'))} ${pct(def.threshold)} · ${zh ? `${failing} 个社区未达标` : `${failing} communit${failing === 1 ? 'y fails' : 'ies fail'}`}</figcaption>`,
    );
    out.push(renderChart(def, rows, lang));
    out.push('</figure>');
  });

  const headRow = (first: string[]) =>
    `<tr>${first.map((h) => `<th class="name">${e(h)}</th>`).join('')}${inds.map((i) => `<th>${e(i.name[lang])}</th>`).join('')}<th>${e(word(lang, 'score'))}</th><th>${e(word(lang, 'verdict'))}</th></tr>`;
  const verdictCell = (p: boolean | null) =>
    `<td class="${p === null ? 'none' : p ? 'pass' : 'fail'}">${e(groupStatusText(lang, p))}</td>`;
  out.push(`<h2>${zh ? '各社区' : 'Communities'}</h2>`, '<table>');
  out.push(
    headRow([
      word(lang, 'community'),
      word(lang, 'street'),
      word(lang, 'completes'),
      'RR1',
      'COOP1',
      word(lang, 'reservesUsed'),
    ]),
  );
  for (const s of report.strata) {
    out.push(
      `<tr><td class="name">${e(s.stratum)}</td><td class="name">${e(s.street ?? '')}</td><td>${s.completes}/${s.sampled}</td><td>${pct(s.response_rate.rr1)}</td><td>${pct(s.response_rate.coop1)}</td><td>${s.reserves_used}/${s.reserves}</td>${s.indicators.map(rateCell).join('')}<td>${pct(s.score?.rate)}</td>${verdictCell(s.pass)}</tr>`,
    );
  }
  out.push('</table>');
  out.push(`<h2>${zh ? '汇总' : 'Roll-ups'}</h2>`, '<table>');
  out.push(headRow([zh ? '层级' : 'Level', word(lang, 'population'), word(lang, 'completes')]));
  for (const l of report.levels) {
    out.push(
      `<tr><td class="name">${e(levelLabel(lang, l.level, l.group))}</td><td class="name">${l.population}</td><td class="name">${l.completes}</td>${l.indicators.map(rateCell).join('')}<td>${pct(l.score?.rate)}</td>${verdictCell(l.pass)}</tr>`,
    );
  }
  out.push('</table>');
  out.push(
    `<p class="meta">${e(
      zh
        ? '社区比率为有效受访者中的肯定比例；汇总为按总户数加权的分层估计 Σ(N_h/N)p_h，方差含有限总体校正；置信区间包含标准值时，样本量不足以区分达标与否。'
        : 'A community rate is the favourable share of its eligible respondents; roll-ups are stratified estimates Σ(N_h/N)p_h weighted by households, with finite population corrections. When an interval contains the threshold, the sample cannot tell pass from fail.',
    )}</p>`,
  );
  out.push('</body>', '</html>');
  return out.join('\n') + '\n';
}
