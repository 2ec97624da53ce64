import { Command, Help, InvalidArgumentError, type Argument, type Option } from 'commander';
import type { Lang, Text } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { displayWidth } from '../core/width.js';
import { m } from './messages.js';
import { m as core } from '../core/core.messages.js';

/**
 * commander in the user's language. commander writes its help and its errors in English; these
 * subclasses (commander's documented extension points: createCommand, createHelp, error) give it
 * the catalogue's words, and make every usage error one line `hhsurvey: …` like every other error.
 */

/** A bad option value, in both languages: thrown by the option parsers of common.ts. */
export class ArgValueError extends InvalidArgumentError {
  readonly text: Text;
  constructor(text: Text) {
    super(text.en);
    this.text = text;
  }
}

const TITLES: Record<string, keyof typeof m> = {
  'Usage:': 'titleUsage',
  'Arguments:': 'titleArguments',
  'Options:': 'titleOptions',
  'Global Options:': 'titleGlobalOptions',
  'Commands:': 'titleCommands',
};

/** CJK characters are two columns wide and may be broken between: commander assumes neither. */
const CJK = '\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef';
const OPENING = '（《「『“‘';
const CLOSING = '，。、；：？！）》」』”’';
const CHUNK = new RegExp(
  `\\s*[${OPENING}]*(?:(?![${OPENING}${CLOSING}])[${CJK}]|[^\\s${CJK}]+)[${CLOSING}]*`,
  'gu',
);

export class LocalHelp extends Help {
  readonly lang: Lang;
  constructor(lang: Lang) {
    super();
    this.lang = lang;
  }

  override styleTitle(str: string): string {
    const key = TITLES[str];
    return key ? t(this.lang, m[key] as { zh: string; en: string }) : str;
  }

  override commandUsage(cmd: Command): string {
    return this.localUsage(super.commandUsage(cmd));
  }

  override subcommandTerm(cmd: Command): string {
    return this.localUsage(super.subcommandTerm(cmd));
  }

  private localUsage(s: string): string {
    return s
      .replace('[options]', t(this.lang, m.usageOptions))
      .replace('[command]', t(this.lang, m.usageCommand));
  }

  override optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.argChoices)
      extra.push(t(this.lang, m.choices, { list: option.argChoices.join(t(this.lang, core.listSep)) }));
    if (option.defaultValue !== undefined) {
      const shown =
        option.required ||
        option.optional ||
        (option.isBoolean() && typeof option.defaultValue === 'boolean');
      if (shown)
        extra.push(
          t(this.lang, m.default, { value: option.defaultValueDescription ?? display(option.defaultValue) }),
        );
    }
    if (option.presetArg !== undefined && option.optional)
      extra.push(t(this.lang, m.preset, { value: display(option.presetArg) }));
    if (option.envVar !== undefined) extra.push(t(this.lang, m.env, { name: option.envVar }));
    return this.withExtra(option.description, extra);
  }

  override argumentDescription(argument: Argument): string {
    const extra: string[] = [];
    if (argument.argChoices)
      extra.push(t(this.lang, m.choices, { list: argument.argChoices.join(t(this.lang, core.listSep)) }));
    if (argument.defaultValue !== undefined)
      extra.push(
        t(this.lang, m.default, {
          value: argument.defaultValueDescription ?? display(argument.defaultValue),
        }),
      );
    return this.withExtra(argument.description, extra);
  }

  private withExtra(description: string, extra: string[]): string {
    if (extra.length === 0) return description;
    return t(this.lang, m.withExtra, { description, extra });
  }

  override displayWidth(str: string): number {
    // eslint-disable-next-line no-control-regex
    return displayWidth(str.replace(/\x1b\[[0-9;]*m/g, ''));
  }

  override boxWrap(str: string, width: number): string {
    if (width < this.minWidthToWrap) return str;
    const out: string[] = [];
    for (const line of str.split(/\r\n|\n/)) {
      const chunks = line.match(CHUNK);
      if (!chunks) {
        out.push('');
        continue;
      }
      let current = chunks.shift()!;
      let w = this.displayWidth(current);
      for (const chunk of chunks) {
        const cw = this.displayWidth(chunk);
        if (w + cw <= width) {
          current += chunk;
          w += cw;
        } else {
          out.push(current);
          current = chunk.trimStart();
          w = this.displayWidth(current);
        }
      }
      out.push(current);
    }
    return out.join('\n');
  }
}

