import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsxTable } from '../src/io/xlsx-read.js';
import { readSampleList, type SampleEntry } from '../src/sampling/sample-file.js';
import { browserMissing, CHROMIUM, inCi, pdfPages } from './helpers/browser.js';
import { tempDir } from './helpers/roster.js';
import { runCli } from './helpers/run-cli.js';
import { demoRun } from './helpers/shared-runs.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function elements(node: Node, tag: string, out: Element[] = []): Element[] {
  if ('tagName' in node && node.tagName === tag) out.push(node);
  if ('childNodes' in node) for (const c of node.childNodes) elements(c, tag, out);
  return out;
}
function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
}
const cls = (el: Element) => el.attrs.find((a) => a.name === 'class')?.value ?? '';
/** Body rows of the table with this class, as cell texts. */
function tableRows(doc: Node, klass: string): string[][] {
  const table = elements(doc, 'table').find((t) => cls(t) === klass);
  if (!table) return [];
  const body = elements(table, 'tbody')[0]!;
  return elements(body, 'tr').map((tr) => elements(tr, 'td').map((td) => text(td)));
}

const WEAK = '全福街道 / 南全福社区';

describe('hhsurvey pack on the demo sample', () => {
  const dir = tempDir();
  let entries: SampleEntry[];
  let sheetFile: string;

  beforeAll(async () => {
    // The demo's sample (the suite's shared demo run, test/helpers/shared-runs.ts) and its folder.
    const demo = await demoRun();
    expect(demo.code, demo.stderr).toBe(0);
    cpSync(join(demo.dir, 'demo-output'), join(dir, 'demo'), { recursive: true });
    entries = (await readSampleList(join(dir, 'demo', 'sample.csv'))).entries;
    const r = await runCli(['pack', 'demo/sample.csv', '-o', 'pack', '--no-pdf', '--lang', 'zh'], {
      cwd: dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('60 份社区走访表、9 份街道封面及 pack.xlsx');
    const folder = readdirSync(join(dir, 'pack')).find((f) => f.endsWith('全福街道'))!;
    const sheet = readdirSync(join(dir, 'pack', folder)).find((f) => f.endsWith('-南全福社区.html'))!;
    sheetFile = join(dir, 'pack', folder, sheet);
  });

  it('writes a cover per sub-district and a visit sheet per community, numbered in sample order', () => {
    const folders = readdirSync(join(dir, 'pack')).filter((f) => /^\d\d-/.test(f));
    const streets = [...new Set(entries.map((e) => e.street))];
    expect(folders).toEqual(streets.map((s, i) => `${String(i + 1).padStart(2, '0')}-${s}`));
    let sheets = 0;
    for (const f of folders) {
      const files = readdirSync(join(dir, 'pack', f));
      expect(files[0]).toBe('00-cover.html');
      sheets += files.length - 1;
      // the cover lists the sub-district's communities
      const cover = readFileSync(join(dir, 'pack', f, '00-cover.html'), 'utf8');
      const names = tableRows(parse(cover), 'communities').map((r) => r[1]);
      const own = [...new Set(entries.filter((e) => `${f.slice(3)}` === e.street).map((e) => e.community))];
      expect(names).toEqual(own);
    }
    expect(sheets).toBe(new Set(entries.map((e) => e.stratum)).size);
    expect(existsSync(join(dir, 'pack', 'pack.json'))).toBe(true);
  });

  it("lists a community's households in interview's order, with masked contacts, then the reserves below a rule", () => {
    const html = readFileSync(sheetFile, 'utf8');
    const doc = parse(html);
    const mine = entries.filter((e) => e.stratum === WEAK);
    const primaries = mine.filter((e) => e.role === 'primary').sort((a, b) => a.rank - b.rank);
    const reserves = mine.filter((e) => e.role === 'reserve').sort((a, b) => a.rank - b.rank);
    const rows = tableRows(doc, 'households');
    expect(rows.map((r) => [r[0], r[1]])).toEqual(primaries.map((e) => [String(e.rank), e.householdId]));
    expect(tableRows(doc, 'reserves').map((r) => [r[0], r[1]])).toEqual(
      reserves.map((e) => [`备${e.rank}`, e.householdId]),
    );
    // the address as the sample list gives it; one empty visit box (--max-visits 1, as for
    // interview, status and score), and the rule that says nobody home is final
    rows.forEach((r, i) => {
      expect(r[2]!.startsWith(primaries[i]!.address)).toBe(true);
      expect(r.slice(5)).toEqual(['']);
    });
    expect(html).toContain('“5 无人在家”即为最终结果：不再回访，由本社区下一户备用户替换。');
    // contacts masked: 100****1234, 张*; no full name or number anywhere in the sheet
    for (const [i, r] of rows.entries()) {
      const e = primaries[i]!;
      if (e.phone) expect(r[4]).toBe(`${e.phone.slice(0, 3)}****${e.phone.slice(-4)}`);
      if (e.headName) expect(r[3]).toBe(`${[...e.headName][0]}${'*'.repeat([...e.headName].length - 1)}`);
    }
    for (const e of mine) {
      if (e.phone) expect(html).not.toContain(e.phone);
      if (e.headName && [...e.headName].length > 1) expect(html).not.toContain(e.headName);
    }
    // the rule, the instruction, the outcome codes and the questionnaire with its codes
    expect(elements(doc, 'hr').map(cls)).toEqual(['rule']);
    expect(html).toContain('按顺序使用，仅在正式样本户最终结果为 2/3/4/5/6/7/8/9/a/b');
    expect(html).toContain('<b>5</b>无人在家');
    expect(html).toContain('您是否知道本市正在创建全国文明城市？');
    expect(html).toMatch(/<b>9<\/b>不清楚（不读出）/);
    // Chinese punctuation in the Chinese sheet: full-width colons and brackets
    expect(html).toMatch(/<p class="meta">测评体系：全国文明城市测评入户调查（模拟） · 样本清单：/);
    expect(html).toContain('<span>调查组：</span><span>调查员：</span><span>日期：</span>');
    expect(html).toMatch(/<h2>正式样本户（\d+）<\/h2>/);
    // the answer grid in the same order: primaries, then reserves
    expect(tableRows(doc, 'answers').map((r) => r[1])).toEqual(
      [...primaries, ...reserves].map((e) => e.householdId),
    );
  });

  it('makes the same pack as one workbook: a legend, then a sheet per community in the same order', async () => {
    const book = join(dir, 'pack', 'pack.xlsx');
    const legend = await readXlsxTable(book, { sheet: '说明' });
    expect(legend.rows.some((r) => r.fields[0] === '5' && r.fields[1] === '无人在家')).toBe(true);
    const sheet = await readXlsxTable(book, { sheet: '南全福社区' });
    expect(sheet.header.slice(0, 9)).toEqual([
      '社区',
      '序号',
      '样本类型',
      '户编号',
      '地址',
      '户主',
      '电话',
      '第1次访问',
      '替换',
    ]);
    const mine = entries.filter((e) => e.stratum === WEAK);
    const order = [
      ...mine.filter((e) => e.role === 'primary').sort((a, b) => a.rank - b.rank),
      ...mine.filter((e) => e.role === 'reserve').sort((a, b) => a.rank - b.rank),
    ];
    expect(sheet.rows.map((r) => r.fields[3])).toEqual(order.map((e) => e.householdId));
    expect(sheet.rows.every((r) => r.fields[0] === WEAK)).toBe(true);
    // phones masked where the roster has one
    expect(sheet.rows.filter((r) => !/^(\d{3}\*{4}\d{4})?$/.test(r.fields[6] ?? ''))).toEqual([]);
  });

  it('prints contacts in full only with --no-mask, and refuses a folder holding other files', async () => {
    const r = await runCli(
      [
        'pack',
        'demo/sample.csv',
        '-o',
        'full',
        '--no-pdf',
        '--no-mask',
        '--only',
        '南全福社区',
        '--max-visits',
        '3',
      ],
      { cwd: dir },
    );
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(dir, 'full', '01-全福街道', '01-南全福社区.html'), 'utf8');
    // --max-visits 3: three visit boxes on the sheet and in the workbook, and the rule for them
    expect(tableRows(parse(html), 'households')[0]!.slice(5)).toEqual(['', '', '']);
    expect(html).toContain('up to 3 visits; only the last visit');
    const book = await readXlsxTable(join(dir, 'full', 'pack.xlsx'), { sheet: '南全福社区' });
    expect(book.header.slice(7, 11)).toEqual(['Visit 1', 'Visit 2', 'Visit 3', 'Replaces']);
    const e = entries.find((x) => x.stratum === WEAK && x.phone)!;
    expect(html).toContain(e.phone);
    expect(html).toContain('This sheet carries full contact details');
    expect(html).toMatch(/<p class="meta">Standard: .* · Sample list: /);
    expect(html).toMatch(/<h2>\S.* \(\d+\)<\/h2>/);
    const bad = await runCli(['pack', 'demo/sample.csv', '-o', 'demo', '--no-pdf'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/demo: the folder holds other files/);
    const unknown = await runCli(['pack', 'demo/sample.csv', '-o', 'x', '--only', '无此社区'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no community "无此社区" in the sample list');
  });

  const missing = browserMissing();
  if (missing && inCi) throw new Error(`the pack PDF test must run in CI: ${missing}`);
  if (missing) console.warn(`pack PDF test skipped: ${missing}`);
  it.skipIf(missing !== undefined)(
    "prints 南全福社区's sheet to an A4 PDF: households, reserves, questionnaire, answer grid",
    async () => {
      const r = await runCli(
        ['pack', 'demo/sample.csv', '-o', 'pdf', '--only', '南全福社区', '--lang', 'zh'],
        {
          cwd: dir,
          env: { HHSURVEY_CHROMIUM: CHROMIUM },
        },
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('已用 Chromium 打印 2 个 PDF');
      const pdf = join(dir, 'pdf', '01-全福街道', '01-南全福社区.pdf');
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/);
      const pages = pdfPages(pdf);
      // Debian chromium with fonts-noto-cjk (what CI installs): 22 households and 5 reserves on two
      // pages, the questionnaire on a new page, its answer grid running onto a fourth
      expect(pages).toHaveLength(4);
      const all = pages.join('');
      const mine = entries.filter((e) => e.stratum === WEAK);
      // every household twice: in its table and in the answer grid
      for (const e of mine) expect(all.split(e.householdId).length - 1).toBe(2);
      expect(pages[0]).toContain('南全福社区 入户走访表');
      expect(pages[0]).toContain(mine.find((e) => e.rank === 1 && e.role === 'primary')!.householdId);
      expect(all.replace(/\s+/g, '')).toContain('按顺序使用，仅在正式样本户最终结果为');
      // the questionnaire starts a page
      const q = pages.findIndex((p) => p.includes('问卷（选项代码）'));
      expect(q).toBeGreaterThan(0);
      expect(pages[q]!.trimStart().startsWith('问卷（选项代码）')).toBe(true);
      expect(pages.at(-1)).toContain('备5');
      const cover = pdfPages(join(dir, 'pdf', '01-全福街道', '00-cover.pdf'));
      expect(cover).toHaveLength(1);
      expect(cover[0]).toContain('全福街道 入户调查材料');
    },
    180_000,
  );
});
