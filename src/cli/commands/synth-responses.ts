import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../../core/context.js';
import { UserError, type Problem } from '../../core/errors.js';
import type { Lang } from '../../core/i18n.js';
import { t } from '../../core/messages.js';
import type { Standard } from '../../standard/schema.js';
import { DEFAULT_RESPONSE_RATE, SYNTH_RESPONSES_ALGORITHM } from '../../synth/response-defaults.js';
import type {
  SynthEntry,
  SynthResponsesOptions,
  SynthResponsesResult,
  SynthRow,
} from '../../synth/responses.js';
import type { TrueRates } from '../../rates/true-rates.js';
import { addCommonOptions, commandContext, intArg, rateArg } from '../common.js';
import { emitStream, note, warn } from '../output.js';
import { h } from './synth.messages.js';
import { bomByDefault } from '../../core/lang-formats.js';

// Loaded when the command runs, not when its help is shown (start-up time).
let readSampleList!: (typeof import('../../sampling/sample-file.js'))['readSampleList'];
let loadStandard!: (typeof import('../../standard/load.js'))['loadStandard'];
let checkSynthOptions!: (typeof import('../../synth/responses.js'))['checkSynthOptions'];
let responsesCsvWriter!: (typeof import('../../synth/responses.js'))['responsesCsvWriter'];
let synthesizeResponses!: (typeof import('../../synth/responses.js'))['synthesizeResponses'];
let emptyRates!: (typeof import('../../rates/true-rates.js'))['emptyRates'];
let parseRateFlags!: (typeof import('../../rates/true-rates.js'))['parseRateFlags'];
let resolveRates!: (typeof import('../../rates/true-rates.js'))['resolveRates'];
let readRatesFile!: (typeof import('../../rates/rates-file.js'))['readRatesFile'];
async function loadModules(): Promise<void> {
  ({ readSampleList } = await import('../../sampling/sample-file.js'));
  ({ loadStandard } = await import('../../standard/load.js'));
  ({ checkSynthOptions, responsesCsvWriter, synthesizeResponses } = await import('../../synth/responses.js'));
  ({ emptyRates, parseRateFlags, resolveRates } = await import('../../rates/true-rates.js'));
  ({ readRatesFile } = await import('../../rates/rates-file.js'));
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
  const l = ctx0.lang;
  const cmd = group
    .command('responses')
    .summary(t(l, h.responsesSummary))
    .description(t(l, h.responsesDescription, { algorithm: SYNTH_RESPONSES_ALGORITHM }))
    .argument('<sample>', t(l, h.sample))
    .option('--rate <indicator=rate>', t(l, h.rate), collect)
    .option('--rates <file>', t(l, h.rates))
    .option('--response-rate <r>', t(l, h.responseRate), rateArg, DEFAULT_RESPONSE_RATE)
    .option('--not-sure <q>', t(l, h.notSure), rateArg, 0)
    .option('--max-visits <k>', t(l, h.maxVisits), intArg(1, 20), 1)
    .option('--standard <file>', t(l, h.standard))
    .requiredOption('--seed <text>', t(l, h.seed))
    .option('-o, --output <file>', t(l, h.output))
    .option('--bom', t(l, h.responsesBom))
    .option('--no-bom', t(l, h.responsesNoBom));
  addCommonOptions(cmd);
  cmd.addHelpText('after', t(l, h.responsesAfter));
  cmd.action(async (sampleArg: string, opts: ResponsesOptions) => {
    await loadModules();
    const ctx = commandContext(ctx0, opts);
    const standard = await loadStandard(opts.standard, ctx.cwd);
    const sample = await readSampleList(resolve(ctx.cwd, sampleArg), { label: sampleArg });
    const rates = emptyRates();
    const problems: Problem[] = parseRateFlags(opts.rate ?? [], rates, ctx.lang);
    if (opts.rates !== undefined)
      problems.push(...(await readRatesFile(resolve(ctx.cwd, opts.rates), opts.rates, rates, ctx.lang)));
    // Rows go to the output as they are made: a city's fieldwork is never held in memory whole.
    const out = emitStream(
      ctx,
      opts.output === undefined || opts.output === '-' ? undefined : resolve(ctx.cwd, opts.output),
    );
    const csv = responsesCsvWriter(standard, (text) => out.write(text), {
      // As sample, status and interview write CSV: with a BOM in Chinese, for Excel.
      bom: opts.bom ?? bomByDefault(ctx.lang),
    });
    let result: SynthResponsesResult;
    try {
      result = synthesizeChecked(
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
        ctx.lang,
        (row) => csv.row(row),
      );
      csv.end();
      out.commit();
    } catch (err) {
      out.abort();
      throw err;
    }
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
  lang: Lang = 'en',
  sink?: (row: SynthRow) => void,
): SynthResponsesResult {
  const strata = [...new Set(entries.map((e) => e.stratum))];
  const resolved = resolveRates(
    rates,
    standard.indicators.map((i) => i.id),
    strata,
    { require: 'all', lang },
  );
  const all = [...problems, ...resolved.problems];
  const errors = all.filter((p) => p.severity !== 'warning');
  if (errors.length === 0)
    all.push(...checkSynthOptions(standard, strata, { ...opts, rate: resolved.rate }, lang));
  const final = all.filter((p) => p.severity !== 'warning');
  if (final.length > 0) throw new UserError(t(lang, h.problems, { n: final.length }), all);
  for (const w of all) onWarning(`${w.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ` : ''}${w.message}`);
  return synthesizeResponses(entries, standard, { ...opts, rate: resolved.rate }, sink);
}

export function synthSummary(lang: Lang, r: SynthResponsesResult, where: string): string {
  const sum = (f: (s: SynthResponsesResult['strata'][number]) => number) =>
    r.strata.reduce((a, s) => a + f(s), 0);
  const target = sum((s) => s.target);
  const completes = sum((s) => s.completes);
  const visited = sum((s) => s.visited);
  const used = sum((s) => s.reservesUsed);
  const short = r.strata.filter((s) => s.completes < s.target).length;
  const line = t(lang, h.responsesWrote, {
    rows: r.count,
    where,
    strata: r.strata.length,
    visited,
    completes,
    target,
    used,
    short,
  });
  const relaxed = r.relaxed > 0 ? `\n${t(lang, h.relaxed, { n: r.relaxed })}` : '';
  return line + relaxed;
}
