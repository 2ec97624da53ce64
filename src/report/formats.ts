/** The score report's formats and their file names: what `score --format` and its help need, without the renderers. */
export const REPORT_FORMATS = ['table', 'json', 'csv', 'md', 'html', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** File names used when several formats go to one folder (`-o dir/`). */
export const REPORT_FILE: Record<ReportFormat, string> = {
  table: 'report.txt',
  json: 'report.json',
  csv: 'report.csv',
  md: 'report.md',
  html: 'report.html',
  junit: 'junit.xml',
};
