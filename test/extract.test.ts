// src/extract on small invented pages: each case puts one kind of furniture inside or around an ordinary
// article and checks what comes out.
import { describe, expect, it } from 'vitest';
import { type ExtractOptions, extractArticle } from '../src/extract/index.js';
import { isFramingLine } from '../src/extract/lines.js';
import { stripInertMarkup } from '../src/extract/prestrip.js';

const P1 =
  'The city council voted on Tuesday to close the old bridge to cars, citing cracks found by inspectors in the spring, and said buses would be rerouted within a week.';
const P2 =
  'Residents who live on the east bank, many of whom commute to the hospital and the university, said the closure would add half an hour to their journeys.';
const P3 =
  'Engineers estimate that repairs will cost about 12 million euros, which the council hopes to share with the regional government, though no agreement has been signed.';
const P4 =
  'The mayor, speaking after the vote, said safety came first and promised a public meeting next month to explain the timetable, the costs and the detours.';

/** A page with navigation, a sidebar and a footer around an article whose body is `body`. */
function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><title>Council closes old bridge | The Daily Example</title>
<meta property="og:title" content="Council closes old bridge">${head}
<script>window.track = function () { return "<p>not text</p>"; };</script><style>p { color: red }</style></head>
<body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<div class="layout">
<main><article class="story">
<h1>Council closes old bridge</h1>
<div class="story-body">
${body}
</div>
</article></main>
<div class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Storm warning for the coast tonight</a></li><li><a href="/b">Local team wins the cup after extra time</a></li></ul></div>
</div>
<footer class="site-footer"><p>© 2024 The Daily Example. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>`;
}

const BODY = `<p>${P1}</p><p>${P2}</p><p>${P3}</p><p>${P4}</p>`;

function text(html: string, options?: ExtractOptions): string {
  return extractArticle(html, 'https://example.com/news/bridge', options).text;
}

function paragraphs(html: string, options?: ExtractOptions): string[] {
  return text(html, options).split('\n\n');
}

interface Case {
  name: string;
  /** Inserted in the body between the second and the third paragraph. */
  inside: string;
  /** Text that must not come out. */
  gone: string[];
  /** Paragraphs that must come out as they are. */
  kept?: string[];
}

const FURNITURE_CASES: Case[] = [
  {
    name: 'an ad slot and its label',
    inside:
      '<div class="ad-slot"><span>Advertisement</span><a href="https://ads.example/x">Cheap flights to Rome</a></div>',
    gone: ['Advertisement', 'Cheap flights'],
  },
  {
    name: 'a related-articles box',
    inside:
      '<div class="related-articles"><h3>Related</h3><ul><li><a href="/1">Bridge inspections ordered across the region</a></li><li><a href="/2">Why old bridges crack</a></li></ul></div>',
    gone: ['Related', 'Bridge inspections ordered', 'Why old bridges crack'],
  },
  {
    name: 'a newsletter sign-up',
    inside:
      '<div class="newsletter-signup"><p>Get the morning briefing in your inbox every day.</p><form><input type="email"><button>Sign up</button></form></div>',
    gone: ['morning briefing', 'Sign up'],
  },
  {
    name: 'a "Read more:" cross-link line',
    inside: '<p><strong>Read more:</strong> <a href="/old">How the bridge was built in 1911</a></p>',
    gone: ['Read more', 'How the bridge was built'],
  },
  {
    name: 'a share bar',
    inside:
      '<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>',
    gone: ['Share on', 'Email'],
  },
  {
    name: 'a list of headlines after a "More stories" label',
    inside:
      '<p>More stories from the city</p><ul><li><a href="/1">Tram fares rise in January</a></li><li><a href="/2">New park opens by the river</a></li><li><a href="/3">Library extends its hours</a></li></ul>',
    gone: ['More stories', 'Tram fares', 'New park', 'Library extends'],
  },
  {
    name: 'an embedded tweet',
    inside:
      '<blockquote class="twitter-tweet"><p lang="en">The bridge is closed from today, please use the ferry.</p>— City of Example (@example_city) <a href="https://twitter.com/example_city/status/123456">March 3, 2024</a></blockquote>',
    gone: ['please use the ferry', '@example_city'],
  },
  {
    name: 'an embedded Instagram post',
    inside:
      '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/abc/"><div><a href="https://www.instagram.com/p/abc/">A post shared by River Walks (@riverwalks)</a></div></blockquote>',
    gone: ['A post shared by'],
  },
  {
    name: 'a photo with its caption and credit',
    inside:
      '<figure><img src="/bridge.jpg" alt="The bridge"><figcaption>The old bridge at dusk. Photo: Jane Roe/Example Agency</figcaption></figure>',
    gone: ['The old bridge at dusk', 'Jane Roe'],
  },
  {
    name: 'a caption in a captioned div and a credit line',
    inside:
      '<div class="wp-caption"><img src="/a.jpg"><p class="wp-caption-text">Cars queue at the bridge on Monday.</p></div><p>(Image credit: Example Agency)</p>',
    gone: ['Cars queue', 'Image credit'],
  },
  {
    name: 'hidden text and screen-reader labels',
    inside:
      '<div style="display:none">Hidden promo text for bots</div><span class="sr-only">Skip to the next paragraph</span><div hidden>Also hidden</div>',
    gone: ['Hidden promo', 'Skip to the next', 'Also hidden'],
  },
  {
    name: 'a hover card inside a sentence',
    inside: `<p>Councillor <span class="person"><a href="/p/ann">Ann Smith</a><span class="card"><img src="/ann.jpg"><a href="/p/ann">Ann Smith</a><a href="/s/1">Smith wins seat in landslide</a><a href="/s/2">Smith backs tram plan</a></span></span> voted against the closure, saying the council had ignored the inspectors' first warning.</p>`,
    gone: ['Smith wins seat', 'Smith backs tram plan'],
    kept: [
      "Councillor Ann Smith voted against the closure, saying the council had ignored the inspectors' first warning.",
    ],
  },
  {
    name: 'a byline and a date line',
    inside: '<div class="byline">By Jane Roe</div><p>Updated 10:42 a.m. EST, March 5, 2024</p>',
    gone: ['Jane Roe', 'Updated'],
  },
];

