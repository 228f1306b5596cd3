// End-to-end tests of ingest(): real files on disk (fixtures, or generated into a temp folder when the
// bytes are odd), real gzip, real streams. No network.

import { createWriteStream } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, DEFAULT_CONFIG } from '../src/config.js';
import { ParallaxError } from '../src/errors.js';
import { type IngestItem, type IngestOptions, ingest } from '../src/ingest/index.js';
import type { RawArticle } from '../src/model/article.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'ingest');
const fixture = (name: string) => path.join(FIXTURES, name);

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'parallax-ingest-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(tmp, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

function config(overrides: Partial<Config> = {}): Config {
  return { ...DEFAULT_CONFIG, ...overrides };
}

async function run(
  inputs: string[],
  cfg: Config = config(),
  stdin: NodeJS.ReadableStream = Readable.from([]),
  options: IngestOptions = {},
): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of ingest(inputs, cfg, stdin, options)) items.push(item);
  return items;
}

function articles(items: IngestItem[]): RawArticle[] {
  return items.flatMap((i) => (i.ok ? [i.raw] : []));
}

function refusals(items: IngestItem[]): { input: string; reason: string }[] {
  return items.flatMap((i) => (i.ok ? [] : [{ input: i.input, reason: i.reason }]));
}

async function only(inputs: string[], cfg?: Config): Promise<RawArticle> {
  const items = await run(inputs, cfg);
  expect(refusals(items)).toEqual([]);
  expect(items).toHaveLength(1);
  return (items[0] as { raw: RawArticle }).raw;
}

async function refusedWith(file: string, cfg?: Config): Promise<string> {
  const items = await run([file], cfg);
  expect(items).toHaveLength(1);
  const item = items[0] as IngestItem;
  expect(item.ok).toBe(false);
  return item.ok ? '' : item.reason;
}

describe('plain text and markdown', () => {
  it('reads a .txt file as its own body, with no metadata', async () => {
    const raw = await only([fixture('article.txt')]);
    expect(raw).toMatchObject({
      source: fixture('article.txt'),
      format: 'text',
      bodyIsHtml: false,
      meta: {},
    });
    expect(raw.body.startsWith('Grain talks resume in Istanbul\n\nISTANBUL — Negotiators')).toBe(true);
    expect(raw.body.endsWith('outside the venue.')).toBe(true);
  });

  it('turns CRLF line endings into LF', async () => {
    const file = await write('crlf.txt', 'First line.\r\nSecond line.\r\n\r\nNext paragraph.\r\n');
    expect((await only([file])).body).toBe('First line.\nSecond line.\n\nNext paragraph.');
  });

  it('reads markdown front matter into meta and strips markup from the body', async () => {
    const file = path.join(tmp, 'article.md');
    await copyFile(fixture('article.md.txt'), file);
    const raw = await only([file]);
    expect(raw.format).toBe('markdown');
    expect(raw.meta).toEqual({
      title: 'Ceasefire talks stall over port access',
      outlet: 'Harbour Herald',
      url: 'https://harbourherald.example/2025/03/05/ceasefire-talks',
      published: '2025-03-05',
      author: 'Ana Petrenko, Jon Doe',
      language: 'en',
    });
    expect(raw.body).toBe(
      [
        'Ceasefire talks stall over port access',
        '',
        'The talks in Geneva ended without agreement on Wednesday, according to',
        'three diplomats familiar with the matter.',
        '',
        'What comes next',
        '',
        'Delegations return on Friday.',
        'The file port_access_v2.pdf stays confidential, and snake_case_names stay intact.',
        '',
        '"Nobody is leaving the table," a spokesperson said.',
        '',
        'Prices rose 5*2 percent, an analyst wrote.',
      ].join('\n'),
    );
  });

  it('keeps a markdown file without front matter, taking the title from its first heading', async () => {
    const file = await write('plain.markdown', '# Port reopens\n\nShips left *Odesa* on Monday.\n');
    const raw = await only([file]);
    expect(raw.meta.title).toBe('Port reopens');
    expect(raw.body).toBe('Port reopens\n\nShips left Odesa on Monday.');
  });

  it('reports a front-matter date it cannot read as a message, not a refusal', async () => {
    const file = await write('undated.md', '---\ntitle: T\npublished: around noon\n---\nBody text.\n');
    const raw = await only([file]);
    expect(raw.meta.published).toBeNull();
    expect(raw.messages.map((m) => m.code)).toEqual(['date-unparsed']);
    expect(raw.body).toBe('Body text.');
  });

  it('treats an explicitly named file with an unknown extension as text', async () => {
    const file = await write('notes.log', 'A plain note that happens to have a .log name.\n');
    const raw = await only([file]);
    expect(raw.format).toBe('text');
    expect(raw.body).toBe('A plain note that happens to have a .log name.');
  });
});

