import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import type { ScoreReport, StratumResult } from '../scoring/report-types.js';
import { m } from './messages.js';

/**
 * Layout helpers the report formats share: the title, and communities grouped under their
 * sub-district so a sub-district's name is shown once.
 */

/** The report's title: the drill's name or --title, else the standard's name. */
export function reportTitle(lang: Lang, report: Pick<ScoreReport, 'title' | 'standard_name'>): string {
  const own = report.title?.trim();
  return own ? own : t(lang, m.defaultTitle, { standard: report.standard_name[lang] });
}

/** A community's own name: the stratum key without its sub-district ("东风街道 / 东风社区" → "东风社区"). */
export function communityName(s: Pick<StratumResult, 'stratum' | 'street'>): string {
  if (s.street) {
    const prefix = `${s.street} / `;
    if (s.stratum.startsWith(prefix) && s.stratum.length > prefix.length)
      return s.stratum.slice(prefix.length);
  }
  return s.stratum;
}

export interface StreetGroup<S> {
  /** The sub-district, or null for communities without one. */
  street: string | null;
  strata: S[];
}

/** Communities grouped by sub-district, groups in order of first appearance, order kept within a group. */
export function groupByStreet<S extends Pick<StratumResult, 'street'>>(
  strata: readonly S[],
): StreetGroup<S>[] {
  const groups = new Map<string | null, S[]>();
  for (const s of strata) {
    const k = s.street ?? null;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(s);
  }
  return [...groups].map(([street, list]) => ({ street, strata: list }));
}
