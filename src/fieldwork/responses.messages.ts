import { defineMessages } from '../core/messages.js';

/** Problems found in a responses file (hhsurvey interview output, or a hand-typed template). */
export const r = defineMessages('responses', {
  warning: {
    zh: (p: { field?: string; text: string }) =>
      `警告：${p.field !== undefined ? `${p.field}：` : ''}${p.text}`,
    en: (p: { field?: string; text: string }) =>
      `warning: ${p.field !== undefined ? `${p.field}: ` : ''}${p.text}`,
  },
  noFixedColumn: {
    zh: (p: { column: string }) => `没有 ${p.column} 列（表头须有此列）`,
    en: (p: { column: string }) => `no ${p.column} column (the header must name it)`,
  },
  noInterviewerColumn: { zh: '没有 interviewer（调查员）列', en: 'no interviewer column' },
  noQuestionColumns: {
    zh: (p: { ids: string[]; standard: string }) => `没有标准 ${p.standard} 中题目 ${p.ids.join('、')} 的列`,
    en: (p: { ids: string[]; standard: string }) =>
      `no column for ${p.ids.length === 1 ? 'question' : 'questions'} ${p.ids.join(', ')} of standard ${p.standard}`,
  },
  unknownColumn: {
    zh: (p: { standard: string }) => `未知的列（不是标准 ${p.standard} 中的题目），已忽略`,
    en: (p: { standard: string }) => `unknown column (not a question of standard ${p.standard}); ignored`,
  },
  cellCount: {
    zh: (p: { cells: number; header: number }) => `本行有 ${p.cells} 个单元格，表头只有 ${p.header} 列`,
    en: (p: { cells: number; header: number }) => `${p.cells} cells but the header has ${p.header}`,
  },
  empty: { zh: '为空', en: 'empty' },
  notDisposition: {
    zh: (p: { value: string; list: string }) => `"${p.value}" 不是访问结果（可用：${p.list}）`,
    en: (p: { value: string; list: string }) => `"${p.value}" is not a disposition (one of: ${p.list})`,
  },
  badVisit: {
    zh: (p: { value: string }) => `应为从 1 起的整数，实为 "${p.value}"`,
    en: (p: { value: string }) => `must be a whole number from 1, got "${p.value}"`,
  },
  badRole: {
    zh: (p: { value: string }) => `应为 primary 或 reserve（正式/备用），实为 "${p.value}"`,
    en: (p: { value: string }) => `must be primary or reserve (正式/备用), got "${p.value}"`,
  },
  badTime: {
    zh: (p: { value: string }) =>
      `不是日期时间（ISO 8601，如 2026-11-28T14:05:00+08:00，或 2026-11-28 14:05），实为 "${p.value}"`,
    en: (p: { value: string }) =>
      `not a date and time (ISO 8601, e.g. 2026-11-28T14:05:00+08:00), got "${p.value}"`,
  },
  notOption: {
    zh: (p: { value: string; list: string }) => `"${p.value}" 不是选项（${p.list}）`,
    en: (p: { value: string; list: string }) => `"${p.value}" is not an option (${p.list})`,
  },
  answersNotInterviewed: {
    zh: (p: { outcome: string }) => `本户未受访（${p.outcome}），却记有答案`,
    en: (p: { outcome: string }) =>
      `answers recorded for a household that was not interviewed (${p.outcome})`,
  },
  skipRule: {
    zh: (p: { question: string; codes: string[] }) =>
      `有答案，但按跳题规则此题不问（仅当 ${p.question} 为 ${p.codes.join(' 或 ')} 时才问）`,
    en: (p: { question: string; codes: string[] }) =>
      `answered, but the skip rule says it is not asked (asked only if ${p.question} is ${p.codes.join(' or ')})`,
  },
  noAnswerInComplete: {
    zh: '完成的访问中此题没有答案（记为部分完成，或补上答案）',
    en: 'no answer in a complete interview (record it as partial, or add the answer)',
  },
});

