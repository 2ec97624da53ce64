import type { Problem } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { c, r as rm } from './responses.messages.js';
import { isFinal, type DispositionToken } from './dispositions.js';
import { orderRows, type ResponseRow, type Role } from './responses.js';

/**
 * Reserve succession and the order in which households are due, as a pure function of the sample
 * entries, the response rows and the number of visits allowed.
 *
 * Rules (domain.md, "Sampling practice"; issue 3):
 * - Strata are worked in sample order; within a stratum, primaries by rank.
 * - A household that ends without a complete interview (any final disposition other than
 *   complete: partial, refusal, non-contact after the last visit, ineligible...) activates the
 *   next unused reserve of its stratum, in rank order; failures take reserves in the order they
 *   became final. A reserve that itself fails activates the next one.
 * - An activated reserve is due right after the household it replaces.
 * - Nobody at home with visits left: due again after the stratum's other households.
 */

export interface EntryLike {
  stratum: string;
  role: Role;
  rank: number;
  householdId: string;
  line?: number;
}

export type RowLike = Pick<
  ResponseRow,
  'householdId' | 'visit' | 'disposition' | 'time' | 'file' | 'line' | 'interviewer'
>;

export type HouseholdStatus =
  /** Not visited yet (a reserve: not yet needed, or activated and waiting). */
  | 'unvisited'
  /** Nobody home, visits left. */
  | 'revisit'
  | 'complete'
  /** Final without a complete interview. */
  | 'failed';

export interface HouseholdState<E extends EntryLike = EntryLike> {
  entry: E;
  rows: RowLike[];
  /** The newest row. */
  latest?: RowLike;
  /** Visits made: the highest visit number recorded. */
  visits: number;
  status: HouseholdStatus;
  /** The final disposition (status complete or failed). */
  outcome?: DispositionToken;
  /** For a reserve: activated to replace this household. */
  replaces?: string;
  /** For a failed household: the reserve that replaces it (none when reserves ran out). */
  replacedBy?: string;
  /** When it became final (ms), for failures. */
  finalAt?: number;
  /** Position of that row in time order (ties of finalAt keep the order rows were recorded in). */
  finalSeq?: number;
}

export interface DueItem<E extends EntryLike = EntryLike> {
  entry: E;
  /** The visit number this call will be. */
  visit: number;
  /** A reserve: the household it replaces. */
  replaces?: string;
}

export interface StratumPlan<E extends EntryLike = EntryLike> {
  stratum: string;
  households: HouseholdState<E>[];
  /** Primaries: the number of completes wanted. */
  target: number;
  completes: number;
  reservesTotal: number;
  /** Reserves visited at least once. */
  reservesUsed: number;
  /** Reserves never visited. */
  reservesLeft: number;
  /** Failures that found no reserve left. */
  unreplaced: number;
  due: DueItem<E>[];
}

export interface FieldworkPlan<E extends EntryLike = EntryLike> {
  strata: StratumPlan<E>[];
  /** Every household due, in order. */
  due: DueItem<E>[];
  /** Reserves used out of order (errors) and reserves used without need (warnings). */
  problems: Problem[];
}

export function planFieldwork<E extends EntryLike>(
  entries: readonly E[],
  rows: readonly RowLike[],
  maxVisits: number,
  lang: Lang = 'en',
): FieldworkPlan<E> {
  const ordered = orderRows(rows as ResponseRow[]) as RowLike[];
  const seq = new Map<RowLike, number>(ordered.map((r, i) => [r, i]));
  const rowsBy = new Map<string, RowLike[]>();
  for (const r of ordered) {
    const list = rowsBy.get(r.householdId);
    if (list) list.push(r);
    else rowsBy.set(r.householdId, [r]);
  }
  const strataOrder: string[] = [];
  const byStratum = new Map<string, E[]>();
  for (const e of entries) {
    if (!byStratum.has(e.stratum)) {
      byStratum.set(e.stratum, []);
      strataOrder.push(e.stratum);
    }
    byStratum.get(e.stratum)!.push(e);
  }
  const problems: Problem[] = [];
  const strata = strataOrder.map((s) =>
    planStratum(s, byStratum.get(s)!, rowsBy, seq, maxVisits, problems, lang),
  );
  return { strata, due: strata.flatMap((s) => s.due), problems };
}