describe('saved HTML pages', () => {
  it('extracts the article as block-aware paragraphs, without navigation, scripts or footer', async () => {
    const raw = await only([fixture('page.html')]);
    expect(raw.format).toBe('html');
    expect(raw.bodyIsHtml).toBe(false);
    const paragraphs = raw.body.split('\n\n');
    expect(paragraphs).toContain('Repairs could take weeks');
    expect(paragraphs).toContain('Smoke rises over the plant on Wednesday morning.');
    expect(paragraphs).toContain(
      '"We will restore power to hospitals first," the operator\'s director told local television.',
    );
    expect(paragraphs).toContain('Schools will switch to remote learning.');
    expect(paragraphs).toContain('Trams will run on a reduced timetable.');
    // Whitespace runs collapse inside a block; <br> stays a line break inside its paragraph.
    expect(raw.body).toContain('repairs could take several weeks. Engineers were');
    expect(paragraphs).toContain(
      'Officials urged residents to limit their use of heavy appliances\nduring the evening peak hours.',
    );
    // Blocks never glue together the way textContent does.
    expect(raw.body).not.toMatch(/[a-z.]\.[A-Z"]/);
    for (const junk of [
      'Home',
      'Most read',
      'Football results',
      'All rights reserved',
      'trackParagraph',
      'font-family',
    ]) {
      expect(raw.body).not.toContain(junk);
    }
  });

  it('takes metadata from JSON-LD first (resolving @id references), then OpenGraph and meta tags', async () => {
    const raw = await only([fixture('page.html')]);
    expect(raw.meta).toEqual({
      title: 'Drone strike hits power plant near Kharkiv',
      outlet: 'Northern Ledger',
      url: 'https://www.northernledger.example/world/2025/03/05/drone-strike-power-plant',
      // The date part as written (+02:00), not shifted to UTC (which would be March 4).
      published: '2025-03-05',
      author: 'Ivan Sorokin, Maria Lind',
      language: 'en',
    });
    expect(raw.messages).toEqual([]);
  });

  it('falls back to OpenGraph, the canonical link, html lang and a date in the URL path', async () => {
    const raw = await only([fixture('page-og.html')]);
    expect(raw.meta).toEqual({
      title: 'Kremlin rejects proposal',
      outlet: 'The Moscow Times',
      url: 'https://www.themoscowtimes.com/2025/03/06/kremlin-rejects-proposal-a88123',
      published: '2025-03-06',
      author: 'Elena Volkova',
      language: 'en',
    });
    expect(raw.body.split('\n\n')).toHaveLength(3);
  });

  it('refuses a page without an article', async () => {
    expect(await refusedWith(fixture('no-article.html'))).toBe('no article found in the page');
  });

  it('reports an unreadable page date as a message and keeps the article', async () => {
    const page = (await readFile(fixture('page-og.html'), 'utf8'))
      .replace(
        '<link rel="canonical" href="https://www.themoscowtimes.com/2025/03/06/kremlin-rejects-proposal-a88123">',
        '',
      )
      .replace(
        '<meta name="author"',
        '<meta name="date" content="the day before yesterday"><meta name="author"',
      );
    const raw = await only([await write('bad-date.html', page)]);
    expect(raw.meta.published).toBeNull();
    expect(raw.meta.url).toBeNull();
    expect(raw.messages).toEqual([
      {
        code: 'date-unparsed',
        message: 'could not read the publication date "the day before yesterday" (page metadata)',
      },
    ]);
  });

  it('decodes a page saved in the legacy charset it declares', async () => {
    const page = (await readFile(fixture('page-og.html'), 'utf8'))
      .replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
      .replace('Analysts said', 'Analysts in Zürich said');
    const bytes = Buffer.from(page, 'latin1');
    const raw = await only([await write('legacy.html', bytes)]);
    expect(raw.body).toContain('Analysts in Zürich said');
  });
});

describe('JSON and JSONL records', () => {
  it('streams a JSON array: good records come through, a bad one is named by its index', async () => {
    const items = await run([fixture('records.json')]);
    const name = fixture('records.json');
    expect(items.map((i) => (i.ok ? i.raw.source : `refused ${i.input}`))).toEqual([
      `${name}#0`,
      `refused ${name}#1`,
      `${name}#2`,
    ]);
    const [first, third] = articles(items);
    expect(first).toMatchObject({
      id: 'tass-1',
      format: 'record',
      bodyIsHtml: false,
      body: 'MOSCOW, March 5 (TASS) - Talks will resume next week, the ministry said.',
      meta: {
        title: 'Talks to resume',
        outlet: 'TASS',
        published: '2025-03-05',
        author: 'A. Ivanov, B. Petrova',
      },
    });
    expect(refusals(items)[0]?.reason).toBe('"text" must be a string');
    // An HTML fragment record becomes paragraphs; a numeric id becomes a string.
    expect(third?.id).toBe('3');
    expect(third?.body).toBe(
      'First paragraph of the third record.\n\nSecond paragraph with a "quote" and a ] bracket.',
    );
    expect(third?.meta.published).toBeNull();
    expect(third?.messages.map((m) => m.code)).toEqual(['date-unparsed']);
  });

  it('reads a single record object', async () => {
    const raw = await only([fixture('single-record.json')]);
    expect(raw).toMatchObject({
      source: fixture('single-record.json'),
      id: 'solo',
      meta: { title: 'A single record' },
    });
  });

  it('goes on past a bad JSONL line and names lines by number (blank lines skipped)', async () => {
    const name = fixture('records.jsonl');
    const items = await run([name]);
    expect(items.map((i) => (i.ok ? i.raw.source : `refused ${i.input}`))).toEqual([
      `${name}:1`,
      `refused ${name}:2`,
      `refused ${name}:4`,
      `${name}:5`,
    ]);
    expect(refusals(items)[0]?.reason).toMatch(/^invalid JSON \(/);
    expect(refusals(items)[1]?.reason).toBe('record has no "text" or "html"');
    expect(articles(items).map((a) => a.id)).toEqual(['a1', '4']);
  });

  it('streams 20,000 records from a generated JSON array', async () => {
    const file = path.join(tmp, 'many.json');
    const total = 20_000;
    async function* generate() {
      yield '[\n';
      for (let i = 0; i < total; i++) {
        const record = {
          id: i,
          title: `Story ${i} [draft]`,
          text: `Body of story ${i}, with "quotes" and {braces}.`,
        };
        yield `${i > 0 ? ',\n' : ''}${JSON.stringify(record)}`;
      }
      yield '\n]\n';
    }
    await pipeline(Readable.from(generate()), createWriteStream(file));
    let count = 0;
    let last: RawArticle | null = null;
    for await (const item of ingest([file], config(), Readable.from([]))) {
      expect(item.ok).toBe(true);
      if (item.ok) last = item.raw;
      count++;
    }
    expect(count).toBe(total);
    expect(last).toMatchObject({ id: String(total - 1), source: `${file}#${total - 1}` });
    expect(last?.body).toBe(`Body of story ${total - 1}, with "quotes" and {braces}.`);
  });

  it('applies the size limit per record, not per file', async () => {
    const big = JSON.stringify({ id: 'big', text: 'x'.repeat(5000) });
    const small = JSON.stringify({ id: 'small', text: 'short' });
    const file = await write('limits.jsonl', [small, big, small].join('\n'));
    const items = await run([file], config({ maxInputBytes: 1024 }));
    expect(items.map((i) => (i.ok ? i.raw.id : i.reason))).toEqual([
      'small',
      'record is 5 KB, over the 1 KB limit (--max-size)',
      'small',
    ]);
  });

  it('refuses a truncated JSON array after yielding the records before the cut', async () => {
    const file = await write('cut.json', '[{"text": "one"}, {"text": "tw');
    const items = await run([file]);
    expect(items.map((i) => (i.ok ? i.raw.body : i.reason))).toEqual([
      'one',
      'the JSON ends before the array is closed (truncated file?)',
    ]);
  });

  it('refuses an empty array and a JSON file that holds neither an array nor an object', async () => {
    expect(await refusedWith(await write('none.json', '[ ]'))).toBe('no records in the file');
    expect(await refusedWith(await write('scalar.json', '"just a string"'))).toBe(
      'not a JSON array of records or a record object',
    );
  });

  it('reads records from UTF-16 and BOM-prefixed JSONL', async () => {
    const jsonl = '{"id": "u1", "text": "Zürich — «ёлка»"}\n{"id": "u2", "text": "second"}\n';
    const le = await write(
      'utf16le.jsonl',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(jsonl, 'utf16le')]),
    );
    const bom8 = await write(
      'bom.jsonl',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(jsonl)]),
    );
    for (const file of [le, bom8]) {
      const items = await run([file]);
      expect(items.map((i) => (i.ok ? `${i.raw.id}:${i.raw.body}` : i.reason))).toEqual([
        'u1:Zürich — «ёлка»',
        'u2:second',
      ]);
    }
  });

  it('refuses one JSONL line that is not UTF-8 and keeps the others', async () => {
    const file = await write(
      'latin1.jsonl',
      Buffer.concat([
        Buffer.from('{"text": "ok one"}\n{"text": "caf'),
        Buffer.from([0xe9]),
        Buffer.from('"}\n{"text": "ok two"}\n'),
      ]),
    );
    const items = await run([file]);
    expect(items.map((i) => (i.ok ? i.raw.body : `${i.input} ${i.reason}`))).toEqual([
      'ok one',
      `${file}:2 not valid UTF-8 text`,
      'ok two',
    ]);
  });
});

