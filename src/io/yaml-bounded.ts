import type { Document } from 'yaml';
import { UserError } from '../core/errors.js';
import { t } from '../core/messages.js';
import { m } from './messages.js';
import { scopeLang } from './run-scope.js';

/**
 * A parsed YAML document as plain data, with aliases bounded: a "billion laughs" document (aliases
 * of aliases) is refused with one line instead of being expanded until memory runs out.
 */
export function yamlToData(doc: Document, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (err) {
    if (err instanceof Error && /alias/i.test(err.message))
      throw new UserError(t(scopeLang(), m.yamlAliases, { file }));
    throw err;
  }
}
