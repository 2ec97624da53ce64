import type { Command } from 'commander';
import type { Context } from '../../core/context.js';

/**
 * Every subcommand, one module each. A command module exports `register(program, ctx)`, which
 * adds its subcommand with --help examples and an async action that throws on failure.
 *
 * Modules are loaded on demand: a run of `hhsurvey sample` loads only the sample command and what
 * it imports, not the statistics libraries of `simulate` or the report renderers of `score`
 * (start-up is part of every command's time). Help and unknown commands load them all.
 */
type Register = (program: Command, ctx: Context) => void;
interface CommandModule {
  register: Register;
}

// prettier-ignore
const COMMANDS: [name: string, load: () => Promise<CommandModule>][] = [
  ['demo', () => import('./demo.js')],
  ['check', () => import('./check.js')],
  ['sample', () => import('./sample.js')],
  ['verify', () => import('./verify.js')],
  ['standard', () => import('./standard.js')],
  ['interview', () => import('./interview.js')],
  ['status', () => import('./status.js')],
  ['responses', () => import('./responses.js')],
  ['score', () => import('./score.js')],
  ['compare', () => import('./compare.js')],
  ['pack', () => import('./pack.js')],
  ['simulate', () => import('./simulate.js')],
  ['plan', () => import('./plan.js')],
  ['synth', () => import('./synth.js')],
  ['drill', () => import('./drill.js')],
  ['init', () => import('./init.js')],
];

export const COMMAND_NAMES: readonly string[] = COMMANDS.map(([name]) => name);

/** The subcommand a command line asks for: its first word that is neither an option nor --lang's value. */
export function requestedCommand(args: readonly string[]): string | undefined {
  return args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--lang');
}

/**
 * The --lang a command line gives, wherever it stands (before or after the command), read before
 * parsing so that help and usage errors speak the language asked for. Invalid values are left to
 * commander, which refuses them.
 */
export function langFlag(args: readonly string[]): string | undefined {
  let lang: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a === '--lang') lang = args[++i];
    else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
  }
  return lang;
}

/**
 * The command line with a --lang given before the command moved after it, where the command's own
 * --lang option reads it (the program's --lang serves a command line without a command).
 */
export function langAfterCommand(args: readonly string[]): string[] {
  const command = requestedCommand(args);
  const at = command === undefined ? -1 : args.indexOf(command);
  if (at < 0) return [...args];
  const moved: string[] = [];
  const before: string[] = [];
  for (let i = 0; i < at; i++) {
    if (args[i] === '--lang' && i + 1 < at) moved.push(args[i]!, args[++i]!);
    else if (args[i]!.startsWith('--lang=')) moved.push(args[i]!);
    else before.push(args[i]!);
  }
  if (moved.length === 0) return [...args];
  const rest = args.slice(at);
  const end = rest.indexOf('--');
  return end < 0
    ? [...before, ...rest, ...moved]
    : [...before, ...rest.slice(0, end), ...moved, ...rest.slice(end)];
}

export async function registerCommands(
  program: Command,
  ctx: Context,
  args: readonly string[] = [],
): Promise<void> {
  const wanted = requestedCommand(args);
  const some = COMMANDS.filter(([name]) => name === wanted);
  for (const [, load] of some.length ? some : COMMANDS) (await load()).register(program, ctx);
}
