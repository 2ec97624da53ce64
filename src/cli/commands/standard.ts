import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../../core/context.js';
import { UserError } from '../../core/errors.js';
import { say } from '../../core/i18n.js';
import { addCommonOptions, commandContext } from '../common.js';
import { emit, note } from '../output.js';

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
  const standard = program
    .command('standard')
    .description('show or copy the evaluation standard (测评体系): questionnaire, indicators, thresholds');
  standard.addHelpText(
    'after',
    `
Examples:
  hhsurvey standard show                          the built-in national-mock standard
  hhsurvey standard show --standard my.yaml --lang zh
  hhsurvey standard init -o my-standard.yaml      a copy of the built-in standard to edit`,
  );

  addCommonOptions(
    standard
      .command('show')
      .description('print a standard readably (validating it), or as JSON')
      .option('--standard <file>', 'a standard file (YAML or JSON); default: the built-in national-mock')
      .option('--json', 'print the validated standard as JSON, defaults filled in'),
  )
    .addHelpText(
      'after',
      `
Examples:
  hhsurvey standard show
  hhsurvey standard show --standard my-standard.yaml --lang zh
  hhsurvey standard show --json > standard.json`,
    )
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
      .description('write a copy of the built-in standard (with comments) to edit')
      .option('-o, --output <file>', 'file to write (default: stdout)')
      .option('--force', 'overwrite an existing file'),
  )
    .addHelpText(
      'after',
      `
Examples:
  hhsurvey standard init -o my-standard.yaml
  hhsurvey standard init > my-standard.yaml`,
    )
    .action(async (opts: InitOptions) => {
      const { builtinStandardText } = await import('../../standard/load.js');
      const c = commandContext(ctx, opts);
      const text = builtinStandardText();
      if (opts.output === undefined || opts.output === '-') {
        emit(c, undefined, text);
        return;
      }
      const path = resolve(c.cwd, opts.output);
      if (existsSync(path) && !opts.force)
        throw new UserError(`${opts.output}: already exists (use --force to overwrite)`);
      emit(c, path, text);
      note(
        c,
        say(
          c.lang,
          `已写入 ${opts.output}；修改后用 --standard ${opts.output} 使用（阈值为演练默认值）`,
          `wrote ${opts.output}; edit it and pass --standard ${opts.output} (thresholds are drill defaults)`,
        ),
      );
    });
}
