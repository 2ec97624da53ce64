/* eslint-disable no-control-regex -- these patterns exist to find control characters */
/**
 * Text from files shown where it could be interpreted: terminal escape sequences (CSI, OSC and
 * other ESC sequences) and control characters are dropped, so a household name cannot move the
 * cursor, retitle the window or hide what follows. Tabs and line ends are kept.
 */
const ESCAPES =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function stripControls(s: string): string {
  return s.replace(ESCAPES, '').replace(CONTROLS, '');
}

/**
 * A cell's text fit to quote in a message about a column that should not hold personal data (a
 * household size, a count): shown when it cannot be a name, a phone or an ID number (no run of two
 * Chinese characters, no run of seven digits, at most 20 characters), else undefined. A roster
 * whose headers are swapped puts names and phones in such columns.
 */
export function impersonalValue(text: string): string | undefined {
  const s = stripControls(text).trim();
  if (s.length > 20 || /[\u3400-\u9fff]{2}|\d{7}/u.test(s) || /^[A-Za-z]+\s+[A-Za-z]+$/.test(s))
    return undefined;
  return s;
}

/**
 * A header row quoted in a message, bounded: at most 12 names of at most 40 characters each, then
 * "…". A foreign file's first line can be a hundred thousand characters. (For files that may hold
 * personal data, quote only the names recognised; see the roster reader.)
 */
export function boundedHeader(header: readonly string[]): string {
  const cut = (s: string) => (s.length > 40 ? `${stripControls(s.slice(0, 40))}…` : stripControls(s));
  return header.slice(0, 12).map(cut).join(', ') + (header.length > 12 ? ', …' : '');
}
