import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../../core/context.js';
import { UserError } from '../../core/errors.js';
import { say } from '../../core/i18n.js';
import { addCommonOptions, commandContext } from '../common.js';
import { note } from '../output.js';
import { t } from '../../core/messages.js';
import { h } from './init.messages.js';

interface InitOptions {
  force?: boolean;
  lang?: string;
}

export function register(program: Command, ctx0: Context): void {
  const lang = ctx0.lang;
  const cmd = program
    .command('init')
    .description(t(lang, h.description))
    .argument('[dir]', t(lang, h.dir), '.')
    .option('--force', t(lang, h.force));
  addCommonOptions(cmd);
  cmd.addHelpText('after', t(lang, h.after));
  cmd.action(async (dirArg: string, opts: InitOptions) => {
    const { starterFiles } = await import('../../drill/starter.js');
    const { writeFileAtomic } = await import('../../io/atomic.js');
    const { isFolder, makeFolder, pathExists } = await import('../../io/paths.js');
    const { builtinStandardText } = await import('../../standard/load.js');
    const ctx = commandContext(ctx0, opts);
    const dir = resolve(ctx.cwd, dirArg);
    if (pathExists(dir) && !isFolder(dir)) throw new UserError(`${dirArg}: not a folder`);
    const files = starterFiles(builtinStandardText());
    const shown = (name: string) => (dirArg === '.' ? name : join(dirArg, name));
    const clash = files.filter((f) => pathExists(join(dir, f.name)));
    if (clash.length > 0 && !opts.force)
      throw new UserError(
        `${clash.map((f) => shown(f.name)).join(', ')}: already there; use --force to overwrite, or another folder`,
      );
    makeFolder(dir);
    for (const f of files) writeFileAtomic(join(dir, f.name), f.content);
    const drill = shown('drill.yaml');
    const out = shown('out');
    note(
      ctx,
      say(
        ctx.lang,
        `已写入 ${files.map((f) => shown(f.name)).join('、')}\n下一步：hhsurvey drill ${drill} --out ${out}`,
        `wrote ${files.map((f) => shown(f.name)).join(', ')}\nnext: hhsurvey drill ${drill} --out ${out}`,
      ),
    );
  });
}
