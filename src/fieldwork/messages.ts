import { defineMessages, num } from '../core/messages.js';

/** Texts of the interview session, the responses store and the responses template. */
export const m = defineMessages('fieldwork', {
  header: {
    zh: (p: {
      interviewer: string;
      stratum: string;
      completes: number;
      target: number;
      saved: number;
      due: number;
    }) =>
      `hhsurvey 入户调查 · 调查员 ${p.interviewer} · ${p.stratum} 已完成 ${p.completes}/${p.target} · 本次已保存 ${p.saved} 户 · 待访 ${p.due} 户`,
    en: (p: {
      interviewer: string;
      stratum: string;
      completes: number;
      target: number;
      saved: number;
      due: number;
    }) =>
      `hhsurvey interview · ${p.interviewer} · ${p.stratum} ${p.completes}/${p.target} complete · ${p.saved} saved this session · ${p.due} due`,
  },
  saved: {
    zh: (p: { id: string; outcome: string; visit: number }) =>
      `✓ 已保存 ${p.id}：${p.outcome}（第 ${p.visit} 次走访）`,
    en: (p: { id: string; outcome: string; visit: number }) =>
      `✓ saved ${p.id}: ${p.outcome} (visit ${p.visit})`,
  },
  reserveReplaces: {
    zh: (p: { rank: number; reserve: string; id: string }) => `  备用 ${p.rank}（${p.reserve}）替换 ${p.id}`,
    en: (p: { rank: number; reserve: string; id: string }) =>
      `  reserve ${p.rank} (${p.reserve}) replaces ${p.id}`,
  },
  noReserve: {
    zh: (p: { stratum: string; id: string }) => `  ${p.stratum} 的备用样本已用完：${p.id} 无人替换`,
    en: (p: { stratum: string; id: string }) => `  ${p.stratum} has no reserve left: nobody replaces ${p.id}`,
  },
  revisit: {
    zh: (p: { stratum: string; visit: number }) =>
      `  无人在家：等 ${p.stratum} 的其他住户都访问过后再来（第 ${p.visit} 次走访）`,
    en: (p: { stratum: string; visit: number }) =>
      `  nobody home: due again after the stratum's other households (visit ${p.visit})`,
  },
  skipped: {
    zh: (p: { id: string }) =>
      `  已跳过 ${p.id}（下次启动仍待访）：排到本次待访名单的最后，其他住户之后再出现`,
    en: (p: { id: string }) =>
      `  skipped ${p.id} (still due next time); it comes back at the end of this run's list`,
  },
  notSaved: {
    zh: (p: { id: string }) => `  ${p.id} 未保存`,
    en: (p: { id: string }) => `  ${p.id} was not saved`,
  },
  cannotCorrect: {
    zh: (p: { id: string }) => `  ${p.id} 不在本次样本中或还没有记录，无法更正`,
    en: (p: { id: string }) => `  ${p.id} is not in this sample or has no record yet: nothing to correct`,
  },
  nothingSavedYet: { zh: '本次还没有保存过住户', en: 'nothing saved in this session yet' },
  pressOutcome: { zh: '请按访问结果对应的键', en: 'press the key of an outcome' },
  pressOption: {
    zh: (p: { keys: string }) => `请按选项键（${p.keys}）`,
    en: (p: { keys: string }) => `press an option key (${p.keys})`,
  },
  needAnswerKey: {
    zh: '完成的访问每题都要回答（可选"不清楚"）',
    en: 'a complete interview needs an answer (not sure is one)',
  },
  needAnswerLine: {
    zh: '完成的访问每题都要回答（可回答"不清楚"，或记为部分完成）',
    en: 'a complete interview needs an answer (not sure is one; or record it as partial)',
  },
  unanswered: {
    zh: (p: { ids: string[] }) => `还有未回答的题：${p.ids.join('、')}`,
    en: (p: { ids: string[] }) => `unanswered: ${p.ids.join(', ')}`,
  },
  quitAgain: {
    zh: (p: { id: string }) => `再按 q 退出，本户（${p.id}）不保存`,
    en: (p: { id: string }) => `press q again to quit without saving ${p.id}`,
  },
  notOutcome: {
    zh: (p: { text: string }) => `"${p.text}" 不是访问结果，请重新输入`,
    en: (p: { text: string }) => `"${p.text}" is not an outcome; try again`,
  },
  notOption: {
    zh: (p: { text: string; options: string }) => `"${p.text}" 不是选项（${p.options}）`,
    en: (p: { text: string; options: string }) => `"${p.text}" is not an option (${p.options})`,
  },
  notUnderstood: {
    zh: (p: { text: string }) => `"${p.text}" 无法识别`,
    en: (p: { text: string }) => `"${p.text}" is not understood`,
  },
  inputLine: { zh: (p: { n: number }) => `  第 ${p.n} 行`, en: (p: { n: number }) => `  line ${p.n}` },
  promptOutcome: {
    zh: (p: { tokens: string }) =>
      `> 访问结果（${p.tokens}，或中文；skip 跳过，correct <户编号> 更正，note <文字> 备注，quit 退出）：`,
    en: (p: { tokens: string }) =>
      `> outcome (${p.tokens}; skip, correct <household_id>, note <text>, quit):`,
  },
  promptFinished: {
    zh: '> correct <户编号> 更正，或 quit 退出：',
    en: '> correct <household_id>, or quit:',
  },
  allDone: { zh: '全部住户已完成。', en: 'Every household is done.' },
  finishedHelp: { zh: 'c 更正上一户   q 或 Enter 退出', en: 'c correct the last one   q or Enter quit' },
  respondent: {
    zh: (p: { rule: string }) => `受访者：${p.rule}`,
    en: (p: { rule: string }) => `Respondent: ${p.rule}`,
  },
  reviewOutcome: {
    zh: (p: { outcome: string }) => `  访问结果：${p.outcome}`,
    en: (p: { outcome: string }) => `  outcome: ${p.outcome}`,
  },
  outcomeMenu: { zh: '访问结果：', en: 'Outcome:' },
  noteLine: {
    zh: (p: { note: string }) => `备注：${p.note}`,
    en: (p: { note: string }) => `note: ${p.note}`,
  },
  noteEditing: {
    zh: (p: { draft: string }) => `备注：${p.draft}▏`,
    en: (p: { draft: string }) => `Note: ${p.draft}▏`,
  },
  noteHelp: { zh: 'Enter 确定   Esc 取消', en: 'Enter done   Esc cancel' },
  noteAuto: {
    zh: (p: { id: string }) => `替换 ${p.id}`,
    en: (p: { id: string }) => `replaces ${p.id}`,
  },
  noteCorrection: { zh: '更正', en: 'correction' },
  // The end of a session.
  endDone: { zh: '全部住户已完成', en: 'every household is done' },
  endQuit: { zh: '已退出', en: 'quit' },
  endInterrupted: { zh: '已中断（Ctrl+C）', en: 'interrupted (Ctrl+C)' },
  endInput: { zh: '输入结束', en: 'end of input' },
  summary: {
    zh: (p: { why: string; saved: number; label: string; due: number }) =>
      `${p.why}：本次保存 ${p.saved} 户，已全部写入 ${p.label}；仍待访 ${p.due} 户。`,
    en: (p: { why: string; saved: number; label: string; due: number }) =>
      `${p.why}: ${p.saved} household${p.saved === 1 ? '' : 's'} saved this session, all on disk in ${p.label}; ${p.due} still due.`,
  },
  // The command and the store.
  interviewerPrompt: { zh: '调查员姓名：', en: 'Interviewer name: ' },
  interviewerRemembered: {
    zh: (p: { name: string; label: string }) =>
      `调查员：${p.name}（${p.label} 中上次记录的调查员；换人请用 --interviewer）`,
    en: (p: { name: string; label: string }) =>
      `interviewer: ${p.name} (the last one recorded in ${p.label}; --interviewer changes it)`,
  },
  interviewerRequired: {
    zh: '输入来自管道时须给出 --interviewer <姓名>',
    en: '--interviewer <name> is required when input is piped',
  },
  interviewerEmpty: { zh: '需要调查员姓名', en: 'an interviewer name is required' },
  notAStratum: {
    zh: (p: { stratum: string; sample: string; names: string }) =>
      `--stratum："${p.stratum}" 不是 ${p.sample} 中的抽样层（${p.names}）`,
    en: (p: { stratum: string; sample: string; names: string }) =>
      `--stratum: "${p.stratum}" is not a stratum of ${p.sample} (${p.names})`,
  },
  isDirectory: {
    zh: (p: { label: string }) => `${p.label}：是文件夹，不是文件`,
    en: (p: { label: string }) => `${p.label}: is a directory, not a file`,
  },
  notRegular: {
    zh: (p: { label: string }) => `${p.label}：不是普通文件`,
    en: (p: { label: string }) => `${p.label}: is not a regular file`,
  },
  torn: {
    zh: (p: { label: string; line: number; savedTo: string }) =>
      `${p.label}:${p.line}: 最后一行不完整（上次写入时程序中断），已移到 ${p.savedTo}；该户仍待访`,
    en: (p: { label: string; line: number; savedTo: string }) =>
      `${p.label}:${p.line}: the last line was cut off (the program stopped while writing it); set aside in ${p.savedTo}; that household is due again`,
  },
  tornIgnored: {
    zh: '警告：最后一行没有换行且单元格不足，像是写入时被中断（调查程序被强行结束？）；本次不计这一行，下次运行 hhsurvey interview 会把它移到旁边的文件',
    en: 'warning: this last line has no line end and too few cells: it looks cut off (an interview killed while writing it?); it is left out here, and the next `hhsurvey interview` on this file sets it aside',
  },
  lineEndAdded: {
    zh: (p: { label: string; line: number }) =>
      `${p.label}:${p.line}: 最后一行完整但没有换行符，已补上换行后继续追加`,
    en: (p: { label: string; line: number }) =>
      `${p.label}:${p.line}: the last line is complete but had no line end; one was added before appending`,
  },
  gb18030: {
    zh: (p: { label: string }) =>
      `${p.label}：该文件为 GB18030 编码，入户调查只追加 UTF-8：请另存为"CSV UTF-8"或使用新的记录文件（文件未改动）`,
    en: (p: { label: string }) =>
      `${p.label}: this file is GB18030-encoded; interview appends UTF-8 only: save it as "CSV UTF-8" or use a new responses file (the file was not changed)`,
  },
  workbook: {
    zh: (p: { label: string }) =>
      `${p.label}：这是 Excel 工作簿，不是 CSV 记录文件；入户调查只追加 CSV（文件未改动）。手工录入表请用 hhsurvey status 检查`,
    en: (p: { label: string }) =>
      `${p.label}: this is an Excel workbook, not a CSV responses file; interview appends to CSV only (the file was not changed). Check a hand-typed workbook with hhsurvey status`,
  },
  headerLacks: {
    zh: (p: { label: string; missing: string[] }) =>
      `${p.label}:1: 表头缺少列 ${p.missing.join('、')}（是另一份标准的文件？）；请使用新的记录文件`,
    en: (p: { label: string; missing: string[] }) =>
      `${p.label}:1: the header lacks column${p.missing.length > 1 ? 's' : ''} ${p.missing.join(', ')} (a file for another standard?); use a new responses file`,
  },
  fileErrors: {
    zh: (p: { label: string; n: number }) =>
      `${p.label}：有 ${p.n} 处错误；请先改正再继续记录（hhsurvey status 可检查该文件；文件未改动）`,
    en: (p: { label: string; n: number }) =>
      `${p.label}: ${p.n} error${p.n === 1 ? '' : 's'}; fix ${p.n === 1 ? 'it' : 'them'} before recording more (hhsurvey status checks the file)`,
  },
  strangers: {
    zh: (p: { label: string; n: number; sample: string }) =>
      `${p.label}：有 ${p.n} 行的住户不在 ${p.sample} 中`,
    en: (p: { label: string; n: number; sample: string }) =>
      `${p.label}: ${p.n} row(s) for households not in ${p.sample}`,
  },
  resuming: {
    zh: (p: { label: string; n: number }) => `继续：${p.label} 已有 ${p.n} 条记录，从下一户待访住户开始`,
    en: (p: { label: string; n: number }) =>
      `resuming: ${p.label} holds ${p.n} row${p.n === 1 ? '' : 's'}; continuing with the next household due`,
  },
  replacedFile: {
    zh: (p: { label: string; keptIn: string; id: string }) =>
      `${p.label} 在调查期间被其他程序替换或删除；${p.id} 未保存。本次之前写入的全部记录已保存在 ${p.keptIn}；请用 hhsurvey status --merge 把它与新文件合并后再继续`,
    en: (p: { label: string; keptIn: string; id: string }) =>
      `${p.label} was replaced or deleted by another program during the interview; ${p.id} was not saved. Everything written to it before is kept in ${p.keptIn}; merge it with the new file (hhsurvey status --merge) before going on`,
  },
  lockInUse: {
    zh: (p: { label: string; who: string }) =>
      `${p.label} 正被另一个程序使用（${p.who}）；请先结束那一个，如果它已不在运行，请删除 ${p.label}.lock`,
    en: (p: { label: string; who: string }) =>
      `${p.label} is in use by another interview (${p.who}); finish that one first, or, if it is no longer running, delete ${p.label}.lock`,
  },
  lockHolder: {
    zh: (p: { interviewer: string; pid: number; host: string; since: string }) =>
      `调查员 ${p.interviewer || '（未署名）'}，进程 ${p.pid}，主机 ${p.host}，自 ${p.since} 起`,
    en: (p: { interviewer: string; pid: number; host: string; since: string }) =>
      `interviewer ${p.interviewer || '(unnamed)'}, process ${p.pid} on ${p.host}, since ${p.since}`,
  },
  lockCommand: {
    zh: (p: { command: string; pid: number; host: string; since: string }) =>
      `hhsurvey ${p.command}，进程 ${p.pid}，主机 ${p.host}，自 ${p.since} 起`,
    en: (p: { command: string; pid: number; host: string; since: string }) =>
      `hhsurvey ${p.command}, process ${p.pid} on ${p.host}, since ${p.since}`,
  },
  lockUnreadable: { zh: '某个程序留下的无法读取的锁', en: 'a process that left an unreadable lock' },
  lockStale: {
    zh: (p: { label: string; pid: number }) =>
      `${p.label}：进程 ${p.pid} 留下的锁已失效（该进程已不在运行），接管`,
    en: (p: { label: string; pid: number }) =>
      `${p.label}: taking over a stale lock left by process ${p.pid} (no longer running)`,
  },
  lockReused: {
    zh: (p: { label: string; pid: number }) =>
      `${p.label}：锁上的进程号 ${p.pid} 现在属于另一个程序（重启过或进程号被重用），该锁已失效，接管`,
    en: (p: { label: string; pid: number }) =>
      `${p.label}: taking over a stale lock: process ${p.pid} is now another program (a restart or a reused process id)`,
  },
  // The responses template.
  templateCodesMark: { zh: '选项说明', en: 'codes' },
  templateVisitCodes: { zh: '空白即第 1 次', en: 'blank: the first visit' },
  templateSheet: { zh: '录入表', en: 'responses' },
  templateLegendSheet: { zh: '选项说明', en: 'codes' },
  templateLegendColumn: { zh: '列', en: 'column' },
  templateLegendValues: { zh: '可填写的值（选项文字或代码均可）', en: 'values (a label or its code)' },
  templateLegendHow: {
    zh: '每走访一次填一行：访问结果必填；完成或部分完成的访问填各题答案；同一户再次走访时复制该行、走访次数加 1。未走访的住户留空即可。填好后用 hhsurvey status 检查、hhsurvey score 评分。',
    en: 'One row per visit: the outcome always; the answers for a complete or partial interview; a household visited again gets a copy of its row with the visit number one higher. Leave households not visited yet blank. Then check the file with hhsurvey status and score it with hhsurvey score.',
  },
  templateWritten: {
    zh: (p: { n: number; file: string }) => `已写出录入表：${p.n} 户，${p.file}`,
    en: (p: { n: number; file: string }) => `wrote the responses template: ${p.n} households, ${p.file}`,
  },
  templateFormat: {
    zh: (p: { file: string }) => `-o ${p.file}：录入表须为 .xlsx 或 .csv 文件`,
    en: (p: { file: string }) => `-o ${p.file}: the template is an .xlsx or a .csv file`,
  },
  responsesErrors: {
    zh: (p: { n: number }) => `访问记录中有 ${num(p.n)} 处错误`,
    en: (p: { n: number }) => `${num(p.n)} ${p.n === 1 ? 'error' : 'errors'} in the responses`,
  },
  nothingToScore: {
    zh: (p: { responses: string; sample: string }) =>
      `还没有可计分的内容：${p.responses} 中没有 ${p.sample} 住户的完成访问`,
    en: (p: { responses: string; sample: string }) =>
      `nothing to score yet: no complete interview in ${p.responses} for the households of ${p.sample}`,
  },
});
