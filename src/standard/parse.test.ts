/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return --
   tests break a plain-data standard one field at a time */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatProblem, UserError } from '../core/errors.js';
import { builtinStandardText } from './load.js';
import { loadStandardSync } from './parse.js';
import { parseStandard } from './parse.js';

/** A small valid standard as plain data, for tests to break one field at a time. */
function base(): Record<string, any> {
  return {
    id: 'mini',
    name: { zh: '小标准', en: 'Mini' },
    confidence: 0.95,
    pass_rule: 'point',
    questions: [
      {
        id: 'q1',
        text: { zh: '知道吗？', en: 'Know?' },
        options: [
          { code: 1, zh: '知道', en: 'Yes' },
          { code: 2, zh: '不知道', en: 'No' },
          { code: 9, zh: '不清楚', en: 'Not sure', not_sure: true },
        ],
      },
      {
        id: 'q2',
        text: { zh: '参加过吗？', en: 'Took part?' },
        ask_if: { question: 'q1', in: [1] },
        options: [
          { code: 1, zh: '参加过', en: 'Yes' },
          { code: 2, zh: '没参加过', en: 'No' },
        ],
      },
    ],
    indicators: [
      {
        id: 'aware',
        name: { zh: '知晓率', en: 'Awareness' },
        favourable: { question: 'q1', in: [1] },
        threshold: 0.9,
      },
    ],
  };
}

/** The problems reported for a document, as printed lines. */
function problems(doc: unknown): string[] {
  try {
    parseStandard(typeof doc === 'string' ? doc : stringify(doc), 's.yaml');
  } catch (err) {
    if (err instanceof UserError) return err.problems.map(formatProblem);
    throw err;
  }
  return [];
}

function withChange(change: (d: Record<string, any>) => void): string[] {
  const d = base();
  change(d);
  return problems(d);
}

describe('parseStandard: a valid standard', () => {
  it('fills in defaults', () => {
    const s = parseStandard(stringify(base()), 's.yaml');
    expect(s.questions[0]!.required).toBe(true);
    expect(s.questions[0]!.options[0]!.not_sure).toBe(false);
    expect(s.indicators[0]).toMatchObject({
      not_sure: 'not_favourable',
      unanswered: 'not_favourable',
      skipped: 'not_favourable',
    });
  });
  it('takes unanswered from not_sure unless given', () => {
    const s = parseStandard(
      stringify({ ...base(), indicators: [{ ...base().indicators[0], not_sure: 'exclude' }] }),
      's.yaml',
    );
    expect(s.indicators[0]!.unanswered).toBe('exclude');
  });
  it('reads JSON too', () => {
    expect(parseStandard(JSON.stringify(base()), 's.json').id).toBe('mini');
  });
  it('the built-in national-mock standard is valid and labels its thresholds as drill defaults', () => {
    const s = loadStandardSync(undefined);
    expect(s.id).toBe('national-mock');
    expect(s.indicators.map((i) => i.id)).toEqual([
      'awareness',
      'support',
      'participation',
      'satisfaction',
      'core_values',
    ]);
    expect(s.indicators.map((i) => i.name.zh)).toEqual([
      '知晓率',
      '支持率',
      '参与率',
      '满意度',
      '社会主义核心价值观知晓率',
    ]);
    expect(s.note?.zh).toMatch(/演练默认值/);
    expect(builtinStandardText()).toMatch(/DRILL DEFAULTS/);
    const sat = s.indicators.find((i) => i.id === 'satisfaction')!;
    const q = s.questions.find((x) => x.id === 'satisfaction')!;
    const fav = (sat.favourable as { in: number[] }).in.map((c) => q.options.find((o) => o.code === c)!.zh);
    expect(fav).toEqual(['满意', '基本满意']);
    for (const ind of s.indicators) expect(ind.threshold).toBeGreaterThan(0.5);
  });
});

