import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { sheetName, type XlsxSheet } from '../io/xlsx-write.js';
import type { Standard } from '../standard/schema.js';
import { m } from './messages.js';
import type { PackStreet } from './model.js';
import { dispositionLegend, householdNumber, questionnaire } from './sheets.js';

type XlsxCell = string | number | null | undefined | { v: string | number; bold?: boolean };

/** Cells as the writer takes them: text. */
function asText(rows: XlsxCell[][]): string[][] {
  return rows.map((r) =>
    r.map((c) => (c === null || c === undefined ? '' : typeof c === 'object' ? String(c.v) : String(c))),
  );
}

/**
 * The pack as one workbook for teams entering on laptops: a legend sheet (outcome codes, the
 * questionnaire with its option codes), then one sheet per community with the same rows, in the
 * same order, as its paper visit sheet and as `hhsurvey interview` asks for them.
 */
export function packSheets(
  streets: readonly PackStreet[],
  standard: Standard,
  lang: Lang,
  maxVisits: number,
): XlsxSheet[] {
  const bold = (v: string): XlsxCell => ({ v, bold: true });
  const taken = new Set<string>();
  const qs = questionnaire(lang, standard);
  const legend: XlsxCell[][] = [
    [bold(t(lang, m.legend))],
    [bold(t(lang, m.code)), bold(t(lang, m.outcome)), bold(t(lang, m.aapor))],
  ];
  for (const d of dispositionLegend(lang)) legend.push([d.key, d.label, d.aapor]);
  legend.push(
    [],
    [bold(t(lang, m.questionnaire))],
    [bold(t(lang, m.no)), bold(t(lang, m.question)), bold(t(lang, m.options))],
  );
  for (const q of qs)
    legend.push([
      q.n,
      [q.text, q.condition].filter(Boolean).join('\n'),
      q.options.map((o) => `${o.key} ${o.label}`).join('\n'),
    ]);
  const sheets: XlsxSheet[] = [
    { name: sheetName(t(lang, m.legendSheet), taken), rows: asText(legend), widths: [8, 60, 40] },
  ];
  const header = [
    t(lang, m.communities),
    t(lang, m.no),
    t(lang, m.role),
    t(lang, m.householdId),
    t(lang, m.address),
    t(lang, m.head),
    t(lang, m.phone),
    // A column per visit a household may get (--max-visits), as on the paper sheet.
    ...Array.from({ length: maxVisits }, (_, i) => t(lang, m.visit, { n: i + 1 })),
    t(lang, m.replaces),
    ...qs.map((q) => `${q.n}`),
  ].map(bold);
  for (const s of streets)
    for (const c of s.communities) {
      const rows: XlsxCell[][] = [header];
      for (const h of [...c.primaries, ...c.reserves])
        rows.push([
          c.stratum,
          householdNumber(lang, h),
          t(lang, h.role === 'primary' ? m.rolePrimary : m.roleReserve),
          h.householdId,
          [h.address, h.grid].filter(Boolean).join(' · '),
          h.head,
          h.phone,
        ]);
      sheets.push({
        name: sheetName(c.name, taken),
        rows: asText(rows),
        widths: [
          18,
          6,
          8,
          12,
          28,
          8,
          14,
          ...Array.from({ length: maxVisits }, () => 14),
          8,
          ...qs.map(() => 5),
        ],
        freezeRows: 1,
      });
    }
  return sheets;
}
