// Keyboard shortcuts for the web app, listed by pressing "?": "/" puts the cursor in the search box, "g s"
// goes to the stories, "g o" to the outlets, "j"/"k" step through a story page's findings (each opened by
// its own address, so the permalink highlight shows where you are), Esc closes the list. A same-origin
// script file, allowed by script-src 'self' (pages keep no inline script but the story page's hashed one);
// nothing in it is needed to read or use a page. It builds the list with text nodes, never markup.
import { Hono } from 'hono';
import { html, type SafeHtml } from '../report/escape.js';

export const SHORTCUTS_PATH = '/assets/shortcuts.js';

/** The keys and what they do, as the overlay lists them (kept here so the test can read them too). */
export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['?', 'show or hide this list'],
  ['/', 'search articles'],
  ['g s', 'go to the stories'],
  ['g o', 'go to the outlets'],
  ['g b', 'go to the blindspots'],
  ['g a', 'go to the actors'],
  ['j', 'next finding (story page)'],
  ['k', 'previous finding (story page)'],
  ['Esc', 'close this list'],
];

export const SHORTCUTS_SCRIPT = `
(function () {
  'use strict';
  var LIST = ${JSON.stringify(SHORTCUTS)};
  var GO = { s: '/', o: '/outlets', b: '/blindspots', a: '/actors' };
  var overlay = null;
  var lastFocus = null;
  var pendingG = 0;

  function typing(el) {
    if (!el || !(el instanceof Element)) return false;
    var tag = el.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
  }
  function build() {
    var box = document.createElement('div');
    box.className = 'shortcuts';
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-modal', 'true');
    box.setAttribute('aria-labelledby', 'shortcuts-h');
    box.tabIndex = -1;
    var card = document.createElement('div');
    card.className = 'shortcuts-card';
    var h = document.createElement('h2');
    h.id = 'shortcuts-h';
    h.textContent = 'Keyboard shortcuts';
    card.appendChild(h);
    var dl = document.createElement('dl');
    LIST.forEach(function (row) {
      var dt = document.createElement('dt');
      row[0].split(' ').forEach(function (k, i) {
        if (i > 0) dt.appendChild(document.createTextNode(' then '));
        var kbd = document.createElement('kbd');
        kbd.textContent = k;
        dt.appendChild(kbd);
      });
      var dd = document.createElement('dd');
      dd.textContent = row[1];
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    card.appendChild(dl);
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'act quiet';
    close.textContent = 'Close';
    close.addEventListener('click', hide);
    card.appendChild(close);
    box.appendChild(card);
    box.addEventListener('click', function (ev) { if (ev.target === box) hide(); });
    return box;
  }
  function show() {
    if (!overlay) { overlay = build(); document.body.appendChild(overlay); }
    lastFocus = document.activeElement;
    overlay.hidden = false;
    overlay.focus();
  }
  function hide() {
    if (!overlay || overlay.hidden) return;
    overlay.hidden = true;
    if (lastFocus && lastFocus.focus) lastFocus.focus();
  }
  function isOpen() { return overlay !== null && !overlay.hidden; }

  // A finding is a row or card with its own address: facts, actors, quotes, discrepancies of the story shown.
  function findings() {
    var story = document.querySelector('[data-story]:not([hidden])') || document;
    return Array.prototype.slice.call(story.querySelectorAll('tr[id^="fact-"], tr[id^="actor-"], tr[id*="-fact-"], tr[id*="-actor-"], article.quote[id], article.disc[id]'))
      .filter(function (el) { return el.getClientRects().length > 0; });
  }
  function step(by) {
    var list = findings();
    if (!list.length) return;
    var current = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    var at = list.indexOf(current);
    var next;
    if (at < 0) {
      // From the reading position: the first finding below the top of the window (or the last above it).
      var below = list.filter(function (el) { return el.getBoundingClientRect().top > 60; });
      next = by > 0 ? (below[0] || list[list.length - 1]) : (list[list.indexOf(below[0]) - 1] || list[0]);
    } else {
      next = list[Math.min(list.length - 1, Math.max(0, at + by))];
    }
    // Replacing the address keeps Back for leaving the page and makes :target highlight the finding.
    location.replace('#' + encodeURIComponent(next.id));
  }

  document.addEventListener('keydown', function (ev) {
    if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === 'Escape') { if (isOpen()) { hide(); ev.preventDefault(); } return; }
    if (typing(ev.target)) return;
    if (ev.key === '?') { if (isOpen()) hide(); else show(); ev.preventDefault(); return; }
    if (isOpen()) return;
    if (pendingG && Date.now() - pendingG < 1500 && GO[ev.key]) {
      pendingG = 0;
      ev.preventDefault();
      location.href = GO[ev.key];
      return;
    }
    pendingG = 0;
    if (ev.key === 'g') { pendingG = Date.now(); return; }
    if (ev.key === '/') {
      var q = document.getElementById('site-q');
      if (q) { ev.preventDefault(); q.focus(); q.select(); }
      return;
    }
    if (ev.key === 'j') { step(1); ev.preventDefault(); return; }
    if (ev.key === 'k') { step(-1); ev.preventDefault(); }
  });
})();
`;

export const SHORTCUTS_STYLE = `
.shortcuts { position: fixed; inset: 0; z-index: 100; display: grid; place-items: center; background: rgba(10, 14, 20, .55); padding: 16px; }
.shortcuts[hidden] { display: none; }
.shortcuts-card { background: var(--card); color: var(--ink); border: 1px solid var(--line); border-radius: var(--radius); padding: 18px 22px; max-width: 26rem; width: 100%; box-shadow: 0 10px 30px rgba(0, 0, 0, .3); }
.shortcuts-card h2 { margin: 0 0 10px; font-size: 18px; }
.shortcuts-card dl { display: grid; grid-template-columns: auto 1fr; gap: 6px 14px; margin: 0 0 14px; }
.shortcuts-card dt { white-space: nowrap; color: var(--muted); font-size: 13px; }
.shortcuts-card dd { margin: 0; }
kbd { font: 600 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--ink); background: var(--soft); border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 5px; padding: 0 6px; }
`;

/** The script tag every app page carries (after the content, so it never holds up reading). */
export const SHORTCUTS_TAG: SafeHtml = html`<script src="${SHORTCUTS_PATH}" defer></script>`;

export function shortcutRoutes(): Hono {
  const app = new Hono();
  app.get(SHORTCUTS_PATH, (c) =>
    c.body(SHORTCUTS_SCRIPT, 200, {
      'Content-Type': 'text/javascript; charset=UTF-8',
      // Changes only with a new release; a reader's browser may keep it for a while.
      'Cache-Control': 'public, max-age=3600',
    }),
  );
  return app;
}
