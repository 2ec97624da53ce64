import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../../core/context.js';
import { UserError } from '../../core/errors.js';
import { t } from '../../core/messages.js';
import { addCommonOptions, commandContext } from '../common.js';
import { emit, note } from '../output.js';
import { pathExists } from '../../io/paths.js';
import { h } from './standard.messages.js';
import { ls } from './listing.messages.js';

interface ShowOptions {
  standard?: string;
  lang?: string;
  json?: boolean;
}

interface InitOptions {
  output?: string;
  force?: boolean;
  lang?: string;
}

export function register(program: Command, ctx: Context): void {
  const l = ctx.lang;
  const standard = program.command('standard').description(t(l, ls.standard));
  standard.addHelpText('after', t(l, h.after));

  addCommonOptions(
    standard
      .command('show')
      .description(t(l, h.showDescription))
      .option('--standard <file>', t(l, h.standard))
      .option('--json', t(l, h.json)),
  )
    .addHelpText('after', t(l, h.showAfter))
    .action(async (opts: ShowOptions) => {
      const { loadStandard } = await import('../../standard/load.js');
      const { formatStandard } = await import('../../standard/render.js');
      const c = commandContext(ctx, opts);
      const s = await loadStandard(opts.standard, c.cwd);
      emit(c, undefined, opts.json ? `${JSON.stringify(s, null, 2)}\n` : formatStandard(s, c.lang));
    });

  addCommonOptions(
    standard
      .command('init')
      .description(t(l, h.initDescription))
      .option('-o, --output <file>', t(l, h.output))
      .option('--force', t(l, h.force)),
  )
    .addHelpText('after', t(l, h.initAfter))
    .action(async (opts: InitOptions) => {
      const { builtinStandardText, standardTemplate } = await import('../../standard/load.js');
      const c = commandContext(ctx, opts);
      const text = standardTemplate(builtinStandardText(), c.lang);
      if (opts.output === undefined || opts.output === '-') {
        emit(c, undefined, text);
        return;
      }
      const path = resolve(c.cwd, opts.output);
      if (pathExists(path) && !opts.force) throw new UserError(t(c.lang, h.exists, { file: opts.output }));
      emit(c, path, text);
      note(c, t(c.lang, h.wrote, { file: opts.output }));
    });
}
