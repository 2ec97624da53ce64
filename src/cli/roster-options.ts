import type { Command } from 'commander';
import { UserError } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { both, t } from '../core/messages.js';
import type { Delimiter } from '../io/csv-scan.js';
import { CANONICAL_COLUMNS, canonicalColumn, type CanonicalColumn } from '../roster/columns.js';
import { m } from '../roster/messages.js';
import type { RosterInput } from '../roster/read-roster.js';
import { listArg } from './common.js';
import { ArgValueError, LocalCommand } from './localise.js';
import { m as cli } from './messages.js';

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
  throw new ArgValueError(both(cli.badDelimiter, { value: v }));
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

export function addRosterInputOptions(cmd: Command): Command {
  const l = cmd instanceof LocalCommand ? cmd.lang : 'en';
  return cmd
    .option('--sheet <name|n>', t(l, cli.rosterSheet))
    .option('--delimiter <sep>', t(l, cli.rosterDelimiter), delimiterArg)
    .option('--column <field=header>', t(l, cli.rosterColumn), collect)
    .option('--id-from <cols>', t(l, cli.rosterIdFrom), listArg)
    .option('--fill-down <cols>', t(l, cli.rosterFillDown), listArg);
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
