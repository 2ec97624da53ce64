import type { Command } from 'commander';
import type { Context } from '../../core/context.js';

/**
 * Every subcommand, one module each. A command module exports `register(program, ctx)`, which
 * adds its subcommand with --help examples and an async action that throws on failure.
 *
 * Modules are loaded on demand: a run of `hhsurvey sample` loads only the sample command and what
 * it imports, not the statistics libraries of `simulate` or the report renderers of `score`
 * (start-up is part of every command's time). `help` and unknown commands load them all; the
 * root help loads none (see registerCommands).
 */
type Register = (program: Command, ctx: Context) => void;
interface CommandModule {
  register: Register;
}

/**
 * A command as the root help lists it: its name, its arguments and whether it has options (a group
 * of subcommands has none of its own). Its summary is in listing.messages.ts. The root help is made
 * from these entries alone, without loading a command module; a test holds it equal to the help
 * of the commands themselves.
 */
interface Entry {
  name: string;
  args: string[];
  options: boolean;
  load: () => Promise<CommandModule>;
}

// prettier-ignore
const COMMANDS: Entry[] = [
  { name: 'demo', args: [], options: true, load: () => import('./demo.js') },
  { name: 'check', args: ['<roster>'], options: true, load: () => import('./check.js') },
  { name: 'sample', args: ['<roster>'], options: true, load: () => import('./sample.js') },
  { name: 'verify', args: ['<sample>'], options: true, load: () => import('./verify.js') },
  { name: 'standard', args: [], options: false, load: () => import('./standard.js') },
  { name: 'interview', args: ['<sample>'], options: true, load: () => import('./interview.js') },
  { name: 'status', args: ['<sample>'], options: true, load: () => import('./status.js') },
  { name: 'responses', args: [], options: false, load: () => import('./responses.js') },
  { name: 'score', args: ['<sample>'], options: true, load: () => import('./score.js') },
  { name: 'compare', args: ['<reports...>'], options: true, load: () => import('./compare.js') },
  { name: 'pack', args: ['<sample>'], options: true, load: () => import('./pack.js') },
  { name: 'simulate', args: [], options: true, load: () => import('./simulate.js') },
  { name: 'plan', args: [], options: true, load: () => import('./plan.js') },
  { name: 'synth', args: [], options: false, load: () => import('./synth.js') },
  { name: 'drill', args: ['<drill>'], options: true, load: () => import('./drill.js') },
  { name: 'init', args: ['[dir]'], options: true, load: () => import('./init.js') },
];

export const COMMAND_NAMES: readonly string[] = COMMANDS.map((c) => c.name);

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
 * `help` is commander's own command, without options: the program's --lang reads the language, so
 * a --lang after `help` moves before it (`hhsurvey help sample --lang zh` exits 0 like `hhsurvey
 * help sample`, not 2 for an unknown argument).
 */
function langBeforeHelp(args: readonly string[]): string[] {
  const lang: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (args[i] === '--lang' && i + 1 < args.length) lang.push(args[i]!, args[++i]!);
    else if (args[i]!.startsWith('--lang=')) lang.push(args[i]!);
    else rest.push(args[i]!);
  }
  return [...lang, ...rest];
}

/**
 * The command line with a --lang given before the command moved after it, where the command's own
 * --lang option reads it (the program's --lang serves a command line without a command).
 */
export function langAfterCommand(args: readonly string[]): string[] {
  const command = requestedCommand(args);
  const at = command === undefined ? -1 : args.indexOf(command);
  if (at < 0) return [...args];
  if (command === 'help') return langBeforeHelp(args);
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

/**
 * Add the subcommands a command line needs: the one it names, loaded; every command, loaded, for
 * `help` and a word that is no command (commander's "Did you mean"); and for a command line
 * without a command (the root help), each command as the root help lists it, none loaded.
 */
export async function registerCommands(
  program: Command,
  ctx: Context,
  args: readonly string[] = [],
): Promise<void> {
  const wanted = requestedCommand(args);
  if (wanted === undefined) {
    const { ls } = await import('./listing.messages.js');
    const { t } = await import('../../core/messages.js');
    for (const c of COMMANDS) {
      const listed = program.command(c.name).description(t(ctx.lang, ls[c.name as keyof typeof ls]));
      for (const a of c.args) listed.argument(a);
      if (c.options) listed.option('--lang <lang>');
    }
    return;
  }
  const some = COMMANDS.filter((c) => c.name === wanted);
  for (const c of some.length ? some : COMMANDS) (await c.load()).register(program, ctx);
}
