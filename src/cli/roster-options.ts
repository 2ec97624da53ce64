import { InvalidArgumentError, type Command } from 'commander';
import { UserError } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import type { Delimiter } from '../io/csv-scan.js';
import { CANONICAL_COLUMNS, canonicalColumn, type CanonicalColumn } from '../roster/columns.js';
import { m } from '../roster/messages.js';
import type { RosterInput } from '../roster/read-roster.js';
import { listArg } from './common.js';

/** Parse `--column FIELD=HEADER` values into the reader's column overrides. */
export function parseColumnArgs(
  args: readonly string[],
  lang: Lang = 'en',
): Partial<Record<CanonicalColumn, string>> {
  const out: Partial<Record<CanonicalColumn, string>> = {};
  for (const a of args) {
    const eq = a.indexOf('=');
    const field = canonicalColumn(eq > 0 ? a.slice(0, eq) : '');
    const header = eq > 0 ? a.slice(eq + 1).trim() : '';
    if (field === undefined || header === '')
      throw new UserError(t(lang, m.badColumnArg, { arg: a, fields: CANONICAL_COLUMNS.join(', ') }));
    out[field] = header;
  }
  return out;
}

/** The flags that say how to read an office roster: sheet, separator, columns, ids, merged cells. */
export interface RosterInputFlags {
  sheet?: string;
  delimiter?: Delimiter | 'auto';
  column?: string[];
  idFrom?: string[];
  fillDown?: string[];
}

function delimiterArg(v: string): Delimiter | 'auto' {
  const d = v.trim().toLowerCase();
  if (d === 'auto') return 'auto';
  if (d === ',' || d === 'comma') return ',';
  if (d === 'tab' || d === '\\t' || v === '\t') return '\t';
  if (d === ';' || d === 'semicolon') return ';';
  throw new InvalidArgumentError(`expected auto, comma, tab or semicolon, got "${v}"`);
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

export function addRosterInputOptions(cmd: Command): Command {
  return cmd
    .option('--sheet <name|n>', 'for an .xlsx roster: the sheet to read (default: the first visible sheet)')
    .option(
      '--delimiter <sep>',
      'field separator of a text roster: auto, comma, tab or semicolon',
      delimiterArg,
    )
    .option(
      '--column <field=header>',
      'map a field to a header, e.g. household_id=门牌编码 (repeatable)',
      collect,
    )
    .option(
      '--id-from <cols>',
      'build household ids from address columns, e.g. 街道,社区,楼栋,单元,房号',
      listArg,
    )
    .option(
      '--fill-down <cols>',
      'fill blank cells from the row above (merged cells), e.g. street,community',
      listArg,
    );
}

export function rosterInput(flags: RosterInputFlags, lang: Lang): RosterInput {
  return {
    ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}),
    ...(flags.delimiter !== undefined ? { delimiter: flags.delimiter } : {}),
    ...(flags.column?.length ? { columns: parseColumnArgs(flags.column, lang) } : {}),
    ...(flags.idFrom?.length ? { idFrom: flags.idFrom } : {}),
    ...(flags.fillDown?.length ? { fillDown: flags.fillDown } : {}),
  };
}
