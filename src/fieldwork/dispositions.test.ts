import { describe, expect, it } from 'vitest';
import {
  con1,
  coop1,
  coop2,
  countDispositions,
  DISPOSITIONS,
  estimateEligibility,
  isFinal,
  outcomeRates,
  parseDisposition,
  ref1,
  rr1,
  rr2,
  rr3,
  rr4,
  rr5,
  rr6,
  type DispositionToken,
} from './dispositions.js';

describe('dispositions', () => {
  it('map every token to its AAPOR code, group and labels', () => {
    expect(DISPOSITIONS.map((d) => [d.token, d.aapor, d.category, d.zh])).toEqual([
      ['complete', '1.1', 'I', '完成'],
      ['partial', '1.2', 'P', '部分完成'],
      ['refused', '2.11', 'R', '拒访'],
      ['break_off', '2.12', 'R', '中途拒绝'],
      ['not_home', '2.23', 'NC', '无人在家'],
      ['unable', '2.32', 'O', '无法应答'],
      ['language', '2.33', 'O', '语言障碍'],
      ['not_found', '3.18', 'UH', '地址未找到'],
      ['not_dwelling', '4.5', 'NE', '非住宅'],
      ['vacant', '4.6', 'NE', '空置'],
      ['no_eligible', '4.7', 'NE', '无合格受访者'],
    ]);
    expect(new Set(DISPOSITIONS.map((d) => d.key)).size).toBe(DISPOSITIONS.length);
  });
  it('parse tokens, Chinese and English labels and AAPOR codes', () => {
    expect(parseDisposition('break_off')?.token).toBe('break_off');
    expect(parseDisposition('拒访')?.token).toBe('refused');
    expect(parseDisposition(' 无人在家 ')?.token).toBe('not_home');
    expect(parseDisposition('Break-off')?.token).toBe('break_off');
    expect(parseDisposition('Nobody home')?.token).toBe('not_home');
    expect(parseDisposition('4.6')?.token).toBe('vacant');
    expect(parseDisposition('COMPLETE')?.token).toBe('complete');
    expect(parseDisposition('done')).toBeUndefined();
    expect(parseDisposition('')).toBeUndefined();
  });
  it('nobody home is final only after the last allowed visit', () => {
    expect(isFinal('not_home', 1, 1)).toBe(true);
    expect(isFinal('not_home', 1, 3)).toBe(false);
    expect(isFinal('not_home', 3, 3)).toBe(true);
    expect(isFinal('refused', 1, 3)).toBe(true);
  });
});

describe('AAPOR outcome rates', () => {
  // Hand-worked case: 40 households visited.
  // I=20 complete, P=2 partial, R=5 (4 refused + 1 break-off), NC=4, O=3 (2 unable + 1 language),
  // UH=2 address not found, NE=4 (2 vacant, 1 not a dwelling, 1 no eligible respondent).
  const tokens: DispositionToken[] = [
    ...Array<DispositionToken>(20).fill('complete'),
    ...Array<DispositionToken>(2).fill('partial'),
    ...Array<DispositionToken>(4).fill('refused'),
    'break_off',
    ...Array<DispositionToken>(4).fill('not_home'),
    'unable',
    'unable',
    'language',
    'not_found',
    'not_found',
    'vacant',
    'vacant',
    'not_dwelling',
    'no_eligible',
  ];
  const c = countDispositions(tokens);

  it('count by group', () => {
    expect(c).toEqual({ I: 20, P: 2, R: 5, NC: 4, O: 3, UH: 2, UO: 0, NE: 4 });
  });
  it('match the hand-worked values', () => {
    // all eligible + unknown = 22 + 12 + 2 = 36
    expect(rr1(c)).toBeCloseTo(20 / 36, 12);
    expect(rr2(c)).toBeCloseTo(22 / 36, 12);
    // e = 34 / (34 + 4) = 17/19; denominator 34 + 2·17/19 = 680/19
    expect(estimateEligibility(c)).toBeCloseTo(34 / 38, 12);
    expect(rr3(c)).toBeCloseTo(20 / (34 + (2 * 34) / 38), 12);
    expect(rr3(c)).toBeCloseTo(0.5588235294117647, 12); // 20 · 19/680 = 19/34
    expect(rr4(c)).toBeCloseTo(22 / (34 + (2 * 34) / 38), 12);
    expect(rr3(c, 0.5)).toBeCloseTo(20 / 35, 12);
    expect(rr5(c)).toBeCloseTo(20 / 34, 12);
    expect(rr6(c)).toBeCloseTo(22 / 34, 12);
    // COOP1 = 20 / (22 + 5 + 3) = 2/3
    expect(coop1(c)).toBeCloseTo(2 / 3, 12);
    expect(coop2(c)).toBeCloseTo(22 / 30, 12);
    expect(ref1(c)).toBeCloseTo(5 / 36, 12);
    expect(con1(c)).toBeCloseTo(30 / 36, 12);
  });
  it('order as the definitions imply: RR1 <= RR3 <= RR5, RR2 <= RR4 <= RR6, RRn <= RRn+1', () => {
    const r = outcomeRates(c);
    expect(r.rr1!).toBeLessThanOrEqual(r.rr3!);
    expect(r.rr3!).toBeLessThanOrEqual(r.rr5!);
    expect(r.rr2!).toBeLessThanOrEqual(r.rr4!);
    expect(r.rr4!).toBeLessThanOrEqual(r.rr6!);
    expect(r.rr1!).toBeLessThanOrEqual(r.rr2!);
  });
  it('are null, not NaN, when nothing is in the denominator', () => {
    const none = countDispositions([]);
    expect(rr1(none)).toBeNull();
    expect(coop1(none)).toBeNull();
    const onlyIneligible = countDispositions(['vacant']);
    expect(rr1(onlyIneligible)).toBeNull();
    expect(estimateEligibility(onlyIneligible)).toBe(0);
  });
  it('every complete: 1; a 22-household community with 2 refusals replaced: RR1 on the original sample 20/22', () => {
    expect(rr1(countDispositions(['complete', 'complete']))).toBe(1);
    const orig = countDispositions([...Array<DispositionToken>(20).fill('complete'), 'refused', 'refused']);
    expect(rr1(orig)).toBeCloseTo(20 / 22, 12);
    expect(coop1(orig)).toBeCloseTo(20 / 22, 12);
  });
});
