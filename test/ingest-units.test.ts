// Unit tests of ingest's parts: dates, markdown, block text, the JSON scanner, line splitting, sources.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParallaxError } from '../src/errors.js';
import { collect, gunzipChunks } from '../src/ingest/bytes.js';
import {
  dateFromUrl,
  fragmentText,
  loadSources,
  lookupSource,
  markdownToText,
  normalizePublished,
  sourceMapFrom,
} from '../src/ingest/index.js';
import { JsonArrayScanner, type ScanEvent, scanJson } from '../src/ingest/json-scan.js';
import { splitLines } from '../src/ingest/lines.js';
import { authorString } from '../src/ingest/meta.js';
import { stripSiteName } from '../src/ingest/page-meta.js';
import { describeError, formatSize, Refusal } from '../src/ingest/refusal.js';
import { sniffFormat } from '../src/ingest/stdin.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'ingest');

describe('normalizePublished', () => {
  it.each([
    ['2025-03-05', '2025-03-05'],
    ['2025-03-05T23:30:00-05:00', '2025-03-05'],
    ['2025-03-05 10:00', '2025-03-05'],
    ['2025-3-5', '2025-03-05'],
    ['2025/03/05', '2025-03-05'],
    ['2025.03.05', '2025-03-05'],
    ['20250305', '2025-03-05'],
    ['March 5, 2025', '2025-03-05'],
    ['Mar. 5 2025', '2025-03-05'],
    ['Wednesday, March 5th, 2025', '2025-03-05'],
    ['5 March 2025', '2025-03-05'],
    ['5th of March, 2025', '2025-03-05'],
    ['Wed, 05 Mar 2025 10:00:00 GMT', '2025-03-05'],
    ['  5 Sept 2025 ', '2025-09-05'],
    ['25/03/2025', '2025-03-25'],
    ['03/25/2025', '2025-03-25'],
    ['05/05/2025', '2025-05-05'],
    ['05/03/2025', null], // day and month cannot be told apart
    ['2025-02-30', null],
    ['2025-13-01', null],
    ['March 2025', null],
    ['yesterday', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(normalizePublished(input)).toBe(expected);
  });
});

describe('dateFromUrl', () => {
  it.each([
    ['https://example.com/world/2025/03/05/slug', '2025-03-05'],
    ['https://example.com/2025/3/5/slug', '2025-03-05'],
    ['https://example.com/news/2025-03-05/slug', '2025-03-05'],
    ['https://example.com/news/2025-03-05-slug', '2025-03-05'],
    ['https://example.com/a/20250305/slug', '2025-03-05'],
    ['/2025/03/05/relative-canonical', '2025-03-05'],
    ['https://example.com/story-123456789', null],
    ['https://example.com/2025/13/45/not-a-date', null],
    ['https://example.com/?date=2025/03/05', null], // the query string is not the publisher's path
  ])('%s → %s', (url, expected) => {
    expect(dateFromUrl(url)).toBe(expected);
  });
});

describe('markdownToText', () => {
  it.each([
    ['## Heading ##', 'Heading'],
    ['#hashtag stays', '#hashtag stays'],
    ['**bold** and __strong__ and *em* and _em_', 'bold and strong and em and em'],
    ['snake_case_name, rated 5* by readers', 'snake_case_name, rated 5* by readers'],
    ['see [the report](https://x.org/a_(b)) now', 'see the report now'],
    ['before ![chart](img.png) after', 'before  after'],
    ['[ref link][1]\n\n[1]: https://example.com', 'ref link'],
    ['<https://example.com>', 'https://example.com'],
    ['use `code_here` please', 'use code_here please'],
    ['\\*not emphasis\\*', '*not emphasis*'],
    ['> quoted line', 'quoted line'],
    ['- item one\n+ item two', 'item one\nitem two'],
    ['Title\n=====\n\nBody', 'Title\n\nBody'],
    ['a\n\n---\n\nb', 'a\n\nb'],
    ['```\n*kept* as is\n```', '*kept* as is'],
    ['~~struck~~ text <!-- hidden -->', 'struck text'],
  ])('%j', (markdown, expected) => {
    expect(markdownToText(markdown)).toBe(expected);
  });
});

describe('fragmentText (block-aware HTML to text)', () => {
  it.each([
    ['<p>One.</p><p>Two.</p>', 'One.\n\nTwo.'],
    ['<div>Outer <div>inner</div> tail</div>', 'Outer\n\ninner\n\ntail'],
    ['<p>line one<br>line two</p>', 'line one\nline two'],
    ['<div>para one<br><br>para two</div>', 'para one\n\npara two'],
    ['<p>  lots   of\n\n  space&nbsp;here </p>', 'lots of space here'],
    ['<h2>Heading</h2>Loose text<ul><li>a</li><li>b</li></ul>', 'Heading\n\nLoose text\n\na\n\nb'],
    ['<p>Keep <b>bold</b><i>italic</i> inline</p>', 'Keep bolditalic inline'],
    ['<table><tr><td>Kyiv</td><td>12</td></tr><tr><td>Lviv</td><td>7</td></tr></table>', 'Kyiv 12\n\nLviv 7'],
    [
      '<p>Text<script>evil()</script><style>p{}</style><button>Share</button></p><form>Sign up</form>',
      'Text',
    ],
    ['<figure><img src="x.jpg"><figcaption>The caption.</figcaption></figure>', 'The caption.'],
    ['<pre>line 1\n  line 2</pre>', 'line 1\n  line 2'],
    ['<p>a</p><hr><p>b</p>', 'a\n\nb'],
  ])('%j', (html, expected) => {
    expect(fragmentText(html)).toBe(expected);
  });
});

describe('authorString', () => {
  it('keeps names and lists of names', () => {
    expect(authorString(' Ana  Reyes ')).toBe('Ana Reyes');
    expect(authorString(['Ana Reyes', { name: 'Tomas Brenn' }, 'Ana Reyes'])).toBe('Ana Reyes, Tomas Brenn');
  });
  it("drops a template's field list and a byline without a letter", () => {
    expect(authorString('Backdrop_Url Avatar_Small, Post Count')).toBeNull();
    expect(authorString('\\')).toBeNull();
    expect(authorString(['Ana Reyes', 'Avatar_Small'])).toBe('Ana Reyes');
  });
});

describe('stripSiteName', () => {
  it.each([
    ['Headline | Site', 'Site', 'Headline'],
    ['Headline - site', 'Site', 'Headline'],
    ['Headline — Site', 'Site', 'Headline'],
    ['Site | Headline', 'Site', 'Headline'],
    ['Kyiv - Lviv train resumes | Site', 'Site', 'Kyiv - Lviv train resumes'],
    ['Kyiv - Lviv train resumes', 'Site', 'Kyiv - Lviv train resumes'],
    ['Headline | Other', 'Site', 'Headline | Other'],
  ])('%s (site %s) → %s', (title, site, expected) => {
    expect(stripSiteName(title, site)).toBe(expected);
  });
});

describe('JSON array scanner', () => {
  const text = (events: ScanEvent[]) =>
    events.map((e) => (e.kind === 'element' ? `${e.index}:${e.bytes.toString('utf8')}` : `${e.kind}`));

  function scanInPieces(json: string, pieceSize: number, max = 1 << 20): ScanEvent[] {
    const bytes = Buffer.from(json, 'utf8');
    const scanner = new JsonArrayScanner(max);
    const events: ScanEvent[] = [];
    for (let i = 0; i < bytes.length; i += pieceSize)
      events.push(...scanner.push(bytes.subarray(i, i + pieceSize)));
    events.push(...scanner.end());
    return events;
  }

  const tricky =
    '[ {"a": "x]y", "b": "quote \\" and \\\\", "c": [1, {"d": "}"}]} ,"str,ing" , 12.5e3,null,\n' +
    '{"name": "Ёлка — ✓ 🎉"}, [] ]';
  const expected = [
    '0:{"a": "x]y", "b": "quote \\" and \\\\", "c": [1, {"d": "}"}]}',
    '1:"str,ing"',
    '2:12.5e3',
    '3:null',
    '4:{"name": "Ёлка — ✓ 🎉"}',
    '5:[]',
  ];

  it.each([1, 2, 3, 7, 64, 4096])('finds the same elements whatever the chunk size (%i bytes)', (size) => {
    const events = scanInPieces(tricky, size);
    expect(text(events)).toEqual(expected);
    for (const e of events)
      if (e.kind === 'element') expect(() => JSON.parse(e.bytes.toString('utf8'))).not.toThrow();
  });

  it('reports an element over the limit by size, without keeping it, and goes on', () => {
    const events = scanInPieces(`[{"t": "${'x'.repeat(100)}"}, {"t": "ok"}]`, 16, 50);
    expect(events[0]).toEqual({ kind: 'too-big', index: 0, size: 109 });
    expect(text(events.slice(1))).toEqual(['1:{"t": "ok"}']);
  });

  it.each([
    ['', 'empty file'],
    ['  \n', 'empty file'],
    ['[{"a": 1}', 'the JSON ends before the array is closed (truncated file?)'],
    ['[{"a": "unterminated', 'the JSON ends before the array is closed (truncated file?)'],
    ['{"a": 1', 'the JSON ends before the record is closed (truncated file?)'],
    ['[1] [2]', 'unexpected content after the end of the JSON'],
    ['true', 'not a JSON array of records or a record object'],
    ['{"a": 1}\n{"a": 2}', 'more than one top-level object (JSON Lines? name the file .jsonl)'],
  ])('refuses %j', (json, reason) => {
    const events = scanInPieces(json, 3);
    const last = events.at(-1);
    expect(last).toEqual({ kind: 'error', reason });
  });

  it('hands out the first record before the rest of the stream exists', async () => {
    let release: () => void = () => {};
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    async function* slowSource() {
      yield Buffer.from('[{"id": 1}, {"id"');
      await blocked; // the rest never comes unless the test releases it
      yield Buffer.from(': 2}]');
    }
    const it = scanJson(slowSource(), 1024);
    const first = await it.next();
    expect(first.value).toMatchObject({ kind: 'element', index: 0 });
    release();
    const rest: ScanEvent[] = [];
    for await (const e of it) rest.push(e);
    expect(text(rest)).toEqual(['1:{"id": 2}']);
  });
});

describe('splitLines', () => {
  async function lines(chunks: string[], max = 100) {
    const out: string[] = [];
    async function* source() {
      for (const c of chunks) yield Buffer.from(c);
    }
    for await (const e of splitLines(source(), max)) {
      out.push('tooBig' in e ? `${e.line}:too big ${e.tooBig}` : `${e.line}:${e.bytes.toString()}`);
    }
    return out;
  }

  it('splits across chunk boundaries, strips CR, numbers every line (a blank one is counted, not handed on)', async () => {
    expect(await lines(['ab', 'c\r\nd', 'e\n\nf'])).toEqual(['1:abc', '2:de', '4:f']);
  });

  it('counts a line over the limit without keeping it', async () => {
    expect(await lines(['short\n', 'x'.repeat(30), 'x'.repeat(30), '\nok'], 40)).toEqual([
      '1:short',
      '2:too big 60',
      '3:ok',
    ]);
  });
});

describe('sniffing standard input', () => {
  it.each([
    ['{"text": "x"}', 'records'],
    ['  [\n{"text": "x"}]', 'records'],
    ['<!doctype html><p>x</p>', 'html'],
    ['---\ntitle: x\n---\nBody', 'markdown'],
    ['Just text.', 'text'],
  ] as const)('%j → %s', (input, format) => {
    expect(sniffFormat(input)).toBe(format);
  });
});

describe('bounded reads', () => {
  // Endless sources: a read that did not stop at its limit would never finish.
  async function* endless(counter: { pulled: number }) {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    for (;;) {
      counter.pulled++;
      yield chunk;
    }
  }

  it('stops collecting as soon as the limit is passed', async () => {
    const counter = { pulled: 0 };
    expect(await collect(endless(counter), 1024 * 1024)).toBeNull();
    expect(counter.pulled).toBe(17);
  });

  it('stops inflating an endless gzip stream at the limit', async () => {
    const counter = { pulled: 0 };
    const gzip = Readable.from(endless(counter)).pipe(createGzip());
    expect(await collect(gunzipChunks(gzip), 4 * 1024 * 1024)).toBeNull();
    expect(counter.pulled).toBeLessThan(1000);
  });
});

describe('describeError', () => {
  const osError = (code: string) => Object.assign(new Error(`${code}: something, open '/x'`), { code });
  it.each([
    [osError('ENOENT'), 'no such file or directory'],
    [osError('EACCES'), 'permission denied'],
    [osError('EPERM'), 'permission denied'],
    [osError('ELOOP'), 'too many levels of symbolic links (a link loop?)'],
    [osError('EWHATEVER'), "EWHATEVER: something, open '/x'"],
    [new Refusal('binary file, not text'), 'binary file, not text'],
    [new Error('first line\nsecond line'), 'first line'],
  ])('%s → %s', (err, reason) => {
    expect(describeError(err)).toBe(reason);
  });
});

describe('formatSize', () => {
  it.each([
    [512, false, '512 bytes'],
    [2048, false, '2 KB'],
    [20 * 1024 * 1024, false, '20 MB'],
    [20 * 1024 * 1024 + 40_000, true, '20.1 MB'],
  ])('%i → %s', (bytes, up, expected) => {
    expect(formatSize(bytes, up)).toBe(expected);
  });
});

describe('sources file', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'parallax-sources-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('looks up file names, globs, relative paths and hosts (subdomains, path prefixes)', async () => {
    const map = await loadSources(path.join(FIXTURES, 'sources.yaml'));
    const look = (source: string, url?: string) => lookupSource(map, { source, url });
    expect(look('/anywhere/kyiv-0305.txt')).toEqual({
      outlet: 'Kyiv Post',
      published: '2025-03-05',
      author: 'Desk',
    });
    expect(look('kyiv-0305.md')).toEqual({});
    expect(look('x/records.jsonl:12', 'https://www.themoscowtimes.com/news/a')).toEqual({
      outlet: 'The Moscow Times',
      language: 'en',
    });
    expect(look('-', 'https://example.org/politics')).toEqual({ outlet: 'Example Org' });
    expect(look('-', 'https://news.example.org/politics/story')).toEqual({ outlet: 'Example Org Politics' });
    expect(look('-', 'https://news.example.org/sport/story')).toEqual({ outlet: 'Example Org' });
    expect(look('-', 'https://notexample.org/')).toEqual({});
    expect(look('-', 'not a url')).toEqual({});
  });

  it('matches keys with a folder against the path relative to the sources file', () => {
    const map = sourceMapFrom(
      { files: { 'ru/**': { language: 'ru' }, 'ru/tass/*.html': { outlet: 'TASS' } } },
      path.join(tmp, 'sources.yaml'),
    );
    expect(lookupSource(map, { source: path.join(tmp, 'ru', 'tass', 'a.html') })).toEqual({
      outlet: 'TASS',
      language: 'ru',
    });
    expect(lookupSource(map, { source: path.join(tmp, 'ru', 'other', 'deep', 'b.txt') })).toEqual({
      language: 'ru',
    });
    expect(lookupSource(map, { source: path.join(tmp, 'en', 'ru', 'c.txt') })).toEqual({});
  });

  it('reads the same structure from JSON', async () => {
    const file = path.join(tmp, 'sources.json');
    await writeFile(file, JSON.stringify({ hosts: { 'bbc.com/russian': { outlet: 'BBC Russian' } } }));
    const map = await loadSources(file);
    expect(lookupSource(map, { source: '-', url: 'https://www.bbc.com/russian/articles/x' })).toEqual({
      outlet: 'BBC Russian',
    });
  });

  it.each([
    ['missing file', null, /cannot read sources file .*no such file or directory/],
    ['broken YAML', 'files:\n  "a.txt": { outlet: X\n', /not valid YAML or JSON/],
    [
      'unknown field',
      'files:\n  "a.txt": { outelt: X }\n',
      /"a\.txt": unknown field "outelt" \(allowed: title, outlet/,
    ],
    [
      'unknown section',
      'sites:\n  a.com: { outlet: X }\n',
      /unknown field "sites" \(allowed: files, hosts\)/,
    ],
    ['wrong type', 'files: [a, b]\n', /files: expected a mapping/],
    ['bad date', 'files:\n  "a.txt": { published: soon }\n', /cannot read the date "soon"/],
    ['bad host', 'hosts:\n  "not a host!": { outlet: X }\n', /"not a host!" is not a host name/],
  ])('throws a CONFIG error for a %s', async (label, content, message) => {
    const file = path.join(tmp, `${label.replace(/\W+/g, '-')}.yaml`);
    if (content !== null) await writeFile(file, content);
    const attempt = loadSources(file);
    await expect(attempt).rejects.toBeInstanceOf(ParallaxError);
    await expect(attempt).rejects.toMatchObject({ code: 'CONFIG', message: expect.stringMatching(message) });
  });
});
