import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../../core/context.js';
import { UserError, type Problem } from '../../core/errors.js';
import { say, type Lang } from '../../core/i18n.js';
import type { Standard } from '../../standard/schema.js';
import { DEFAULT_RESPONSE_RATE, SYNTH_RESPONSES_ALGORITHM } from '../../synth/response-defaults.js';
import type { SynthEntry, SynthResponsesOptions, SynthResponsesResult } from '../../synth/responses.js';
import type { TrueRates } from '../../synth/true-rates.js';
import { addCommonOptions, commandContext, intArg, rateArg } from '../common.js';
import { emit, note, warn } from '../output.js';

// Loaded when the command runs, not when its help is shown (start-up time).
let readCsvTable!: (typeof import('../../io/csv-read.js'))['readCsvTable'];
let readSampleList!: (typeof import('../../sampling/sample-file.js'))['readSampleList'];
let loadStandard!: (typeof import('../../standard/load.js'))['loadStandard'];
let checkSynthOptions!: (typeof import('../../synth/responses.js'))['checkSynthOptions'];
let responsesCsv!: (typeof import('../../synth/responses.js'))['responsesCsv'];
let synthesizeResponses!: (typeof import('../../synth/responses.js'))['synthesizeResponses'];
let emptyRates!: (typeof import('../../synth/true-rates.js'))['emptyRates'];
let parseRateFlags!: (typeof import('../../synth/true-rates.js'))['parseRateFlags'];
let parseRatesTable!: (typeof import('../../synth/true-rates.js'))['parseRatesTable'];
let resolveRates!: (typeof import('../../synth/true-rates.js'))['resolveRates'];
async function loadModules(): Promise<void> {
  ({ readCsvTable } = await import('../../io/csv-read.js'));
  ({ readSampleList } = await import('../../sampling/sample-file.js'));
  ({ loadStandard } = await import('../../standard/load.js'));
  ({ checkSynthOptions, responsesCsv, synthesizeResponses } = await import('../../synth/responses.js'));
  ({ emptyRates, parseRateFlags, parseRatesTable, resolveRates } = await import('../../synth/true-rates.js'));
}

