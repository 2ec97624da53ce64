import { discreteSampler, type DiscreteSampler } from './hypergeometric.js';
import { UserError } from '../core/errors.js';
import { t } from '../core/messages.js';
import { scopeLang } from '../io/run-scope.js';
import { m as limits, MAX_SIMULATED_SAMPLE } from './limits.messages.js';
import { completesDistribution, fieldworkOutcomes } from './fieldwork.js';
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

/** A source of uniform numbers in [0, 1) for a named stream (seeded by the caller). */
export type StreamFactory = (name: string) => () => number;

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

  design.strata.forEach((s, h) => {
    const n = s.size;
    const outcomes = fieldworkOutcomes(n, s.reserves, design.responseRate);
    const { pm, expectedReserves: expectedReservesExact } = completesDistribution(outcomes, n);
    const outcomeSampler = outcomes.length > 1 ? discreteSampler(outcomes.map((o) => o.prob)) : undefined;
    const outM = Int32Array.from(outcomes.map((o) => o.completes));
    const outUsed = Int32Array.from(outcomes.map((o) => o.reservesUsed));
    const fieldU = outcomeSampler ? opts.streams(fieldworkStream(s.key)) : undefined;

    // Completes per replicate, shared by the community's indicators.
    const ms = new Int32Array(R);
    let reservesUsed = 0;
    for (let r = 0; r < R; r++) {
      let k = 0;
      if (outcomeSampler) {
        const u = fieldU!();
        const { cdf, guide } = outcomeSampler;
        k = guide[Math.floor(u * guide.length)]!;
        while (cdf[k]! <= u) k++;
      }
      ms[r] = outM[k]!;
      reservesUsed += outUsed[k]!;
    }

    const myGroups = groupsOfStratum[h]!.map((gi) => groups[gi]!);
    const weights = myGroups.map((g) => s.population / g.population);

    s.indicators.forEach((ind, i) => {
      const spec = design.indicators[i]!;
      const u = opts.streams(indicatorStream(s.key, spec.id));
      const excl = notSureMatters(ind);
      const xs: (DiscreteSampler | undefined)[] = new Array<DiscreteSampler | undefined>(n + 1);
      const ss: (DiscreteSampler | undefined)[] = new Array<DiscreteSampler | undefined>(n + 1);
      const pts: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(n + 1);
      const hist = new Float64Array((n + 1) * (n + 1));
      let passCount = 0;
      const N = s.population;
      // Phase 1: draw. Each replicate's outcome is coded e·(n+1) + x (e eligible, x favourable).
      const codes = new Int32Array(R);
      const passed = new Uint8Array(R);
      const fixedM = outcomeSampler === undefined;
      let xsm = fixedM ? discreteSampler(cache.get(N, ind.favourable, n).pmf) : undefined;
      for (let r = 0; r < R; r++) {
        const m = fixedM ? n : ms[r]!;
        if (!fixedM) {
          xsm = xs[m];
          if (!xsm) xs[m] = xsm = discreteSampler(cache.get(N, ind.favourable, m).pmf);
        }
        const cdf = xsm!.cdf;
        let v = u();
        let x = xsm!.guide[Math.floor(v * cdf.length)]!;
        while (cdf[x]! <= v) x++;
        let e = m;
        if (excl) {
          const j = m - x;
          let ssj = ss[j];
          if (!ssj) ss[j] = ssj = discreteSampler(cache.get(N - ind.favourable, ind.notSure, j).pmf);
          v = u();
          let sNot = ssj.guide[Math.floor(v * ssj.cdf.length)]!;
          while (ssj.cdf[sNot]! <= v) sNot++;
          e = m - sNot;
        }
        let pt = pts[e];
        if (!pt) pts[e] = pt = passTable(spec.rule, e);
        const pass = pt[x]!;
        passCount += pass;
        passed[r] = pass;
        const code = e * (n + 1) + x;
        codes[r] = code;
        hist[code] = hist[code]! + 1;
        if ((r & 0xffff) === 0xffff) opts.onProgress?.(done + r + 1, total);
      }
      done += R;
      opts.onProgress?.(done, total);

      // Phase 2: add this community's rates into its roll-up groups, replicate by replicate.
      const rateOf = new Float64Array((n + 1) * (n + 1));
      const termOf = new Float64Array((n + 1) * (n + 1));
      for (let e = 1; e <= n; e++) {
        for (let x = 0; x <= e; x++) {
          const rate = x / e;
          rateOf[e * (n + 1) + x] = rate;
          // FPC variance term of the stratified estimator: (1 − e/N) p(1 − p)/(e − 1).
          termOf[e * (n + 1) + x] = e > 1 ? ((1 - e / N) * rate * (1 - rate)) / (e - 1) : 0;
        }
      }
      myGroups.forEach((g, gi) => {
        const w = weights[gi]!;
        const sum = g.sum[i]!;
        for (let r = 0; r < R; r++) sum[r] = sum[r]! + w * rateOf[codes[r]!]!;
        const failed = g.failed[i]!;
        // A replicate without an eligible respondent (code ≤ n: e = 0) is no data, not a fail.
        for (let r = 0; r < R; r++) if (passed[r] === 0 && codes[r]! > n) failed[r] = 1;
        const wsum = g.wsum?.[i];
        if (wsum) {
          for (let r = 0; r < R; r++) if (codes[r]! > n) wsum[r] = wsum[r]! + w;
        }
        if (needsVar) {
          const vs = g.vsum![i]!;
          const rs = g.resp![i]!;
          const ns = g.nstrata![i]!;
          const w2 = w * w;
          for (let r = 0; r < R; r++) {
            const code = codes[r]!;
            if (code <= n) continue; // no eligible respondent
            vs[r] = vs[r]! + w2 * termOf[code]!;
            rs[r] = rs[r]! + Math.floor(code / (n + 1));
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
      for (let r = 0; r < R; r++) {
        const w = g.wsum ? g.wsum[i]![r]! : 1;
        const p = w > 0 ? g.sum[i]![r]! / w : NaN;
        est[r] = p;
        if (!Number.isNaN(p)) {
          valid++;
          let ok: boolean;
          if (spec.rule.kind === 'point' || p < spec.rule.threshold - 1e-12) {
            // Every interval's lower end is at most the estimate: below the threshold is a fail.
            ok = p >= spec.rule.threshold - 1e-12;
          } else {
            const variance = g.vsum![i]![r]! / (w * w);
            const resp = g.resp![i]![r]!;
            const df = resp - g.nstrata![i]![r]!;
            ok =
              design.levelLowerBound!(p, variance, resp, df, spec.rule.confidence) >=
              spec.rule.threshold - 1e-12;
          }
          if (ok) passCount++;
        }
        if (g.failed[i]![r] === 0) allPass++;
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
        ...summariseValues(finite),
      });
    });
  }
  return { replicates: R, strata: strataResults, levels };
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

/** Mean and type-1 quantiles (R's `quantile(type = 1)`) of simulated values. */
export function summariseValues(values: Float64Array): RateSummary {
  const k = values.length;
  if (k === 0) return { mean: NaN, q05: NaN, q50: NaN, q95: NaN };
  let mean = 0;
  for (let i = 0; i < k; i++) mean += values[i]!;
  mean /= k;
  const sorted = Float64Array.from(values).sort();
  const q = (p: number) => sorted[Math.max(1, Math.ceil(p * k - 1e-9)) - 1]!;
  return { mean, q05: q(0.05), q50: q(0.5), q95: q(0.95) };
}
