import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Context } from '../../core/context.js';
import { AssessmentFailed } from '../../core/errors.js';
import type { Lang } from '../../core/i18n.js';
import { t } from '../../core/messages.js';
import { addCommonOptions, commandContext } from '../common.js';
import { note, progressBar, warn } from '../output.js';
import { h } from './verify.messages.js';
import { ls } from './listing.messages.js';
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
export function compareSamples(
  onFile: readonly Line[],
  redrawn: readonly Line[],
  lang: Lang = 'en',
): string[] {
  const want = new Map(redrawn.map((l) => [l.householdId, l]));
  const have = new Map(onFile.map((l) => [l.householdId, l]));
  const role = (r: Line['role']) => t(lang, r === 'primary' ? h.primary : h.reserve);
  const at = (l: Line) => ({ id: l.householdId, stratum: l.stratum, role: role(l.role), rank: l.rank });
  const out: string[] = [];
  for (const l of onFile) {
    const w = want.get(l.householdId);
    if (!w) out.push(t(lang, h.added, at(l)));
    else if (w.stratum !== l.stratum || w.role !== l.role || w.rank !== l.rank)
      out.push(t(lang, h.moved, { ...at(l), wStratum: w.stratum, wRole: role(w.role), wRank: w.rank }));
  }
  for (const w of redrawn) if (!have.has(w.householdId)) out.push(t(lang, h.removed, at(w)));
  return out;
}

export function register(program: Command, ctx0: Context): void {
  const l = ctx0.lang;
  const cmd = program
    .command('verify')
    .description(t(l, ls.verify))
    .argument('<sample>', t(l, h.sample))
    .requiredOption('--roster <file>', t(l, h.roster))
    .option('--manifest <file>', t(l, h.manifest))
    .addOption(new Option('--encoding <enc>', t(l, h.encoding)).choices(['auto', 'utf8', 'gb18030']));
  addRosterInputOptions(cmd);
  addCommonOptions(cmd);
  cmd.addHelpText('after', t(l, h.after));
  cmd.action(async (sampleArg: string, opts: VerifyOptions) => {
    const { manifestPathFor } = await import('../../sampling/manifest.js');
    const { designFromManifest, readManifest } = await import('../../sampling/manifest-read.js');
    const { readSampleList, sampleDigest } = await import('../../sampling/sample-file.js');
    const { runSampleJob } = await import('../../sampling/sample-job.js');
    const { assertNotExcelResaved } = await import('../../sampling/excel-ids.js');
    const ctx = commandContext(ctx0, opts);
    const lang = ctx.lang;
    const samplePath = resolve(ctx.cwd, sampleArg);
    const manifestPath = opts.manifest ? resolve(ctx.cwd, opts.manifest) : manifestPathFor(samplePath);
    const m = readManifest(manifestPath);
    const list = await readSampleList(samplePath, { label: sampleArg });
    const bar = progressBar(ctx, 1, t(lang, h.reading));
    const recorded = designFromManifest(m);
    const result = await runSampleJob(
      {
        ...recorded.design,
        roster: resolve(ctx.cwd, opts.roster),
        rosterLabel: opts.roster,
        encoding: opts.encoding ?? recorded.encoding,
        allowClash: true,
        excludeIds: recorded.excludeIds,
        onProgress: (d, t) => bar.update(t ? d / t : 1),
        // Read as recorded, unless told otherwise (the same households saved as another file).
        input: { ...recorded.input, ...rosterInput(opts, lang) },
        lang,
      },
      ctx.now(),
    );
    bar.stop();
    if (result.frame.sha256 !== m.roster.sha256)
      warn(ctx, t(lang, h.rosterChanged, { sha: m.roster.sha256.slice(0, 12) }));
    assertNotExcelResaved(
      list.entries.map((e) => ({ householdId: e.householdId, file: sampleArg, line: e.line })),
      result.rows.map((r) => r.householdId),
      lang,
      sampleArg,
    );
    const diffs = compareSamples(list.entries, result.rows, lang);
    if (sampleDigest(result.rows) !== m.sample.digest) diffs.push(t(lang, h.digestEdited));
    if (diffs.length) {
      for (const d of diffs) ctx.stdout.write(`${d}\n`);
      throw new AssessmentFailed(t(lang, h.failed, { n: diffs.length }));
    }
    ctx.stdout.write(t(lang, h.verified, { n: list.entries.length, seed: m.seed }) + '\n');
    note(ctx, `${m.algorithm}, ${m.rng}`);
  });
}
