import { discreteSampler } from './hypergeometric.js';
import { UserError } from '../core/errors.js';
import { t } from '../core/messages.js';
import { scopeLang } from '../io/run-scope.js';
import { m as limits, MAX_SIMULATED_SAMPLE } from './limits.messages.js';
import { completesDistribution, fieldworkOutcomes } from './fieldwork-outcomes.js';
import { exactIndicator, notSureMatters, TableCache, type IndicatorPopulation } from './model.js';
import { passTable, type PassRule } from './pass-rule.js';

/** One indicator of the design: its id and how it is judged (per community and per roll-up). */
export interface IndicatorSpec {
  id: string;
  rule: PassRule;
}

/** One community (stratum) of the design. */
export interface StratumSpec {
  key: string;
  /** Higher levels this stratum belongs to, e.g. { street: '全福' }; `overall` is implied. */
  groups: Record<string, string>;
  population: number;
  /** Primary households drawn. */
  size: number;
  reserves: number;
  /** Aligned with the design's indicators. */
  indicators: IndicatorPopulation[];
}

/**
 * Lower confidence bound for a roll-up (the scoring module's Korn–Graubard interval): the stratified
 * estimate, its variance, the degrees of freedom (respondents − strata) and the rule's confidence.
 */
export type LevelLowerBound = (
  estimate: number,
  variance: number,
  respondents: number,
  df: number,
  confidence: number,
) => number;

export interface SimulationDesign {
  strata: StratumSpec[];
  indicators: IndicatorSpec[];
  /** Probability that a visited household completes (1: everyone does). */
  responseRate: number;
  /** Level names to roll up to, in order (e.g. ['street']); `overall` is added last unless `false`. */
  levels: string[] | false;
  /** Needed when an indicator's rule is `lower_bound`. */
  levelLowerBound?: LevelLowerBound;
}

/** A source of uniform numbers in [0, 1) (src/sampling/rng.ts): `fill` gives the next `out.length`. */
export interface UniformStream {
  fill(out: Float64Array): void;
}

/** The uniform stream of a name (seeded by the caller). */
export type StreamFactory = (name: string) => UniformStream;

export interface SimulationOptions {
  replicates: number;
  streams: StreamFactory;
  /** Called with (done, total) work units as the run progresses. */
  onProgress?: (done: number, total: number) => void;
}

export interface RateSummary {
  mean: number;
  q05: number;
  q50: number;
  q95: number;
}

export interface StratumResult extends RateSummary {
  stratum: string;
  groups: Record<string, string>;
  indicator: string;
  population: number;
  favourable: number;
  notSure: number;
  size: number;
  reserves: number;
  /** The indicator's value on a census of the community. */
  trueRate: number;
  pPassExact: number;
  pPass: number;
  pPassSe: number;
  /** Share of replicates with no eligible respondent: "no data" (neither pass nor fail, as in score). */
  pNoEligible: number;
  pNoEligibleExact: number;
  expectedReserves: number;
  expectedReservesExact: number;
}

export interface LevelResult extends RateSummary {
  level: string;
  group: string;
  indicator: string;
  strata: number;
  population: number;
  trueRate: number;
  /** The stratified estimate judged by the standard's rule: Monte Carlo only. */
  pPass: number;
  pPassSe: number;
  /** No community of the group fails (a community with no eligible respondent is "no data" and does
   *  not fail, as in score's overall verdict): exact (communities are independent) and simulated. */
  pAllPassExact: number;
  pAllPass: number;
  pAllPassSe: number;
}

export interface SimulationResult {
  replicates: number;
  strata: StratumResult[];
  levels: LevelResult[];
}

export const STREAM_ALGORITHM = 'xor4096';

/** Stream names: a stratum's numbers depend only on the seed, its key, the indicator and its own design. */
export function fieldworkStream(stratum: string): string {
  return JSON.stringify(['fieldwork', stratum]);
}
export function indicatorStream(stratum: string, indicator: string): string {
  return JSON.stringify(['indicator', stratum, indicator]);
}

