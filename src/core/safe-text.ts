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