/** Problems found by checking responses against the sample and the order of reserves. */
export const c = defineMessages('responses.sample', {
  notInSample: {
    zh: (p: { id: string; sample: string }) => `户 ${p.id} 不在样本（${p.sample}）中`,
    en: (p: { id: string; sample: string }) => `household ${p.id} is not in the sample (${p.sample})`,
  },
  otherStratum: {
    zh: (p: { given: string; id: string; stratum: string }) =>
      `"${p.given}"，但样本中 ${p.id} 属于 "${p.stratum}"`,
    en: (p: { given: string; id: string; stratum: string }) =>
      `"${p.given}", but the sample puts ${p.id} in "${p.stratum}"`,
  },
  otherRole: {
    zh: (p: { given: string; id: string; role: string }) => `${p.given}，但 ${p.id} 在样本中是${p.role}`,
    en: (p: { given: string; id: string; role: string }) =>
      `${p.given}, but ${p.id} is a ${p.role} household in the sample`,
  },
  tooManyVisits: {
    zh: (p: { visit: number; max: number }) => `第 ${p.visit} 次走访，超过允许的 ${p.max} 次（--max-visits）`,
    en: (p: { visit: number; max: number }) =>
      `visit ${p.visit}, more than the ${p.max} ${p.max === 1 ? 'visit' : 'visits'} allowed (--max-visits)`,
  },
  sameRow: {
    zh: (p: { at: string }) => `与 ${p.at} 完全相同（同一文件读了两次？）`,
    en: (p: { at: string }) => `the same row as ${p.at} (a file read twice?)`,
  },
  completeTwice: {
    zh: (p: { id: string; before: string; at: string; now: string }) =>
      `${p.id} 被两位调查员各记为一次完成访问，答案不同（${p.before} 在 ${p.at}，${p.now} 在本行）`,
    en: (p: { id: string; before: string; at: string; now: string }) =>
      `${p.id} recorded as complete twice with different answers by different interviewers (${p.before} at ${p.at}, ${p.now} here)`,
  },
  primary: {
    zh: (p: { rank: number; id: string }) => `正式样本 ${p.rank}（${p.id}）`,
    en: (p: { rank: number; id: string }) => `primary ${p.rank} (${p.id})`,
  },
  reserve: {
    zh: (p: { rank: number; id: string }) => `备用样本 ${p.rank}（${p.id}）`,
    en: (p: { rank: number; id: string }) => `reserve ${p.rank} (${p.id})`,
  },
  roleWord: {
    zh: (p: { role: string }) => (p.role === 'reserve' ? '备用样本' : '正式样本'),
    en: (p: { role: string }) => p.role,
  },
  reservesOutOfOrder: {
    zh: (p: { stratum: string; reserve: string; skipped: string[] }) =>
      `${p.stratum} 的备用样本未按顺序使用：${p.reserve} 先于 ${p.skipped.join('、')} 走访`,
    en: (p: { stratum: string; reserve: string; skipped: string[] }) =>
      `reserves used out of order in ${p.stratum}: ${p.reserve} was visited before ${p.skipped.join(', ')}`,
  },
  reserveNotNeeded: {
    zh: (p: { stratum: string; reserve: string }) => `${p.stratum} 的${p.reserve}已走访，但没有需要替换的户`,
    en: (p: { stratum: string; reserve: string }) =>
      `${p.reserve} in ${p.stratum} was visited, but no household needed replacing`,
  },
  reserveEarly: {
    zh: (p: { stratum: string; reserve: string; replaced: string }) =>
      `${p.stratum} 的${p.reserve}在被替换的${p.replaced}有最终结果之前就已走访`,
    en: (p: { stratum: string; reserve: string; replaced: string }) =>
      `${p.reserve} in ${p.stratum} was visited before ${p.replaced}, which it replaces, was final`,
  },
});