interface GroupAcc {
  level: string;
  group: string;
  strata: number[];
  population: number;
  /** Per indicator, per replicate. */
  sum: Float64Array[];
  wsum: Float64Array[] | undefined;
  vsum: Float64Array[] | undefined;
  resp: Float64Array[] | undefined;
  nstrata: Float64Array[] | undefined;
  failed: Uint8Array[];
}

function checkDesign(design: SimulationDesign, replicates: number): void {
  if (!Number.isSafeInteger(replicates) || replicates < 1)
    throw new RangeError(`replicates must be a whole number ≥ 1, got ${replicates}`);
  if (!(design.responseRate >= 0 && design.responseRate <= 1))
    throw new RangeError('response rate must be in [0, 1]');
  for (const s of design.strata) {
    // Tables of (n + 1)² doubles per indicator: 2,000 households take 96 MB, a million would take 24 TB.
    if (s.size + s.reserves > MAX_SIMULATED_SAMPLE)
      throw new UserError(
        t(scopeLang(), limits.sampleTooLarge, {
          stratum: s.key,
          n: s.size + s.reserves,
          max: MAX_SIMULATED_SAMPLE,
        }),
      );
    if (s.indicators.length !== design.indicators.length)
      throw new RangeError(`stratum ${s.key}: indicators do not match the design`);
    if (s.size > s.population)
      throw new RangeError(`stratum ${s.key}: sample ${s.size} exceeds population ${s.population}`);
    if (s.size + s.reserves > s.population)
      throw new RangeError(`stratum ${s.key}: sample and reserves exceed population`);
    for (const ind of s.indicators)
      if (ind.population !== s.population)
        throw new RangeError(`stratum ${s.key}: indicator population mismatch`);
  }
  const needsBound = design.levels !== false && design.indicators.some((i) => i.rule.kind === 'lower_bound');
  if (needsBound && !design.levelLowerBound)
    throw new RangeError('a lower_bound rule needs a roll-up interval (levelLowerBound)');
}

/**
 * Monte Carlo of a whole design, with the exact per-community values alongside.
 *
 * Per community and replicate: the fieldwork outcome (completes m, reserves used) is drawn from its
 * exact law, then per indicator the favourable count x ~ Hypergeometric(N, F, m) and, when "not
 * sure" is excluded, the not-sure count s among the other m − x from Hypergeometric(N − F, S, m − x):
 * two uniforms at most, no household-by-household simulation. Each community and indicator has its
 * own seeded stream, so adding a community or an indicator leaves the others' numbers unchanged.
 * Roll-ups per replicate: the stratified estimate Σ (N_h/N) p_h over communities with an eligible
 * respondent, judged by the indicator's rule (for `lower_bound`, with the variance
 * Σ (N_h/N)² (1 − e_h/N_h) p_h(1 − p_h)/(e_h − 1) and df = respondents − strata).
 */
