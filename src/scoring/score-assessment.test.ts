import { describe, expect, it } from 'vitest';
import { scoreAssessment, makeJudge } from './score-assessment.js';
import { buildScoreInput as build, SPECS, standard } from './fixtures.js';

function close(actual: number | null | undefined, expected: number, tol = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThan(tol);
}

describe('scoreAssessment', () => {
  const report = scoreAssessment(build(SPECS));

  it('counts and rates per stratum × indicator', () => {
    const a = report.strata.find((s) => s.stratum === 'A')!;
    expect(a).toMatchObject({
      population: 300,
      sampled: 22,
      reserves: 2,
      reserves_used: 2,
      completes: 22,
      not_visited: 0,
    });
    expect(a.dispositions).toMatchObject({ complete: 22, refused: 1, not_home: 1 });
    const aw = a.indicators[0]!;
    expect(aw).toMatchObject({
      id: 'awareness',
      favourable: 20,
      eligible: 22,
      excluded: 0,
      threshold: 0.9,
      pass: true,
    });
    close(aw.rate, 20 / 22, 1e-15);
    // sqrt((1 − 22/300)·p(1−p)/21) = SE(svymean) in R: 0.060389222484751
    close(aw.se, 0.060389222484751);
    // prop.test(20, 22, correct = FALSE): 0.721850531583942 0.974704571009005
    close(aw.ci![0], 0.721850531583942);
    close(aw.ci![1], 0.974704571009005);
    expect(aw.too_close).toBe(true);
    const part = a.indicators[1]!;
    // 2 not sure excluded: 12 / 20
    expect(part).toMatchObject({ favourable: 12, eligible: 20, excluded: 2, pass: true });
    close(part.rate, 0.6, 1e-15);
    close(part.se, Math.sqrt(((1 - 20 / 300) * 0.6 * 0.4) / 19), 1e-15);
  });

  it('response rates on the primaries: RR1 = I/(I+R+NC), COOP1 = I/(I+R)', () => {
    const a = report.strata.find((s) => s.stratum === 'A')!;
    // primaries: 20 complete, 1 refused, 1 nobody home
    close(a.response_rate.rr1, 20 / 22, 1e-15);
    close(a.response_rate.coop1, 20 / 21, 1e-15);
  });

  it('fails a stratum below the threshold', () => {
    const d = report.strata.find((s) => s.stratum === 'D')!;
    expect(d.indicators[0]).toMatchObject({ rate: 0.6, pass: false });
    expect(d.pass).toBe(false);
    // participation in D: 5 favourable of 5 eligible (5 not sure excluded)
    expect(d.indicators[1]).toMatchObject({
      favourable: 5,
      eligible: 5,
      excluded: 5,
      rate: 1,
      se: 0,
      pass: true,
    });
    expect(report.pass).toBe(false);
    expect(report.summary).toMatchObject({ strata: 4, strata_failed: 2, indicators_failed: 2 });
  });

  it('rolls up streets and overall as svymean + svyciprop(beta) do (R values)', () => {
    expect(report.levels.map((l) => `${l.level}:${l.group}`)).toEqual([
      'street:S1',
      'street:S2',
      'overall:overall',
    ]);
    const [s1, s2, all] = report.levels as [
      (typeof report.levels)[0],
      (typeof report.levels)[0],
      (typeof report.levels)[0],
    ];
    close(s1.indicators[0]!.rate, 0.856060606060606);
    close(s1.indicators[0]!.se, 0.05070619548843);
    close(s1.indicators[0]!.ci![0], 0.724374537375921);
    close(s1.indicators[0]!.ci![1], 0.940648196607699);
    expect(s1.indicators[0]).toMatchObject({ df: 40, strata_used: 2, favourable: 35, eligible: 42 });
    close(s2.indicators[0]!.rate, 0.944827586206896);
    close(s2.indicators[0]!.ci![0], 0.886670759236179);
    close(all.indicators[0]!.rate, 0.906045895851721);
    close(all.indicators[0]!.se, 0.025130159448572);
    close(all.indicators[0]!.ci![0], 0.843658125162982);
    close(all.indicators[0]!.ci![1], 0.949527525271963);
    expect(all.indicators[0]!.df).toBe(70);
    expect(all.population).toBe(1030);
  });

  it('roll-up participation by hand: m_h are the eligible (not excluded) respondents', () => {
    const all = report.levels.at(-1)!;
    const parts = [
      { N: 300, m: 20, x: 12 },
      { N: 150, m: 20, x: 10 },
      { N: 500, m: 22, x: 11 },
      { N: 80, m: 5, x: 5 },
    ];
    const N = 1030;
    const p = parts.reduce((a, s) => a + (s.N / N) * (s.x / s.m), 0);
    const v = parts.reduce((a, s) => {
      const ph = s.x / s.m;
      return a + (s.N / N) ** 2 * (1 - s.m / s.N) * ((ph * (1 - ph)) / (s.m - 1));
    }, 0);
    close(all.indicators[1]!.rate, p, 1e-12);
    close(all.indicators[1]!.se, Math.sqrt(v), 1e-12);
    expect(all.indicators[1]!.df).toBe(67 - 4);
  });

  it('score rate: Σ points × rate / Σ points', () => {
    const a = report.strata.find((s) => s.stratum === 'A')!;
    close(a.score!.earned, 60 * (20 / 22) + 40 * 0.6, 1e-12);
    expect(a.score!.possible).toBe(100);
    close(a.score!.rate, (60 * (20 / 22) + 40 * 0.6) / 100, 1e-12);
  });

  it('clopper-pearson on request', () => {
    const r = scoreAssessment(build(SPECS, { ciMethod: 'clopper-pearson' }));
    const aw = r.strata[0]!.indicators[0]!;
    // binom.test(20, 22): 0.708387258446067 0.988794413975849
    close(aw.ci![0], 0.708387258446067);
    close(aw.ci![1], 0.988794413975849);
    expect(r.ci_method).toBe('clopper-pearson');
  });

  it('lower-bound rule fails what the interval cannot confirm', () => {
    const r = scoreAssessment(build(SPECS, { standard: { ...standard, pass_rule: 'lower_bound' } }));
    const c = r.strata.find((s) => s.stratum === 'C')!;
    expect(c.indicators[0]).toMatchObject({ rate: 1, pass: false, too_close: true });
  });

  it('passes when every judged indicator passes, at every level', () => {
    const r = scoreAssessment(build(SPECS.filter((s) => s.key === 'C')));
    expect(r.pass).toBe(true);
    expect(r.levels.map((l) => l.level)).toEqual(['street', 'overall']);
  });
});

