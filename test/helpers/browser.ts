import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

/**
 * A real browser for the tests: Debian's chromium driven by playwright-core (which may not download
 * a browser of its own here). In CI (CI=true) a missing chromium or pdftotext is a failure, so the
 * browser tests cannot be skipped silently; elsewhere they are skipped with the reason printed.
 */
export const CHROMIUM = process.env.HHSURVEY_CHROMIUM ?? '/usr/bin/chromium';

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** Why the browser tests cannot run here, or undefined when they can. */
export function browserMissing(): string | undefined {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM)) missing.push(`chromium (${CHROMIUM})`);
  if (!onPath('pdftotext')) missing.push('pdftotext (poppler-utils)');
  if (missing.length === 0) return undefined;
  return `${missing.join(' and ')} not installed: apt-get install -y chromium poppler-utils`;
}

export const inCi = process.env.CI === 'true' || process.env.CI === '1';

/** A fresh headless chromium with its own profile folder and no network chatter. */
export async function launchBrowser(): Promise<BrowserContext> {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'hhsurvey-chromium-')), {
    executablePath: CHROMIUM,
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
}

/** The text of a PDF, page by page (pdftotext separates pages with form feeds). */
export function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}
