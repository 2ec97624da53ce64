import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScoreReport } from '../src/scoring/report-types.js';
import { runCli, spawnCli } from './helpers/run-cli.js';

const SAMPLE = 'examples/score/sample.csv';
const DRILL1 = 'examples/score/responses-1.csv';
const DRILL2 = 'examples/score/responses-2.csv';

function close(actual: number | null | undefined, expected: number, tol = 1e-9): void {
  expect(actual).toBeTypeOf('number');
  expect(Math.abs(actual! - expected)).toBeLessThan(tol);
}

const tmp = () => mkdtempSync(join(tmpdir(), 'hhsurvey-'));

// R 4.2.2, survey 4.1.1, examples/score/reference.R on the drill-1 fixture:
//   des <- svydesign(ids = ~1, strata = ~stratum, fpc = ~N, data = <complete interviews of the group>)
//   svymean(~ind, des); degf(des); svyciprop(~ind, des, method = "beta")
const R_LEVELS: Record<
  string,
  Record<string, { p: number; se: number; df: number; ci: [number, number] }>
> = {
  awareness: {
    overall: {
      p: 0.906045895851721,
      se: 0.025130159448572,
      df: 70,
      ci: [0.843658125162982, 0.949527525271963],
    },
    全福街道: {
      p: 0.856060606060606,
      se: 0.05070619548843,
      df: 40,
      ci: [0.724374537375921, 0.940648196607699],
    },
    洪家楼街道: {
      p: 0.944827586206896,
      se: 0.021069313540027,
      df: 30,
      ci: [0.886670759236179, 0.978541759905495],
    },
  },
  support: {
    overall: {
      p: 0.97171226831421,
      se: 0.01616042820313,
      df: 70,
      ci: [0.919213414369753, 0.994185787568067],
    },
    全福街道: {
      p: 0.953030303030303,
      se: 0.03304049513774,
      df: 40,
      ci: [0.837161300745101, 0.994611403789704],
    },
    洪家楼街道: {
      p: 0.986206896551724,
      se: 0.012902266850945,
      df: 30,
      ci: [0.931007231275786, 0.999505475810837],
    },
  },
  participation: {
    overall: {
      p: 0.835701676963813,
      se: 0.045461694844141,
      df: 70,
      ci: [0.724405801085755, 0.9153351500439],
    },
    全福街道: {
      p: 0.828787878787879,
      se: 0.059696611162272,
      df: 40,
      ci: [0.676057038086255, 0.929384831223328],
    },
    洪家楼街道: {
      p: 0.841065830721003,
      se: 0.066126599987692,
      df: 30,
      ci: [0.663696968760811, 0.947514483844202],
    },
  },
  satisfaction: {
    overall: {
      p: 0.921359223300971,
      se: 0.030915018977019,
      df: 70,
      ci: [0.836220402507498, 0.970736479251027],
    },
    全福街道: {
      p: 0.906060606060606,
      se: 0.045573744789377,
      df: 40,
      ci: [0.77317784852496, 0.974702184477977],
    },
    洪家楼街道: {
      p: 0.933228840125392,
      se: 0.04199814588966,
      df: 30,
      ci: [0.795625113967231, 0.989605358159274],
    },
  },
  core_values: {
    overall: {
      p: 0.886054721977052,
      se: 0.038837477062419,
      df: 70,
      ci: [0.78471066830165, 0.950758544528638],
    },
    全福街道: {
      p: 0.875757575757576,
      se: 0.052591037316339,
      df: 40,
      ci: [0.731240818356747, 0.959126001960756],
    },
    洪家楼街道: {
      p: 0.894043887147335,
      se: 0.055605256118533,
      df: 30,
      ci: [0.729060568547326, 0.975706344144123],
    },
  },
};

