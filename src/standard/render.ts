import { say, type Lang } from '../core/i18n.js';
import { findQuestion } from './logic.js';
import type { Condition, Indicator, LocalText, Policy, Question, Standard } from './schema.js';
import { formatPercent } from '../core/percent.js';

/** A standard as readable text, in Chinese or English (`hhsurvey standard show`). */

function t(lang: Lang, x: LocalText): string {
  return x[lang];
}

function pct(x: number): string {
  return formatPercent(x, 2, true);
}

function answerList(lang: Lang, q: Question | undefined, codes: number[]): string {
  return codes
    .map((c) => {
      const o = q?.options.find((x) => x.code === c);
      return o ? `${c} ${t(lang, o)}` : String(c);
    })
    .join(say(lang, '、', ', '));
}

export function describeCondition(standard: Standard, c: Condition, lang: Lang): string {
  const q = findQuestion(standard, c.question);
  return `${c.question} ${say(lang, '为', '=')} ${answerList(lang, q, c.in)}`;
}

export function describeFavourable(standard: Standard, ind: Indicator, lang: Lang): string {
  const f = ind.favourable;
  const list = (cs: Condition[]) =>
    cs.map((c) => describeCondition(standard, c, lang)).join(say(lang, '；', '; '));
  if ('all_of' in f) return say(lang, `同时满足：${list(f.all_of)}`, `all of: ${list(f.all_of)}`);
  if ('any_of' in f) return say(lang, `满足其一：${list(f.any_of)}`, `any of: ${list(f.any_of)}`);
  if ('of' in f)
    return say(lang, `至少满足 ${f.at_least} 项：${list(f.of)}`, `at least ${f.at_least} of: ${list(f.of)}`);
  return describeCondition(standard, f, lang);
}

function policyText(lang: Lang, p: Policy): string {
  return p === 'exclude'
    ? say(lang, '不计入分母', 'left out of the denominator')
    : say(lang, '计为不认可', 'counts as not favourable');
}

export function formatStandard(standard: Standard, lang: Lang): string {
  const lines: string[] = [];
  lines.push(`${t(lang, standard.name)}  [${standard.id}${standard.version ? ` ${standard.version}` : ''}]`);
  if (standard.note) lines.push(`${say(lang, '说明：', 'Note: ')}${t(lang, standard.note)}`);
  lines.push(
    say(
      lang,
      `置信水平 ${pct(standard.confidence)}；达标判定：${standard.pass_rule === 'point' ? '按点估计' : '按置信区间下限'}`,
      `Confidence level ${pct(standard.confidence)}; pass rule: ${standard.pass_rule === 'point' ? 'the rate itself (point estimate)' : 'the lower confidence bound'}`,
    ),
  );
  if (standard.eligibility)
    lines.push(`${say(lang, '受访者：', 'Respondent: ')}${t(lang, standard.eligibility)}`);
  lines.push(
    '',
    say(
      lang,
      `问卷（${standard.questions.length} 题）`,
      `Questionnaire (${standard.questions.length} questions)`,
    ),
  );
  standard.questions.forEach((q, i) => {
    lines.push(`  ${i + 1}. [${q.id}] ${t(lang, q.text)}`);
    const opts = q.options
      .map((o) => `${o.code} ${t(lang, o)}${o.not_sure ? say(lang, '（不读出）', ' (not read out)') : ''}`)
      .join('   ');
    lines.push(`       ${opts}`);
    if (q.ask_if) {
      const dep = findQuestion(standard, q.ask_if.question);
      lines.push(
        say(
          lang,
          `       仅当 ${q.ask_if.question} 回答 ${answerList(lang, dep, q.ask_if.in)} 时询问`,
          `       asked only if ${q.ask_if.question} is ${answerList(lang, dep, q.ask_if.in)}`,
        ),
      );
    }
    if (!q.required) lines.push(say(lang, '       （可不回答）', '       (may be left unanswered)'));
    if (q.note) lines.push(`       ${t(lang, q.note)}`);
  });
  lines.push(
    '',
    say(lang, `指标（${standard.indicators.length} 项）`, `Indicators (${standard.indicators.length})`),
  );
  const totalPoints = standard.indicators.reduce((s, i) => s + (i.points ?? 0), 0);
  for (const ind of standard.indicators) {
    const pts = ind.points !== undefined ? say(lang, `  分值 ${ind.points}`, `  points ${ind.points}`) : '';
    lines.push(
      `  ${t(lang, ind.name)} [${ind.id}]  ${say(lang, '达标线', 'threshold')} ${pct(ind.threshold)}${pts}`,
    );
    lines.push(`       ${say(lang, '认可：', 'favourable: ')}${describeFavourable(standard, ind, lang)}`);
    lines.push(
      `       ${say(lang, '不清楚：', 'not sure: ')}${policyText(lang, ind.not_sure)}${say(lang, '；未回答：', '; unanswered: ')}${policyText(lang, ind.unanswered)}${say(lang, '；跳过未问：', '; skipped: ')}${policyText(lang, ind.skipped)}`,
    );
    if (ind.note) lines.push(`       ${t(lang, ind.note)}`);
  }
  if (totalPoints > 0) lines.push('', say(lang, `总分 ${totalPoints}`, `Total points ${totalPoints}`));
  return lines.join('\n') + '\n';
}
