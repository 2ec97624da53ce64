import { stripControls } from '../core/safe-text.js';

/** Text for HTML content and attribute values; control characters are not allowed in HTML text. */
export function escapeHtml(s: string): string {
  return stripControls(s).replace(
    /[<>&"']/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}
