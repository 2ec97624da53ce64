/**
 * A share as people read it, the one percentage format of reports, tables and messages:
 * 0.934 → "93.4%" (`digits` decimals); with `trim`, trailing zeros go (0.9 → "90%", 0.935 → "93.5%").
 * Null, undefined and non-finite values (no data) read "–".
 */
export function formatPercent(v: number | null | undefined, digits = 1, trim = false): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const x = (v * 100).toFixed(digits);
  return `${trim ? String(+x) : x}%`;
}

/** A probability as simulate and plan print it: 0.12345 → "0.1235" (`digits` decimals); non-finite reads "–". */
export function formatProbability(v: number, digits = 4): string {
  return Number.isFinite(v) ? v.toFixed(digits) : '–';
}
