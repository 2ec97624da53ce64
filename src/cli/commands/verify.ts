import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Context } from '../../core/context.js';
import { AssessmentFailed } from '../../core/errors.js';
import { say } from '../../core/i18n.js';
import { addCommonOptions, commandContext } from '../common.js';
import { note, progressBar, warn } from '../output.js';
import { addRosterInputOptions, rosterInput, type RosterInputFlags } from '../roster-options.js';

interface VerifyOptions extends RosterInputFlags {
  roster: string;
  manifest?: string;
  encoding?: 'auto' | 'utf8' | 'gb18030';
  lang?: string;
}

interface Line {
  stratum: string;
  role: 'primary' | 'reserve';
  rank: number;
  householdId: string;
}

/** Differences between the sample on file and the re-drawn one: added, removed, moved. */
export function compareSamples(onFile: readonly Line[], redrawn: readonly Line[]): string[] {
  const want = new Map(redrawn.map((l) => [l.householdId, l]));
  const have = new Map(onFile.map((l) => [l.householdId, l]));
  const out: string[] = [];
  for (const l of onFile) {
    const w = want.get(l.householdId);
    if (!w) out.push(`added: ${l.householdId} (${l.stratum}, ${l.role} ${l.rank}) is not in the draw`);
    else if (w.stratum !== l.stratum || w.role !== l.role || w.rank !== l.rank)
      out.push(
        `moved: ${l.householdId} is ${l.role} ${l.rank} in ${l.stratum}; the draw has ${w.role} ${w.rank} in ${w.stratum}`,
      );
  }
  for (const w of redrawn)
    if (!have.has(w.householdId))
      out.push(`removed: ${w.householdId} (${w.stratum}, ${w.role} ${w.rank}) is missing`);
  return out;
}

export function register(program: Command, ctx0: Context): void {
  const cmd = program
    .command('verify')
    .description('re-draw a sample from its manifest and check that the list is exactly what the seed gives')
    .argument('<sample>', 'sample list written by hhsurvey sample -o')
    .requiredOption('--roster <file>', 'the roster the sample was drawn from')
    .option('--manifest <file>', 'the manifest (default: <sample>.manifest.json beside the sample)')
    .addOption(
      new Option('--encoding <enc>', 'roster encoding (default: as recorded)').choices([
        'auto',
        'utf8',
        'gb18030',
      ]),
    );
  addRosterInputOptions(cmd);
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  hhsurvey verify sample.csv --roster data/demo/roster.csv
  hhsurvey verify 样本.csv --roster 户册.csv --manifest 样本.manifest.json
  hhsurvey verify 样本.csv --roster 户册.xlsx

Exit codes: 0 the sample is exactly the seeded draw, 1 it differs (differences listed), 2 bad input.`,
  );
  cmd.action(async (sampleArg: string, opts: VerifyOptions) => {
    const { manifestPathFor, readManifest } = await import('../../sampling/manifest.js');
    const { readSampleList, sampleDigest } = await import('../../sampling/sample-file.js');
    const { inputFromManifest, runSampleJob } = await import('../../sampling/sample-job.js');
    const { assertNotExcelResaved } = await import('../../sampling/excel-ids.js');
    const ctx = commandContext(ctx0, opts);
    const lang = ctx.lang;
    const samplePath = resolve(ctx.cwd, sampleArg);
    const manifestPath = opts.manifest ? resolve(ctx.cwd, opts.manifest) : manifestPathFor(samplePath);
    const m = readManifest(manifestPath);
    const list = await readSampleList(samplePath, { label: sampleArg });
    const bar = progressBar(ctx, 1, say(lang, '读取户册', 'reading roster'));
    const p = m.parameters;
    const result = await runSampleJob(
      {
        roster: resolve(ctx.cwd, opts.roster),
        rosterLabel: opts.roster,
        encoding: opts.encoding ?? p.encoding,
        by: p.by,
        allowClash: true,
        method: p.method,
        size: p.size ?? undefined,
        total: p.total ?? undefined,
        allocation: p.allocation,
        minPerStratum: p.min_per_stratum,
        reserve: p.reserve,
        order: p.order,
        only: p.only ?? undefined,
        seed: m.seed,
        excludeIds: p.excluded_ids,
        priors: p.priors ? new Map(Object.entries(p.priors)) : undefined,
        onProgress: (d, t) => bar.update(t ? d / t : 1),
        // Read as recorded, unless told otherwise (the same households saved as another file).
        input: { ...inputFromManifest(m), ...rosterInput(opts, lang) },
        lang,
      },
      ctx.now(),
    );
    bar.stop();
    if (result.frame.sha256 !== m.roster.sha256)
      warn(
        ctx,
        say(
          lang,
          `注意：户册文件与抽样时不同（SHA-256 不一致），按当前文件重抽比对`,
          `note: the roster's bytes differ from the one drawn from (SHA-256 ${m.roster.sha256.slice(0, 12)}…); comparing with a re-draw from this file`,
        ),
      );
    assertNotExcelResaved(
      list.entries.map((e) => ({ householdId: e.householdId, file: sampleArg, line: e.line })),
      result.rows.map((r) => r.householdId),
      lang,
      sampleArg,
    );
    const diffs = compareSamples(list.entries, result.rows);
    if (sampleDigest(result.rows) !== m.sample.digest)
      diffs.push('the manifest digest does not match a re-draw: the manifest was edited');
    if (diffs.length) {
      for (const d of diffs) ctx.stdout.write(`${d}\n`);
      throw new AssessmentFailed(
        say(
          lang,
          `校验不通过：${diffs.length} 处差异`,
          `verification failed: ${diffs.length} difference${diffs.length === 1 ? '' : 's'}`,
        ),
      );
    }
    ctx.stdout.write(
      say(
        lang,
        `校验通过：${list.entries.length} 户与种子 ${m.seed} 的抽样结果完全一致\n`,
        `verified: all ${list.entries.length} households are exactly the draw of seed ${m.seed}\n`,
      ),
    );
    note(ctx, `${m.algorithm}, ${m.rng}`);
  });
}
