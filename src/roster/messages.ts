import { defineMessages, num } from '../core/messages.js';

const lineList = (lines: readonly number[], total: number): string =>
  lines.join(', ') + (total > lines.length ? ', …' : '');

/** 第 5、6、7 行 / 第 5、6、7 等行 */
const zhLines = (lines: readonly number[], total: number): string =>
  `第 ${lines.join('、')} ${total > lines.length ? '等' : ''}行`;

/** Messages of the roster reader: headers, ids, merged cells and damage found at the front door. */
export const m = defineMessages('roster', {
  noIdColumn: {
    zh: (p: { header: string }) =>
      `没有户编号列：应为 household_id、户编号、户号 之一（表头：${p.header}）；可用 --column household_id=列名 指定`,
    en: (p: { header: string }) =>
      `no household id column: expected one of household_id, 户编号, 户号 (header: ${p.header}); name yours with --column household_id=HEADER`,
  },
  serialOnly: {
    zh: (p: { serial: string; address: string }) =>
      `“${p.serial}”是行序号，不是户编号：若它是固定不变的编号，用 --column household_id=${p.serial}；否则用 --id-from ${p.address} 由地址生成户编号`,
    en: (p: { serial: string; address: string }) =>
      `"${p.serial}" is a row number, not a household id: if it is a stable number use --column household_id=${p.serial}, or build ids from the address with --id-from ${p.address}`,
  },
  noStratumColumn: {
    zh: (p: { missing: string; header: string }) => `没有抽样层列 ${p.missing}（--by）；表头：${p.header}`,
    en: (p: { missing: string; header: string }) =>
      `no stratum column ${p.missing} (--by); header: ${p.header}`,
  },
  noColumnFor: {
    zh: (p: { option: string; name: string; header: string }) =>
      `${p.option}：没有“${p.name}”列；表头：${p.header}`,
    en: (p: { option: string; name: string; header: string }) =>
      `${p.option}: no column "${p.name}"; header: ${p.header}`,
  },
  badColumnArg: {
    zh: (p: { arg: string; fields: string }) =>
      `--column ${p.arg}：应写作 字段=列名，字段为 ${p.fields} 之一`,
    en: (p: { arg: string; fields: string }) =>
      `--column ${p.arg}: expected FIELD=HEADER with FIELD one of ${p.fields}`,
  },
  sameMeaning: {
    zh: (p: { column: string; field: string; other: string }) =>
      `列“${p.column}”与列“${p.other}”都表示 ${p.field}；请只保留一列，或用 --column ${p.field}=列名 指定`,
    en: (p: { column: string; field: string; other: string }) =>
      `column "${p.column}" means ${p.field}, like column "${p.other}"; keep one, or choose with --column ${p.field}=HEADER`,
  },
  blankStratum: {
    zh: (p: { count: number; lines: number[]; fill: string }) =>
      `${p.count} 户的抽样层为空（${zhLines(p.lines, p.count)}）` +
      (p.fill ? `；上方有值的空单元格通常来自合并单元格，可加 --fill-down ${p.fill} 用上一行的值补全` : ''),
    en: (p: { count: number; lines: number[]; fill: string }) =>
      `${p.count} household${p.count === 1 ? ' has' : 's have'} an empty stratum value (line${p.count === 1 ? '' : 's'} ${lineList(p.lines, p.count)})` +
      (p.fill
        ? `; blank cells below a filled one are what merged cells leave: add --fill-down ${p.fill}`
        : ''),
  },
  headerRow: {
    zh: (p: { line: number; skipped: number }) =>
      `表头在第 ${p.line} 行（跳过上方 ${p.skipped} 行标题或空行）`,
    en: (p: { line: number; skipped: number }) =>
      `header on line ${p.line} (${p.skipped} title or blank row${p.skipped === 1 ? '' : 's'} above it skipped)`,
  },
  otherSheets: {
    zh: (p: { file: string; sheet: string; others: readonly string[] }) =>
      `${p.file}：只读了第一个工作表“${p.sheet}”，另有 ${num(p.others.length)} 个工作表未读取（${p.others
        .slice(0, 5)
        .map((s) => `“${s}”`)
        .join(
          '、',
        )}${p.others.length > 5 ? '等' : ''}）；若它们也是户册，请合并到一个工作表，或用 --sheet 逐个指定`,
    en: (p: { file: string; sheet: string; others: readonly string[] }) =>
      `${p.file}: read only the first sheet "${p.sheet}"; ${num(p.others.length)} other sheet${p.others.length === 1 ? '' : 's'} not read (${p.others
        .slice(0, 5)
        .map((s) => `"${s}"`)
        .join(
          ', ',
        )}${p.others.length > 5 ? ', …' : ''}): if they hold households too, put them in one sheet or name each with --sheet`,
  },
  sheetUsed: {
    zh: (p: { sheet: string; hidden: number }) =>
      `读取工作表“${p.sheet}”` +
      (p.hidden ? `（另有 ${p.hidden} 个隐藏工作表未读取，可用 --sheet 指定）` : ''),
    en: (p: { sheet: string; hidden: number }) =>
      `read sheet "${p.sheet}"` +
      (p.hidden
        ? ` (${p.hidden} hidden sheet${p.hidden === 1 ? '' : 's'} skipped; --sheet to read one)`
        : ''),
  },
  merged: {
    zh: (p: { n: number }) => `${num(p.n)} 个合并单元格区域按左上角的值读入`,
    en: (p: { n: number }) =>
      p.n === 1
        ? '1 merged range read as its top-left value'
        : `${num(p.n)} merged ranges read as their top-left value`,
  },
  delimiterUsed: {
    zh: (p: { name: string }) => `分隔符：${p.name}`,
    en: (p: { name: string }) => `fields separated by ${p.name}`,
  },
  filled: {
    zh: (p: { total: number; detail: string }) =>
      `--fill-down：用上一行的值补全了 ${p.total} 个空单元格（${p.detail}）`,
    en: (p: { total: number; detail: string }) =>
      `--fill-down: filled ${p.total} blank cell${p.total === 1 ? '' : 's'} from the row above (${p.detail})`,
  },
  emptyColumns: {
    zh: (p: { n: number }) => `忽略表头右侧 ${p.n} 个空列（Excel 留下的）`,
    en: (p: { n: number }) =>
      `ignored ${p.n} empty column${p.n === 1 ? '' : 's'} at the right of the header (left by Excel)`,
  },
  emptyRows: {
    zh: (p: { n: number }) => `忽略 ${p.n} 个空行（Excel 留下的）`,
    en: (p: { n: number }) => `ignored ${p.n} empty row${p.n === 1 ? '' : 's'} (left by Excel)`,
  },
  summaryRows: {
    zh: (p: { n: number; lines: readonly number[] }) =>
      `跳过 ${num(p.n)} 个合计或小计行（${zhLines(p.lines, p.n)}）：它们是汇总，不是住户`,
    en: (p: { n: number; lines: readonly number[] }) =>
      `skipped ${num(p.n)} total or subtotal row${p.n === 1 ? '' : 's'} (line${p.n === 1 ? '' : 's'} ${lineList(p.lines, p.n)}): sums, not households`,
  },
  twoRowHeader: {
    zh: (p: { first: number; second: number }) =>
      `表头占两行（第 ${p.first}、${p.second} 行）：分组标题下一行的列名为各列列名`,
    en: (p: { first: number; second: number }) =>
      `a header of two rows (lines ${p.first} and ${p.second}): the names under a group title name its columns`,
  },
  noteRows: {
    zh: (p: { n: number; lines: readonly number[] }) =>
      `跳过名册下方 ${num(p.n)} 行备注（${zhLines(p.lines, p.n)}，如制表人、审核人、注）：它们不是住户`,
    en: (p: { n: number; lines: readonly number[] }) =>
      `skipped ${num(p.n)} note row${p.n === 1 ? '' : 's'} below the roster (line${p.n === 1 ? '' : 's'} ${lineList(p.lines, p.n)}: 制表人, 审核人, 注 and the like): not households`,
  },
  noteInside: {
    zh: '备注行（如“制表人：”“注：”）夹在住户之间：请移到名册末尾或删除',
    en: 'a note row (like 制表人： or 注：) between households: move it below the roster or delete it',
  },
  idFrom: {
    zh: (p: { columns: string }) => `户编号由 ${p.columns} 拼接生成`,
    en: (p: { columns: string }) => `household ids built from ${p.columns}`,
  },
  phoneScientific: {
    zh: (p: { column: string; count: number; lines: number[] }) =>
      `${p.column}：${p.count} 个号码是科学计数法（如 1.38E+10，Excel 已丢失位数，${zhLines(p.lines, p.count)}）；请从原 .xlsx 读取，或先把该列设为“文本”格式再录入`,
    en: (p: { column: string; count: number; lines: number[] }) =>
      `${p.column}: ${p.count} number${p.count === 1 ? ' is' : 's are'} in scientific notation (like 1.38E+10: Excel has dropped digits; line${p.count === 1 ? '' : 's'} ${lineList(p.lines, p.count)}); read the original .xlsx, or format the column as Text before entering numbers`,
  },
  phoneDigits: {
    zh: (p: { column: string; count: number; lines: number[] }) =>
      `${p.column}：${p.count} 个手机号不是 11 位，可能丢了数字（${zhLines(p.lines, p.count)}）`,
    en: (p: { column: string; count: number; lines: number[] }) =>
      `${p.column}: ${p.count} mobile number${p.count === 1 ? ' does' : 's do'} not have 11 digits and may have lost some (line${p.count === 1 ? '' : 's'} ${lineList(p.lines, p.count)})`,
  },
  leadingZeros: {
    zh: (p: { count: number; line: number; example: string }) =>
      `${p.count} 个户编号是以 0 开头的数字（如第 ${p.line} 行的 ${p.example}）：CSV 经 Excel 打开再保存会丢掉开头的 0；发给入户组时请用 .xlsx 样本清单`,
    en: (p: { count: number; line: number; example: string }) =>
      `${p.count} household id${p.count === 1 ? ' is a number' : 's are numbers'} with leading zeros (like ${p.example} on line ${p.line}): a CSV opened and saved again in Excel loses them; hand field teams the .xlsx sample list`,
  },
  invalidRoster: {
    zh: (p: { file: string; count: number; more: number }) =>
      `${p.file}：名册无效，共 ${p.count} 个问题` +
      (p.more > 0 ? `（另有 ${p.more} 个未显示，可用 --max-errors 查看）` : ''),
    en: (p: { file: string; count: number; more: number }) =>
      `${p.file}: invalid roster: ${p.count} problem${p.count === 1 ? '' : 's'}` +
      (p.more > 0 ? ` (${p.more} more not shown; --max-errors to see more)` : ''),
  },
  orderAbsent: {
    zh: (p: { file: string; columns: string[]; names: string[] }) =>
      `${p.file}：名册中没有这些排序列，排序时略过：${p.names.join('、')}`,
    en: (p: { file: string; columns: string[]; names: string[] }) =>
      `${p.file}: order columns not in the roster, left out of the sort: ${p.columns.join(', ')}`,
  },
  orderByAddress: {
    zh: (p: { column: string }) =>
      `名册中没有任何排序列（网格、楼栋、单元、楼层、房号）：按“${p.column}”列的地址排序`,
    en: (p: { column: string }) =>
      `none of the order columns (grid, building, unit, floor, room) is in the roster: households ordered by its "${p.column}" address column`,
  },
  raggedRow: {
    zh: (p: { count: number; width: number }) => `行长度不齐：本行 ${p.count} 个字段，表头有 ${p.width} 个`,
    en: (p: { count: number; width: number }) => `ragged row: ${p.count} fields, the header has ${p.width}`,
  },
  emptyId: { zh: '户编号为空', en: 'empty household id' },
  duplicateId: {
    zh: (p: { id: string; first: number; excel: boolean }) =>
      `户编号 "${p.id}" 重复（首次出现在第 ${p.first} 行）` +
      (p.excel
        ? '；这是被 Excel 当作数字保存的长编号：Excel 只保留 15 位有效数字，其余位已变为 0，不同的户因此成了同一个编号。请把该列设为“文本”格式后重新录入编号，或从原始系统重新导出'
        : ''),
    en: (p: { id: string; first: number; excel: boolean }) =>
      `duplicate household id "${p.id}" (first on line ${p.first})` +
      (p.excel
        ? ': a long id Excel saved as a number, keeping 15 significant digits and zeroing the rest, so different households now share it; format the column as Text and enter the ids again, or export them again from the source system'
        : ''),
  },
  fileEmpty: {
    zh: (p: { file: string }) => `${p.file}：文件是空的`,
    en: (p: { file: string }) => `${p.file}: the file is empty`,
  },
  noHouseholds: {
    zh: (p: { file: string }) => `${p.file}：名册只有表头，没有住户`,
    en: (p: { file: string }) => `${p.file}: the roster has a header but no households`,
  },
});
