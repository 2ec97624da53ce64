import type { Lang } from '../core/i18n.js';
import { csvTable } from '../io/csv-write.js';
import { t } from '../core/messages.js';
import type { IndicatorResult, ScoreReport } from '../scoring/report-types.js';
import { pct } from './labels.js';
import { cellsForPeople } from '../core/lang-formats.js';
import { m } from './messages.js';
import { groupLabel } from './verdicts.js';

const HEADER = {
  en: [
    'level',
    'group',
    'street',
    'indicator',
    'indicator_name',
    'favourable',
    'eligible',
    'excluded',
    'rate',
    'se',
    'ci_low',
    'ci_high',
    'threshold',
    'pass',
    'too_close',
    'population',
    'sampled',
    'completes',
    'rr1',
    'coop1',
    'reserves_used',
    'risk',
    // Not `group`: that is the second column's name (the community or roll-up).
    'verdict_group',
  ],
  zh: [
    '层级',
    '单位',
    '街道',
    '指标',
    '指标名称',
    '肯定人数',
    '有效人数',
    '剔除人数',
    '比率',
    '标准误',
    '置信下限',
    '置信上限',
    '标准',
    '是否达标',
    '误差范围内',
    '总户数',
    '样本户数',
    '完成户数',
    'RR1',
    'COOP1',
    '启用备用户',
    '未达标风险',
    '分组',
  ],
};

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
  return csvTable(HEADER[opts.lang], rows, { bom: opts.bom ?? false });
}
