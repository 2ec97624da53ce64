import type { Lang } from '../core/i18n.js';
import { csvTable } from '../io/csv-write.js';
import { t } from '../core/messages.js';
import type { IndicatorResult, ScoreReport } from '../scoring/report-types.js';
import { pct } from './labels.js';
import { cellsForPeople } from '../core/lang-formats.js';
import { m } from './messages.js';
import { columns } from './csv.messages.js';
import { groupLabel } from './verdicts.js';

/** The columns, in the catalogue's order (csv.messages.ts). */
const COLUMNS = Object.values(columns);

type Value = string | number | boolean | null;

/**
 * One row per community × indicator (level `stratum`), then the roll-ups (`street`, `overall`).
 * English: numbers at full precision (for programs); Chinese (`--lang zh`): percentages with one
 * decimal and 是/否 (for people). Empty cells where a value is not defined. CRLF, optional BOM.
 */
export function renderCsv(report: ScoreReport, opts: { lang: Lang; bom?: boolean }): string {
  const { lang } = opts;
  const names = new Map(report.indicators.map((i) => [i.id, i.name[lang]]));
  // English: numbers at full precision and true/false, for programs. Chinese: for people in a
  // spreadsheet: rates as percentages with one decimal, 是/否, levels named in Chinese.
  const forPeople = cellsForPeople(lang);
  const rate = (v: number | null): Value => (forPeople ? (v === null ? null : pct(v)) : v);
  const yesNo = (v: boolean | null): Value =>
    forPeople ? (v === null ? null : t(lang, v ? m.yes : m.no)) : v;
  const levelName = (l: 'stratum' | 'street' | 'overall'): string =>
    forPeople
      ? t(lang, l === 'stratum' ? m.levelStratum : l === 'street' ? m.levelStreet : m.levelOverall)
      : l;
  const cells = (r: IndicatorResult): Value[] => [
    r.id,
    names.get(r.id) ?? r.id,
    r.favourable,
    r.eligible,
    r.excluded,
    rate(r.rate),
    rate(r.se),
    rate(r.ci?.[0] ?? null),
    rate(r.ci?.[1] ?? null),
    rate(r.threshold),
    yesNo(r.pass),
    yesNo(r.too_close),
  ];
  const rows: Value[][] = [];
  for (const s of report.strata) {
    for (const r of s.indicators) {
      rows.push([
        levelName('stratum'),
        s.stratum,
        s.street,
        ...cells(r),
        s.population,
        s.sampled,
        s.completes,
        rate(s.response_rate.rr1),
        rate(s.response_rate.coop1),
        s.reserves_used,
        rate(r.risk ?? null),
        r.group ? (forPeople ? groupLabel(lang, r.group) : r.group) : null,
      ]);
    }
  }
  for (const l of report.levels) {
    for (const r of l.indicators) {
      rows.push([
        levelName(l.level),
        l.level === 'overall' ? levelName('overall') : l.group,
        l.level === 'street' ? l.group : null,
        ...cells(r),
        l.population,
        null,
        l.completes,
        null,
        null,
        null,
        null,
        null,
      ]);
    }
  }
  return csvTable(
    COLUMNS.map((c) => t(lang, c)),
    rows,
    { bom: opts.bom ?? false },
  );
}
