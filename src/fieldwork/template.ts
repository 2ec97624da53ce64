import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { columnLetter, type XlsxSheet } from '../io/xlsx-write.js';
import type { SampleEntry } from '../sampling/sample-file.js';
import type { Standard } from '../standard/schema.js';
import { DISPOSITIONS } from './dispositions.js';
import { m } from './messages.js';
import { tm } from './template.messages.js';
import { m as core } from '../core/core.messages.js';

/**
 * The responses template: a form for teams that record on paper or in a spreadsheet. One row per
 * household of the sample (primaries, then reserves in the order to use them), headed in the
 * interviewer's language with each question's own text; the outcome and the answers are typed as
 * labels (a drop-down list in .xlsx) or codes. `hhsurvey status` and `score` read it back as a
 * responses file: columns are found by question id or text, unfilled rows are households not
 * visited yet, and the second row of the CSV (the codes) is skipped. Pure: text in, cells out.
 */

/** The first cell of the CSV's codes row, in either language: the reader skips that row. */
export const CODES_ROW_MARKS = ['选项说明', 'codes'] as const;

export interface ResponsesTemplate {
  header: string[];
  /** Allowed values under each column ('' where anything goes). */
  codes: string[];
  rows: string[][];
  /** Columns that take a label from a list: the disposition and the questions. */
  lists: { column: number; values: string[] }[];
  widths: number[];
}

export function responsesTemplate(
  entries: readonly SampleEntry[],
  standard: Standard,
  lang: Lang,
): ResponsesTemplate {
  const fixed = [
    tm.householdId,
    tm.stratum,
    tm.role,
    tm.address,
    tm.visit,
    tm.disposition,
    tm.interviewer,
  ].map((x) => t(lang, x));
  const header = [...fixed, ...standard.questions.map((q) => q.text[lang]), t(lang, tm.note)];
  const outcome = DISPOSITIONS.map((d) => d[lang]);
  const codes = [
    t(lang, m.templateCodesMark),
    '',
    t(lang, tm.roles),
    '',
    t(lang, m.templateVisitCodes),
    outcome.join(t(lang, core.listSep)),
    '',
    ...standard.questions.map((q) => q.options.map((o) => `${o.code} ${o[lang]}`).join(' / ')),
    '',
  ];
  const ordered = [
    ...entries.filter((e) => e.role === 'primary'),
    ...entries.filter((e) => e.role === 'reserve'),
  ];
  const rows = ordered.map((e) => [
    e.householdId,
    e.stratum,
    t(lang, e.role === 'primary' ? tm.primary : tm.reserve),
    e.address,
    ...Array<string>(header.length - 4).fill(''),
  ]);
  const lists = [
    { column: 5, values: outcome },
    ...standard.questions.map((q, i) => ({
      column: fixed.length + i,
      values: q.options.map((o) => o[lang]),
    })),
  ];
  const widths = header.map((h, i) => (i === 3 ? 24 : Math.min(40, Math.max(10, [...h].length * 2 + 2))));
  return { header, codes, rows, lists, widths };
}

/** The CSV form: the header, the codes row, then the households. */
export function templateTable(tpl: ResponsesTemplate): { header: string[]; rows: string[][] } {
  return { header: tpl.header, rows: [tpl.codes, ...tpl.rows] };
}

/** The .xlsx form: the households with drop-down lists, and a second sheet explaining the codes. */
export function templateSheets(tpl: ResponsesTemplate, lang: Lang): XlsxSheet[] {
  const last = tpl.rows.length + 1;
  return [
    {
      name: t(lang, m.templateSheet),
      rows: [tpl.header, ...tpl.rows],
      widths: tpl.widths,
      freezeRows: 1,
      lists: tpl.lists.map((l) => ({
        sqref: `${columnLetter(l.column)}2:${columnLetter(l.column)}${Math.max(last, 2)}`,
        values: l.values,
      })),
    },
    {
      name: t(lang, m.templateLegendSheet),
      rows: [
        [t(lang, m.templateLegendColumn), t(lang, m.templateLegendValues)],
        ...tpl.header.map((h, i) => [h, tpl.codes[i] ?? '']).filter(([, c], i) => i > 0 && c !== ''),
        [],
        [t(lang, m.templateLegendHow)],
      ],
      widths: [40, 80],
      freezeRows: 1,
    },
  ];
}
