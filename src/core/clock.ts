/** Timestamps honour SOURCE_DATE_EPOCH (reproducible builds) so reruns write byte-identical files. */
export function clockFromEnv(env: Record<string, string | undefined>): () => Date {
  const sde = env.SOURCE_DATE_EPOCH;
  if (sde !== undefined && /^\d+$/.test(sde.trim())) {
    const fixed = new Date(Number(sde.trim()) * 1000);
    return () => new Date(fixed.getTime());
  }
  return () => new Date();
}

/** ISO 8601 in UTC without milliseconds: 2026-11-28T01:02:03Z. */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
