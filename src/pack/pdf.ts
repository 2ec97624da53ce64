import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { m } from './messages.js';

/**
 * Printing HTML pages to A4 PDFs with a headless Chromium, when one is at hand: playwright-core
 * (an optional package, loaded only here) driving the system's chromium. hhsurvey never downloads
 * a browser; without one the pack keeps its HTML sheets and says how to print them.
 */

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export type PdfPrinter = {
  print: (html: string) => Promise<Uint8Array>;
  close: () => Promise<void>;
};

interface PlaywrightLike {
  chromium: {
    launchPersistentContext: (
      dir: string,
      opts: { executablePath: string; headless: boolean; args: string[] },
    ) => Promise<{
      newPage: () => Promise<{
        setContent: (html: string, opts: { waitUntil: 'load' }) => Promise<void>;
        pdf: (opts: { preferCSSPageSize: boolean; printBackground: boolean }) => Promise<Uint8Array>;
        close: () => Promise<void>;
      }>;
      close: () => Promise<void>;
    }>;
  };
}

/** A printer, or the reason there is none (for a note on stderr). */
export async function openPdfPrinter(
  lang: Lang,
  env: Record<string, string | undefined>,
): Promise<PdfPrinter | { unavailable: string }> {
  const executablePath = env.HHSURVEY_CHROMIUM || DEFAULT_CHROMIUM;
  if (!existsSync(executablePath)) return { unavailable: t(lang, m.noChromium, { path: executablePath }) };
  let pw: PlaywrightLike;
  try {
    // A variable specifier: the package is optional, and the compiler must not require it.
    const name = 'playwright-core';
    pw = (await import(name)) as PlaywrightLike;
  } catch {
    return { unavailable: t(lang, m.noPlaywright) };
  }
  const profile = mkdtempSync(join(tmpdir(), 'hhsurvey-chromium-'));
  try {
    const browser = await pw.chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = await browser.newPage();
    return {
      print: async (html) => {
        await page.setContent(html, { waitUntil: 'load' });
        return page.pdf({ preferCSSPageSize: true, printBackground: true });
      },
      close: async () => {
        await browser.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
    const error = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
    return { unavailable: t(lang, m.pdfFailed, { error }) };
  }
}
