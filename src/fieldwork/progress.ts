import type { Problem } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { c, r as rm } from './responses.messages.js';
import {
  countDispositions,
  coop1,
  disposition,
  DISPOSITION_TOKENS,
  rr1,
  type DispositionCounts,
  type DispositionToken,
  type Rate,
} from './dispositions.js';
import type { ResponseRow } from './responses.js';
import { namesStratum } from '../sampling/strata.js';
import { planFieldwork, type EntryLike, type FieldworkPlan } from './succession.js';

/**
 * Checks that need the sample and all responses together, and the progress of fieldwork per
 * stratum. Pure.
 */

export interface CheckOptions {
  maxVisits: number;
  /** Name of the sample file in messages. */
  sampleLabel: string;
  /** Language of the problems (English when not given). */
  lang?: Lang;
}

const sameAnswers = (a: Record<string, number>, b: Record<string, number>) => {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
};

/**
 * Unknown households, stratum or role that contradict the sample, a household recorded as complete
 * twice with different answers by different interviewers, duplicated rows, visits beyond the
 * limit, and (from the succession plan) reserves used out of order. `rows` in time order.
 */
export function checkAgainstSample<E extends EntryLike>(
  entries: readonly E[],
  rows: readonly ResponseRow[],
  opts: CheckOptions,
): { problems: Problem[]; plan: FieldworkPlan<E> } {
  const lang = opts.lang ?? 'en';
  const problems: Problem[] = [];
  const at = (r: ResponseRow) => ({ file: r.file, line: r.line });
  const byId = new Map(entries.map((e) => [e.householdId, e]));
  const known: ResponseRow[] = [];
  const completes = new Map<string, ResponseRow[]>();
  const seenRow = new Map<string, ResponseRow>();
  for (const r of rows) {
    const e = byId.get(r.householdId);
    if (!e) {
      problems.push({
        ...at(r),
        field: 'household_id',
        message: t(lang, c.notInSample, { id: r.householdId, sample: opts.sampleLabel }),
        severity: 'error',
      });
      continue;
    }
    known.push(r);
    if (r.stratum !== '' && !namesStratum(r.stratum, e.stratum))
      problems.push({
        ...at(r),
        field: 'stratum',
        message: t(lang, c.otherStratum, { given: r.stratum, id: r.householdId, stratum: e.stratum }),
        severity: 'error',
      });
    if (r.role !== undefined && r.role !== e.role)
      problems.push({
        ...at(r),
        field: 'role',
        message: t(lang, c.otherRole, {
          given: r.role,
          id: r.householdId,
          role: t(lang, c.roleWord, { role: e.role }),
        }),
        severity: 'error',
      });
    if (r.visit > opts.maxVisits)
      problems.push({
        ...at(r),
        message: t(lang, rm.warning, {
          field: 'visit',
          text: t(lang, c.tooManyVisits, { visit: r.visit, max: opts.maxVisits }),
        }),
        severity: 'warning',
      });
    const key = JSON.stringify([
      r.householdId,
      r.visit,
      r.disposition,
      r.interviewer,
      r.recordedAt,
      r.answers,
      r.note,
    ]);
    const dup = seenRow.get(key);
    if (dup)
      problems.push({
        ...at(r),
        message: t(lang, rm.warning, { text: t(lang, c.sameRow, { at: `${dup.file}:${dup.line}` }) }),
        severity: 'warning',
      });
    else seenRow.set(key, r);
    if (r.disposition === 'complete' && !dup) {
      const earlier = completes.get(r.householdId) ?? [];
      const clash = earlier.find(
        (x) => x.interviewer !== r.interviewer && !sameAnswers(x.answers, r.answers),
      );
      if (clash)
        problems.push({
          ...at(r),
          message: t(lang, c.completeTwice, {
            id: r.householdId,
            before: clash.interviewer || '?',
            at: `${clash.file}:${clash.line}`,
            now: r.interviewer || '?',
          }),
          severity: 'error',
        });
      earlier.push(r);
      completes.set(r.householdId, earlier);
    }
  }
  const plan = planFieldwork(entries, known, opts.maxVisits, lang);
  problems.push(...plan.problems);
  return { problems, plan };
}

