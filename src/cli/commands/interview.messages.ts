import { defineMessages } from '../../core/messages.js';

export const h = defineMessages('cli.interview', {
  sample: { zh: '样本名单（hhsurvey sample 的输出）', en: 'the sample list (from hhsurvey sample)' },
  responses: {
    zh: '追加写入的访问记录文件（不存在时创建）',
    en: 'the responses file to append to (created when missing)',
  },
  standard: {
    zh: '测评体系（默认：内置的 national-mock）',
    en: 'the evaluation standard (default: the built-in national-mock)',
  },
  interviewer: {
    zh: '调查员（每个访问记录文件只问一次，之后从文件中记住；用此选项更换）',
    en: 'who is interviewing (asked once per responses file, then remembered from it; this flag changes it)',
  },
  stratum: { zh: '只做一个抽样层（社区）', en: 'work one stratum (community) only' },
  maxVisits: {
    zh: '无人在家的住户最多访问几次后计为最终结果',
    en: 'visits to a nobody-home household before it counts as final',
  },
  bom: {
    zh: '新建的访问记录文件以 UTF-8 字节顺序标记开头，供 Excel 打开（--lang zh 时默认如此）',
    en: 'start a new responses file with a UTF-8 byte-order mark (default with --lang zh, for Excel)',
  },
  noBom: {
    zh: '新建的访问记录文件不加字节顺序标记，即使 --lang zh',
    en: 'no byte-order mark in a new responses file, even with --lang zh',
  },
  after: {
    zh: (p: { legend: string }) => `
示例：
  hhsurvey interview sample.csv --responses responses.csv --interviewer 王芳 --lang zh
  hhsurvey interview sample.csv --responses team2.csv --stratum 南全福社区 --max-visits 3
  printf 'complete\\n1\\n1\\n1\\n2\\n2\\nrefused\\nquit\\n' | hhsurvey interview sample.csv --responses r.csv --interviewer 王芳

在终端中：每个回答按一个键。访问结果的键：
${p.legend}
选项键见屏幕提示；退格键回到上一题；确认页按回车保存，按题号修改该题；s 跳过本户，c 更正上一户已保存的记录，
n 填写备注（在访问结果页和确认页），q 退出；Ctrl+C 也会退出。跳过的住户排在本次其余待访住户之后再访。
每户保存后立即写入磁盘。
管道输入：每户待访住户先给一行访问结果（如 complete、not_home 等代码，或中文名称），完成或部分完成的
访问再按所问的题目每题一行（选项代码或名称；部分完成时空行表示该题未答；back 回到上一题）。
另有：skip、quit、note <备注>、correct <户编号>。提示写到标准错误。
重新启动时从下一户待访住户继续；崩溃时写了一半的行会被移到一旁并给出提示；锁文件防止两个访问
同时写同一个访问记录文件。`,
    en: (p: { legend: string }) => `
Examples:
  hhsurvey interview sample.csv --responses responses.csv --interviewer 王芳 --lang zh
  hhsurvey interview sample.csv --responses team2.csv --stratum 南全福社区 --max-visits 3
  printf 'complete\\n1\\n1\\n1\\n2\\n2\\nrefused\\nquit\\n' | hhsurvey interview sample.csv --responses r.csv --interviewer 王芳

In a terminal: one key per answer. Outcome keys:
${p.legend}
Option keys as shown; Backspace goes back one question; the review screen saves (Enter) or
changes an answer (its number); s skips a household, c corrects the last one saved, n types a note
(on the outcome and review screens), q quits; Ctrl+C quits too. A household skipped comes back
after the others due. Every household saved is on disk at once.
Piped input: per household due, a line with the outcome (token such as complete, not_home, or the
Chinese label), then for an interview one line per question asked (option code or label; an empty
line leaves it unanswered in a partial interview; back goes back). Also: skip, quit,
note <text>, correct <household_id>. Prompts go to stderr.
Restarting resumes at the next household due; a line cut off by a crash is set aside with a
message; a lock file keeps two interviews from writing the same responses file.`,
  },
});