export function simulateDesign(design: SimulationDesign, opts: SimulationOptions): SimulationResult {
  const R = opts.replicates;
  checkDesign(design, R);
  const nInd = design.indicators.length;
  const levelNames =
    design.levels === false ? [] : [...design.levels.filter((l) => l !== 'overall'), 'overall'];
  const mayBeEmpty =
    design.responseRate < 1 ||
    design.strata.some((s) => s.size === 0 || s.indicators.some((i) => notSureMatters(i)));
  const needsVar = design.levels !== false && design.indicators.some((i) => i.rule.kind === 'lower_bound');

  // Roll-up groups, in order of first appearance within each level.
  const groups: GroupAcc[] = [];
  const groupsOfStratum: number[][] = design.strata.map(() => []);
  for (const level of levelNames) {
    const index = new Map<string, number>();
    design.strata.forEach((s, h) => {
      const g = level === 'overall' ? 'overall' : s.groups[level];
      if (g === undefined) return;
      let gi = index.get(g);
      if (gi === undefined) {
        gi = groups.length;
        index.set(g, gi);
        const arr = () => Array.from({ length: nInd }, () => new Float64Array(R));
        groups.push({
          level,
          group: g,
          strata: [],
          population: 0,
          sum: arr(),
          wsum: mayBeEmpty ? arr() : undefined,
          vsum: needsVar ? arr() : undefined,
          resp: needsVar ? arr() : undefined,
          nstrata: needsVar ? arr() : undefined,
          failed: Array.from({ length: nInd }, () => new Uint8Array(R)),
        });
      }
      const acc = groups[gi]!;
      acc.strata.push(h);
      acc.population += s.population;
      groupsOfStratum[h]!.push(gi);
    });
  }

  const total = (design.strata.length + groups.length) * nInd * R;
  let done = 0;
  const strataResults: StratumResult[] = [];
  const cache = new TableCache();
  // Buffers reused by every community and indicator: no allocation per replicate or per cell.
  let uniforms = new Float64Array(0);
  const codes = new Int32Array(R);
  const ms = new Int32Array(R);
  const uniformsFor = (k: number) => (uniforms.length === k ? uniforms : (uniforms = new Float64Array(k)));
  // Per sample size n, tables over the outcome code e·(n+1) + x (e eligible, x favourable).
  const rateTables = new Map<number, Float64Array>();
  const passTables = new Map<string, Uint8Array>();
  const rateTable = (n: number) => {
    let t = rateTables.get(n);
    if (!t) {
      t = new Float64Array((n + 1) * (n + 1));
      for (let e = 1; e <= n; e++) for (let x = 0; x <= e; x++) t[e * (n + 1) + x] = x / e;
      rateTables.set(n, t);
    }
    return t;
  };
  const passTableOf = (i: number, n: number) => {
    const key = `${i}/${n}`;
    let t = passTables.get(key);
    if (!t) {
      t = new Uint8Array((n + 1) * (n + 1));
      for (let e = 0; e <= n; e++) t.set(passTable(design.indicators[i]!.rule, e), e * (n + 1));
      passTables.set(key, t);
    }
    return t;
  };

  design.strata.forEach((s, h) => {
    const n = s.size;
    const stride = n + 1;
    const cells = stride * stride;
    const outcomes = fieldworkOutcomes(n, s.reserves, design.responseRate);
    const { pm, expectedReserves: expectedReservesExact } = completesDistribution(outcomes, n);
    const outcomeSampler = outcomes.length > 1 ? discreteSampler(outcomes.map((o) => o.prob)) : undefined;
    const fixedM = outcomeSampler === undefined;

    // Completes per replicate, shared by the community's indicators.
    let reservesUsed = 0;
    if (outcomeSampler) {
      const u = uniformsFor(R);
      opts.streams(fieldworkStream(s.key)).fill(u);
      const outM = Int32Array.from(outcomes.map((o) => o.completes));
      const outUsed = Int32Array.from(outcomes.map((o) => o.reservesUsed));
      const { cdf, guide } = outcomeSampler;
      const G = guide.length;
      for (let r = 0; r < R; r++) {
        const v = u[r]!;
        let k = guide[(v * G) | 0]!;
        while (cdf[k]! <= v) k++;
        ms[r] = outM[k]!;
        reservesUsed += outUsed[k]!;
      }
    }

    const myGroups = groupsOfStratum[h]!.map((gi) => groups[gi]!);
    const weights = myGroups.map((g) => s.population / g.population);
    const rateOf = rateTable(n);

    s.indicators.forEach((ind, i) => {
      const spec = design.indicators[i]!;
      const excl = notSureMatters(ind);
      const N = s.population;
      const passOf = passTableOf(i, n);
      // Phase 1: draw each replicate's outcome code, one uniform per hypergeometric variate (two
      // with "not sure" excluded), by inversion of the cdf through a direct table: one look-up.
      const u = uniformsFor(excl ? 2 * R : R);
      opts.streams(indicatorStream(s.key, spec.id)).fill(u);
      if (fixedM && !excl) {
        const { cdf, table } = directSampler(cache.get(N, ind.favourable, n).pmf, DIRECT_FIXED);
        const base = n * stride;
        for (let r = 0; r < R; r++) {
          const v = u[r]!;
          let x = table[(v * DIRECT_FIXED) | 0]!;
          if (x < 0) {
            x = ~x;
            while (cdf[x]! <= v) x++;
          }
          codes[r] = base + x;
        }
      } else {
        // One flat table per number of completes m (and per non-favourable count j for the not-sure
        // draw): a draw is an index into typed arrays, no object per replicate.
        const xs = flatSamplers(n, n, (m) => cache.get(N, ind.favourable, m).pmf);
        // j = m − x non-favourable completes never exceed the N − F non-favourable households.
        const nonFav = N - ind.favourable;
        const ss = excl ? flatSamplers(n, nonFav, (j) => cache.get(nonFav, ind.notSure, j).pmf) : xs;
        const { cdf: xcdf, table: xtab, offset: xoff } = xs;
        const { cdf: scdf, table: stab, offset: soff } = ss;
        let k = 0;
        for (let r = 0; r < R; r++) {
          const m = fixedM ? n : ms[r]!;
          let v = u[k++]!;
          let x = xtab[m * DIRECT_FLAT + ((v * DIRECT_FLAT) | 0)]!;
          if (x < 0) {
            const o = xoff[m]!;
            x = ~x;
            while (xcdf[o + x]! <= v) x++;
          }
          let e = m;
          if (excl) {
            const j = m - x;
            v = u[k++]!;
            let sNot = stab[j * DIRECT_FLAT + ((v * DIRECT_FLAT) | 0)]!;
            if (sNot < 0) {
              const o = soff[j]!;
              sNot = ~sNot;
              while (scdf[o + sNot]! <= v) sNot++;
            }
            e = m - sNot;
          }
          codes[r] = e * stride + x;
        }
      }
      // A replicate without an eligible respondent (code ≤ n: e = 0) is no data, not a fail.
      const failOf = new Uint8Array(cells);
      for (let c = stride; c < cells; c++) failOf[c] = passOf[c] ? 0 : 1;
      const hist = new Float64Array(cells);
      // Phase 2: add this community's rates into its roll-up groups, replicate by replicate, through
      // per-outcome tables (w·rate, w when someone is eligible, 1 on a fail); with one or two groups
      // (a street and overall) in the same pass as the histogram. The sums add the same terms in the
      // same order either way, so the results are the same to the last bit.
      const weighted = (gi: number) => {
        const w = weights[gi]!;
        const wRate = new Float64Array(cells);
        const wOf = new Float64Array(cells);
        for (let c = 0; c < cells; c++) {
          wRate[c] = w * rateOf[c]!;
          wOf[c] = c > n ? w : 0;
        }
        return { wRate, wOf };
      };
      const fused = !needsVar && myGroups.length <= 2;
      if (fused && myGroups.length === 2) {
        const [g0, g1] = myGroups as [GroupAcc, GroupAcc];
        const { wRate: a0, wOf: b0 } = weighted(0);
        const { wRate: a1, wOf: b1 } = weighted(1);
        const s0 = g0.sum[i]!;
        const f0 = g0.failed[i]!;
        const s1 = g1.sum[i]!;
        const f1 = g1.failed[i]!;
        for (let r = 0; r < R; r++) {
          const c = codes[r]!;
          hist[c]!++;
          const fail = failOf[c]!;
          s0[r] = s0[r]! + a0[c]!;
          f0[r] = f0[r]! | fail;
          s1[r] = s1[r]! + a1[c]!;
          f1[r] = f1[r]! | fail;
        }
        const w0 = g0.wsum?.[i];
        const w1 = g1.wsum?.[i];
        if (w0 && w1)
          for (let r = 0; r < R; r++) {
            const c = codes[r]!;
            w0[r] = w0[r]! + b0[c]!;
            w1[r] = w1[r]! + b1[c]!;
          }
      } else if (fused && myGroups.length === 1) {
        const g0 = myGroups[0]!;
        const { wRate: a0, wOf: b0 } = weighted(0);
        const s0 = g0.sum[i]!;
        const f0 = g0.failed[i]!;
        for (let r = 0; r < R; r++) {
          const c = codes[r]!;
          hist[c]!++;
          s0[r] = s0[r]! + a0[c]!;
          f0[r] = f0[r]! | failOf[c]!;
        }
        const w0 = g0.wsum?.[i];
        if (w0) for (let r = 0; r < R; r++) w0[r] = w0[r]! + b0[codes[r]!]!;
      } else {
        for (let r = 0; r < R; r++) hist[codes[r]!]!++;
      }
      let passCount = 0;
      for (let c = 0; c < cells; c++) if (passOf[c]) passCount += hist[c]!;
      done += R;
      opts.onProgress?.(done, total);

      let termOf: Float64Array | undefined;
      if (needsVar) {
        termOf = new Float64Array(cells);
        for (let e = 2; e <= n; e++)
          for (let x = 0; x <= e; x++) {
            const rate = x / e;
            // FPC variance term of the stratified estimator: (1 − e/N) p(1 − p)/(e − 1).
            termOf[e * stride + x] = ((1 - e / N) * rate * (1 - rate)) / (e - 1);
          }
      }
      if (!fused)
        myGroups.forEach((g, gi) => {
          const w = weights[gi]!;
          const wRate = new Float64Array(cells);
          for (let c = 0; c < cells; c++) wRate[c] = w * rateOf[c]!;
          const sum = g.sum[i]!;
          const failed = g.failed[i]!;
          for (let r = 0; r < R; r++) {
            const c = codes[r]!;
            sum[r] = sum[r]! + wRate[c]!;
            failed[r] = failed[r]! | failOf[c]!;
          }
          const wsum = g.wsum?.[i];
          if (wsum) {
            for (let r = 0; r < R; r++) if (codes[r]! > n) wsum[r] = wsum[r]! + w;
          }
          if (termOf) {
            const vs = g.vsum![i]!;
            const rs = g.resp![i]!;
            const ns = g.nstrata![i]!;
            const w2 = w * w;
            for (let r = 0; r < R; r++) {
              const code = codes[r]!;
              if (code <= n) continue; // no eligible respondent
              vs[r] = vs[r]! + w2 * termOf[code]!;
              rs[r] = rs[r]! + Math.floor(code / stride);
              ns[r] = ns[r]! + 1;
            }
          }
        });

      const exact = exactIndicator(ind, pm, spec.rule, cache);
      const pPass = passCount / R;
      const summary = summariseHistogram(hist, n);
      strataResults.push({
        stratum: s.key,
        groups: s.groups,
        indicator: spec.id,
        population: N,
        favourable: ind.favourable,
        notSure: ind.notSure,
        size: n,
        reserves: s.reserves,
        trueRate: censusRate(ind),
        pPassExact: exact.pPass,
        pPass,
        pPassSe: Math.sqrt((pPass * (1 - pPass)) / R),
        pNoEligible: summary.empty / R,
        pNoEligibleExact: exact.pNoEligible,
        expectedReserves: reservesUsed / R,
        expectedReservesExact,
        ...summary.rate,
      });
    });
  });

  // Exact probability that every community of a group passes: product over independent communities.
  // P(no fail) = P(pass) + P(no data).
  const exactPass = new Map<string, number>();
  for (const r of strataResults)
    exactPass.set(JSON.stringify([r.stratum, r.indicator]), Math.min(1, r.pPassExact + r.pNoEligibleExact));

  const levels: LevelResult[] = [];
  for (const g of groups) {
    design.indicators.forEach((spec, i) => {
      const est = new Float64Array(R);
      let passCount = 0;
      let allPass = 0;
      let valid = 0;
      // Per replicate: the stratified estimate and its verdict (a point rule compares; a lower_bound
      // rule asks for the interval only when the estimate reaches the threshold, since every
      // interval's lower end is at most the estimate), and whether no community of the group failed.
      const sum = g.sum[i]!;
      const wsum = g.wsum?.[i];
      const failed = g.failed[i]!;
      const rule = spec.rule;
      const bar = rule.threshold - 1e-12;
      const lowerBound = rule.kind === 'point' ? undefined : design.levelLowerBound!;
      const confidence = rule.kind === 'lower_bound' ? rule.confidence : 0;
      for (let r = 0; r < R; r++) {
        const w = wsum ? wsum[r]! : 1;
        const p = w > 0 ? sum[r]! / w : NaN;
        est[r] = p;
        if (!Number.isNaN(p)) {
          valid++;
          if (p >= bar) {
            if (!lowerBound) passCount++;
            else {
              const resp = g.resp![i]![r]!;
              const variance = g.vsum![i]![r]! / (w * w);
              const df = resp - g.nstrata![i]![r]!;
              if (lowerBound(p, variance, resp, df, confidence) >= bar) passCount++;
            }
          }
        }
        if (failed[r] === 0) allPass++;
      }
      let pAllPassExact = 1;
      let favourable = 0;
      for (const h of g.strata) {
        const s = design.strata[h]!;
        pAllPassExact *= exactPass.get(JSON.stringify([s.key, spec.id]))!;
        favourable += censusRate(s.indicators[i]!) * s.population;
      }
      done += R;
      opts.onProgress?.(done, total);
      const pPass = passCount / R;
      const pAll = allPass / R;
      const finite = valid === R ? est : est.filter((v) => !Number.isNaN(v));
      levels.push({
        level: g.level,
        group: g.group,
        indicator: spec.id,
        strata: g.strata.length,
        population: g.population,
        trueRate: favourable / g.population,
        pPass,
        pPassSe: Math.sqrt((pPass * (1 - pPass)) / R),
        pAllPassExact,
        pAllPass: pAll,
        pAllPassSe: Math.sqrt((pAll * (1 - pAll)) / R),
        // `est` (or its copy without NaN) is not used again: its order may change.
        ...summariseValues(finite, true),
      });
    });
  }
  return { replicates: R, strata: strataResults, levels };
}

