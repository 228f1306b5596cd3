// The HTML report: one self-contained page that works from disk with no network. Markup is rendered on the
// server side from escape-by-default templates; the report itself rides along as JSON (every "<" escaped)
// for the page script, which only highlights evidence and filters outlets. The Content-Security-Policy
// allows that one script by its hash and nothing else, so even a missed escape could not run injected
// script, load a resource or send data anywhere.
import { createHash } from 'node:crypto';
import type { Report } from '../../model/report.js';
import { html, jsonScript, type SafeHtml, trustedCode } from '../escape.js';
import { renderArticles } from './articles.js';
import { CLIENT_SCRIPT } from './client.js';
import { CONFIDENCE_STYLE } from './confidence.js';
import {
  renderActors,
  renderDigest,
  renderDiscrepancies,
  renderFacts,
  renderHeader,
  renderNav,
  renderQuotes,
  renderTimeline,
} from './sections.js';
import { SIDE_BY_SIDE_STYLE } from './side-by-side-style.js';
import { SPREAD_BAR_STYLE } from './spread-bar.js';
import { STYLE } from './style.js';
import { storyView } from './view.js';

/** The CSP source for an inline script: its exact text, hashed. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/**
 * `sameOriginScripts`: the web app also lets its pages load its own script files (the keyboard shortcuts);
 * a report file never does.
 */
export function contentSecurityPolicy(
  script: string,
  formAction: 'none' | 'self' = 'none',
  sameOriginScripts = false,
): string {
  // default-src 'none' covers fetch, frames, fonts, media and the rest; base-uri and form-action are not
  // covered by it and are closed separately. img-src data: keeps the blank favicon from being fetched.
  return [
    "default-src 'none'",
    `script-src ${scriptHash(script)}${sameOriginScripts ? " 'self'" : ''}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    `form-action '${formAction}'`,
  ].join('; ');
}

function storyPicker(report: Report): SafeHtml | string {
  if (report.stories.length < 2) return '';
  return html`<nav class="story-picker" aria-label="Stories"><div class="wrap"><span>${report.stories.length} stories</span>${report.stories.map(
    (s, i) =>
      html`<button type="button" data-pick="${i}" aria-pressed="${i === 0 ? 'true' : 'false'}" title="${s.title}">${s.title || `Story ${i + 1}`}</button>`,
  )}</div></nav>`;
}

/** What a host page (the web app) adds around a report: its site bar above, its own sections below. */
export interface ReportChrome {
  top: SafeHtml;
  bottom: SafeHtml;
  /** Where the page's forms may post: the app's own origin, or nowhere for a report file. */
  formAction: 'none' | 'self';
  /** The host's stylesheet for what it adds, appended to the report's. */
  style: string;
  /**
   * Whether the report rides along as JSON in the page. A saved report keeps it (the data travels with the
   * page); the web app serves it at its JSON twin instead, which halves a large story's page.
   */
  embedData: boolean;
  /** Shown beside each finding, by its anchor ("fact-f3"): the web app's notes and their add link. */
  findingExtra?: (anchor: string) => SafeHtml | string;
  /** Whether the page may load script files from its own origin (the web app's shortcuts; see contentSecurityPolicy). */
  sameOriginScripts?: boolean;
}

export function renderHtml(report: Report, chrome?: ReportChrome): string {
  const script = CLIENT_SCRIPT;
  const stories = report.stories.map((story, si) => {
    const view = storyView(story);
    if (chrome?.findingExtra) view.findingExtra = chrome.findingExtra;
    return html`<div class="story" data-story="${si}">
${renderHeader(view, report.generatedAt)}
${renderNav(view, si)}
<main class="wrap">
${renderDigest(view, si)}
${renderActors(view, si)}
${renderQuotes(view, si)}
${renderFacts(view, si)}
${renderDiscrepancies(view, si)}
${renderTimeline(view, si)}
${renderArticles(view, si)}
</main>
</div>`;
  });
  const title =
    report.stories.length === 1 ? `${report.stories[0]?.title ?? ''} · Parallax` : 'Parallax report';
  const body = report.stories.length
    ? stories
    : html`<main class="wrap"><h1>Parallax report</h1><p class="empty">This report holds no stories.</p></main>`;
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(script, chrome?.formAction, chrome?.sameOriginScripts)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Parallax">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${trustedCode(STYLE + CONFIDENCE_STYLE + SIDE_BY_SIDE_STYLE + SPREAD_BAR_STYLE + (chrome?.style ?? ''))}</style>
</head>
<body>
${chrome?.top ?? ''}
${storyPicker(report)}
${body}
${chrome?.bottom ?? ''}
<footer class="page-foot"><div class="wrap">Parallax report, version ${report.version} · generated ${report.generatedAt} · every finding links to the words it rests on.</div></footer>
<button type="button" id="back" class="back" hidden>↩ Back to the finding</button>
${chrome?.embedData === false ? '' : html`<script type="application/json" id="data">${jsonScript(report)}</script>`}
<script>${trustedCode(script)}</script>
</body>
</html>
`;
  return page.value;
}
