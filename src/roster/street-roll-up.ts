/**
 * When and how communities roll up to their sub-district (街道): one rule, used by `score` (its
 * street level) and by `simulate --roster` (the street level it simulates), so both show the same
 * streets with the same communities for the same roster.
 */

/**
 * The sub-district of a stratum: the one non-blank street its drawn households share (trimmed), or
 * null when they have none or more than one (a community name found under two streets, drawn
 * together by `--by community`, belongs to neither).
 */
export function commonStreet(streets: Iterable<string | null | undefined>): string | null {
  let found: string | null = null;
  for (const raw of streets) {
    const s = raw?.trim() ?? '';
    if (s === '') continue;
    if (found === null) found = s;
    else if (s !== found) return null;
  }
  return found;
}

/**
 * The street level: each street with its strata, in order of first appearance. None (undefined) when
 * no stratum has a street, or when every street is one stratum named as the street itself (a sample
 * stratified by street alone has nothing between stratum and overall). Strata without a street are
 * left out of the street level; they still count in the overall.
 */
export function streetRollUp(
  strata: readonly { key: string; street: string | null }[],
): Map<string, string[]> | undefined {
  const groups = new Map<string, string[]>();
  for (const s of strata) {
    if (s.street === null) continue;
    const list = groups.get(s.street);
    if (list) list.push(s.key);
    else groups.set(s.street, [s.key]);
  }
  if (groups.size === 0) return undefined;
  if ([...groups].every(([street, keys]) => keys.length === 1 && keys[0] === street)) return undefined;
  return groups;
}
