/**
 * Largest-remainder rounding (Hamilton's method): whole numbers, each at most its cap, summing to
 * `total` where the caps allow. Each quota is first rounded down (a quota within 1e-9 of a whole
 * number counts as that number, so 2.9999999999 from floating-point division is 3), then the units
 * left go one each to the largest remainders; ties go to the earlier index, so the result is a pure
 * function of the inputs. Used by sample allocation and by the synthetic roster's splits.
 */
export function roundLargestRemainder(
  quotas: readonly number[],
  total: number,
  caps: readonly number[] = quotas.map(() => Number.POSITIVE_INFINITY),
): number[] {
  const out = quotas.map((q, h) => Math.min(caps[h]!, Math.floor(q + 1e-9)));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, h) => ({ h, rem: q - Math.floor(q + 1e-9) }))
    .sort((a, b) => b.rem - a.rem || a.h - b.h);
  while (left > 0) {
    let progressed = false;
    for (const { h } of order) {
      if (left === 0) break;
      if (out[h]! < caps[h]!) {
        out[h]!++;
        left--;
        progressed = true;
      }
    }
    if (!progressed) break;
  }
  return out;
}