describe('gzip', () => {
  it('decompresses .jsonl.gz as a stream and .txt.gz whole', async () => {
    const jsonl = '{"id": 1, "text": "from gzip one"}\n{"id": 2, "text": "from gzip two"}\n';
    const jsonlGz = await write('packed.jsonl.gz', gzipSync(jsonl));
    const txtGz = await write('packed.txt.gz', gzipSync('Compressed article text.\n'));
    const items = await run([jsonlGz, txtGz]);
    expect(items.map((i) => (i.ok ? `${i.raw.source} ${i.raw.body}` : i.reason))).toEqual([
      `${jsonlGz}:1 from gzip one`,
      `${jsonlGz}:2 from gzip two`,
      `${txtGz} Compressed article text.`,
    ]);
    expect(articles(items)[2]?.format).toBe('text');
  });

  it('decompresses .html.gz through the page extractor', async () => {
    const page = await readFile(fixture('page-og.html'));
    const raw = await only([await write('page.html.gz', gzipSync(page))]);
    expect(raw.format).toBe('html');
    expect(raw.meta.outlet).toBe('The Moscow Times');
  });

  it('stops reading a gzip bomb at the decompressed-size limit', async () => {
    const file = path.join(tmp, 'bomb.txt.gz');
    const chunk = Buffer.alloc(1024 * 1024);
    async function* zeros() {
      for (let i = 0; i < 300; i++) yield chunk;
    }
    await pipeline(Readable.from(zeros()), createGzip({ level: 1 }), createWriteStream(file));
    // A document read whole is held to --max-size once inflated (test/input-bounds.test.ts has the rest).
    const reason = await refusedWith(file, config({ maxInputBytes: 2 * 1024 * 1024 }));
    expect(reason).toBe('decompressed size over 2 MB (--max-size)');
  });

  it('refuses corrupt and truncated gzip data', async () => {
    expect(await refusedWith(await write('fake.txt.gz', 'this is not gzip at all'))).toBe(
      'not valid gzip data (corrupt, or not compressed)',
    );
    const whole = gzipSync('{"text": "a"}\n'.repeat(2000));
    const cut = await write('cut.jsonl.gz', whole.subarray(0, Math.floor(whole.length / 2)));
    const items = await run([cut]);
    expect(items.at(-1)).toEqual({ ok: false, input: cut, reason: 'gzip data ends early (truncated file?)' });
  });
});

