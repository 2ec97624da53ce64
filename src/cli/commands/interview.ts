import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../../core/context.js';
import { addCommonOptions, commandContext, intArg } from '../common.js';

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
  const cmd = program
    .command('interview')
    .description(
      'record door-to-door visits and answers, household by household, saving each one to disk at once',
    )
    .argument('<sample>', 'the sample list (from hhsurvey sample)')
    .requiredOption('--responses <file>', 'the responses file to append to (created when missing)')
    .option('--standard <file>', 'the evaluation standard (default: the built-in national-mock)')
    .option(
      '--interviewer <name>',
      'who is interviewing (asked once per responses file, then remembered from it; this flag changes it)',
    )
    .option('--stratum <name>', 'work one stratum (community) only')
    .option(
      '--max-visits <k>',
      'visits to a nobody-home household before it counts as final',
      intArg(1, 20),
      1,
    )
    .option('--bom', 'start a new responses file with a UTF-8 byte-order mark (for Excel)');
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  hhsurvey interview sample.csv --responses responses.csv --interviewer 王芳 --lang zh
  hhsurvey interview sample.csv --responses team2.csv --stratum 南全福社区 --max-visits 3
  printf 'complete\\n1\\n1\\n1\\n2\\n2\\nrefused\\nquit\\n' | hhsurvey interview sample.csv --responses r.csv --interviewer 王芳

In a terminal: one key per answer. Outcome keys 1-9, a, b (完成, 部分完成, 拒访, 中途拒绝, 无人在家,
无法应答, 语言障碍, 地址未找到, 非住宅, 空置, 无合格受访者); option keys as shown; Backspace goes back one
question; the review screen saves (Enter) or changes an answer (its number); s skips a household,
c corrects the last one saved, n types a note (on the outcome and review screens), q quits;
Ctrl+C quits too. A household skipped comes back after the others due. Every household saved is on disk at once.
Piped input: per household due, a line with the outcome (token such as complete, not_home, or the
Chinese label), then for an interview one line per question asked (option code or label; an empty
line leaves it unanswered in a partial interview; back goes back). Also: skip, quit,
note <text>, correct <household_id>. Prompts go to stderr.
Restarting resumes at the next household due; a line cut off by a crash is set aside with a
message; a lock file keeps two interviews from writing the same responses file.`,
  );
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
      bom: !!opts.bom,
      lang: ctx.lang,
      now: ctx.now,
      stdin: ctx.stdin,
      write: (s) => void ctx.stderr.write(s),
      color: ctx.color.err,
    });
  });
}
