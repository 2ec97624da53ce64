import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chinaDisplay } from '../core/clock.js';
import { UserError } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { writeFileAtomic } from '../io/atomic.js';
import { buildXlsx } from '../io/xlsx-write.js';
import { readSampleList } from '../sampling/sample-file.js';
import { loadStandard } from '../standard/load.js';
import { m } from './messages.js';
import { buildPack, type PackStreet } from './model.js';
import { openPdfPrinter } from './pdf.js';
import { renderCover, renderVisitSheet, type SheetContext } from './sheets.js';
import { packSheets } from './workbook.js';

/**
 * `hhsurvey pack`: read the sample list and the standard, build the pack, and write it into one
 * folder, every file atomically:
 *
 *   pack.xlsx                          the workbook (legend + one sheet per community)
 *   pack.json                          what was made, from what (lets a rerun reuse the folder)
 *   01-<sub-district>/00-cover.html    the sub-district's cover (and .pdf with Chromium)
 *   01-<sub-district>/01-<community>.html  a visit sheet per community (and .pdf)
 *
 * Numbers keep the folders and files in the sample's order, which is the order of fieldwork.
 */

export interface PackJobOptions {
  sample: string;
  standard?: string;
  out: string;
  cwd: string;
  lang: Lang;
  now: Date;
  mask: boolean;
  maxVisits: number;
  /** Only these communities (their name or full stratum key). */
  only?: string[];
  pdf: boolean;
  env: Record<string, string | undefined>;
  onNote?: (line: string) => void;
}

export interface PackJobResult {
  dir: string;
  streets: PackStreet[];
  files: string[];
  pdfs: number;
  /** Why no PDFs were printed, when asked for and impossible. */
  noPdf?: string;
}

export const PACK_RECORD = 'pack.json';

/** A file name from any text: characters file systems refuse become _, the length is capped. */
export function fileSafe(s: string): string {
  const clean = s
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^\.+/, '_')
    .trim();
  return [...clean].slice(0, 60).join('') || '_';
}

const two = (i: number) => String(i + 1).padStart(2, '0');

function checkFolder(dir: string, label: string, lang: Lang): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new UserError(`${label}: ${t(lang, m.notFolder)}`);
  const entries = readdirSync(dir);
  if (entries.length === 0 || entries.includes(PACK_RECORD)) return;
  throw new UserError(`${label}: ${t(lang, m.notEmpty)}`);
}

export async function runPackJob(opts: PackJobOptions): Promise<PackJobResult> {
  const { lang } = opts;
  const standard = await loadStandard(opts.standard, opts.cwd);
  const sample = await readSampleList(resolve(opts.cwd, opts.sample), { label: opts.sample });
  let streets = buildPack(sample.entries, { mask: opts.mask });
  if (opts.only && opts.only.length > 0) {
    const wanted = new Set(opts.only.map((s) => s.trim()));
    const known = new Set(streets.flatMap((s) => s.communities.flatMap((c) => [c.name, c.stratum])));
    for (const w of wanted)
      if (!known.has(w)) throw new UserError(`${opts.sample}: ${t(lang, m.unknownOnly, { name: w })}`);
    streets = streets
      .map((s) => ({
        ...s,
        communities: s.communities.filter((c) => wanted.has(c.name) || wanted.has(c.stratum)),
      }))
      .filter((s) => s.communities.length > 0);
  }
  const dir = resolve(opts.cwd, opts.out);
  checkFolder(dir, opts.out, lang);
  mkdirSync(dir, { recursive: true });

  const ctx: SheetContext = {
    lang,
    standard,
    sample: opts.sample,
    made: chinaDisplay(opts.now),
    maxVisits: opts.maxVisits,
    masked: opts.mask,
  };
  const pages: { path: string; html: string }[] = [];
  streets.forEach((s, i) => {
    const label = s.street ?? t(lang, m.noStreet);
    const sub = join(dir, `${two(i)}-${fileSafe(label)}`);
    pages.push({ path: join(sub, '00-cover.html'), html: renderCover(s, ctx, label) });
    s.communities.forEach((c, k) =>
      pages.push({ path: join(sub, `${two(k)}-${fileSafe(c.name)}.html`), html: renderVisitSheet(c, ctx) }),
    );
  });
  const files: string[] = [];
  const write = (path: string, data: string | Uint8Array) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileAtomic(path, data);
    files.push(path);
  };
  for (const p of pages) write(p.path, p.html);
  write(join(dir, 'pack.xlsx'), buildXlsx(packSheets(streets, standard, lang, opts.maxVisits)));

  let pdfs = 0;
  let noPdf: string | undefined;
  if (opts.pdf) {
    const printer = await openPdfPrinter(lang, opts.env);
    if ('unavailable' in printer) noPdf = printer.unavailable;
    else {
      try {
        for (const p of pages) {
          write(p.path.replace(/\.html$/, '.pdf'), await printer.print(p.html));
          pdfs++;
        }
      } finally {
        await printer.close();
      }
    }
  }
  const record = {
    format: 'hhsurvey-pack',
    sample: opts.sample,
    standard: standard.id,
    masked: opts.mask,
    max_visits: opts.maxVisits,
    communities: streets.reduce((a, s) => a + s.communities.length, 0),
    files: files.map((f) => f.slice(dir.length + 1)).sort(),
  };
  write(join(dir, PACK_RECORD), `${JSON.stringify(record, null, 2)}\n`);
  return { dir, streets, files, pdfs, ...(noPdf !== undefined ? { noPdf } : {}) };
}