/**
 * Table sizes of the direct samplers: powers of two, so that (u·G) | 0 is exactly ⌊u·G⌋. One law
 * (every household completes) gets a 16 KB table; a design with non-response one per number of
 * completes, 4 KB each.
 */
const DIRECT_FIXED = 4096;
const DIRECT_FLAT = 1024;

/**
 * Inversion of a cdf (the guide-table sampler of src/simulation/hypergeometric.ts, the same variate
 * for every u) with one table look-up: table[g] is x when every u in [g/G, (g+1)/G) gives x (then no
 * comparison is needed), else ~x0, where the search from x0 starts. At most k − 1 of the G cells
 * hold two or more variates, so with G ≫ k nearly every draw is one look-up.
 */
function directSampler(pmf: ArrayLike<number>, G: number): { cdf: Float64Array; table: Int32Array } {
  const { cdf } = discreteSampler(pmf);
  const table = new Int32Array(G);
  let j = 0;
  for (let g = 0; g < G; g++) {
    while (cdf[j]! <= g / G) j++;
    table[g] = cdf[j]! >= (g + 1) / G ? j : ~j;
  }
  return { cdf, table };
}

/**
 * The direct samplers of the laws pmfOf(0..n), laid end to end in typed arrays: law m has its cdf
 * at offset[m] and its table at m·DIRECT_FLAT. Laws past `limit` cannot occur and are left as a
 * point mass at 0.
 */