export interface StratumProgress {
  stratum: string;
  /** Completes wanted: the primaries. */
  target: number;
  completes: number;
  partials: number;
  /** Final outcomes other than complete, by disposition token (primaries and reserves). */
  nonResponse: Partial<Record<DispositionToken, number>>;
  /** Nobody home, to be visited again. */
  revisits: number;
  /** Primaries not visited yet. */
  unvisited: number;
  reservesUsed: number;
  reservesLeft: number;
  /** Failures with no reserve left to replace them. */
  unreplaced: number;
  /** AAPOR groups of the original sample (primaries visited so far, newest outcome). */
  original: DispositionCounts;
  rr1: Rate;
  coop1: Rate;
  /** The next households due (ids). */
  next: string[];
  due: number;
}

export function progressOf<E extends EntryLike>(
  plan: FieldworkPlan<E>,
  nextCount = 3,
): { strata: StratumProgress[]; total: StratumProgress } {
  const strata = plan.strata.map((s): StratumProgress => {
    const nonResponse: Partial<Record<DispositionToken, number>> = {};
    let partials = 0;
    for (const h of s.households) {
      if (h.status !== 'failed' || !h.outcome) continue;
      nonResponse[h.outcome] = (nonResponse[h.outcome] ?? 0) + 1;
      if (h.outcome === 'partial') partials++;
    }
    const primaries = s.households.filter((h) => h.entry.role === 'primary');
    const original = countDispositions(primaries.flatMap((h) => (h.latest ? [h.latest.disposition] : [])));
    return {
      stratum: s.stratum,
      target: s.target,
      completes: s.completes,
      partials,
      nonResponse,
      revisits: s.households.filter((h) => h.status === 'revisit').length,
      unvisited: primaries.filter((h) => h.status === 'unvisited').length,
      reservesUsed: s.reservesUsed,
      reservesLeft: s.reservesLeft,
      unreplaced: s.unreplaced,
      original,
      rr1: rr1(original),
      coop1: coop1(original),
      next: s.due.slice(0, nextCount).map((d) => d.entry.householdId),
      due: s.due.length,
    };
  });
  const sum = (f: (p: StratumProgress) => number) => strata.reduce((a, p) => a + f(p), 0);
  const nonResponse: Partial<Record<DispositionToken, number>> = {};
  for (const t of DISPOSITION_TOKENS)
    for (const p of strata) if (p.nonResponse[t]) nonResponse[t] = (nonResponse[t] ?? 0) + p.nonResponse[t];
  const original = countDispositions([]);
  for (const p of strata)
    for (const k of Object.keys(original) as (keyof DispositionCounts)[]) original[k] += p.original[k];
  const total: StratumProgress = {
    stratum: '',
    target: sum((p) => p.target),
    completes: sum((p) => p.completes),
    partials: sum((p) => p.partials),
    nonResponse,
    revisits: sum((p) => p.revisits),
    unvisited: sum((p) => p.unvisited),
    reservesUsed: sum((p) => p.reservesUsed),
    reservesLeft: sum((p) => p.reservesLeft),
    unreplaced: sum((p) => p.unreplaced),
    original,
    rr1: rr1(original),
    coop1: coop1(original),
    next: plan.due.slice(0, nextCount).map((d) => d.entry.householdId),
    due: plan.due.length,
  };
  return { strata, total };
}

/** Groups of non-response for a compact table. */
export function nonResponseGroups(p: StratumProgress): {
  refused: number;
  notHome: number;
  other: number;
  ineligible: number;
} {
  let refused = 0;
  let notHome = 0;
  let other = 0;
  let ineligible = 0;
  for (const [t, n] of Object.entries(p.nonResponse) as [DispositionToken, number][]) {
    const c = disposition(t).category;
    if (c === 'R') refused += n;
    else if (c === 'NC') notHome += n;
    else if (c === 'NE') ineligible += n;
    else if (c !== 'I' && c !== 'P') other += n;
  }
  return { refused, notHome, other, ineligible };
}