describe('fieldwork still open', () => {
  it('scores what is there and says which primaries are not visited', () => {
    const r = scoreAssessment(
      build([
        { key: 'A', street: 'S1', population: 300, completes: 10, aware: 10, part: [10, 0], open: 12 },
        { key: 'B', street: 'S1', population: 150, completes: 0, aware: 0, part: [0, 0], open: 20 },
      ]),
    );
    expect(r.fieldwork_complete).toBe(false);
    const [a, b] = r.strata;
    expect(a).toMatchObject({ completes: 10, not_visited: 12, pass: true });
    expect(b).toMatchObject({ completes: 0, not_visited: 20, pass: null, score: null });
    expect(b!.indicators[0]).toMatchObject({ rate: null, se: null, ci: null, pass: null, too_close: false });
    expect(b!.response_rate).toEqual({ rr1: null, coop1: null });
    const all = r.levels.at(-1)!;
    // B has nobody to count: the roll-up is A alone, with A's N.
    expect(all.indicators[0]).toMatchObject({ rate: 1, strata_used: 1 });
    expect(r.pass).toBe(true);
    expect(r.summary.strata_not_judged).toBe(1);
  });
  it('nothing recorded at all: nothing judged, no pass', () => {
    const r = scoreAssessment(
      build([{ key: 'A', street: 'S1', population: 300, completes: 0, aware: 0, part: [0, 0], open: 22 }]),
    );
    expect(r.pass).toBe(false);
    expect(r.strata[0]!.pass).toBeNull();
    expect(r.levels.at(-1)!.indicators[0]!.rate).toBeNull();
  });
});

describe('judge', () => {
  it('meets a threshold exactly (18/20 = 0.9), too close when the interval holds it', () => {
    const point = makeJudge('point');
    expect(point(18 / 20, [0.7, 0.97], 0.9)).toEqual({ pass: true, too_close: true });
    expect(point(0.85, [0.7, 0.89], 0.9)).toEqual({ pass: false, too_close: false });
    const lb = makeJudge('lower_bound');
    expect(lb(0.99, [0.91, 1], 0.9)).toEqual({ pass: true, too_close: false });
    expect(lb(0.95, [0.85, 1], 0.9)).toEqual({ pass: false, too_close: true });
  });
});