describe('encodings and refusals', () => {
  const text = 'Zelensky met Erdoğan in Ankara — «переговоры» continue.';

  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
  ])('decodes %s and drops the BOM', async (label, bytes) => {
    const raw = await only([await write(`${label.replace(/\W+/g, '-')}.txt`, bytes)]);
    expect(raw.body).toBe(text);
  });

  it.each([
    [
      'invalid UTF-8',
      'latin1.txt',
      Buffer.from('Caf\xe9 au lait, served in Paris.', 'latin1'),
      'not valid UTF-8 text (no BOM; convert it to UTF-8)',
    ],
    ['NUL bytes', 'nul.txt', Buffer.from('text\0with\0nuls'), 'binary file, not text'],
    ['a PDF', 'report.txt', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'binary file, not text'],
    [
      'a PNG',
      'image.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      'binary file, not text',
    ],
    ['a ZIP', 'archive.md', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'binary file, not text'],
    ['an empty file', 'empty.txt', Buffer.alloc(0), 'empty file'],
    ['a whitespace-only file', 'blank.txt', Buffer.from(' \n\t\r\n  '), 'empty file'],
    ['a BOM and nothing else', 'bom-only.txt', Buffer.from([0xef, 0xbb, 0xbf]), 'empty file'],
    [
      'binary JSONL',
      'binary.jsonl',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      'binary file, not text',
    ],
    ['an empty JSONL', 'empty.jsonl', Buffer.from('\n\n'), 'empty file'],
  ])('refuses %s', async (_label, name, bytes, reason) => {
    expect(await refusedWith(await write(name, bytes))).toBe(reason);
  });

  it('refuses a file over the configured size limit, naming both sizes', async () => {
    const file = await write('long.txt', 'word '.repeat(1000));
    expect(await refusedWith(file, config({ maxInputBytes: 2048 }))).toBe(
      'file is 4.9 KB, over the 2 KB limit (--max-size)',
    );
  });

  it('refuses a missing path and an unreadable file in plain words', async () => {
    expect(await refusedWith(path.join(tmp, 'does-not-exist.txt'))).toBe('no such file or directory');
    if (process.getuid?.() === 0) return; // root reads files whatever their permissions
    const locked = await write('locked.txt', 'secret');
    await chmod(locked, 0o000);
    expect(await refusedWith(locked)).toBe('permission denied');
  });

  it('never lets one bad input stop the others, and keeps the order given', async () => {
    const items = await run([
      fixture('article.txt'),
      path.join(tmp, 'missing.txt'),
      fixture('single-record.json'),
    ]);
    expect(
      items.map((i) => (i.ok ? path.basename(i.raw.source) : `refused ${path.basename(i.input)}`)),
    ).toEqual(['article.txt', 'refused missing.txt', 'single-record.json']);
  });
});

