/// <reference lib="dom" />
// The page checks run inside the browser: DOM types for them (src is built without them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, inCi, launchBrowser, pdfPages } from './helpers/browser.js';
import { tempDir } from './helpers/roster.js';
import { runCli } from './helpers/run-cli.js';
import { demoRun } from './helpers/shared-runs.js';

/**
 * The demo's HTML report in a real browser (Debian chromium, headless): at a desktop width and a
 * phone width the page never scrolls sideways and every chart label lies inside its chart, legible;
 * printed to A4 every table keeps every column.
 */
const missing = browserMissing();
if (missing && inCi) throw new Error(`the browser test must run in CI: ${missing}`);
if (missing) console.warn(`browser report test skipped: ${missing}`);

interface Report {
  indicators: { name: { zh: string; en: string } }[];
  strata: { stratum: string }[];
}

/** Column headers of the two tables, apart from the indicators. */
const HEADERS = {
  en: [
    'Community',
    'Completes',
    'RR1',
    'COOP1',
    'Reserves used',
    'Score rate',
    'Verdict',
    'Level',
    'Households',
  ],
  zh: ['社区', '完成', '应答率', '合作率', '启用备用户', '得分率', '结论', '层级', '总户数'],
};

describe.skipIf(missing !== undefined)('the HTML report in a browser', () => {
  const dir = tempDir();
  let browser: BrowserContext;
  let report: Report;

  beforeAll(async () => {
    // The demo drill's report, run once for the suite (test/drill-demo.test.ts checks its output).
    const demo = await demoRun();
    expect(demo.code, demo.stderr).toBe(0);
    const zh = await runCli(
      [
        'score',
        join(demo.dir, 'demo-output', 'sample.csv'),
        '--responses',
        join(demo.dir, 'demo-output', 'responses.csv'),
        '--format',
        'html',
        '--lang',
        'zh',
        '--no-fail',
        '-o',
        'zh.html',
      ],
      { cwd: dir },
    );
    expect(zh.code, zh.stderr).toBe(0);
    report = JSON.parse(readFileSync(join(demo.dir, 'demo-output', 'report.json'), 'utf8')) as Report;
    files.en = join(demo.dir, 'demo-output', 'report.html');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const files = { en: '', zh: join(dir, 'zh.html') };

  async function open(file: string, width: number): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`file://${file}`);
    return page;
  }

  for (const lang of ['en', 'zh'] as const) {
    for (const width of [1400, 420]) {
      it(`${lang} at ${width} px: no sideways scrolling, chart labels whole, inside their charts and legible`, async () => {
        const page = await open(files[lang], width);
        const widths = await page.evaluate(() => [document.scrollingElement!.scrollWidth, window.innerWidth]);
        expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
        const charts = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.chart')].map((chart) => {
            const box = chart.getBoundingClientRect();
            const labels = [...chart.querySelectorAll<HTMLElement>('.clabel, .cval, .tick')].filter(
              (l) => l.textContent !== '',
            );
            const outside = (l: Element) => {
              const r = l.getBoundingClientRect();
              return (
                r.left < box.left - 0.5 ||
                r.right > box.right + 0.5 ||
                r.top < box.top - 0.5 ||
                r.bottom > box.bottom + 0.5
              );
            };
            return {
              labels: labels.length,
              outside: labels.filter(outside).map((l) => l.textContent),
              // the marks (dots, intervals, threshold) stay inside too
              marksOutside: [...chart.querySelectorAll('.pt, .iv, .thr')].filter(outside).length,
              // a label cut short: its text is wider than its box
              clipped: labels.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent),
              smallestFont: Math.min(...labels.map((l) => parseFloat(getComputedStyle(l).fontSize))),
              names: [...chart.querySelectorAll('.clabel')].map((l) => l.textContent),
            };
          }),
        );
        expect(charts).toHaveLength(report.indicators.length);
        for (const c of charts) {
          expect(c.outside).toEqual([]);
          expect(c.marksOutside).toBe(0);
          expect(c.clipped).toEqual([]);
          expect(c.smallestFont).toBeGreaterThanOrEqual(10);
          // every community under its full name, no "…"
          for (const s of report.strata) expect(c.names).toContain(s.stratum);
          expect(c.names.join('')).not.toContain('…');
        }
        // tables scroll inside their section, never past it
        const tables = await page.evaluate(() =>
          [...document.querySelectorAll('.table-wrap')].map((w) => w.getBoundingClientRect().right),
        );
        for (const right of tables) expect(right).toBeLessThanOrEqual(width);
        // the verdict rows: every number, the risk included, readable without scrolling sideways
        const cells = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.verdicts td')].map((td) => ({
            right: td.getBoundingClientRect().right,
            text: td.textContent,
          })),
        );
        expect(cells.length).toBeGreaterThan(0);
        for (const c of cells) expect(c.right, c.text ?? '').toBeLessThanOrEqual(width);
        await page.close();
      });
    }

    it(`${lang} printed to A4: every column of every table on the page and in the PDF's text`, async () => {
      const page = await open(files[lang], 1400);
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 718, height: 1000 }); // A4 minus the page margins, in CSS px
      const overflow = await page.evaluate(() =>
        [...document.querySelectorAll('table')].map((t) => t.scrollWidth - t.parentElement!.clientWidth),
      );
      for (const o of overflow) expect(o).toBeLessThanOrEqual(0);
      const pdf = join(dir, `${lang}.pdf`);
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      await page.close();
      const pages = pdfPages(pdf);
      const squash = (s: string) => s.replace(/\s+/g, '');
      const all = squash(pages.join(''));
      const headers = [...HEADERS[lang], ...report.indicators.map((i) => i.name[lang])];
      // a header that wraps in its cell comes out of the PDF one line at a time: look for each word
      for (const h of headers) for (const w of h.split(' ')) expect(all, h).toContain(w);
      // the verdict comes first
      expect(squash(pages[0]!)).toMatch(lang === 'zh' ? /未达标：/ : /FAIL:/);
      // a community's row keeps its last column: the verdict of every community is printed
      const verdicts = pages.join('').match(lang === 'zh' ? /达标/g : /pass|FAIL/g) ?? [];
      expect(verdicts.length).toBeGreaterThanOrEqual(report.strata.length);
      // sections flow on rather than each forcing a new page: no page but the last is left mostly
      // empty (the last lines of a paragraph alone on a page, a short table on a page of its own)
      const lines = pages.map((p) => p.split('\n').filter((l) => l.trim() !== '').length);
      for (const [i, n] of lines.slice(0, -1).entries())
        expect(n, `page ${i + 1} of ${lines.join(', ')} lines`).toBeGreaterThanOrEqual(15);
      for (const ind of report.indicators) {
        const name = squash(ind.name[lang]);
        const caption = pages.findIndex((p) => squash(p).includes(`${name}·`));
        expect(caption, ind.name[lang]).toBeGreaterThanOrEqual(0);
        const after = squash(pages[caption]!).slice(squash(pages[caption]!).indexOf(`${name}·`));
        expect(
          report.strata.some((st) => after.includes(squash(st.stratum))),
          `${ind.name[lang]}: ${after.slice(0, 80)}`,
        ).toBe(true);
      }
    });
  }
});