// R: prop.test(x, n, correct = FALSE)$conf.int and binom.test(x, n)$conf.int
const R_WILSON: Record<string, [number, number]> = {
  '20/22': [0.721850531583942, 0.974704571009005],
  '21/22': [0.782019541613427, 0.991930572378736],
  '22/22': [0.851345125391379, 1],
  '6/10': [0.312673769733658, 0.831819670293764],
};
// R, examples/stats/finite.R: hyper_ci(x, n, N) (phyper inversion), as counts K of N.
const R_HYPER: Record<string, [number, number]> = {
  '20/22 of 300': [215, 296],
  '21/22 of 300': [234, 299],
  '15/20 of 150': [79, 135],
  '6/10 of 80': [23, 69],
  '22/22 of 500': [425, 500],
};
// R, examples/stats/finite.R: fail_risk(x, n, N, n2, c) with a uniform prior, the official sample as
// large as the community's mock sample (n2 = sampled), c = ceiling(threshold × n2).
const R_RISK: Record<string, number> = {
  '20/22 of 300 at 0.9': 0.471207077685826,
  '15/20 of 150 at 0.9': 0.879935930735191,
  '6/10 of 80 at 0.9': 0.919725024490711,
  '22/22 of 500 at 0.9': 0.100709140592671,
};
const R_CP: Record<string, [number, number]> = {
  '20/22': [0.708387258446067, 0.988794413975849],
  '21/22': [0.771555602332367, 0.998849852473426],
  '22/22': [0.845627487184425, 1],
};