describe('folders', () => {
  it('walks recursively in sorted order, skipping hidden entries and unknown extensions', async () => {
    const root = path.join(tmp, 'walk');
    await mkdir(root);
    await writeFile(path.join(root, 'b.txt'), 'Text b.');
    await writeFile(path.join(root, 'a.md'), 'Text a.');
    await writeFile(path.join(root, 'C.txt'), 'Text C.');
    await writeFile(path.join(root, 'notes.csv'), 'skipped,quietly');
    await writeFile(path.join(root, '.hidden.txt'), 'Hidden.');
    await mkdir(path.join(root, '.git'));
    await writeFile(path.join(root, '.git', 'x.txt'), 'Hidden folder.');
    await mkdir(path.join(root, 'sub', 'deeper'), { recursive: true });
    await writeFile(path.join(root, 'sub', 'z.txt'), 'Text z.');
    await writeFile(path.join(root, 'sub', 'deeper', 'y.jsonl'), '{"text": "Record y."}\n');
    await writeFile(path.join(root, 'sub', 'c.txt'), 'Text sub c.');
    const items = await run([root]);
    expect(refusals(items)).toEqual([]);
    expect(articles(items).map((a) => path.relative(root, a.source))).toEqual([
      'C.txt',
      'a.md',
      'b.txt',
      path.join('sub', 'c.txt'),
      `${path.join('sub', 'deeper', 'y.jsonl')}:1`,
      path.join('sub', 'z.txt'),
    ]);
  });

  it('refuses folders nested deeper than the limit and keeps the rest', async () => {
    const root = path.join(tmp, 'deep');
    await mkdir(path.join(root, 'one', 'two'), { recursive: true });
    await writeFile(path.join(root, 'top.txt'), 'Top.');
    await writeFile(path.join(root, 'one', 'mid.txt'), 'Mid.');
    await writeFile(path.join(root, 'one', 'two', 'low.txt'), 'Low.');
    const items = await run([root], config({ maxFolderDepth: 1 }));
    expect(articles(items).map((a) => path.basename(a.source))).toEqual(['mid.txt', 'top.txt']);
    expect(refusals(items)).toEqual([
      { input: path.join(root, 'one', 'two'), reason: 'folder nested more than 1 levels deep, skipped' },
    ]);
  });

  it('refuses a directory loop instead of walking it forever', async () => {
    const root = path.join(tmp, 'loop');
    await mkdir(path.join(root, 'inner'), { recursive: true });
    await writeFile(path.join(root, 'inner', 'a.txt'), 'Inside the loop.');
    await symlink(root, path.join(root, 'inner', 'back'));
    const items = await run([root]);
    expect(articles(items)).toHaveLength(1);
    expect(refusals(items)).toEqual([
      { input: path.join(root, 'inner', 'back'), reason: 'directory loop (a link back to a parent folder)' },
    ]);
  });

  it('refuses a folder with nothing to read', async () => {
    const root = path.join(tmp, 'nothing');
    await mkdir(root);
    await writeFile(path.join(root, 'image.jpeg'), 'not read');
    expect(await refusedWith(root)).toMatch(/^no supported files in the folder/);
  });
});