/** A default value as people read it: text as is, lists joined, numbers plain. */
function display(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(String).join(',');
  return JSON.stringify(v);
}

/** The command line of a command, for "see … --help". */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** commander's English error, in the user's language (the formats of commander 14's messages). */
export function localiseUsageError(lang: Lang, message: string, code: string, cmd: Command): string {
  const msg = message.replace(/^error: /, '');
  const suggestion = (s: string | undefined) => (s ? t(lang, m.didYouMean, { list: s }) : '');
  let r: RegExpExecArray | null;
  let text: string;
  switch (code) {
    case 'commander.unknownOption':
      r = /^unknown option '(.*?)'(?:\n\(Did you mean (?:one of )?(.*)\?\))?$/s.exec(msg);
      text = r ? t(lang, m.unknownOption, { flag: r[1]! }) + suggestion(r[2]) : msg;
      break;
    case 'commander.unknownCommand':
      r = /^unknown command '(.*?)'(?:\n\(Did you mean (?:one of )?(.*)\?\))?$/s.exec(msg);
      text = r ? t(lang, m.unknownCommand, { name: r[1]! }) + suggestion(r[2]) : msg;
      break;
    case 'commander.missingArgument':
      r = /^missing required argument '(.*)'$/.exec(msg);
      text = r ? t(lang, m.missingArgument, { name: r[1]! }) : msg;
      break;
    case 'commander.optionMissingArgument':
      r = /^option '(.*)' argument missing$/.exec(msg);
      text = r ? t(lang, m.optionMissingArgument, { flags: r[1]! }) : msg;
      break;
    case 'commander.missingMandatoryOptionValue':
      r = /^required option '(.*)' not specified$/.exec(msg);
      text = r ? t(lang, m.missingMandatoryOption, { flags: r[1]! }) : msg;
      break;
    case 'commander.conflictingOption':
      r = /^(.*) cannot be used with (.*)$/.exec(msg);
      text = r ? t(lang, m.conflictingOption, { a: r[1]!, b: r[2]! }) : msg;
      break;
    case 'commander.excessArguments':
      r = /^too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(msg);
      text = r
        ? t(lang, m.excessArguments, { command: r[1] ?? '', expected: Number(r[2]), got: Number(r[3]) })
        : msg;
      break;
    case 'commander.invalidArgument': {
      const reason = (s: string) => {
        const c = /^Allowed choices are (.*)\.$/.exec(s);
        return c ? t(lang, m.allowedChoices, { list: c[1]!.split(', ').join(t(lang, core.listSep)) }) : s;
      };
      r = /^option '(.*?)' argument '(.*?)' is invalid\. (.*)$/s.exec(msg);
      if (r) {
        text = t(lang, m.invalidOptionValue, { flags: r[1]!, value: r[2]!, reason: reason(r[3]!) });
        break;
      }
      r = /^command-argument value '(.*?)' is invalid for argument '(.*?)'\. (.*)$/s.exec(msg);
      text = r ? t(lang, m.invalidArgumentValue, { value: r[1]!, name: r[2]!, reason: reason(r[3]!) }) : msg;
      break;
    }
    default:
      text = msg;
  }
  return `${text.replace(/\n/g, ' ')}${t(lang, m.seeHelp, { command: commandPath(cmd) })}`;
}

/** A commander Command that speaks the user's language; its subcommands inherit it. */
export class LocalCommand extends Command {
  readonly lang: Lang;
  constructor(name: string | undefined, lang: Lang) {
    super(name);
    this.lang = lang;
  }

  override createCommand(name?: string): LocalCommand {
    return new LocalCommand(name, this.lang);
  }

  override createHelp(): Help {
    return Object.assign(new LocalHelp(this.lang), this.configureHelp());
  }

  /** Option parsers throw ArgValueError with both languages: keep the user's. */
  override addOption(option: Option): this {
    const parse = option.parseArg;
    if (parse) {
      const lang = this.lang;
      option.parseArg = <T>(value: string, previous: T): T => {
        try {
          return parse.call(option, value, previous) as T;
        } catch (err) {
          if (err instanceof ArgValueError) throw new InvalidArgumentError(err.text[lang]);
          throw err;
        }
      };
    }
    return super.addOption(option);
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    const code = errorOptions?.code ?? 'commander.error';
    return super.error(`hhsurvey: ${localiseUsageError(this.lang, message, code, this)}`, errorOptions);
  }
}
