import { defineMessages, num } from '../core/messages.js';

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Messages of the file layer: reading inputs, writing outputs. */
export const m = defineMessages('io', {
  outputIsInput: {
    zh: (p: { file: string; input: string }) =>
      `${p.file}：这是本命令的输入文件（${p.input}），不能写作输出；请换一个输出文件`,
    en: (p: { file: string; input: string }) =>
      `${p.file}: this is one of the command's input files (${p.input}); choose another output file`,
  },
  outputNotFile: {
    zh: (p: { file: string; kind: string }) => `${p.file}：这是${p.kind}，不是普通文件，不能写作输出`,
    en: (p: { file: string; kind: string }) =>
      `${p.file}: is a ${p.kind}, not a regular file; give a file name`,
  },
  outputFolderMissing: {
    zh: (p: { file: string }) => `${p.file}：无法写入：文件夹不存在`,
    en: (p: { file: string }) => `${p.file}: cannot write: the folder does not exist`,
  },
  outputIsFolder: {
    zh: (p: { file: string }) => `${p.file}：无法写入：这是文件夹`,
    en: (p: { file: string }) => `${p.file}: cannot write: is a directory`,
  },
  outputDenied: {
    zh: (p: { file: string }) => `${p.file}：无法写入：没有权限`,
    en: (p: { file: string }) => `${p.file}: cannot write: permission denied`,
  },
  outputFull: {
    zh: (p: { file: string }) => `${p.file}：无法写入：磁盘空间已满`,
    en: (p: { file: string }) => `${p.file}: cannot write: no space left on the device`,
  },
  outputFailed: {
    zh: (p: { file: string; code: string }) => `${p.file}：无法写入（${p.code}）`,
    en: (p: { file: string; code: string }) => `${p.file}: cannot write (${p.code})`,
  },
  inputNotFile: {
    zh: (p: { file: string; kind: string }) => `${p.file}：这是${p.kind}，不是普通文件`,
    en: (p: { file: string; kind: string }) => `${p.file}: is a ${p.kind}, not a regular file`,
  },
  inputNamedPipe: {
    zh: (p: { file: string }) =>
      `${p.file}：这是命名管道（FIFO），不能读取；请用普通文件，或用 <(...) 管道传入 CSV`,
    en: (p: { file: string }) =>
      `${p.file}: is a named pipe (FIFO), not a regular file; give a file, or pipe a CSV file in with <(...)`,
  },
  inputPipeNotCsv: {
    zh: (p: { file: string }) => `${p.file}：只有 CSV 文件可以通过管道传入，请给出文件`,
    en: (p: { file: string }) => `${p.file}: only CSV files may come through a pipe; give a file`,
  },
  inputTooLarge: {
    zh: (p: { file: string; limit: number }) =>
      `${p.file}：文件超过 ${mb(p.limit)}，不是 hhsurvey 能读的此类文件`,
    en: (p: { file: string; limit: number }) =>
      `${p.file}: larger than ${mb(p.limit)}, more than any such file hhsurvey reads`,
  },
  kindFolder: { zh: '文件夹', en: 'folder' },
  kindDevice: { zh: '设备', en: 'device' },
  kindPipe: { zh: '管道', en: 'pipe' },
  kindSocket: { zh: '套接字', en: 'socket' },
  kindOther: { zh: '特殊文件', en: 'special file' },
  changedWhileRead: {
    zh: (p: { file: string }) => `${p.file}：读取期间文件被改动或替换；请在文件不再被写入时重新运行`,
    en: (p: { file: string }) =>
      `${p.file}: the file changed or was replaced while hhsurvey read it; run again once nothing writes to it`,
  },
  tooManyColumns: {
    zh: (p: { file: string; line: number; limit: number }) =>
      `${p.file}:${p.line}：超过 ${num(p.limit)} 列，不是 hhsurvey 能读的表格`,
    en: (p: { file: string; line: number; limit: number }) =>
      `${p.file}:${p.line}: more than ${num(p.limit)} columns: not a table hhsurvey reads`,
  },
  recordTooLong: {
    zh: (p: { file: string; line: number }) =>
      `${p.file}:${p.line}：一条记录超过 8 MiB，多半是有引号没有闭合`,
    en: (p: { file: string; line: number }) =>
      `${p.file}:${p.line}: a record runs over 8 MiB: most likely a quote that is never closed`,
  },
  badUtf8: {
    zh: (p: { file: string; line: number; byte: string }) =>
      `${p.file}:${p.line}：不是有效的 UTF-8（字节 0x${p.byte}）；文件其余部分是 UTF-8，请修正这一行后再试`,
    en: (p: { file: string; line: number; byte: string }) =>
      `${p.file}:${p.line}: not valid UTF-8 (byte 0x${p.byte}); the rest of the file is UTF-8, so fix this line rather than guess another encoding`,
  },
  badUtf8Later: {
    zh: (p: { file: string; line: number; byte: string }) =>
      `${p.file}:${p.line}：不是有效的 UTF-8（字节 0x${p.byte}）；若文件由中文版 Excel 保存，请加 --encoding gb18030`,
    en: (p: { file: string; line: number; byte: string }) =>
      `${p.file}:${p.line}: not valid UTF-8 (byte 0x${p.byte}); if Excel saved it in China, try --encoding gb18030`,
  },
  yamlAliases: {
    zh: (p: { file: string }) => `${p.file}：YAML 别名（*）展开过多，拒绝读取`,
    en: (p: { file: string }) => `${p.file}: too many YAML aliases (*) to expand; refused`,
  },
  notJson: {
    zh: (p: { file: string; line: number; column: number }) =>
      `${p.file}:${p.line}：不是有效的 JSON（第 ${p.column} 列附近）`,
    en: (p: { file: string; line: number; column: number }) =>
      `${p.file}:${p.line}: not valid JSON (near column ${p.column})`,
  },
  invalidSampleList: {
    zh: (p: { file: string; count: number }) => `${p.file}：样本清单无效，共 ${p.count} 个问题`,
    en: (p: { file: string; count: number }) =>
      `${p.file}: invalid sample list: ${p.count} problem${p.count === 1 ? '' : 's'}`,
  },
  badWeight: {
    zh: (p: { value: string }) => `权数须在 1 到 10,000,000 之间（层内户数 ÷ 抽取户数），实为 "${p.value}"`,
    en: (p: { value: string }) =>
      `a weight must be between 1 and 10,000,000 (households in the stratum ÷ households drawn), got "${p.value}"`,
  },
  badInclusionProb: {
    zh: (p: { value: string }) => `入样概率须大于 0 且不超过 1，实为 "${p.value}"`,
    en: (p: { value: string }) => `an inclusion probability must be above 0 and at most 1, got "${p.value}"`,
  },
  onlyEmpty: {
    zh: '--only：没有给出抽样层名称（空值会一户也不抽）',
    en: '--only: no stratum named (an empty list would draw nothing)',
  },
  notWholeNumber: {
    zh: (p: { value: string | undefined }) =>
      p.value === undefined ? '不是整数（其值可能是个人信息，不显示）' : `不是整数："${p.value}"`,
    en: (p: { value: string | undefined }) =>
      p.value === undefined
        ? 'not a whole number (the value is not shown: it may be personal data)'
        : `not a whole number: "${p.value}"`,
  },
  columnsNotShown: {
    zh: (p: { n: number }) => `另有 ${num(p.n)} 列未识别、不列出`,
    en: (p: { n: number }) => `${num(p.n)} column${p.n === 1 ? '' : 's'} not recognised, not shown`,
  },
  moreLikeThis: {
    zh: (p: { n: number }) => `……另有 ${num(p.n)} 处同类问题未列出`,
    en: (p: { n: number }) => `... and ${num(p.n)} more problem${p.n === 1 ? '' : 's'} of this kind`,
  },
  drillLocked: {
    zh: (p: { out: string; pid: number }) =>
      `${p.out}：另一个 hhsurvey drill（进程 ${p.pid}）正在写这个文件夹；请等它结束`,
    en: (p: { out: string; pid: number }) =>
      `${p.out}: another hhsurvey drill (process ${p.pid}) is writing this folder; wait for it to finish`,
  },
  fileEmpty: {
    zh: (p: { file: string }) => `${p.file}：文件是空的`,
    en: (p: { file: string }) => `${p.file}: the file is empty`,
  },
  isWorkbook: {
    zh: (p: { file: string }) => `${p.file}：这是 Excel 工作簿（.xlsx），不是 CSV；请先另存为 CSV`,
    en: (p: { file: string }) =>
      `${p.file}: this is an Excel workbook (.xlsx), not CSV; save it as CSV first (另存为 CSV)`,
  },
  isOldWorkbook: {
    zh: (p: { file: string }) => `${p.file}：这是旧版 Excel 工作簿（.xls），不是 CSV；请先另存为 CSV`,
    en: (p: { file: string }) =>
      `${p.file}: this is an old Excel workbook (.xls), not CSV; save it as CSV first (另存为 CSV)`,
  },
  isUtf16: {
    zh: (p: { file: string }) => `${p.file}：这是 UTF-16 文本；请另存为“CSV UTF-8”或普通 CSV`,
    en: (p: { file: string }) =>
      `${p.file}: this is UTF-16 text; save it as "CSV UTF-8" or plain CSV instead`,
  },
  isBinary: {
    zh: (p: { file: string }) => `${p.file}：这是二进制文件，不是 CSV 文本`,
    en: (p: { file: string }) => `${p.file}: this is a binary file, not CSV text`,
  },
  unclosedQuote: {
    zh: '引号未闭合：以 " 开头的字段一直没有结束',
    en: 'unclosed quote: a field opened with " never ends',
  },
  notText: {
    zh: (p: { file: string }) => `${p.file}：不是文本文件`,
    en: (p: { file: string }) => `${p.file}: not a text file`,
  },
  notUtf8Text: {
    zh: (p: { file: string; line: number; byte: number }) =>
      `${p.file}:${p.line}：不是 UTF-8 文本（第 ${p.byte} 个字节）；请把文件另存为 UTF-8`,
    en: (p: { file: string; line: number; byte: number }) =>
      `${p.file}:${p.line}: not UTF-8 text (byte ${p.byte}); save the file as UTF-8`,
  },
  noHeader: {
    zh: (p: { file: string }) => `${p.file}：文件没有表头行`,
    en: (p: { file: string }) => `${p.file}: the file has no header row`,
  },
  noRows: {
    zh: (p: { file: string }) => `${p.file}：文件只有表头，没有数据行`,
    en: (p: { file: string }) => `${p.file}: the file has a header but no rows`,
  },
});
