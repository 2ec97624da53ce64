import { describe, expect, it } from 'vitest';
import { compareReports } from './compare-reports.js';
import { scoreAssessment } from './score-assessment.js';
import { buildScoreInput, SPECS } from './fixtures.js';

const first = scoreAssessment(buildScoreInput(SPECS));
const second = scoreAssessment(
  buildScoreInput(
    SPECS.map((s) => (s.key === 'D' ? { ...s, aware: 10 } : s.key === 'B' ? { ...s, aware: 11 } : s)),
  ),
);

describe('compareReports', () => {
  const c = compareReports([
    { file: 'a.json', report: first },
    { file: 'b.json', report: second },
  ]);
  it('lines up communities, streets and overall per indicator', () => {
    expect(c.rows.map((r) => `${r.level}:${r.group}:${r.indicator}`).slice(0, 2)).toEqual([
      'stratum:A:awareness',
      'stratum:A:participation',
    ]);
    expect(c.rows).toHaveLength((4 + 2 + 1) * 2);
    expect(c.rows.at(-1)).toMatchObject({ level: 'overall', group: 'overall', indicator: 'participation' });
  });
  it("tests a community with Newcombe's interval: 6/10 → 10/10 is better (p = 0.0317)", () => {
    const d = c.rows.find((r) => r.group === 'D' && r.indicator === 'awareness')!;
    expect(d.points.map((p) => p.rate)).toEqual([0.6, 1]);
    expect(d.change!.difference).toBeCloseTo(0.4, 15);
    // examples/stats/compare.R: Newcombe method 10, 0.0384 to 0.6873, dual p = 0.0316891542231926
    expect(Math.abs(d.change!.p_value - 0.0316891542231926)).toBeLessThan(1e-12);
    expect(Math.abs(d.change!.ci[0] - 0.038385820888002)).toBeLessThan(1e-12);
    expect(d.points.map((p) => p.population)).toEqual([80, 80]);
    expect(d).toMatchObject({ direction: 'better' });
    const b = c.rows.find((r) => r.group === 'B' && r.indicator === 'awareness')!;
    expect(b.direction).toBe('unclear'); // 15/20 → 11/20
    const a = c.rows.find((r) => r.group === 'A' && r.indicator === 'awareness')!;
    expect(a.change).toMatchObject({ difference: 0, p_value: 1, significant: false });
    expect(a.direction).toBe('unclear');
  });
  it('keeps one step per pair of drills and summarises', () => {
    const three = compareReports([
      { file: 'a', report: first },
      { file: 'b', report: second },
      { file: 'c', report: first },
    ]);
    expect(three.rows[0]!.steps).toHaveLength(2);
    const d = three.rows.find((r) => r.group === 'D' && r.indicator === 'awareness')!;
    expect(d.steps[0]!.significant).toBe(true);
    expect(d.steps[1]!.difference).toBeCloseTo(-0.4, 15);
    expect(d.change!.difference).toBe(0);
    expect(c.summary.better).toBeGreaterThan(0);
  });
  it('a community missing from a drill is not comparable', () => {
    const fewer = scoreAssessment(buildScoreInput(SPECS.filter((s) => s.key !== 'D')));
    const r = compareReports([
      { file: 'a', report: first },
      { file: 'b', report: fewer },
    ]);
    const d = r.rows.find((x) => x.group === 'D' && x.indicator === 'awareness')!;
    expect(d.points[1]!.rate).toBeNull();
    expect(d).toMatchObject({ change: null, direction: 'none' });
  });
});
