import { defineMessages } from '../core/messages.js';

/** Messages of the workbook reader. */
export const m = defineMessages('xlsx', {
  oldXls: {
    zh: (p: { file: string }) =>
      `${p.file}：这是旧版 Excel 工作簿（.xls），请在 Excel 或 WPS 中打开，“文件 → 另存为”，保存类型选“Excel 工作簿 (*.xlsx)”后再用`,
    en: (p: { file: string }) =>
      `${p.file}: this is an old Excel workbook (.xls); open it in Excel or WPS, File → Save As, type "Excel Workbook (*.xlsx)", and use the .xlsx`,
  },
  wpsEt: {
    zh: (p: { file: string }) =>
      `${p.file}：这是 WPS 表格文件（.et），请在 WPS 中打开，“文件 → 另存为”，保存类型选“Excel 工作簿 (*.xlsx)”后再用`,
    en: (p: { file: string }) =>
      `${p.file}: this is a WPS spreadsheet (.et); open it in WPS, File → Save As, type "Excel Workbook (*.xlsx)", and use the .xlsx`,
  },
  encrypted: {
    zh: (p: { file: string }) =>
      `${p.file}：工作簿设有打开密码，无法读取；请在 Excel 中打开，“文件 → 信息 → 保护工作簿 → 用密码进行加密”清空密码，另存为 .xlsx 后再用`,
    en: (p: { file: string }) =>
      `${p.file}: the workbook is password-protected; open it in Excel, File → Info → Protect Workbook → Encrypt with Password, clear the password, save as .xlsx and use that`,
  },
  notWorkbook: {
    zh: (p: { file: string; reason: string }) =>
      `${p.file}：不是可读取的 .xlsx 工作簿（${p.reason}）；请在 Excel 中另存为 .xlsx`,
    en: (p: { file: string; reason: string }) =>
      `${p.file}: not a readable .xlsx workbook (${p.reason}); save it again as .xlsx in Excel`,
  },
  noSheet: {
    zh: (p: { file: string; sheet: string; sheets: string }) =>
      `${p.file}：没有名为“${p.sheet}”的工作表（共有：${p.sheets}）`,
    en: (p: { file: string; sheet: string; sheets: string }) =>
      `${p.file}: no sheet "${p.sheet}" (sheets: ${p.sheets})`,
  },
  noVisibleSheet: {
    zh: (p: { file: string }) => `${p.file}：工作簿中没有可见的工作表；请用 --sheet 指定`,
    en: (p: { file: string }) => `${p.file}: the workbook has no visible sheet; name one with --sheet`,
  },
  hiddenSheet: {
    zh: (p: { sheet: string }) => `${p.sheet}（隐藏）`,
    en: (p: { sheet: string }) => `${p.sheet} (hidden)`,
  },
  reasonZipDamaged: {
    zh: '压缩包已损坏或不完整，可能是下载或复制时被截断',
    en: 'the zip container is damaged or cut short, as a broken download or copy leaves it',
  },
  reasonNotZip: { zh: '不是 zip 压缩包', en: 'not a zip container' },
  reasonNoWorkbookPart: { zh: '缺少 xl/workbook.xml', en: 'no xl/workbook.xml' },
  reasonNoPart: {
    zh: (p: { part: string }) => `缺少 ${p.part}`,
    en: (p: { part: string }) => `no part ${p.part}`,
  },
});