describe('parseStandard: every schema message, with its path and line', () => {
  it('points at the line of the bad value', () => {
    const text = stringify(base()).replace('threshold: 0.9', 'threshold: 1.5');
    const line = text.split('\n').findIndex((l) => l.includes('threshold: 1.5')) + 1;
    expect(problems(text)).toEqual([
      `s.yaml:${line}: indicators[0].threshold: must be between 0 and 1, got 1.5`,
    ]);
  });
  it.each([
    [(d: any) => (d.confidence = 1), 'confidence: must be between 0 and 1 (exclusive), got 1'],
    [(d: any) => (d.confidence = 'high'), 'confidence: must be a number, got "high"'],
    [(d: any) => (d.pass_rule = 'mean'), 'pass_rule: must be point or lower_bound, got "mean"'],
    [(d: any) => delete d.name, 'name: required'],
    [(d: any) => (d.name = 'x'), 'name: must be a mapping { zh, en }, got "x"'],
    [(d: any) => (d.name.zh = ' '), 'name.zh: must not be empty'],
    [(d: any) => (d.id = 'a b'), 'id: must hold only letters, digits, - and _, got "a b"'],
    [(d: any) => (d.questions = []), 'questions: must hold at least one question'],
    [(d: any) => (d.indicators = {}), 'indicators: must be a list of indicators, got a mapping'],
    [
      (d: any) => (d.questions[0].id = 'Q-1'),
      'questions[0].id: must start with a lower-case letter and hold only a-z, 0-9 and _, got "Q-1"',
    ],
    [
      (d: any) => (d.questions[0].options = [d.questions[0].options[0]]),
      'questions[0].options: a single-choice question needs at least 2 options',
    ],
    [
      (d: any) => (d.questions[0].options[0].code = 1.5),
      'questions[0].options[0].code: must be a whole number between 0 and 9999, got 1.5',
    ],
    [
      (d: any) => (d.questions[0].options[0].code = '1'),
      'questions[0].options[0].code: must be a whole number, got "1"',
    ],
    [
      (d: any) => (d.questions[0].options[2].not_sure = 'yes'),
      'questions[0].options[2].not_sure: must be true or false, got "yes"',
    ],
    [(d: any) => (d.questions[0].colour = 'red'), 'questions[0].colour: unknown field (misspelt?)'],
    [
      (d: any) => (d.indicators[0].not_sure = 'ignore'),
      'indicators[0].not_sure: must be not_favourable or exclude, got "ignore"',
    ],
    [(d: any) => (d.indicators[0].points = -1), 'indicators[0].points: must be 0 or more, got -1'],
    [(d: any) => delete d.indicators[0].threshold, 'indicators[0].threshold: required'],
    [
      (d: any) => (d.indicators[0].favourable = {}),
      'indicators[0].favourable: give one of: question + in, all_of, any_of, or at_least + of',
    ],
    [
      (d: any) =>
        (d.indicators[0].favourable = { question: 'q1', in: [1], any_of: [{ question: 'q1', in: [1] }] }),
      'indicators[0].favourable: give only one of: question + in, all_of, any_of, or at_least + of (got question, any_of)',
    ],
    [
      (d: any) => (d.indicators[0].favourable = { question: 'q1' }),
      'indicators[0].favourable: question and in go together',
    ],
    [
      (d: any) => (d.indicators[0].favourable = { of: [{ question: 'q1', in: [1] }] }),
      'indicators[0].favourable: at_least and of go together',
    ],
    [
      (d: any) => (d.indicators[0].favourable = { question: 'q1', in: [] }),
      'indicators[0].favourable.in: must list at least one option code',
    ],
  ])('%#: %s', (change, message) => {
    // The first problem is the one under test (a broken question can also leave references to it dangling).
    const out = withChange(change);
    expect(out[0]!.replace(/^s\.yaml:\d+: /, '')).toBe(message);
  });
});