function flatSamplers(
  n: number,
  limit: number,
  pmfOf: (m: number) => ArrayLike<number>,
): { cdf: Float64Array; table: Int32Array; offset: Int32Array } {
  const samplers = Array.from({ length: n + 1 }, (_, m) =>
    directSampler(m <= limit ? pmfOf(m) : [1], DIRECT_FLAT),
  );
  const offset = new Int32Array(n + 1);
  let total = 0;
  samplers.forEach((smp, m) => {
    offset[m] = total;
    total += smp.cdf.length;
  });
  const cdf = new Float64Array(total);
  const table = new Int32Array((n + 1) * DIRECT_FLAT);
  samplers.forEach((smp, m) => {
    cdf.set(smp.cdf, offset[m]);
    table.set(smp.table, m * DIRECT_FLAT);
  });
  return { cdf, table, offset };
}

/** The indicator's value on a census of the community. */
export function censusRate(ind: IndicatorPopulation): number {
  const base = ind.notSureRule === 'exclude' ? ind.population - ind.notSure : ind.population;
  return base > 0 ? ind.favourable / base : NaN;
}

/** Mean and type-1 quantiles of the rate from the (eligible, favourable) histogram. */
function summariseHistogram(hist: Float64Array, n: number): { rate: RateSummary; empty: number } {
  const byRate = new Map<number, number>();
  let empty = 0;
  for (let e = 0; e <= n; e++) {
    for (let x = 0; x <= e; x++) {
      const c = hist[e * (n + 1) + x]!;
      if (c === 0) continue;
      if (e === 0) {
        empty += c;
        continue;
      }
      const rate = x / e;
      byRate.set(rate, (byRate.get(rate) ?? 0) + c);
    }
  }
  const law = [...byRate.entries()].sort((a, b) => a[0] - b[0]);
  const count = law.reduce((s, [, c]) => s + c, 0);
  let mean = 0;
  for (const [rate, c] of law) mean += rate * c;
  mean = count ? mean / count : NaN;
  const q = (p: number) => {
    if (!count) return NaN;
    const j = Math.max(1, Math.ceil(p * count - 1e-9));
    let cum = 0;
    for (const [rate, c] of law) {
      cum += c;
      if (cum >= j) return rate;
    }
    return law[law.length - 1]![0];
  };
  return { rate: { mean, q05: q(0.05), q50: q(0.5), q95: q(0.95) }, empty };
}

