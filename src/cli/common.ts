import { InvalidArgumentError, Option, type Command } from 'commander';
import { withLang, type Context } from '../core/context.js';

/** Options every command takes. */
export function addCommonOptions(cmd: Command): Command {
  return cmd.addOption(
    new Option('--lang <lang>', 'language of labels and messages (default: from the locale)').choices([
      'zh',
      'en',
    ]),
  );
}

/** The context with --lang applied. */
export function commandContext(ctx: Context, opts: { lang?: string }): Context {
  return withLang(ctx, opts.lang);
}

export function intArg(min: number, max = Number.MAX_SAFE_INTEGER): (v: string) => number {
  return (v: string) => {
    if (!/^\s*-?\d+\s*$/.test(v)) throw new InvalidArgumentError(`expected a whole number, got "${v}"`);
    const n = Number(v);
    if (n < min || n > max) throw new InvalidArgumentError(`must be between ${min} and ${max}, got ${n}`);
    return n;
  };
}

export function rateArg(v: string): number {
  const n = Number(v.trim().replace(/%$/, ''));
  if (v.trim() === '' || !Number.isFinite(n))
    throw new InvalidArgumentError(`expected a rate between 0 and 1, got "${v}"`);
  const rate = v.trim().endsWith('%') ? n / 100 : n;
  if (rate < 0 || rate > 1) throw new InvalidArgumentError(`must be between 0 and 1, got ${v}`);
  return rate;
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
