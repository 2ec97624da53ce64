import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { askedQuestions, classifyIndicator, parseAnswer, type Answers } from './logic.js';
import { parseStandard } from './parse.js';
import type { Indicator } from './schema.js';

const yn = (notSure = true) => [
  { code: 1, zh: '是', en: 'Yes' },
  { code: 2, zh: '否', en: 'No' },
  ...(notSure ? [{ code: 9, zh: '不清楚', en: 'Not sure', not_sure: true }] : []),
];

const standard = parseStandard(
  stringify({
    id: 't',
    name: { zh: '测试', en: 'Test' },
    confidence: 0.95,
    pass_rule: 'point',
    questions: [
      { id: 'a', text: { zh: 'A', en: 'A' }, options: yn() },
      { id: 'b', text: { zh: 'B', en: 'B' }, options: yn(), ask_if: { question: 'a', in: [1] } },
      { id: 'c', text: { zh: 'C', en: 'C' }, options: yn(), ask_if: { question: 'b', in: [1] } },
      { id: 'd', text: { zh: 'D', en: 'D' }, options: yn(false), required: false },
    ],
    indicators: [
      { id: 'one', name: { zh: '一', en: 'One' }, favourable: { question: 'a', in: [1] }, threshold: 0.9 },
      {
        id: 'one_ex',
        name: { zh: '一', en: 'One' },
        favourable: { question: 'a', in: [1] },
        not_sure: 'exclude',
        threshold: 0.9,
      },
      {
        id: 'skip_ex',
        name: { zh: '跳', en: 'Skip' },
        favourable: { question: 'b', in: [1] },
        skipped: 'exclude',
        threshold: 0.9,
      },
      {
        id: 'all',
        name: { zh: '全', en: 'All' },
        favourable: {
          all_of: [
            { question: 'a', in: [1] },
            { question: 'd', in: [1] },
          ],
        },
        not_sure: 'exclude',
        unanswered: 'exclude',
        threshold: 0.9,
      },
      {
        id: 'any',
        name: { zh: '任一', en: 'Any' },
        favourable: {
          any_of: [
            { question: 'a', in: [1] },
            { question: 'd', in: [1] },
          ],
        },
        not_sure: 'exclude',
        threshold: 0.9,
      },
      {
        id: 'two',
        name: { zh: '二', en: 'Two' },
        favourable: {
          at_least: 2,
          of: [
            { question: 'a', in: [1] },
            { question: 'b', in: [1] },
            { question: 'd', in: [1] },
          ],
        },
        not_sure: 'exclude',
        unanswered: 'exclude',
        skipped: 'exclude',
        threshold: 0.9,
      },
    ],
  }),
  't.yaml',
);
const ind = (id: string): Indicator => standard.indicators.find((i) => i.id === id)!;
const ids = (answers: Answers) => askedQuestions(standard, answers).map((q) => q.id);

describe('askedQuestions (skip logic)', () => {
  it('asks a question only when its condition holds, and chains skips', () => {
    expect(ids({})).toEqual(['a', 'd']);
    expect(ids({ a: 1 })).toEqual(['a', 'b', 'd']);
    expect(ids({ a: 2 })).toEqual(['a', 'd']);
    expect(ids({ a: 9 })).toEqual(['a', 'd']);
    expect(ids({ a: 1, b: 1 })).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ a: 1, b: 2, c: 1 })).toEqual(['a', 'b', 'd']);
    // c's condition holds on paper, but b was not asked (a = 2): a stale b answer does not open c.
    expect(ids({ a: 2, b: 1 })).toEqual(['a', 'd']);
  });
});

