import { UserError } from '../core/errors.js';
import { t } from '../core/messages.js';
import { m } from './messages.js';
import { scopeLang } from './run-scope.js';

/** JSON text as data, or a user error at the line and column of the syntax error. */
export function parseJsonText(text: string, label: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    // V8 names the offset ("at position 12"); the person needs a line and a column. The message
    // itself is not shown: it may quote the file's text, and it is in English only.
    const at = /position (\d+)/.exec((err as Error).message);
    const offset = at ? Number(at[1]) : text.length;
    const before = text.slice(0, offset).split('\n');
    throw new UserError(
      t(scopeLang(), m.notJson, { file: label, line: before.length, column: before.at(-1)!.length + 1 }),
    );
  }
}
