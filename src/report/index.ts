import type { ChalkInstance } from 'chalk';
import type { Lang } from '../core/i18n.js';
import type { ScoreReport } from '../scoring/report-types.js';
import type { ReportFormat } from './formats.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderTerminal } from './terminal.js';

export interface RenderOptions {
  lang: Lang;
  /** Terminal colours; files never get colour. */
  color: ChalkInstance;
  bom?: boolean;
}

export function renderReport(report: ScoreReport, format: ReportFormat, opts: RenderOptions): string {
  switch (format) {
    case 'table':
      return renderTerminal(report, { lang: opts.lang, color: opts.color });
    case 'json':
      return renderJson(report);
    case 'csv':
      return renderCsv(report, { lang: opts.lang, bom: opts.bom ?? false });
    case 'md':
      return renderMarkdown(report, { lang: opts.lang });
    case 'html':
      return renderHtml(report, { lang: opts.lang });
    case 'junit':
      return renderJunit(report, { lang: opts.lang });
  }
}

export { renderCsv, renderHtml, renderJson, renderJunit, renderMarkdown, renderTerminal };