describe('classifyIndicator', () => {
  it('one question: favourable, not, not sure and unanswered by policy', () => {
    expect(classifyIndicator(ind('one'), { a: 1 })).toBe('favourable');
    expect(classifyIndicator(ind('one'), { a: 2 })).toBe('unfavourable');
    expect(classifyIndicator(ind('one'), { a: 9 })).toBe('unfavourable');
    expect(classifyIndicator(ind('one'), {})).toBe('unfavourable');
    expect(classifyIndicator(ind('one_ex'), { a: 9 })).toBe('excluded');
    // unanswered follows not_sure unless given
    expect(classifyIndicator(ind('one_ex'), {})).toBe('excluded');
    expect(classifyIndicator(ind('one_ex'), { a: 2 })).toBe('unfavourable');
  });
  it('skipped questions count as the indicator says', () => {
    expect(classifyIndicator(ind('skip_ex'), { a: 2 })).toBe('excluded');
    expect(classifyIndicator(ind('skip_ex'), { a: 1, b: 1 })).toBe('favourable');
    expect(classifyIndicator(ind('skip_ex'), { a: 1, b: 2 })).toBe('unfavourable');
    // the stale answer b = 1 does not count when b was not asked
    expect(classifyIndicator(ind('skip_ex'), { a: 2, b: 1 })).toBe('excluded');
  });
  it('all_of: every condition; a "no" decides; unknown otherwise excludes', () => {
    expect(classifyIndicator(ind('all'), { a: 1, d: 1 })).toBe('favourable');
    expect(classifyIndicator(ind('all'), { a: 1, d: 2 })).toBe('unfavourable');
    expect(classifyIndicator(ind('all'), { a: 9, d: 2 })).toBe('unfavourable');
    expect(classifyIndicator(ind('all'), { a: 9, d: 1 })).toBe('excluded');
    expect(classifyIndicator(ind('all'), { a: 1 })).toBe('excluded');
  });
  it('any_of: one "yes" decides; else unknown excludes; else unfavourable', () => {
    expect(classifyIndicator(ind('any'), { a: 2, d: 1 })).toBe('favourable');
    expect(classifyIndicator(ind('any'), { a: 9, d: 1 })).toBe('favourable');
    expect(classifyIndicator(ind('any'), { a: 9, d: 2 })).toBe('excluded');
    expect(classifyIndicator(ind('any'), { a: 2, d: 2 })).toBe('unfavourable');
    // unanswered d follows not_sure (exclude) here
    expect(classifyIndicator(ind('any'), { a: 2 })).toBe('excluded');
  });
  it('at_least k of n: counts yes, and whether unknowns could still reach k', () => {
    expect(classifyIndicator(ind('two'), { a: 1, b: 1, d: 2 })).toBe('favourable');
    expect(classifyIndicator(ind('two'), { a: 1, b: 2, d: 1 })).toBe('favourable');
    expect(classifyIndicator(ind('two'), { a: 1, b: 2, d: 2 })).toBe('unfavourable');
    expect(classifyIndicator(ind('two'), { a: 1, b: 9, d: 2 })).toBe('excluded');
    // b skipped (excluded, unknown): 1 yes + 1 unknown could still make 2
    expect(classifyIndicator(ind('two'), { a: 2, d: 1 })).toBe('excluded');
    // 0 yes + 1 unknown cannot make 2
    expect(classifyIndicator(ind('two'), { a: 2, d: 2 })).toBe('unfavourable');
  });
  it('needs the standard for hand-made indicators', () => {
    const copy = { ...ind('one') };
    expect(() => classifyIndicator(copy, { a: 1 })).toThrow(/pass its standard/);
    expect(classifyIndicator(copy, { a: 1 }, standard)).toBe('favourable');
  });
});

describe('parseAnswer', () => {
  const q = standard.questions[0]!;
  it('takes codes and Chinese or English labels', () => {
    expect(parseAnswer(q, '1')?.code).toBe(1);
    expect(parseAnswer(q, ' 9 ')?.code).toBe(9);
    expect(parseAnswer(q, '否')?.code).toBe(2);
    expect(parseAnswer(q, 'not SURE')?.code).toBe(9);
    expect(parseAnswer(q, '3')).toBeUndefined();
    expect(parseAnswer(q, 'maybe')).toBeUndefined();
    expect(parseAnswer(q, '')).toBeUndefined();
  });
});
