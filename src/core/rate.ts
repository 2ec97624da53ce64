/**
 * A rate as people write it, the one grammar of every command and file: 0.93, .93 or 93% → 0.93.
 * Decimal digits only (no signs, exponents or hexadecimal: `0x1` is not a rate); undefined when the
 * text is not a rate in [0, 1].
 */
export function parseRate(raw: string): number | undefined {
  const t = raw.trim();
  const pct = t.endsWith('%');
  const body = pct ? t.slice(0, -1).trim() : t;
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(body)) return undefined;
  const v = pct ? Number(body) / 100 : Number(body);
  return v >= 0 && v <= 1 ? v : undefined;
}