describe('hhsurvey score: numbers', () => {
  let report: ScoreReport;
  beforeAll(async () => {
    const r = await runCli(['score', SAMPLE, '--responses', DRILL1, '--format', 'json']);
    expect(r.code).toBe(1);
    report = JSON.parse(r.stdout) as ScoreReport;
  });

  it('per community: counts, rate, standard error with fpc, exact hypergeometric interval, verdicts', () => {
    expect(report.strata.map((s) => s.stratum)).toEqual([
      '南全福社区',
      '利农社区',
      '洪楼社区',
      '文化东路社区',
    ]);
    const nq = report.strata[0]!;
    expect(nq).toMatchObject({
      street: '全福街道',
      population: 300,
      sampled: 22,
      reserves: 3,
      reserves_used: 2,
      completes: 22,
      not_visited: 0,
    });
    expect(nq.dispositions).toMatchObject({ complete: 22, refused: 1, not_home: 1 });
    // primaries: 20 complete, 1 refused, 1 nobody home → RR1 20/22, COOP1 20/21
    close(nq.response_rate.rr1, 20 / 22, 1e-15);
    close(nq.response_rate.coop1, 20 / 21, 1e-15);
    let checked = 0;
    for (const s of report.strata) {
      for (const r of s.indicators) {
        const p = r.favourable / r.eligible;
        close(r.rate, p, 1e-15);
        close(r.se, Math.sqrt(((1 - r.eligible / s.population) * p * (1 - p)) / (r.eligible - 1)), 1e-15);
        const key = `${r.favourable}/${r.eligible} of ${s.population}`;
        if (R_HYPER[key]) {
          close(r.ci![0], R_HYPER[key][0] / s.population, 1e-15);
          close(r.ci![1], R_HYPER[key][1] / s.population, 1e-15);
          checked++;
        }
        const risk = R_RISK[`${key} at ${r.threshold}`];
        if (risk !== undefined) close(r.risk, risk, 1e-12);
        expect(r.group).toBe(!r.pass ? 'fails_now' : r.risk! > 0.2 ? 'at_risk' : 'on_track');
        expect(r.pass).toBe(p + 1e-12 >= r.threshold);
        expect(r.too_close).toBe(r.ci![0] <= r.threshold && r.threshold <= r.ci![1]);
      }
    }
    expect(checked).toBe(7);
    expect(report.risk_model).toEqual({ prior: 'uniform', level: 0.2, official_size: null });
    expect(report.summary.results).toEqual({ fails_now: 5, at_risk: 12, on_track: 3, no_data: 0 });
    expect(report.summary.communities).toEqual({ fails_now: 2, at_risk: 2, on_track: 0, no_data: 0 });
    // 文化东路社区: primary 3 vacant (not eligible), replaced by reserve 1
    const wh = report.strata[3]!;
    expect(wh.dispositions.vacant).toBe(1);
    expect(wh.response_rate.rr1).toBe(1);
    expect(wh.indicators[0]).toMatchObject({ favourable: 6, eligible: 10, pass: false, too_close: false });
  });

  it('roll-ups: streets and overall equal svymean and svyciprop(method = "beta") in R to 1e-9', () => {
    expect(report.levels.map((l) => l.group)).toEqual(['全福街道', '洪家楼街道', 'overall']);
    for (const l of report.levels) {
      for (const r of l.indicators) {
        const ref = R_LEVELS[r.id]![l.group]!;
        close(r.rate, ref.p);
        close(r.se, ref.se);
        expect(r.df).toBe(ref.df);
        close(r.ci![0], ref.ci[0]);
        close(r.ci![1], ref.ci[1]);
      }
    }
  });

  it('score rate from points: Σ 20 × rate / 100', () => {
    const nq = report.strata[0]!;
    close(nq.score!.rate, (20 / 22 + 21 / 22 + 18 / 22 + 20 / 22 + 19 / 22) / 5, 1e-12);
  });

  it('verdict: two communities and one sub-district fail', () => {
    expect(report.pass).toBe(false);
    expect(report.strata.map((s) => s.pass)).toEqual([true, false, true, false]);
    expect(report.levels.map((l) => l.pass)).toEqual([false, true, true]);
    expect(report.summary).toMatchObject({ strata: 4, strata_failed: 2, indicators_failed: 5 });
  });

  it('matches the JSON Schema', () => {
    const schema = JSON.parse(readFileSync('schemas/score-report.schema.json', 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    validate(report);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('--ci wilson gives prop.test intervals', async () => {
    const r = await runCli(['score', SAMPLE, '--responses', DRILL1, '--format', 'json', '--ci', 'wilson']);
    const rep = JSON.parse(r.stdout) as ScoreReport;
    expect(rep.ci_method).toBe('wilson');
    let checked = 0;
    for (const s of rep.strata)
      for (const i of s.indicators) {
        const ref = R_WILSON[`${i.favourable}/${i.eligible}`];
        if (!ref) continue;
        close(i.ci![0], ref[0]);
        close(i.ci![1], ref[1]);
        checked++;
      }
    expect(checked).toBeGreaterThan(5);
  });

  it('--risk-level, --prior and --official-size change the risk and the groups', async () => {
    const r = await runCli([
      'score',
      SAMPLE,
      '--responses',
      DRILL1,
      '--format',
      'json',
      '--risk-level',
      '50%',
      '--prior',
      'jeffreys',
      '--official-size',
      '22',
    ]);
    const rep = JSON.parse(r.stdout) as ScoreReport;
    expect(rep.risk_model).toEqual({ prior: 'jeffreys', level: 0.5, official_size: 22 });
    // R: fail_risk(21, 22, 300, 22, 20, "jeffreys") (examples/stats/finite.R)
    const support = rep.strata[0]!.indicators[1]!;
    expect(`${support.favourable}/${support.eligible}`).toBe('21/22');
    close(support.risk, 0.195468625569165, 1e-12);
    for (const s of rep.strata)
      for (const i of s.indicators)
        expect(i.group).toBe(!i.pass ? 'fails_now' : i.risk! > 0.5 ? 'at_risk' : 'on_track');
    const bad = await runCli(['score', SAMPLE, '--responses', DRILL1, '--risk-level', '1.5']);
    expect(bad.code).toBe(2);
  });

  it('--ci clopper-pearson gives binom.test intervals', async () => {
    const r = await runCli([
      'score',
      SAMPLE,
      '--responses',
      DRILL1,
      '--format',
      'json',
      '--ci',
      'clopper-pearson',
    ]);
    const rep = JSON.parse(r.stdout) as ScoreReport;
    expect(rep.ci_method).toBe('clopper-pearson');
    let checked = 0;
    for (const s of rep.strata)
      for (const i of s.indicators) {
        const ref = R_CP[`${i.favourable}/${i.eligible}`];
        if (!ref) continue;
        close(i.ci![0], ref[0]);
        close(i.ci![1], ref[1]);
        checked++;
      }
    expect(checked).toBeGreaterThan(5);
  });

  it('--confidence changes the level of every interval', async () => {
    const r = await runCli([
      'score',
      SAMPLE,
      '--responses',
      DRILL1,
      '--format',
      'json',
      '--confidence',
      '90%',
      '--ci',
      'wilson',
    ]);
    const rep = JSON.parse(r.stdout) as ScoreReport;
    expect(rep.confidence).toBe(0.9);
    // R: prop.test(21, 22, correct = FALSE, conf.level = 0.9)$conf.int
    const s = rep.strata[0]!.indicators[1]!;
    expect(`${s.favourable}/${s.eligible}`).toBe('21/22');
    close(s.ci![0], 0.819741665999609);
    close(s.ci![1], 0.989793248185192);
  });
});

describe('hhsurvey score: exit codes', () => {
  it('1 when a community fails, with the verdict on stderr', async () => {
    const r = await runCli(['score', SAMPLE, '--responses', DRILL1]);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      'FAIL: 2 of 4 communities fail; 2 at risk (risk of failing the official check above 20%); 0 on track (each community counted once, by its worst result); 1 roll-up fails',
    );
    expect(r.stderr).toContain('hhsurvey: FAIL: 2 of 4 communities fail');
  });
  it('0 with --no-fail', async () => {
    const r = await runCli(['score', SAMPLE, '--responses', DRILL1, '--no-fail']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
  it('0 when the standard is met (drill 2, after rectification)', async () => {
    const r = await runCli(['score', SAMPLE, '--responses', DRILL2]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^PASS: 0 of 4 communities fail/);
  });
  it('2 for a missing sample, a bad format, several formats without a folder, a missing --responses', async () => {
    const missing = await runCli(['score', 'nope.csv', '--responses', DRILL1]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.csv: no such file');
    const fmt = await runCli(['score', SAMPLE, '--responses', DRILL1, '--format', 'pdf']);
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toContain('expected one of table, json, csv, md, html, junit, got "pdf"');
    const several = await runCli(['score', SAMPLE, '--responses', DRILL1, '--format', 'json,html']);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('need a folder');
    const noResponses = await runCli(['score', SAMPLE]);
    expect(noResponses.code).toBe(2);
    expect(noResponses.stderr).toContain("required option '--responses <files...>' not specified");
  });
  it('2 for responses that do not fit the sample or the standard, every problem listed', async () => {
    const dir = tmp();
    const bad = join(dir, 'bad.csv');
    const text = readFileSync(DRILL1, 'utf8').split('\r\n');
    text[1] = text[1]!.replace(/^H001001/, 'H999999');
    text[2] = text[2]!.replace(
      ',complete,调查员甲,2026-11-28T09:07:00+08:00,1,',
      ',complete,调查员甲,2026-11-28T09:07:00+08:00,7,',
    );
    writeFileSync(bad, text.join('\r\n'));
    const r = await runCli(['score', SAMPLE, '--responses', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:2: household_id: household H999999 is not in the sample (${SAMPLE})`);
    expect(r.stderr).toMatch(new RegExp(`${bad}:3: aware_campaign: "7" is not an option`));
    expect(r.stdout).toBe('');
  });
  it('2 when reserves are used out of order (the checks of hhsurvey status)', async () => {
    const dir = tmp();
    const file = join(dir, 'order.csv');
    // 南全福社区's reserve 3 (H001025) interviewed instead of reserve 1 (H001023)
    writeFileSync(
      file,
      readFileSync(DRILL1, 'utf8').replace(/^H001023,南全福社区,reserve,/m, 'H001025,南全福社区,reserve,'),
    );
    const r = await runCli(['score', SAMPLE, '--responses', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('reserves used out of order in 南全福社区');
  });
  it('2 when nothing is recorded yet', async () => {
    const dir = tmp();
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, readFileSync(DRILL1, 'utf8').split('\r\n')[0] + '\r\n');
    const r = await runCli(['score', SAMPLE, '--responses', empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing to score yet');
  });
  it('the built bin exits with the same codes', () => {
    expect(spawnCli(['score', SAMPLE, '--responses', DRILL1]).code).toBe(1);
    expect(spawnCli(['score', SAMPLE, '--responses', DRILL1, '--no-fail']).code).toBe(0);
    expect(spawnCli(['score', SAMPLE, '--responses', DRILL2]).code).toBe(0);
    const bad = spawnCli(['score', SAMPLE, '--responses', 'missing.csv']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('hhsurvey score: formats and files', () => {
  it('writes every format into a folder with -o dir/', async () => {
    const dir = join(tmp(), 'reports');
    const r = await runCli([
      'score',
      SAMPLE,
      '--responses',
      DRILL1,
      '--format',
      'table,json,csv,md,html,junit',
      '-o',
      `${dir}/`,
      '--no-fail',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    for (const f of ['report.txt', 'report.json', 'report.csv', 'report.md', 'report.html', 'junit.xml'])
      expect(existsSync(join(dir, f))).toBe(true);
    expect(r.stderr).toContain(`wrote ${join(dir, 'junit.xml')}`);

    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const errors: string[] = [];
    parse(html, { onParseError: (e) => errors.push(e.code) });
    expect(errors).toEqual([]);
    expect(html.match(/<div class="chart"/g)).toHaveLength(5);
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);

    const xml = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const junit = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => n === 'testsuite' || n === 'testcase',
    }).parse(xml);
    expect(junit.testsuites.tests).toBe(String((4 + 3) * 5));
    expect(junit.testsuites.failures).toBe(String(5 + 1));
    expect(junit.testsuites.testsuite).toHaveLength(7);
    expect(junit.testsuites.testsuite[1].name).toBe('利农社区');
    expect(junit.testsuites.testsuite[1].failures).toBe('1');

    const csv = readFileSync(join(dir, 'report.csv'), 'utf8').trimEnd().split('\r\n');
    expect(csv).toHaveLength(1 + 4 * 5 + 3 * 5);
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).not.toContain('\x1b[');
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain(
      '- 利农社区: Awareness 75.0% (15/20, 52.7–90.0%), threshold 90.0%, risk 88.0%',
    );
  });
  it('the CSV for people under --lang zh: a BOM for Excel by default (--no-bom drops it), the rates named in Chinese', async () => {
    const dir = tmp();
    const csv = (file: string, ...flags: string[]) =>
      runCli(['score', SAMPLE, '--responses', DRILL1, '--format', 'csv', '-o', file, '--no-fail', ...flags]);
    const zh = join(dir, '报告.csv');
    const r = await csv(zh, '--lang', 'zh');
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(zh, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n')[0]).toContain(',应答率（RR1）,合作率（COOP1）,');
    const plain = join(dir, 'plain.csv');
    expect((await csv(plain, '--lang', 'zh', '--no-bom')).code).toBe(0);
    expect(readFileSync(plain, 'utf8')).toBe(text.slice(1));
    // English: for programs, no BOM unless asked for.
    const en = join(dir, 'report.csv');
    expect((await csv(en)).code).toBe(0);
    expect(readFileSync(en, 'utf8')).toMatch(/^level,/);
  });
  it('-o file writes one format there; the verdict goes to stderr', async () => {
    const file = join(tmp(), 'r.json');
    const toFile = (...extra: string[]) =>
      runCli(['score', SAMPLE, '--responses', DRILL1, '--format', 'json', '-o', file, ...extra]);
    const r = await toFile();
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8')).standard).toBe('national-mock');
    expect(r.stderr).toContain(`wrote ${file}`);
    // The verdict once: as the failure's line (exit 1), or as a note when the run does not fail.
    expect(r.stderr.split('\n').filter((l) => /FAIL: /.test(l))).toEqual([
      expect.stringMatching(/^hhsurvey: FAIL: /),
    ]);
    const noFail = await toFile('--no-fail');
    expect(noFail.code).toBe(0);
    expect(noFail.stderr.split('\n').filter((l) => /FAIL: /.test(l))).toEqual([
      expect.stringMatching(/^FAIL: /),
    ]);
    const zh = await toFile('--lang', 'zh');
    expect(zh.stderr.split('\n')[0]).toBe(`已写入 ${file}`);
  });
  it('the table in Chinese', async () => {
    const r = await runCli(['score', SAMPLE, '--responses', DRILL1, '--lang', 'zh']);
    expect(r.stdout).toContain('知晓率');
    expect(r.stdout).toMatch(/^全福街道 {2}2 个社区/m);
    // a community's line names its sub-district after the community's own name
    expect(r.stdout).toMatch(/^南全福社区 {2}全福街道 · N 300 · /m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      '未达标：4 个社区中 2 个未达标，2 个有风险（正式测评未达标风险高于 20%），0 个有把握（每个社区按其最差的一项结果计一次），1 个汇总层级未达标',
    );
  });
  it('colour when asked for, none with NO_COLOR', async () => {
    const coloured = await runCli(['score', SAMPLE, '--responses', DRILL1], {
      env: { NO_COLOR: '', FORCE_COLOR: '1' },
    });
    expect(coloured.stdout).toContain('\x1b[31m');
    const plain = await runCli(['score', SAMPLE, '--responses', DRILL1], {
      env: { NO_COLOR: '1', FORCE_COLOR: '1' },
    });
    expect(plain.stdout).not.toContain('\x1b[');
  });
  it('several responses files are read together', async () => {
    const dir = tmp();
    const lines = readFileSync(DRILL1, 'utf8').trimEnd().split('\r\n');
    const half = Math.floor(lines.length / 2);
    writeFileSync(join(dir, 'a.csv'), [lines[0], ...lines.slice(1, half)].join('\r\n') + '\r\n');
    writeFileSync(join(dir, 'b.csv'), [lines[0], ...lines.slice(half)].join('\r\n') + '\r\n');
    const whole = await runCli(['score', SAMPLE, '--responses', DRILL1, '--format', 'json']);
    const split = await runCli([
      'score',
      SAMPLE,
      '--responses',
      join(dir, 'a.csv'),
      join(dir, 'b.csv'),
      '--format',
      'json',
    ]);
    const strip = (s: string): unknown =>
      JSON.parse(s, (k, v: unknown) => (k === 'responses' ? undefined : v));
    expect(strip(split.stdout)).toEqual(strip(whole.stdout));
  });
});

describe('hhsurvey score: fieldwork still open', () => {
  it('says so and scores what is there', async () => {
    const dir = tmp();
    const lines = readFileSync(DRILL1, 'utf8').trimEnd().split('\r\n');
    // keep 南全福社区 and 利农社区 only: the other two communities not visited yet
    const kept = lines.filter((l, i) => i === 0 || l.includes('南全福社区') || l.includes('利农社区'));
    writeFileSync(join(dir, 'partial.csv'), kept.join('\r\n') + '\r\n');
    const r = await runCli(['score', SAMPLE, '--responses', join(dir, 'partial.csv'), '--format', 'json']);
    expect(r.stderr).toContain(
      'Fieldwork still open: 32 primary households not yet recorded; scoring what is there.',
    );
    const rep = JSON.parse(r.stdout) as ScoreReport;
    expect(rep.fieldwork_complete).toBe(false);
    expect(rep.strata[2]).toMatchObject({ completes: 0, not_visited: 22, pass: null });
    expect(rep.strata[2]!.indicators[0]).toMatchObject({ rate: null, ci: null, pass: null });
    // the district is the two communities with data
    close(rep.levels.at(-1)!.indicators[0]!.rate, R_LEVELS.awareness!['全福街道']!.p);
    expect(rep.summary.strata_not_judged).toBe(2);
  });
});

describe('hhsurvey score --help', () => {
  it('shows examples and exit codes', async () => {
    const r = await runCli(['score', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain(
      'Exit codes: 0 the standard is met (or --no-fail), 1 an indicator fails, 2 bad input',
    );
  });
});

describe('-o without --format: the format the file name asks for', () => {
  it('score, compare and sample write JSON to .json, HTML to .html, junit to .xml, Markdown to .md', async () => {
    const dir = tmp();
    const o = (f: string) => join(dir, f);
    const score = (out: string) => runCli(['score', SAMPLE, '--responses', DRILL1, '--no-fail', '-o', out]);
    expect((await score(o('r.json'))).code).toBe(0);
    expect((JSON.parse(readFileSync(o('r.json'), 'utf8')) as ScoreReport).format).toBe(
      'hhsurvey-score-report',
    );
    expect((await score(o('r.HTML'))).code).toBe(0);
    expect(readFileSync(o('r.HTML'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect((await score(o('junit.xml'))).code).toBe(0);
    expect(XMLValidator.validate(readFileSync(o('junit.xml'), 'utf8'))).toBe(true);
    expect(readFileSync(o('junit.xml'), 'utf8')).toContain('<testsuites');
    // An extension with no format of its own keeps the default, and --format wins over the name.
    expect((await score(o('r.out'))).code).toBe(0);
    expect(readFileSync(o('r.out'), 'utf8')).toContain('Score rate');
    const given = await runCli([
      'score',
      SAMPLE,
      '--responses',
      DRILL1,
      '--no-fail',
      '--format',
      'md',
      '-o',
      o('x.json'),
    ]);
    expect(given.code).toBe(0);
    expect(readFileSync(o('x.json'), 'utf8')).toMatch(/^# /);

    const cmp = await runCli(['compare', o('r.json'), o('r.json'), '-o', o('trend.md')]);
    expect(cmp.code, cmp.stderr).toBe(0);
    expect(readFileSync(o('trend.md'), 'utf8')).toMatch(/^# /);
    expect((await runCli(['compare', o('r.json'), o('r.json'), '-o', o('trend.json')])).code).toBe(0);
    // A format compare does not have: refused in one line, nothing written.
    const html = await runCli(['compare', o('r.json'), o('r.json'), '-o', o('trend.html')]);
    expect(html.code).toBe(2);
    expect(html.stderr).toMatch(
      /trend\.html: compare writes no \.html format; use a file ending in \.txt, \.json, \.md, \.markdown, or name the format with --format/,
    );
    expect(existsSync(o('trend.html'))).toBe(false);
    // Likewise a sample list named .html and a report named .xlsx.
    const list = await runCli(['sample', 'data/demo/roster.csv', '--seed', 'ext', '-o', o('s.html')]);
    expect(list.code).toBe(2);
    expect(list.stderr).toContain('s.html: sample writes no .html format');
    expect(existsSync(o('s.html'))).toBe(false);
    const book = await score(o('r.xlsx'));
    expect(book.code).toBe(2);
    expect(book.stderr).toContain('r.xlsx: score writes no .xlsx format');
    expect(() => JSON.parse(readFileSync(o('trend.json'), 'utf8')) as unknown).not.toThrow();

    const s = await runCli(['sample', 'data/demo/roster.csv', '--seed', 'ext', '-o', o('s.json')]);
    expect(s.code, s.stderr).toBe(0);
    expect((JSON.parse(readFileSync(o('s.json'), 'utf8')) as { strata: unknown[] }).strata.length).toBe(60);
  });
});
