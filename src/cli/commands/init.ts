import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../../core/context.js';
import { UserError } from '../../core/errors.js';
import { addCommonOptions, commandContext } from '../common.js';
import { note } from '../output.js';
import { t } from '../../core/messages.js';
import { h, im } from './init.messages.js';
import { ls } from './listing.messages.js';

interface InitOptions {
  force?: boolean;
  lang?: string;
}

export function register(program: Command, ctx0: Context): void {
  const lang = ctx0.lang;
  const cmd = program
    .command('init')
    .description(t(lang, ls.init))
    .argument('[dir]', t(lang, h.dir), '.')
    .option('--force', t(lang, h.force));
  addCommonOptions(cmd);
  cmd.addHelpText('after', t(lang, h.after));
  cmd.action(async (dirArg: string, opts: InitOptions) => {
    const { starterFiles } = await import('../../drill/starter.js');
    const { writeFileAtomic } = await import('../../io/atomic.js');
    const { isFolder, makeFolder, pathExists } = await import('../../io/paths.js');
    const { builtinStandardText, standardTemplate } = await import('../../standard/load.js');
    const ctx = commandContext(ctx0, opts);
    const dir = resolve(ctx.cwd, dirArg);
    if (pathExists(dir) && !isFolder(dir)) throw new UserError(t(ctx.lang, im.notFolder, { dir: dirArg }));
    const files = starterFiles(standardTemplate(builtinStandardText(), ctx.lang), ctx.lang);
    const shown = (name: string) => (dirArg === '.' ? name : join(dirArg, name));
    const clash = files.filter((f) => pathExists(join(dir, f.name)));
    if (clash.length > 0 && !opts.force)
      throw new UserError(t(ctx.lang, im.clash, { files: clash.map((f) => shown(f.name)) }));
    makeFolder(dir);
    for (const f of files) writeFileAtomic(join(dir, f.name), f.content);
    const drill = shown('drill.yaml');
    const out = shown('out');
    note(ctx, t(ctx.lang, im.wrote, { files: files.map((f) => shown(f.name)), drill, out }));
  });
}