describe('extractArticle: furniture inside the article body', () => {
  for (const c of FURNITURE_CASES) {
    it(`removes ${c.name}`, () => {
      const html = page(`<p>${P1}</p><p>${P2}</p>${c.inside}<p>${P3}</p><p>${P4}</p>`);
      const out = text(html);
      for (const gone of c.gone) expect(out).not.toContain(gone);
      expect(paragraphs(html)).toEqual(expect.arrayContaining([P1, P2, P3, P4, ...(c.kept ?? [])]));
    });
  }
});

describe('extractArticle: the article and its shape', () => {
  it('finds the body among navigation, sidebar and footer, paragraphs separated by blank lines', () => {
    const out = extractArticle(page(BODY));
    expect(out.text).toBe([P1, P2, P3, P4].join('\n\n'));
    expect(out.title).toBe('Council closes old bridge');
  });

  it('drops the headline but keeps subheadings, quotes and lists', () => {
    const body = `<p>${P1}</p><h2>What happens next</h2><p>${P2}</p><blockquote><p>"We had no choice," the mayor said.</p></blockquote><ul><li>Buses 4 and 7 will cross at the dam.</li><li>Cyclists may still use the bridge.</li></ul><p>${P3}</p>`;
    expect(paragraphs(page(body))).toEqual([
      P1,
      'What happens next',
      P2,
      '"We had no choice," the mayor said.',
      'Buses 4 and 7 will cross at the dam.',
      'Cyclists may still use the bridge.',
      P3,
    ]);
  });

  it('keeps a line break inside a paragraph and splits paragraphs on <br><br>', () => {
    const body = `<p>${P1}</p><div>${P2}<br><br>${P3}<br>Signed, the council.</div><p>${P4}</p>`;
    expect(paragraphs(page(body))).toEqual([P1, P2, `${P3}\nSigned, the council.`, P4]);
  });

  it('joins an article split in two bodies by a full-width picture', () => {
    const html = page(
      `<p>${P1}</p><p>${P2}</p></div><figure><img src="/wide.jpg"></figure><div class="story-body"><p>${P3}</p><p>${P4}</p>`,
    );
    expect(paragraphs(html)).toEqual([P1, P2, P3, P4]);
  });

  it('keeps captions and embedded posts when asked', () => {
    const body = `<p>${P1}</p><figure><img src="/b.jpg"><figcaption>The old bridge at dusk.</figcaption></figure><p>${P2}</p><blockquote class="twitter-tweet"><p>Bridge closed from today.</p><a href="https://twitter.com/city/status/1">March 3, 2024</a></blockquote><p>${P3}</p><p>${P4}</p>`;
    expect(text(page(body))).not.toContain('dusk');
    expect(text(page(body), { captions: true })).toContain('The old bridge at dusk.');
    expect(text(page(body))).not.toContain('Bridge closed from today.');
    expect(text(page(body), { embeddedPosts: true })).toContain('Bridge closed from today.');
  });

  it('gives little or no text for a page without an article', () => {
    const html = `<!doctype html><html><head><title>Page not found</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<h1>Page not found</h1><p>Sorry, we could not find that page.</p>
<div class="sidebar"><ul><li><a href="/a">Storm warning for the coast tonight</a></li><li><a href="/b">Local team wins the cup</a></li></ul></div>
<footer>© 2024 The Daily Example</footer></body></html>`;
    expect(text(html).length).toBeLessThan(80);
    expect(text(html)).not.toContain('Storm warning');
  });

  it('reads a fragment without <html> as a page body', () => {
    expect(text(`<p>${P1}</p><p>${P2}</p>`)).toBe(`${P1}\n\n${P2}`);
  });

  it('drops the headline above the body even when the metadata words it differently', () => {
    const html = page(BODY).replace(
      '<h1>Council closes old bridge</h1>',
      '<h1>Old bridge shut after cracks found</h1>',
    );
    expect(paragraphs(html)[0]).toBe(P1);
  });

  it('gives no text for an empty document', () => {
    expect(extractArticle('').text).toBe('');
    expect(extractArticle('<html><body></body></html>').text).toBe('');
  });
});

