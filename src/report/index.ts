// One result model, many renderers keyed by format. The HTML and Markdown renderers only ever see the
// Report; all article text in it is untrusted and escaped by them.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPORT_VERSION, type Report, type Story } from '../model/report.js';
import { renderHtml } from './html/index.js';
import { renderMarkdown } from './md/index.js';

export type ReportFormat = 'json' | 'html' | 'md';

export const REPORT_FILES: Record<ReportFormat, string> = {
  json: 'report.json',
  html: 'index.html',
  md: 'report.md',
};

export function buildReport(stories: Story[], now = new Date()): Report {
  return { version: REPORT_VERSION, generatedAt: now.toISOString(), stories };
}

export function renderReport(report: Report, format: ReportFormat): string {
  if (format === 'html') return renderHtml(report);
  if (format === 'md') return renderMarkdown(report);
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Write report.json, index.html and report.md into `dir` (created if missing); returns the paths. */
export async function writeReport(report: Report, dir: string): Promise<Record<ReportFormat, string>> {
  await mkdir(dir, { recursive: true });
  const paths = {} as Record<ReportFormat, string>;
  for (const format of Object.keys(REPORT_FILES) as ReportFormat[]) {
    const path = join(dir, REPORT_FILES[format]);
    await writeFile(path, renderReport(report, format));
    paths[format] = path;
  }
  return paths;
}
