import { Option, type Command } from 'commander';
import { parseRate } from '../core/rate.js';
import { withLang, type Context } from '../core/context.js';
import { both, t } from '../core/messages.js';
import { UserError } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { ArgValueError, LocalCommand } from './localise.js';
import { m } from './messages.js';
import { setScopeLang } from '../io/run-scope.js';

/** The --lang option (every command, and the program itself, so it may come before the command). */
export function langOption(cmd: Command): Option {
  const lang = cmd instanceof LocalCommand ? cmd.lang : 'en';
  return new Option('--lang <lang>', t(lang, m.langOption)).choices(['zh', 'en']);
}

/** Options every command takes. */
export function addCommonOptions(cmd: Command): Command {
  return cmd.addOption(langOption(cmd));
}

/** The context with --lang applied (the language found on the command line before parsing stays). */
export function commandContext(ctx: Context, opts: { lang?: string }): Context {
  const c = opts.lang === undefined ? ctx : withLang(ctx, opts.lang);
  setScopeLang(c.lang);
  return c;
}

export function intArg(min: number, max = Number.MAX_SAFE_INTEGER): (v: string) => number {
  return (v: string) => {
    if (!/^\s*-?\d+\s*$/.test(v)) throw new ArgValueError(both(m.expectedWholeNumber, { value: v }));
    const n = Number(v);
    if (n < min || n > max)
      throw new ArgValueError(
        max === Number.MAX_SAFE_INTEGER
          ? both(m.numberAtLeast, { min, value: n })
          : both(m.numberOutOfRange, { min, max, value: n }),
      );
    return n;
  };
}

/** A rate flag (0.9, .9 or 90%): the grammar of src/core/rate.ts, shared by files and drill files. */
export function rateArg(v: string): number {
  const rate = parseRate(v);
  if (rate !== undefined) return rate;
  const n = Number(v.trim().replace(/%$/, ''));
  const outOfRange = /^\s*(\d+(\.\d*)?|\.\d+)\s*%?\s*$/.test(v) && Number.isFinite(n);
  throw new ArgValueError(both(outOfRange ? m.rateOutOfRange : m.expectedRate, { value: v }));
}

/**
 * A rate strictly between 0 and 1, in the grammar of `rateArg`: the one parser of confidence levels
 * (`--confidence 95%`), margins, powers and risk levels.
 */
export function openRateArg(v: string): number {
  const r = rateArg(v);
  if (r <= 0 || r >= 1) throw new ArgValueError(both(m.openRateOutOfRange, { value: v }));
  return r;
}

export function listArg(v: string, prev: string[] = []): string[] {
  return [
    ...prev,
    ...v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  ];
}

/** Extensions of the files hhsurvey's commands write: a command refuses one it has no format for. */
const OUTPUT_EXTENSIONS = new Set(['txt', 'csv', 'json', 'md', 'markdown', 'html', 'htm', 'xml', 'xlsx']);

/**
 * The output format a file name asks for by its extension (`-o report.json`), among a command's
 * formats: undefined for standard output, a folder, or an extension no command writes. An
 * extension of a format this command does not have (`compare -o trend.html`) is refused rather
 * than given a file of another format. Called only without `--format`, which wins.
 */
export function formatForPath<F extends string>(
  output: string | undefined,
  byExtension: Readonly<Record<string, F>>,
  lang: Lang,
  command: string,
): F | undefined {
  if (output === undefined || output === '-') return undefined;
  const ext = /\.([A-Za-z0-9]+)$/.exec(output)?.[1]?.toLowerCase();
  if (ext === undefined) return undefined;
  const format = byExtension[ext];
  if (format === undefined && OUTPUT_EXTENSIONS.has(ext))
    throw new UserError(
      t(lang, m.noSuchFormat, { file: output, command, ext, exts: Object.keys(byExtension) }),
    );
  return format;
}
