import { describe, expect, it } from 'vitest';
import { loadStandardSync } from '../standard/parse.js';
import { HouseholdForm } from './form.js';

const standard = loadStandardSync(undefined);
const stepId = (f: HouseholdForm) => {
  const s = f.step();
  return s.kind === 'question' ? s.question.id : s.kind;
};

describe('HouseholdForm', () => {
  it('a complete interview walks the asked questions, honouring skips, then the review', () => {
    const f = new HouseholdForm(standard);
    expect(stepId(f)).toBe('disposition');
    f.chooseDisposition('complete');
    const seen: string[] = [];
    for (const code of [1, 1, 2, 1, 2]) {
      seen.push(stepId(f));
      f.answer(code);
    }
    // core_values_heard = 2: core_values_know is not asked
    expect(seen).toEqual([
      'aware_campaign',
      'support_campaign',
      'participate',
      'satisfaction',
      'core_values_heard',
    ]);
    expect(stepId(f)).toBe('review');
    expect(f.finalAnswers()).toEqual({
      aware_campaign: 1,
      support_campaign: 1,
      participate: 2,
      satisfaction: 1,
      core_values_heard: 2,
    });
  });

  it('back steps one question; from the first question back to the disposition', () => {
    const f = new HouseholdForm(standard);
    f.chooseDisposition('complete');
    f.answer(1);
    f.answer(3);
    f.back();
    expect(stepId(f)).toBe('support_campaign');
    f.back();
    expect(stepId(f)).toBe('aware_campaign');
    f.back();
    expect(stepId(f)).toBe('disposition');
    expect(f.answers).toEqual({ aware_campaign: 1, support_campaign: 3 }); // kept as defaults
  });

  it('editing from the review runs through questions the change opened, and drops ones it closed', () => {
    const f = new HouseholdForm(standard);
    f.chooseDisposition('complete');
    for (const c of [1, 1, 1, 1, 2]) f.answer(c);
    expect(stepId(f)).toBe('review');
    f.edit(4); // core_values_heard
    f.answer(1); // now heard: core_values_know opens
    expect(stepId(f)).toBe('core_values_know');
    f.answer(2);
    expect(stepId(f)).toBe('review');
    f.edit(0);
    f.answer(2);
    expect(stepId(f)).toBe('review'); // nothing new opened
    f.edit(4);
    f.answer(2); // closes core_values_know again
    expect(stepId(f)).toBe('review');
    expect(f.finalAnswers()).not.toHaveProperty('core_values_know');
  });

  it('non-interviews go straight to the review and save no answers', () => {
    const f = new HouseholdForm(standard);
    f.chooseDisposition('refused');
    expect(stepId(f)).toBe('review');
    expect(f.finalAnswers()).toEqual({});
    f.back();
    expect(stepId(f)).toBe('disposition');
  });

  it('a partial interview may leave questions unanswered; a complete one may not', () => {
    const f = new HouseholdForm(standard);
    f.chooseDisposition('partial');
    const q = standard.questions[0]!;
    expect(f.mayLeaveUnanswered(q)).toBe(true);
    f.answer(undefined);
    expect(stepId(f)).toBe('support_campaign');
    const g = new HouseholdForm(standard);
    g.chooseDisposition('complete');
    expect(g.mayLeaveUnanswered(q)).toBe(false);
    expect(g.missingRequired().map((x) => x.id)).toContain('aware_campaign');
  });
});
