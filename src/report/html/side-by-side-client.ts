// The page script's part for evidence side by side (see side-by-side.ts for the data-side format). It runs
// inside the page script's function and uses its helpers: all(), storyOf(), viewText() and applyFilter().
// A click on an opener ([data-side]) builds the panel once from the article views' text and toggles it:
// after the fact's row in the matrix, at the end of a quote card or discrepancy. Like the rest of the
// script it never writes markup: every sentence goes in as text nodes. Each row's chip is an ordinary
// finding link ([data-a], [data-r]), so the page script's own click handler opens the article there. A row
// whose sentence adds detail to the fact (Fact.extraDetail, ✓⁺ in the matrix) says so under its chip.
import { DETAIL_NOTE } from './sections.js';

export const SIDE_BY_SIDE_CLIENT = `
  var sides = new WeakMap();
  var sideCount = 0;

  function sidePairs(list) {
    return (list || '').split(',').filter(Boolean).map(function (r) {
      var p = r.split('-');
      return [Number(p[0]), Number(p[1])];
    });
  }
  function sideRowsOf(el) {
    return (el.getAttribute('data-side') || '').split(';').filter(Boolean).map(function (row) {
      var f = row.split('|');
      return { k: f[0], extents: sidePairs(f[1]), spans: sidePairs(f[2]), marks: sidePairs(f[3]), changed: sidePairs(f[4]), detail: f[5] === '1' };
    });
  }
  function inside(list, at) {
    return list.some(function (r) { return at >= r[0] && at < r[1]; });
  }

  // One sentence (or several, joined by an ellipsis): the evidence in full ink, the rest of the sentence
  // quieter, the differing words marked, a changed figure, negation or name stressed. The extent is cut
  // wherever a span or mark starts or ends (changed ranges are marks too, so their ends are among them).
  function sideText(text, row) {
    var p = document.createElement('p');
    p.className = 'side-text';
    row.extents.forEach(function (x, n) {
      if (n > 0) p.appendChild(document.createTextNode(' … '));
      var cuts = [x[0], x[1]];
      row.spans.concat(row.marks).forEach(function (r) {
        if (r[0] > x[0] && r[0] < x[1]) cuts.push(r[0]);
        if (r[1] > x[0] && r[1] < x[1]) cuts.push(r[1]);
      });
      cuts.sort(function (a, b) { return a - b; });
      for (var i = 0; i + 1 < cuts.length; i++) {
        var a = cuts[i];
        var b = cuts[i + 1];
        if (a >= b) continue;
        var piece = document.createElement(inside(row.marks, a) ? 'mark' : 'span');
        piece.className = (inside(row.marks, a) ? 'diff ' : '') + (inside(row.changed, a) ? 'changed ' : '') +
          (inside(row.spans, a) ? 'side-ev' : 'side-ctx');
        piece.textContent = text.slice(a, b);
        p.appendChild(piece);
      }
    });
    return p;
  }

  function sideRow(story, row) {
    var view = story.querySelector('.article-view[data-k="' + row.k + '"]');
    if (!view) return null;
    var colour = (view.className.match(/\\bo\\d+\\b/) || [''])[0];
    var li = document.createElement('li');
    li.className = 'side-row ' + colour;
    li.setAttribute('data-o', view.getAttribute('data-o') || '');
    var who = document.createElement('div');
    who.className = 'side-who';
    var cite = document.createElement('button');
    cite.type = 'button';
    cite.className = 'chip ' + colour;
    cite.setAttribute('data-a', row.k);
    cite.setAttribute('data-r', row.spans.map(function (r) { return r[0] + '-' + r[1]; }).join(' '));
    cite.textContent = view.getAttribute('data-short') || '';
    cite.title = (view.getAttribute('data-outlet') || '') + ' · open this sentence in the article';
    var date = document.createElement('span');
    date.className = 'side-date';
    date.textContent = view.getAttribute('data-date') || '';
    who.appendChild(cite);
    who.appendChild(date);
    if (row.detail) {
      var detail = document.createElement('span');
      detail.className = 'side-detail';
      detail.textContent = '⁺ adds detail';
      detail.title = ${JSON.stringify(`This outlet's sentence ${DETAIL_NOTE}`)};
      who.appendChild(detail);
    }
    li.appendChild(who);
    li.appendChild(sideText(viewText(view), row));
    return li;
  }

  // A panel under a matrix row spans the whole (scrolling) table, but stays as wide as the visible part.
  function fitSide(panel) {
    var wrap = panel.closest('.table-wrap');
    if (wrap && wrap.clientWidth > 0) panel.style.width = wrap.clientWidth + 'px';
  }

  function buildSide(opener) {
    var story = storyOf(opener);
    var panel = document.createElement('div');
    panel.className = 'side';
    panel.id = 'side-' + (++sideCount);
    panel.setAttribute('role', 'region');
    panel.setAttribute('aria-label', 'Side by side');
    var head = document.createElement('div');
    head.className = 'side-head';
    var title = document.createElement('p');
    title.className = 'side-title';
    var rows = sideRowsOf(opener);
    title.textContent = 'Side by side, ' + rows.length + ' articles. Marked: words the others do not use; a figure or a “not” most of them do not give.';
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'side-close';
    close.setAttribute('aria-label', 'Close side by side');
    close.textContent = '×';
    close.addEventListener('click', function () { toggleSide(opener); opener.focus(); });
    head.appendChild(title);
    head.appendChild(close);
    var list = document.createElement('ol');
    list.className = 'side-rows';
    rows.forEach(function (row) {
      var li = sideRow(story, row);
      if (li) list.appendChild(li);
    });
    panel.appendChild(head);
    panel.appendChild(list);
    var tr = opener.closest('tr');
    var outer = panel;
    if (tr && tr.parentNode) {
      outer = document.createElement('tr');
      outer.className = 'side-tr';
      var td = document.createElement('td');
      td.setAttribute('colspan', String(tr.children.length));
      td.appendChild(panel);
      outer.appendChild(td);
      tr.parentNode.insertBefore(outer, tr.nextSibling);
      fitSide(panel);
    } else {
      (opener.closest('.quote, .disc') || opener.parentNode).appendChild(panel);
    }
    return { outer: outer, panel: panel };
  }

  function toggleSide(opener) {
    var open = sides.get(opener);
    if (open) {
      open.outer.hidden = !open.outer.hidden;
    } else {
      open = buildSide(opener);
      sides.set(opener, open);
      opener.setAttribute('aria-controls', open.panel.id);
    }
    opener.setAttribute('aria-expanded', String(!open.outer.hidden));
    if (!open.outer.hidden) {
      fitSide(open.panel);
      applyFilter(storyOf(opener));
    }
  }

  document.addEventListener('click', function (ev) {
    var t = ev.target;
    var opener = t instanceof Element ? t.closest('[data-side]') : null;
    if (opener) toggleSide(opener);
  });
  document.addEventListener('keydown', function (ev) {
    var t = ev.target;
    var panel = ev.key === 'Escape' && t instanceof Element ? t.closest('.side') : null;
    if (!panel) return;
    var opener = document.querySelector('[aria-controls="' + panel.id + '"]');
    if (opener) { toggleSide(opener); opener.focus(); }
  });
  window.addEventListener('resize', function () { all(document, '.side-tr .side').forEach(fitSide); });
`;
