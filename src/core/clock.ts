/** Timestamps honour SOURCE_DATE_EPOCH (reproducible builds) so reruns write byte-identical files. */
export function clockFromEnv(env: Record<string, string | undefined>): () => Date {
  const sde = env.SOURCE_DATE_EPOCH;
  if (sde !== undefined && /^\d+$/.test(sde.trim())) {
    const fixed = new Date(Number(sde.trim()) * 1000);
    return () => new Date(fixed.getTime());
  }
  return () => new Date();
}

/**
 * China Standard Time (UTC+08:00, no daylight saving) is the time of every human-facing stamp.
 * Computed by offset, never through the machine's time zone, so every machine writes the same.
 */
const CHINA_OFFSET_MS = 8 * 3600_000;

/** The wall-clock fields of an instant in China, as a UTC-based Date to read with getUTC*. */
function chinaWall(d: Date): Date {
  return new Date(d.getTime() + CHINA_OFFSET_MS);
}

/** ISO 8601 in China time: 2026-12-01T08:00:22+08:00 (files: recorded_at, manifests, records). */
export function chinaIso(d: Date): string {
  return `${chinaWall(d).toISOString().slice(0, 19)}+08:00`;
}

/** For people: 2026-12-01 08:00 (terminal, reports, lock messages). */
export function chinaDisplay(d: Date): string {
  const s = chinaWall(d).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}

/** The date in China of an instant: 2026-12-01. */
export function chinaDate(d: Date): string {
  return chinaWall(d).toISOString().slice(0, 10);
}

/** The instant at a China wall-clock date and time ("2026-12-01", hours, minutes). */
export function chinaInstant(date: string, hours = 0, minutes = 0): Date {
  const base = Date.parse(`${date}T00:00:00Z`);
  return new Date(base - CHINA_OFFSET_MS + (hours * 60 + minutes) * 60_000);
}