function stateOf<E extends EntryLike>(
  entry: E,
  rows: RowLike[],
  seq: Map<RowLike, number>,
  maxVisits: number,
): HouseholdState<E> {
  if (rows.length === 0) return { entry, rows, visits: 0, status: 'unvisited' };
  const latest = rows[rows.length - 1]!;
  const visits = Math.max(...rows.map((r) => r.visit));
  const st: HouseholdState<E> = { entry, rows, latest, visits, status: 'revisit' };
  if (!isFinal(latest.disposition, visits, maxVisits)) return st;
  st.outcome = latest.disposition;
  st.status = latest.disposition === 'complete' ? 'complete' : 'failed';
  if (st.status === 'failed') {
    // Became final at the first row of the trailing run of final, non-complete rows.
    let at = latest;
    for (let i = rows.length - 1; i >= 0; i--) {
      const r = rows[i]!;
      const seen = Math.max(...rows.slice(0, i + 1).map((x) => x.visit));
      if (r.disposition === 'complete' || !isFinal(r.disposition, seen, maxVisits)) break;
      at = r;
    }
    st.finalAt = at.time;
    st.finalSeq = seq.get(at) ?? 0;
  }
  return st;
}

function label(e: EntryLike, lang: Lang): string {
  return t(lang, e.role === 'reserve' ? c.reserve : c.primary, { rank: e.rank, id: e.householdId });
}

function planStratum<E extends EntryLike>(
  stratum: string,
  list: E[],
  rowsBy: Map<string, RowLike[]>,
  seq: Map<RowLike, number>,
  maxVisits: number,
  problems: Problem[],
  lang: Lang,
): StratumPlan<E> {
  const primaries = list.filter((e) => e.role === 'primary').sort((a, b) => a.rank - b.rank);
  const reserves = list.filter((e) => e.role === 'reserve').sort((a, b) => a.rank - b.rank);
  const state = new Map<string, HouseholdState<E>>();
  for (const e of [...primaries, ...reserves])
    state.set(e.householdId, stateOf(e, rowsBy.get(e.householdId) ?? [], seq, maxVisits));

  // Assign reserves to failures in the order the failures became final. A reserve can only be
  // taken once it is itself active, which chronological order guarantees for chains.
  const active = new Set(primaries.map((e) => e.householdId));
  const pending = [...state.values()].filter((s) => s.status === 'failed');
  pending.sort((a, b) => a.finalAt! - b.finalAt! || a.finalSeq! - b.finalSeq!);
  let next = 0;
  let unreplaced = 0;
  // Failures of reserves only count once the reserve is active; loop until no new activation.
  const assigned = new Set<string>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const f of pending) {
      const id = f.entry.householdId;
      if (assigned.has(id) || !active.has(id)) continue;
      assigned.add(id);
      progress = true;
      const r = reserves[next];
      if (!r) {
        unreplaced++;
        continue;
      }
      next++;
      f.replacedBy = r.householdId;
      state.get(r.householdId)!.replaces = id;
      active.add(r.householdId);
      break; // re-scan from the start: the new reserve's own failure may come earlier in time
    }
  }

  // Reserves used out of order, or without need.
  const used = reserves.filter((r) => state.get(r.householdId)!.rows.length > 0);
  reserves.forEach((r, i) => {
    const s = state.get(r.householdId)!;
    if (s.rows.length === 0) return;
    const first = s.rows[0]!;
    const skipped = reserves.slice(0, i).filter((x) => {
      const xs = state.get(x.householdId)!;
      return xs.rows.length === 0 || xs.rows[0]!.time > first.time;
    });
    if (skipped.length > 0)
      problems.push({
        file: first.file,
        line: first.line,
        message: t(lang, c.reservesOutOfOrder, {
          stratum,
          reserve: label(r, lang),
          skipped: skipped.map((x) => label(x, lang)),
        }),
        severity: 'error',
      });
    else if (!active.has(r.householdId))
      problems.push({
        file: first.file,
        line: first.line,
        message: t(lang, rm.warning, {
          text: t(lang, c.reserveNotNeeded, { stratum, reserve: label(r, lang) }),
        }),
        severity: 'warning',
      });
    else if (s.replaces) {
      const replaced = state.get(s.replaces)!;
      if (replaced.finalAt !== undefined && first.time < replaced.finalAt)
        problems.push({
          file: first.file,
          line: first.line,
          message: t(lang, rm.warning, {
            text: t(lang, c.reserveEarly, {
              stratum,
              reserve: label(r, lang),
              replaced: label(replaced.entry, lang),
            }),
          }),
          severity: 'warning',
        });
    }
  });

  // Visiting order: each primary, then the chain of reserves replacing it.
  const sequence: HouseholdState<E>[] = [];
  for (const p of primaries) {
    let s: HouseholdState<E> | undefined = state.get(p.householdId);
    while (s) {
      sequence.push(s);
      s = s.replacedBy ? state.get(s.replacedBy) : undefined;
    }
  }
  const due: DueItem<E>[] = [];
  const item = (s: HouseholdState<E>): DueItem<E> => ({
    entry: s.entry,
    visit: s.visits + 1,
    ...(s.replaces ? { replaces: s.replaces } : {}),
  });
  for (const s of sequence) if (s.status === 'unvisited') due.push(item(s));
  for (const s of sequence) if (s.status === 'revisit') due.push(item(s));

  const households = [...primaries, ...reserves].map((e) => state.get(e.householdId)!);
  return {
    stratum,
    households,
    target: primaries.length,
    completes: households.filter((s) => s.status === 'complete').length,
    reservesTotal: reserves.length,
    reservesUsed: used.length,
    reservesLeft: reserves.length - used.length,
    unreplaced,
    due,
  };
}

