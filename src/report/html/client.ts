// The page's only script, inlined verbatim and allowed by its sha256 in the page's Content-Security-Policy.
// It never writes markup: article text goes into the DOM as text nodes, so nothing from the data can become
// an element. It does four things: (1) a click on any finding ([data-a]) opens that article's view and
// wraps the finding's ranges ([data-r], UTF-16 offsets into the article text, which the view's paragraphs hold) in
// <mark>; (2) the outlet toggles ([data-filter]) dim other outlets' findings ([data-o]); (3) with several
// stories, the picker ([data-pick]) shows one at a time; (4) openers ([data-side]) show the evidence side by
// side (side-by-side-client.ts). Plain ES2017 so it runs wherever the page opens.
import { SIDE_BY_SIDE_CLIENT } from './side-by-side-client.js';

export const CLIENT_SCRIPT = `
(function () {
  'use strict';
  var root = document.documentElement;
  var back = document.getElementById('back');
  var origin = null;
  root.classList.add('js');

  function all(scope, selector) { return Array.prototype.slice.call(scope.querySelectorAll(selector)); }
  function storyOf(el) { return el.closest('[data-story]'); }
  // The article text at every offset a paragraph covers, rebuilt from the paragraphs themselves (each holds
  // exactly text.slice(data-s, data-e), and painting marks never changes that), so the page needs no copy
  // of the texts. Offsets between paragraphs are spaces; no range points there.
  var texts = new WeakMap();
  function viewText(view) {
    var known = texts.get(view);
    if (known !== undefined) return known;
    var out = '';
    all(view, '.body [data-s]').forEach(function (p) {
      var s = Number(p.getAttribute('data-s'));
      if (out.length < s) out += ' '.repeat(s - out.length);
      out = out.slice(0, s) + p.textContent;
    });
    texts.set(view, out);
    return out;
  }
  function ranges(el) {
    return (el.getAttribute('data-r') || '').split(' ').filter(Boolean).map(function (r) {
      var p = r.split('-');
      return [Number(p[0]), Number(p[1])];
    }).sort(function (x, y) { return x[0] - y[0]; });
  }

  // Rebuilds every paragraph that overlaps a range (and every one that held an old mark) from the
  // article text, so marks never nest or pile up. Returns the first mark.
  function paint(view, text, spans) {
    var first = null;
    all(view, '.body [data-s]').forEach(function (p) {
      var ps = Number(p.getAttribute('data-s'));
      var pe = Number(p.getAttribute('data-e'));
      var parts = [];
      var at = ps;
      spans.forEach(function (r) {
        var a = Math.max(r[0], at);
        var b = Math.min(r[1], pe);
        if (a >= b) return;
        if (a > at) parts.push(document.createTextNode(text.slice(at, a)));
        var m = document.createElement('mark');
        m.textContent = text.slice(a, b);
        parts.push(m);
        if (!first) first = m;
        at = b;
      });
      if (parts.length === 0) {
        if (p.querySelector('mark')) p.textContent = text.slice(ps, pe);
        return;
      }
      if (at < pe) parts.push(document.createTextNode(text.slice(at, pe)));
      p.textContent = '';
      parts.forEach(function (n) { p.appendChild(n); });
    });
    return first;
  }

  function show(story, k) {
    var target = null;
    all(story, '.article-view').forEach(function (v) {
      var on = v.getAttribute('data-k') === k;
      v.hidden = !on;
      if (on) target = v;
    });
    all(story, '.tab').forEach(function (t) {
      t.setAttribute('aria-selected', String(t.getAttribute('data-a') === k));
    });
    return target;
  }

  function open(el) {
    var story = storyOf(el);
    if (!story) return;
    var k = el.getAttribute('data-a');
    var view = show(story, k);
    if (!view) return;
    var spans = ranges(el);
    var first = null;
    all(story, '.article-view').forEach(function (v) {
      var m = paint(v, viewText(v), v === view ? spans : []);
      if (v === view) first = m;
    });
    if (!el.classList.contains('tab')) {
      if (origin) origin.classList.remove('origin');
      origin = el;
      origin.classList.add('origin');
      back.hidden = false;
    }
    if (first) {
      first.scrollIntoView({ block: 'center' });
      first.classList.add('flash');
    } else {
      view.scrollIntoView({ block: 'start' });
    }
  }

  function applyFilter(story) {
    var on = all(story, '[data-filter][aria-pressed="true"]').map(function (b) { return b.getAttribute('data-filter'); });
    all(story, '[data-o]').forEach(function (el) {
      if (el.hasAttribute('data-filter')) return;
      el.classList.toggle('dim', on.length > 0 && on.indexOf(el.getAttribute('data-o')) < 0);
    });
    all(story, '[data-filter]').forEach(function (b) {
      b.classList.toggle('dim', on.length > 0 && b.getAttribute('aria-pressed') !== 'true');
    });
    var clear = story.querySelector('.filter-clear');
    if (clear) clear.hidden = on.length === 0;
  }

  function pick(i) {
    all(document, '[data-story]').forEach(function (s) { s.hidden = s.getAttribute('data-story') !== i; });
    all(document, '[data-pick]').forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-pick') === i)); });
    back.hidden = true;
    window.scrollTo(0, 0);
  }

${SIDE_BY_SIDE_CLIENT}
  document.addEventListener('click', function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) return;
    var el;
    if ((el = t.closest('[data-filter]'))) {
      el.setAttribute('aria-pressed', String(el.getAttribute('aria-pressed') !== 'true'));
      applyFilter(storyOf(el));
    } else if ((el = t.closest('.filter-clear'))) {
      var story = storyOf(el);
      all(story, '[data-filter]').forEach(function (b) { b.setAttribute('aria-pressed', 'false'); });
      applyFilter(story);
    } else if ((el = t.closest('[data-pick]'))) {
      pick(el.getAttribute('data-pick'));
    } else if (t.closest('#back')) {
      back.hidden = true;
      if (origin) {
        origin.scrollIntoView({ block: 'center' });
        origin.focus({ preventScroll: true });
      }
    } else if ((el = t.closest('[data-a]'))) {
      open(el);
    }
  });
  // Rows that act as buttons (quote variants) answer the keyboard like buttons.
  document.addEventListener('keydown', function (ev) {
    var t = ev.target;
    if ((ev.key === 'Enter' || ev.key === ' ') && t instanceof Element && t.getAttribute('role') === 'button' && t.hasAttribute('data-a')) {
      ev.preventDefault();
      open(t);
    }
  });

  all(document, '[data-story]').forEach(function (story) { show(story, '0'); });
  if (document.querySelector('[data-pick]')) pick('0');
})();
`;