interface ResponsesOptions {
  rate?: string[];
  rates?: string;
  responseRate: number;
  notSure: number;
  maxVisits: number;
  standard?: string;
  seed: string;
  output?: string;
  bom?: boolean;
  lang?: string;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function registerResponses(group: Command, ctx0: Context): void {
  const cmd = group
    .command('responses')
    .summary('write synthetic fieldwork (dispositions and answers) for a drawn sample')
    .description(
      'Write synthetic fieldwork for a sample list, in the responses format `hhsurvey interview` writes: ' +
        'a disposition for every household visited (complete, or a realistic mix of nobody home, refused, ' +
        'vacant...), reserves used in rank order when a household does not complete, and answers that follow ' +
        "the standard's questions and skip rules with the true rates you give. Deterministic: the same " +
        `sample, options and seed give the same file (${SYNTH_RESPONSES_ALGORITHM}; recorded_at from ` +
        'SOURCE_DATE_EPOCH when set).',
    )
    .argument('<sample>', 'the sample list (from hhsurvey sample)')
    .option(
      '--rate <indicator=rate>',
      'true rate of an indicator in every stratum, e.g. awareness=0.93 (repeatable); a bare rate sets every indicator',
      collect,
    )
    .option('--rates <file>', 'true rates per stratum: a CSV of stratum, indicator, rate (overrides --rate)')
    .option(
      '--response-rate <r>',
      'probability that a visited household completes the interview',
      rateArg,
      DEFAULT_RESPONSE_RATE,
    )
    .option('--not-sure <q>', 'share of answers that are "not sure", per question', rateArg, 0)
    .option(
      '--max-visits <k>',
      'visits to a household where nobody is home (as interview --max-visits)',
      intArg(1, 20),
      1,
    )
    .option('--standard <file>', 'a standard file (YAML or JSON); default: the built-in national-mock')
    .requiredOption('--seed <text>', 'seed of the random source')
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout')
    .option('--bom', 'start with a UTF-8 byte-order mark (for Excel)');
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Model: each visited household completes with the response rate; the others get a non-response
disposition (nobody home 45%, refused 25%, vacant 8%, unable 5%, break-off 4%, partial 4%,
address not found 3%, language 2%, not a dwelling 2%, no eligible respondent 2%: an assumption).
Each respondent is favourable for an indicator with its true rate; with not_sure: exclude the rate
is among those with an opinion. Visits start at 09:00 China time on the day of the clock.

Examples:
  hhsurvey synth responses sample.csv --rate 0.9 --seed r1 -o responses.csv
  hhsurvey synth responses sample.csv --rate awareness=0.93 --rate participation=0.85 --rate 0.9 \\
      --response-rate 0.75 --not-sure 0.03 --seed r1 -o responses.csv
  hhsurvey synth responses sample.csv --rates rates.csv --rate 0.9 --max-visits 3 --seed r2 -o responses.csv`,
  );
  cmd.action(async (sampleArg: string, opts: ResponsesOptions) => {
    await loadModules();
    const ctx = commandContext(ctx0, opts);
    const standard = await loadStandard(opts.standard, ctx.cwd);
    const sample = await readSampleList(resolve(ctx.cwd, sampleArg), { label: sampleArg });
    const rates = emptyRates();
    const problems: Problem[] = parseRateFlags(opts.rate ?? [], rates);
    if (opts.rates !== undefined) {
      const table = await readCsvTable(resolve(ctx.cwd, opts.rates), { label: opts.rates });
      problems.push(...parseRatesTable(table, rates));
    }
    const result = synthesizeChecked(
      sample.entries,
      standard,
      rates,
      {
        seed: opts.seed,
        responseRate: opts.responseRate,
        notSure: opts.notSure,
        maxVisits: opts.maxVisits,
        start: ctx.now(),
      },
      problems,
      (w) => warn(ctx, w),
    );
    emit(
      ctx,
      opts.output === undefined || opts.output === '-' ? undefined : resolve(ctx.cwd, opts.output),
      responsesCsv(standard, result.rows, { bom: Boolean(opts.bom) }),
    );
    note(ctx, synthSummary(ctx.lang, result, opts.output ?? 'stdout'));
  });
}

/**
 * Resolve and check the rates and options (every problem at once, as a UserError), then
 * synthesize. Shared by `synth responses` and `drill`.
 */
export function synthesizeChecked(
  entries: readonly SynthEntry[],
  standard: Standard,
  rates: TrueRates,
  opts: Omit<SynthResponsesOptions, 'rate'>,
  problems: Problem[] = [],
  onWarning: (line: string) => void = () => {},
): SynthResponsesResult {
  const strata = [...new Set(entries.map((e) => e.stratum))];
  const resolved = resolveRates(
    rates,
    standard.indicators.map((i) => i.id),
    strata,
  );
  const all = [...problems, ...resolved.problems];
  const errors = all.filter((p) => p.severity !== 'warning');
  if (errors.length === 0) all.push(...checkSynthOptions(standard, strata, { ...opts, rate: resolved.rate }));
  const final = all.filter((p) => p.severity !== 'warning');
  if (final.length > 0)
    throw new UserError(
      `${final.length} problem${final.length === 1 ? '' : 's'} with the synthetic responses`,
      all,
    );
  for (const w of all) onWarning(`${w.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ` : ''}${w.message}`);
  return synthesizeResponses(entries, standard, { ...opts, rate: resolved.rate });
}

export function synthSummary(lang: Lang, r: SynthResponsesResult, where: string): string {
  const sum = (f: (s: SynthResponsesResult['strata'][number]) => number) =>
    r.strata.reduce((a, s) => a + f(s), 0);
  const target = sum((s) => s.target);
  const completes = sum((s) => s.completes);
  const visited = sum((s) => s.visited);
  const used = sum((s) => s.reservesUsed);
  const short = r.strata.filter((s) => s.completes < s.target).length;
  const line = say(
    lang,
    `已写入 ${r.rows.length} 条访问记录 → ${where}：${r.strata.length} 个抽样层，走访 ${visited} 户，完成 ${completes}/${target} 户，使用备用样本 ${used} 户` +
      (short > 0 ? `；${short} 个抽样层备用样本用尽仍未达到样本量` : ''),
    `wrote ${r.rows.length} visits to ${where}: ${r.strata.length} strata, ${visited} households visited, ${completes} of ${target} completes, ${used} reserves used` +
      (short > 0 ? `; ${short} strata ran out of reserves short of their target` : ''),
  );
  const relaxed =
    r.relaxed > 0
      ? say(
          lang,
          `\n注意：${r.relaxed} 名受访者的部分指标结果在本标准下互相矛盾，这些指标按自由作答生成`,
          `\nnote: for ${r.relaxed} respondents some indicators' outcomes contradict each other under this standard; those were answered freely`,
        )
      : '';
  return line + relaxed;
}