describe('standard input', () => {
  const stdin = (...chunks: (string | Buffer)[]) => Readable.from(chunks.map((c) => Buffer.from(c)));

  it('reads text', async () => {
    const items = await run(['-'], config(), stdin('Pasted article ', 'in two chunks.\n'));
    expect(items).toEqual([
      {
        ok: true,
        raw: {
          source: '-',
          format: 'text',
          body: 'Pasted article in two chunks.',
          bodyIsHtml: false,
          meta: {},
          messages: [],
        },
      },
    ]);
  });

  it('reads JSONL records, naming them -:LINE', async () => {
    const items = await run(
      ['-'],
      config(),
      stdin('{"id": "s1", "text": "one"}\n', 'not json\n{"text": "three"}\n'),
    );
    expect(items.map((i) => (i.ok ? `${i.raw.source} ${i.raw.body}` : `refused ${i.input}`))).toEqual([
      '-:1 one',
      'refused -:2',
      '-:3 three',
    ]);
  });

  it('reads a pretty-printed single record, a JSON array and an HTML page', async () => {
    const single = await run(['-'], config(), stdin('{\n  "id": "p",\n  "text": "pretty"\n}\n'));
    expect(articles(single).map((a) => `${a.source} ${a.id}`)).toEqual(['- p']);
    const array = await run(['-'], config(), stdin('[{"text": "a"}, {"text": "b"}]'));
    expect(articles(array).map((a) => a.source)).toEqual(['-#0', '-#1']);
    const html = await run(['-'], config(), stdin(await readFile(fixture('page-og.html'))));
    expect(articles(html)[0]).toMatchObject({
      source: '-',
      format: 'html',
      meta: { outlet: 'The Moscow Times' },
    });
  });

  it('refuses input over the size limit, an empty input, and a second "-"', async () => {
    expect(refusals(await run(['-'], config({ maxInputBytes: 10 }), stdin('x'.repeat(11))))).toEqual([
      { input: '-', reason: 'standard input is over the 10 bytes limit (--max-size)' },
    ]);
    expect(refusals(await run(['-'], config(), stdin('  \n')))).toEqual([
      { input: '-', reason: 'standard input is empty' },
    ]);
    const twice = await run(['-', '-'], config(), stdin('Once.'));
    expect(twice.map((i) => (i.ok ? i.raw.body : i.reason))).toEqual([
      'Once.',
      'standard input was already read',
    ]);
  });
});

