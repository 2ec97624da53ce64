import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { rm } from './render.messages.js';
import { findQuestion } from './logic.js';
import type { Condition, Indicator, LocalText, Policy, Question, Standard } from './schema.js';
import { formatPercent } from '../core/percent.js';

/** A standard as readable text, in Chinese or English (`hhsurvey standard show`). */

function local(lang: Lang, x: LocalText): string {
  return x[lang];
}

function pct(x: number): string {
  return formatPercent(x, 2, true);
}

function answerList(lang: Lang, q: Question | undefined, codes: number[]): string {
  return codes
    .map((c) => {
      const o = q?.options.find((x) => x.code === c);
      return o ? `${c} ${local(lang, o)}` : String(c);
    })
    .join(t(lang, rm.listSep));
}

export function describeCondition(standard: Standard, c: Condition, lang: Lang): string {
  const q = findQuestion(standard, c.question);
  return t(lang, rm.condition, { question: c.question, answers: answerList(lang, q, c.in) });
}

export function describeFavourable(standard: Standard, ind: Indicator, lang: Lang): string {
  const f = ind.favourable;
  const list = (cs: Condition[]) =>
    cs.map((c) => describeCondition(standard, c, lang)).join(t(lang, rm.conditionSep));
  if ('all_of' in f) return t(lang, rm.allOf, { list: list(f.all_of) });
  if ('any_of' in f) return t(lang, rm.anyOf, { list: list(f.any_of) });
  if ('of' in f) return t(lang, rm.atLeast, { n: f.at_least, list: list(f.of) });
  return describeCondition(standard, f, lang);
}

function policyText(lang: Lang, p: Policy): string {
  return t(lang, p === 'exclude' ? rm.exclude : rm.unfavourable);
}

export function formatStandard(standard: Standard, lang: Lang): string {
  const lines: string[] = [];
  lines.push(
    `${local(lang, standard.name)}  [${standard.id}${standard.version ? ` ${standard.version}` : ''}]`,
  );
  if (standard.note) lines.push(t(lang, rm.note, { text: local(lang, standard.note) }));
  lines.push(
    t(lang, rm.confidence, {
      level: pct(standard.confidence),
      rule: t(lang, standard.pass_rule === 'point' ? rm.rulePoint : rm.ruleLowerBound),
    }),
  );
  if (standard.eligibility) lines.push(t(lang, rm.respondent, { text: local(lang, standard.eligibility) }));
  lines.push('', t(lang, rm.questionnaire, { n: standard.questions.length }));
  standard.questions.forEach((q, i) => {
    lines.push(`  ${i + 1}. [${q.id}] ${local(lang, q.text)}`);
    const opts = q.options
      .map((o) => `${o.code} ${local(lang, o)}${o.not_sure ? t(lang, rm.notReadOut) : ''}`)
      .join('   ');
    lines.push(`       ${opts}`);
    if (q.ask_if) {
      const dep = findQuestion(standard, q.ask_if.question);
      const answers = answerList(lang, dep, q.ask_if.in);
      lines.push(`       ${t(lang, rm.askedIf, { question: q.ask_if.question, answers })}`);
    }
    if (!q.required) lines.push(`       ${t(lang, rm.optional)}`);
    if (q.note) lines.push(`       ${local(lang, q.note)}`);
  });
  lines.push('', t(lang, rm.indicators, { n: standard.indicators.length }));
  const totalPoints = standard.indicators.reduce((s, i) => s + (i.points ?? 0), 0);
  for (const ind of standard.indicators) {
    const pts = ind.points !== undefined ? `  ${t(lang, rm.points, { n: ind.points })}` : '';
    const threshold = t(lang, rm.threshold, { level: pct(ind.threshold) });
    lines.push(`  ${local(lang, ind.name)} [${ind.id}]  ${threshold}${pts}`);
    lines.push(`       ${t(lang, rm.favourable, { text: describeFavourable(standard, ind, lang) })}`);
    const policies = t(lang, rm.policies, {
      notSure: policyText(lang, ind.not_sure),
      unanswered: policyText(lang, ind.unanswered),
      skipped: policyText(lang, ind.skipped),
    });
    lines.push(`       ${policies}`);
    if (ind.note) lines.push(`       ${local(lang, ind.note)}`);
  }
  if (totalPoints > 0) lines.push('', t(lang, rm.totalPoints, { n: totalPoints }));
  return lines.join('\n') + '\n';
}
