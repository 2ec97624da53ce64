import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../../core/context.js';
import { t } from '../../core/messages.js';
import { DISPOSITIONS } from '../../fieldwork/dispositions.js';
import { addCommonOptions, commandContext, intArg } from '../common.js';
import { h } from './interview.messages.js';
import { ls } from './listing.messages.js';
import { bomByDefault } from '../../core/lang-formats.js';

interface InterviewOptions {
  responses: string;
  standard?: string;
  interviewer?: string;
  stratum?: string;
  maxVisits: number;
  bom?: boolean;
  lang?: string;
}

export function register(program: Command, ctx0: Context): void {
  const l = ctx0.lang;
  const cmd = program
    .command('interview')
    .description(t(l, ls.interview))
    .argument('<sample>', t(l, h.sample))
    .requiredOption('--responses <file>', t(l, h.responses))
    .option('--standard <file>', t(l, h.standard))
    .option('--interviewer <name>', t(l, h.interviewer))
    .option('--stratum <name>', t(l, h.stratum))
    .option('--max-visits <k>', t(l, h.maxVisits), intArg(1, 20), 1)
    .option('--bom', t(l, h.bom))
    .option('--no-bom', t(l, h.noBom));
  addCommonOptions(cmd);
  // The outcome keys, six to a line: "1 完成  2 部分完成 …".
  const keys = DISPOSITIONS.map((d) => `${d.key} ${d[l]}`);
  const legend = [keys.slice(0, 6), keys.slice(6)].map((row) => `  ${row.join('  ')}`).join('\n');
  cmd.addHelpText('after', t(l, h.after, { legend }));
  cmd.action(async (sampleArg: string, opts: InterviewOptions) => {
    const { runInterview } = await import('../../fieldwork/interview-job.js');
    const ctx = commandContext(ctx0, opts);
    await runInterview({
      samplePath: resolve(ctx.cwd, sampleArg),
      sampleLabel: sampleArg,
      responsesPath: resolve(ctx.cwd, opts.responses),
      responsesLabel: opts.responses,
      ...(opts.standard !== undefined ? { standard: opts.standard } : {}),
      cwd: ctx.cwd,
      ...(opts.interviewer !== undefined ? { interviewer: opts.interviewer } : {}),
      ...(opts.stratum !== undefined ? { stratum: opts.stratum } : {}),
      maxVisits: opts.maxVisits,
      // As sample lists: Excel on Chinese Windows reads UTF-8 without a BOM as the local code page.
      bom: opts.bom ?? bomByDefault(ctx.lang),
      lang: ctx.lang,
      now: ctx.now,
      stdin: ctx.stdin,
      write: (s) => void ctx.stderr.write(s),
      color: ctx.color.err,
    });
  });
}