describe('sources file', () => {
  it('fills metadata by file name (exact name before glob) and by URL host, input metadata first', async () => {
    const cfg = config({ sourcesFile: fixture('sources.yaml') });
    const kyiv = await write('kyiv-0305.txt', 'Kyiv story.');
    const other = await write('other.txt', 'Other story.');
    const items = await run(
      [kyiv, other, fixture('article.txt'), fixture('records.jsonl'), fixture('page-og.html')],
      cfg,
    );
    const bySource = new Map(articles(items).map((a) => [path.basename(a.source), a.meta]));
    expect(bySource.get('kyiv-0305.txt')).toEqual({
      outlet: 'Kyiv Post',
      published: '2025-03-05',
      author: 'Desk',
    });
    expect(bySource.get('other.txt')).toEqual({ outlet: 'Any Text File', author: 'Desk' });
    expect(bySource.get('article.txt')).toEqual({
      outlet: 'Exact Name Wins',
      language: 'en',
      author: 'Desk',
    });
    // A record's own outlet wins; a record without one gets the most specific host entry.
    expect(bySource.get('records.jsonl:1')?.outlet).toBe('Outlet One');
    expect(bySource.get('records.jsonl:5')?.outlet).toBe('Example Org Politics');
    expect(bySource.get('page-og.html')?.outlet).toBe('The Moscow Times');
  });

  it('accepts an already loaded map as an option', async () => {
    const { loadSources } = await import('../src/ingest/index.js');
    const sources = await loadSources(fixture('sources.yaml'));
    const raw = articles(await run([await write('kyiv-x.txt', 'K.')], config(), undefined, { sources }))[0];
    expect(raw?.meta.outlet).toBe('Kyiv Post');
  });

  it('throws a CONFIG error for a malformed sources file before reading any input', async () => {
    const bad = await write(
      'sources-bad.yaml',
      'files:\n  "kyiv-*.txt": { outlet: Kyiv Post\nhosts: [unclosed\n',
    );
    const attempt = run([fixture('article.txt')], config({ sourcesFile: bad }));
    await expect(attempt).rejects.toBeInstanceOf(ParallaxError);
    await expect(attempt).rejects.toMatchObject({ code: 'CONFIG' });
  });
});
