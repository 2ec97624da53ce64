/**
 * Field conditions of one community: n primary households, R reserves, and each visited household
 * completing with probability r, independently of its answers (missing completely at random).
 * A household that does not complete is replaced by the next unused reserve, in rank order, until
 * the reserves run out; a reserve that does not complete is replaced in turn.
 *
 * So visits are Bernoulli(r) trials, stopped at the n-th complete or after n + R visits:
 * - the fieldwork ends full (m = n) after v = n..n+R visits with probability
 *   C(v−1, n−1) r^n (1−r)^(v−n) (negative binomial), using v − n reserves;
 * - it ends short (m = k < n) with probability C(n+R, k) r^k (1−r)^(n+R−k), every reserve used.
 * Because which households complete does not depend on their answers, the m completes are a simple
 * random sample of the community, and the favourable count given m is hypergeometric.
 */
export interface FieldworkOutcome {
  completes: number;
  reservesUsed: number;
  prob: number;
}

const logFactorials: number[] = [0];

/** ln(k!) from a compensated running sum of ln i (exact to ~1e-13 for the sizes used here). */
export function logFactorial(k: number): number {
  if (!Number.isSafeInteger(k) || k < 0) throw new RangeError(`logFactorial: bad argument ${k}`);
  if (k < logFactorials.length) return logFactorials[k]!;
  let s = logFactorials[logFactorials.length - 1]!;
  let c = 0;
  for (let i = logFactorials.length; i <= k; i++) {
    // Neumaier summation
    const y = Math.log(i);
    const t = s + y;
    c += Math.abs(s) >= Math.abs(y) ? s - t + y : y - t + s;
    s = t;
    logFactorials.push(s + c);
  }
  return logFactorials[k]!;
}

export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** Every way the fieldwork of one community can end, with its probability (they sum to 1). */
export function fieldworkOutcomes(n: number, reserves: number, responseRate: number): FieldworkOutcome[] {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`fieldwork: sample size must be ≥ 0, got ${n}`);
  if (!Number.isSafeInteger(reserves) || reserves < 0)
    throw new RangeError(`fieldwork: reserves must be ≥ 0, got ${reserves}`);
  if (!(responseRate >= 0 && responseRate <= 1))
    throw new RangeError(`fieldwork: response rate must be in [0, 1], got ${responseRate}`);
  const r = responseRate;
  if (n === 0) return [{ completes: 0, reservesUsed: 0, prob: 1 }];
  if (r === 1) return [{ completes: n, reservesUsed: 0, prob: 1 }];
  if (r === 0) return [{ completes: 0, reservesUsed: reserves, prob: 1 }];
  const lr = Math.log(r);
  const lq = Math.log1p(-r);
  const out: FieldworkOutcome[] = [];
  for (let v = n; v <= n + reserves; v++) {
    out.push({
      completes: n,
      reservesUsed: v - n,
      prob: Math.exp(logChoose(v - 1, n - 1) + n * lr + (v - n) * lq),
    });
  }
  const visits = n + reserves;
  for (let k = 0; k < n; k++) {
    out.push({
      completes: k,
      reservesUsed: reserves,
      prob: Math.exp(logChoose(visits, k) + k * lr + (visits - k) * lq),
    });
  }
  return out;
}

/** P(m = k) for k = 0..n, and the expected number of reserves used. */
export function completesDistribution(
  outcomes: FieldworkOutcome[],
  n: number,
): { pm: Float64Array; expectedReserves: number } {
  const pm = new Float64Array(n + 1);
  let expectedReserves = 0;
  for (const o of outcomes) {
    pm[o.completes] = pm[o.completes]! + o.prob;
    expectedReserves += o.prob * o.reservesUsed;
  }
  return { pm, expectedReserves };
}