describe('isFramingLine', () => {
  const rows: [string, boolean][] = [
    ['Photo: Jane Roe / Example Agency', true],
    ['(Image credit: NASA)', true],
    ['Image 3 of 12', true],
    ['Advertisement', true],
    ['Related: Five things to know about the bridge', true],
    ['Follow us on Twitter @example for more updates', true],
    ['Like this story? Share it with a friend!', true],
    ['jane.roe@example.com', true],
    ['Additional reporting by John Doe', true],
    ['Reuters contributed to this report.', true],
    ['Published: Tuesday, March 5, 2024 08:38', true],
    // Sentences stay, even short ones or ones with dates.
    ['The vote is on Nov. 5.', false],
    ['More than 200 people attended the meeting.', false],
    ['Follow the money, the inspector said.', false],
    ['Clinching in November', false],
    [P1, false],
  ];
  for (const [line, framing] of rows) {
    it(`${framing ? 'drops' : 'keeps'} ${JSON.stringify(line.slice(0, 50))}`, () => {
      expect(isFramingLine(line)).toBe(framing);
    });
  }
});

describe('stripInertMarkup', () => {
  it('removes scripts, styles, comments and inline SVG, keeps JSON-LD and text', () => {
    const html =
      '<head><script type="application/ld+json">{"@type":"NewsArticle"}</script><script>var s = "<!-- not a comment";</script><style>p{}</style></head>' +
      '<body><!-- <script> in a comment --><p>Kept <svg viewBox="0 0 1 1"/>text</p><svg><path d="M0"/></svg><p>Also kept</p></body>';
    const out = stripInertMarkup(html);
    expect(out).toContain('application/ld+json');
    expect(out).not.toMatch(/var s|p\{\}|in a comment|<path/);
    expect(out).toContain('<p>Kept text</p>');
    expect(out).toContain('<p>Also kept</p>');
  });
});