/** Mean and type-1 quantiles (R's `quantile(type = 1)`) of simulated values (`reorder`: in place, changing their order). */
export function summariseValues(values: Float64Array, reorder = false): RateSummary {
  const k = values.length;
  if (k === 0) return { mean: NaN, q05: NaN, q50: NaN, q95: NaN };
  let mean = 0;
  for (let i = 0; i < k; i++) mean += values[i]!;
  mean /= k;
  // Three order statistics by selection (linear time), not a full sort.
  const a = reorder ? values : Float64Array.from(values);
  const rank = (p: number) => Math.max(1, Math.ceil(p * k - 1e-9)) - 1;
  const r05 = rank(0.05);
  const r50 = rank(0.5);
  const r95 = rank(0.95);
  const q05 = selectInPlace(a, r05, 0, k - 1);
  const q50 = selectInPlace(a, r50, r05, k - 1);
  const q95 = selectInPlace(a, r95, r50, k - 1);
  return { mean, q05, q50, q95 };
}

/**
 * The value of rank `k` (0-based) among a[lo..hi] (Hoare's quickselect, median-of-three pivot): on
 * return a[lo..k−1] ≤ a[k] ≤ a[k+1..hi], so a later call for a larger rank may start at k.
 */
function selectInPlace(a: Float64Array, k: number, lo: number, hi: number): number {
  while (hi > lo) {
    const x = a[lo]!;
    const y = a[(lo + hi) >>> 1]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}
