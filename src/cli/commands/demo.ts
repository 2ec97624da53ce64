import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { Context } from '../../core/context.js';
import { say } from '../../core/i18n.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { manifestPathFor } from '../../sampling/manifest.js';
import { sampleCsv } from '../../sampling/sample-file.js';
import { DEFAULT_ORDER, runSampleJob } from '../../sampling/sample-job.js';
import { addCommonOptions, commandContext } from '../common.js';
import { note, progressBar } from '../output.js';
import { renderTable } from '../table.js';

/** The embedded demo district, shipped with the package. */
export const DEMO_ROSTER = fileURLToPath(new URL('../../../data/demo/roster.csv', import.meta.url));
export const DEMO_SEED = 'demo-2026';

interface DemoOptions {
  out: string;
  lang?: string;
}

export function register(program: Command, ctx0: Context): void {
  const cmd = program
    .command('demo')
    .description('run the main job on the embedded demo district (what `npm start` runs)')
    .option('--out <dir>', 'folder for the demo outputs', 'demo-output');
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  hhsurvey demo
  hhsurvey demo --out /tmp/demo --lang zh`,
  );
  cmd.action(async (opts: DemoOptions) => {
    const ctx = commandContext(ctx0, opts);
    const lang = ctx.lang;
    const out = resolve(ctx.cwd, opts.out);
    mkdirSync(out, { recursive: true });
    const bar = progressBar(ctx, 1, say(lang, '读取户册', 'reading roster'));
    const result = await runSampleJob(
      {
        roster: DEMO_ROSTER,
        rosterLabel: 'data/demo/roster.csv',
        encoding: 'auto',
        by: ['street', 'community'],
        method: 'systematic',
        size: 22,
        allocation: 'proportional',
        minPerStratum: 1,
        reserve: 5,
        order: DEFAULT_ORDER,
        seed: DEMO_SEED,
        onProgress: (d, t) => bar.update(t ? d / t : 1),
      },
      ctx.now(),
    );
    bar.stop();
    const samplePath = join(out, 'sample.csv');
    const frame = result.frame;
    writeFileAtomic(
      samplePath,
      sampleCsv(result.rows, {
        lang,
        header: frame.columns.header,
        idColumn: frame.columns.index.household_id!,
        mask: new Set(),
        bom: true,
        escapeFormulas: true,
      }),
    );
    writeFileAtomic(
      manifestPathFor(samplePath),
      JSON.stringify(
        { ...result.manifest, sample: { ...result.manifest.sample, file: 'sample.csv' } },
        null,
        2,
      ) + '\n',
    );
    const rows = result.draw.strata.map((s) => [
      s.stratum.values[0] ?? '',
      s.stratum.values[1] ?? '',
      s.population,
      s.n,
      s.r,
      s.takesAll ? say(lang, '全部入样', 'takes all') : '',
    ]);
    ctx.stdout.write(
      renderTable(
        [
          say(lang, '街道', 'sub-district'),
          say(lang, '社区', 'community'),
          say(lang, '户数', 'households'),
          say(lang, '样本', 'sample'),
          say(lang, '备用', 'reserves'),
          '',
        ],
        rows,
        ['left', 'left', 'right', 'right', 'right', 'left'],
      ),
    );
    const n = result.draw.strata.reduce((a, s) => a + s.n, 0);
    const r = result.draw.strata.reduce((a, s) => a + s.r, 0);
    const rel = join(opts.out, 'sample.csv');
    ctx.stdout.write(
      say(
        lang,
        `演示区：${frame.households} 户，${result.draw.strata.length} 个社区；抽取正式样本 ${n} 户、备用 ${r} 户（种子 ${DEMO_SEED}），样本清单：${rel}\n`,
        `demo district: ${frame.households} households in ${result.draw.strata.length} communities; drew ${n} primary and ${r} reserve households (seed ${DEMO_SEED}); sample list: ${rel}\n`,
      ),
    );
    note(
      ctx,
      say(
        lang,
        `复核：hhsurvey verify ${rel} --roster data/demo/roster.csv`,
        `check it: hhsurvey verify ${rel} --roster data/demo/roster.csv`,
      ),
    );
  });
}