describe('parseStandard: cross-references', () => {
  it.each([
    [
      (d: any) => {
        d.questions[1].id = 'q1';
        delete d.questions[1].ask_if;
      },
      'questions[1].id: duplicate question id "q1" (also questions[0])',
    ],
    [
      (d: any) => (d.questions[1].id = 'note'),
      'questions[1].id: "note" is a column of the responses file; choose another id',
    ],
    [
      (d: any) => (d.questions[0].options[1].code = 1),
      'questions[0].options[1].code: duplicate option code 1 (also options[0])',
    ],
    [
      (d: any) => (d.questions[0].options[1].en = 'yes '),
      'questions[0].options[1].en: duplicate option label "yes " (also options[0])',
    ],
    [
      (d: any) => (d.questions[0].options[1].zh = '1'),
      'questions[0].options[1].zh: a label that is a number must be the option\'s own code, got "1"',
    ],
    [
      (d: any) => (d.questions[0].options[1].not_sure = true),
      'questions[0].options[2].not_sure: only one option can be "not sure" (also options[1])',
    ],
    [
      (d: any) => (d.questions[1].ask_if.question = 'q9'),
      'questions[1].ask_if.question: unknown question id "q9"',
    ],
    [
      (d: any) => (d.questions[1].ask_if.question = 'q2'),
      'questions[1].ask_if.question: a question cannot depend on itself',
    ],
    [
      (d: any) => (d.questions[1].ask_if.in = [1, 5]),
      'questions[1].ask_if.in[1]: 5 is not an option of "q1" (options: 1, 2, 9)',
    ],
    [
      (d: any) => {
        d.questions[0].ask_if = { question: 'q2', in: [1] };
        delete d.questions[1].ask_if;
      },
      'questions[0].ask_if.question: "q2" comes later (questions[1]); a skip condition must refer to an earlier question',
    ],
    [
      (d: any) => d.indicators.push({ ...d.indicators[0] }),
      'indicators[1].id: duplicate indicator id "aware" (also indicators[0])',
    ],
    [
      (d: any) => (d.indicators[0].favourable.question = 'q7'),
      'indicators[0].favourable.question: unknown question id "q7"',
    ],
    [
      (d: any) => (d.indicators[0].favourable.in = [1, 3]),
      'indicators[0].favourable.in[1]: 3 is not an option of "q1" (options: 1, 2, 9)',
    ],
    [
      (d: any) => (d.indicators[0].favourable.in = [1, 9]),
      'indicators[0].favourable.in: the "not sure" answer 9 (不清楚) cannot be favourable; use not_sure: to say how it counts',
    ],
    [
      (d: any) =>
        (d.indicators[0].favourable = {
          all_of: [
            { question: 'q1', in: [1] },
            { question: 'q3', in: [1] },
          ],
        }),
      'indicators[0].favourable.all_of[1].question: unknown question id "q3"',
    ],
    [
      (d: any) =>
        (d.indicators[0].favourable = {
          any_of: [
            { question: 'q1', in: [1] },
            { question: 'q1', in: [2] },
          ],
        }),
      'indicators[0].favourable.any_of[1].question: question "q1" is used twice in this rule',
    ],
    [
      (d: any) =>
        (d.indicators[0].favourable = {
          at_least: 3,
          of: [
            { question: 'q1', in: [1] },
            { question: 'q2', in: [1] },
          ],
        }),
      'indicators[0].favourable.at_least: must be between 1 and 2 (the number of conditions), got 3',
    ],
  ])('%#: %s', (change, message) => {
    const out = withChange(change);
    expect(out.map((l) => l.replace(/^s\.yaml:\d+: /, ''))).toEqual([message]);
  });

  it('reports every problem at once, in line order', () => {
    const out = withChange((d) => {
      d.confidence = 2;
      d.questions[0].options[1].code = 1;
      d.indicators[0].threshold = -0.1;
      d.indicators.push({
        id: 'p',
        name: { zh: '参与率', en: 'P' },
        favourable: { question: 'zz', in: [1] },
        threshold: 0.8,
      });
    });
    expect(out).toHaveLength(4);
    const lines = out.map((l) => Number(/^s\.yaml:(\d+):/.exec(l)![1]));
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problems('id: x\nname: [unclosed\n')).toEqual([expect.stringMatching(/^s\.yaml:\d+: /)]);
    expect(problems('id: a\nid: b\n')[0]).toMatch(/^s\.yaml:2: .*[Mm]ap keys must be unique/);
  });

  it('a document that is not a mapping', () => {
    expect(problems('- 1\n- 2\n')).toEqual([
      's.yaml:1: a standard must be a mapping (id, name, questions, indicators...), got a list',
    ]);
  });
});
