import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { terms } from './terms.messages.js';
import { vm } from './verdict.messages.js';
import { groupLabel, riskText } from './verdicts.js';
import type { IndicatorResult, ScoreReport } from '../scoring/report-types.js';
import { ciText, levelLabel, pct, word } from './labels.js';
import { m } from './messages.js';

/** XML 1.0 allows tab, LF, CR and U+0020 upwards except surrogates, U+FFFE and U+FFFF. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    cp >= 0x10000
  );
}

/** Text for an XML attribute or element: characters XML cannot hold are dropped, the rest escaped. */
export function escapeXml(s: string): string {
  let out = '';
  for (const ch of s) {
    if (!isXmlChar(ch.codePointAt(0)!)) continue;
    out +=
      ch === '<'
        ? '&lt;'
        : ch === '>'
          ? '&gt;'
          : ch === '&'
            ? '&amp;'
            : ch === '"'
              ? '&quot;'
              : ch === "'"
                ? '&apos;'
                : ch;
  }
  return out;
}

/**
 * JUnit XML for CI systems: one test suite per community (then one per roll-up), one test case per
 * indicator; a failing indicator is a <failure>, an indicator without data is <skipped>.
 */
export function renderJunit(report: ScoreReport, opts: { lang: Lang }): string {
  const { lang } = opts;
  const names = new Map(report.indicators.map((i) => [i.id, i.name[lang]]));
  const a = (s: string | number) => escapeXml(String(s));
  const suites: { name: string; props: [string, string | number][]; results: IndicatorResult[] }[] = [
    ...report.strata.map((s) => ({
      name: s.stratum,
      props: [
        ['street', s.street ?? ''],
        ['population', s.population],
        ['sampled', s.sampled],
        ['completes', s.completes],
        ['rr1', s.response_rate.rr1 ?? ''],
        ['coop1', s.response_rate.coop1 ?? ''],
        ['reserves_used', s.reserves_used],
      ] as [string, string | number][],
      results: s.indicators,
    })),
    ...report.levels.map((l) => ({
      name: levelLabel(lang, l.level, l.group),
      props: [
        ['level', l.level],
        ['population', l.population],
        ['completes', l.completes],
      ] as [string, string | number][],
      results: l.indicators,
    })),
  ];
  const count = (rs: IndicatorResult[], p: boolean | null) => rs.filter((r) => r.pass === p).length;
  const all = suites.flatMap((s) => s.results);
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(
    `<testsuites name="${a(report.title?.trim() ? report.title.trim() : `hhsurvey score: ${report.standard}`)}" tests="${all.length}" failures="${count(all, false)}" errors="0" skipped="${count(all, null)}" time="0">`,
  );
  suites.forEach((suite, i) => {
    lines.push(
      `  <testsuite name="${a(suite.name)}" id="${i}" tests="${suite.results.length}" failures="${count(suite.results, false)}" errors="0" skipped="${count(suite.results, null)}" time="0" timestamp="${a(report.generated_at.replace(/(Z|[+-]\d\d:\d\d)$/, ''))}">`,
    );
    lines.push('    <properties>');
    for (const [k, v] of suite.props) lines.push(`      <property name="${a(k)}" value="${a(v)}"/>`);
    lines.push('    </properties>');
    for (const r of suite.results) {
      const name = `${names.get(r.id) ?? r.id} (${r.id})`;
      const detail = `${pct(r.rate)} (${r.favourable}/${r.eligible}), ${t(lang, terms.ci, { conf: `${Math.round(report.confidence * 100)}%` })} ${ciText(r.ci)}, ${word(lang, 'threshold')} ${pct(r.threshold)}${
        r.group !== undefined && r.group !== 'no_data'
          ? `; ${groupLabel(lang, r.group)}, ${t(lang, vm.riskShort, { risk: riskText(r.risk) })}`
          : r.too_close
            ? `; ${word(lang, 'tooClose')}`
            : ''
      }`;
      const open = `    <testcase classname="${a(suite.name)}" name="${a(name)}" time="0"`;
      if (r.pass === null) {
        lines.push(`${open}>`, `      <skipped message="${a(word(lang, 'noData'))}"/>`, '    </testcase>');
      } else if (r.pass === false) {
        const msg = t(lang, m.belowThreshold, {
          value: pct(report.pass_rule === 'point' ? r.rate : (r.ci?.[0] ?? null)),
          threshold: pct(r.threshold),
        });
        lines.push(
          `${open}>`,
          `      <failure message="${a(msg)}" type="below_threshold">${a(detail)}</failure>`,
          '    </testcase>',
        );
      } else {
        lines.push(`${open}>`, `      <system-out>${a(detail)}</system-out>`, '    </testcase>');
      }
    }
    lines.push('  </testsuite>');
  });
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