/**
 * The same visiting order as `planFieldwork(...).due[0]`, kept up to date visit by visit instead of
 * re-planned from every row: for a program that makes the visits itself in due order, one visit at
 * a time, each recorded before the next is asked for (synthetic fieldwork). Linear in the visits.
 *
 * Why it agrees with the plan: households are visited in sequence order (a primary, then the chain
 * of reserves replacing it), so a failure's reserve is always the next unvisited household, and
 * households left to revisit join their queue in sequence order: at its end while unvisited
 * households remain, at its head when a reserve replacing the first of them is itself not home.
 */
export interface VisitQueue<E extends EntryLike> {
  /** The household due now (the plan's due[0]), or undefined when the stratum is done. */
  next(): DueItem<E> | undefined;
  /** Record the visit `next()` gave, with its disposition. */
  record(disposition: DispositionToken): void;
}

export function visitQueue<E extends EntryLike>(list: readonly E[], maxVisits: number): VisitQueue<E> {
  const byRank = (a: E, b: E) => a.rank - b.rank;
  const primaries = list.filter((e) => e.role === 'primary').sort(byRank);
  const reserves = list.filter((e) => e.role === 'reserve').sort(byRank);
  let nextPrimary = 0;
  let nextReserve = 0;
  let reserve: { item: DueItem<E>; fromRevisit: boolean } | undefined;
  const revisit: DueItem<E>[] = [];
  let head = 0;
  let current:
    { item: DueItem<E>; source: 'reserve' | 'primary' | 'revisit'; fromRevisit: boolean } | undefined;
  return {
    next() {
      if (reserve) current = { item: reserve.item, source: 'reserve', fromRevisit: reserve.fromRevisit };
      else if (nextPrimary < primaries.length)
        current = {
          item: { entry: primaries[nextPrimary]!, visit: 1 },
          source: 'primary',
          fromRevisit: false,
        };
      else if (head < revisit.length)
        current = { item: revisit[head]!, source: 'revisit', fromRevisit: true };
      else current = undefined;
      return current?.item;
    },
    record(disposition) {
      const c = current;
      if (!c) throw new Error('visitQueue: record() without a household due');
      current = undefined;
      const { item } = c;
      if (c.source === 'reserve') reserve = undefined;
      else if (c.source === 'primary') nextPrimary++;
      const final = isFinal(disposition, item.visit, maxVisits);
      const again: DueItem<E> = { ...item, visit: item.visit + 1 };
      if (c.source === 'revisit') {
        if (final) head++;
        else revisit[head] = again;
      } else if (!final) {
        if (!c.fromRevisit) revisit.push(again);
        else if (head > 0) revisit[--head] = again;
        else revisit.unshift(again);
      }
      if (final && disposition !== 'complete') {
        const r = reserves[nextReserve];
        if (r) {
          nextReserve++;
          reserve = {
            item: { entry: r, visit: 1, replaces: item.entry.householdId },
            fromRevisit: c.fromRevisit,
          };
        }
      }
    },
  };
}
