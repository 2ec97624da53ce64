/**
 * Text width for terminals and spreadsheet columns: East Asian wide and full-width characters
 * count two (Unicode's East Asian Width property, from get-east-asian-width; ambiguous characters
 * such as · and “ count one, as terminals draw them), control characters, zero-width spaces and
 * combining marks count nothing.
 */
import { eastAsianWidth } from 'get-east-asian-width';

/** Columns a string takes in a terminal (no escape sequences expected). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff) continue;
    w += eastAsianWidth(cp);
  }
  return w;
}

/** `s` followed by spaces to `width` display columns (never truncated). */
export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** Spaces then `s`, to `width` display columns (never truncated). */
export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}
