import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { main } from '../src/cli/main.js';
import { DEFAULT_CONFIG } from '../src/config.js';
import { ingestIntoLibrary } from '../src/library/ingest.js';
import { directoryDocument, directoryFrom, normalizeHost } from '../src/outlets/directory.js';
import { starterDirectoryPath } from '../src/outlets/starter.js';
import { testLibraries } from './support/test-library.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-outlets-'));
const libraries = testLibraries('outlets');
const tempDb = () => libraries.fresh();
const open = (db: string) => libraries.open(db);

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    stdout: (chunk) => out.push(chunk),
    stderr: (line) => err.push(line),
    stdin: process.stdin,
  });
  return { code, stdout: out.join(''), stderr: err.join('\n') };
}

describe('outlet directory file', () => {
  it('reads outlets with the source of every field: own, the file default, else the file name', () => {
    const read = directoryFrom(
      {
        leanings: ['left', 'centre', 'right'],
        sources: { leaning: 'Ratings 2030' },
        outlets: [
          {
            name: ' Evening  Lantern ',
            hosts: ['https://www.Lantern.example/news', 'lantern.example'],
            country: 'NO',
            leaning: 'left',
            sources: { country: 'company register' },
          },
          { name: 'Daily Quill', owner: 'Quill Group', notes: 12 },
        ],
      },
      'dir/mine.yaml',
      null,
    );
    expect(read.refused).toEqual([]);
    expect(read.leaningScale).toEqual(['left', 'centre', 'right']);
    expect(read.outlets).toEqual([
      {
        name: 'Evening Lantern',
        hosts: ['lantern.example'],
        country: 'NO',
        language: null,
        owner: null,
        leaning: 'left',
        notes: null,
        sources: {
          name: 'mine.yaml',
          hosts: 'mine.yaml',
          country: 'company register',
          leaning: 'Ratings 2030',
        },
      },
      {
        name: 'Daily Quill',
        hosts: [],
        country: null,
        language: null,
        owner: 'Quill Group',
        leaning: null,
        notes: '12',
        sources: { name: 'mine.yaml', owner: 'mine.yaml', notes: 'mine.yaml' },
      },
    ]);
  });

  it('refuses a bad entry with one line naming it and the reason; the others are read', () => {
    const read = directoryFrom(
      {
        outlets: [
          { name: 'A', leaning: 'far' },
          { name: 'B', colour: 'red' },
          { name: 'C', hosts: 'not a host' },
          { name: 'D' },
          { name: 'D', country: 'FR' },
          'just a string',
        ],
      },
      'x.yaml',
      ['left', 'right'],
    );
    expect(read.outlets.map((o) => o.name)).toEqual(['D']);
    expect(read.refused).toEqual([
      'outlets[0] ("A"): leaning "far" is not on the scale (left, right); set "leanings" to change it',
      'outlets[1] ("B"): unknown field "colour" (allowed: name, hosts, country, language, owner, leaning, notes, sources)',
      'outlets[2] ("C"): "not a host" is not a host name',
      'outlets[4] ("D"): "D" is described twice in this file; the first entry is kept',
      expect.stringMatching(/^outlets\[5\]: /),
    ]);
  });

  it('a malformed file is one CONFIG error; a scale listing a value twice too', () => {
    expect(() => directoryFrom({ outlet: [] }, 'x.yaml', null)).toThrow(
      /^outlet directory x\.yaml: unknown field "outlet"/,
    );
    expect(() => directoryFrom({ leanings: ['a', 'a'] }, 'x.yaml', null)).toThrow(
      'outlet directory x.yaml: leanings: "a" is listed twice',
    );
  });

  it('normalizes hosts and refuses what is not one', () => {
    expect(normalizeHost('HTTPS://WWW.Example.com:8080/a?b')).toBe('example.com');
    expect(normalizeHost('news.example.co.uk.')).toBe('news.example.co.uk');
    expect(normalizeHost('localhost')).toBeNull();
    expect(normalizeHost('two words.com')).toBeNull();
  });

  it('the starter directory reads whole, every leaning on its scale and every field sourced', () => {
    const file = starterDirectoryPath();
    const read = directoryFrom(parseYaml(readFileSync(file, 'utf8')), file, null);
    expect(read.refused).toEqual([]);
    expect(read.outlets.length).toBeGreaterThan(400);
    expect(read.leaningScale).toEqual(['left', 'center', 'right']);
    for (const o of read.outlets) {
      for (const field of ['hosts', 'country', 'language', 'owner', 'leaning', 'notes'] as const) {
        const has = field === 'hosts' ? o.hosts.length > 0 : o[field] !== null;
        if (has) expect(o.sources[field], `${o.name} ${field}`).toMatch(/Apache-2\.0/);
      }
    }
    // A host belongs to one outlet.
    const hosts = read.outlets.flatMap((o) => o.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
  });
});

describe('parallax outlets', () => {
  it('imports the starter, lists it as an importable file, sets a field with its source', async () => {
    const db = await tempDb();
    const imported = await cli(['outlets', 'import', '--starter', '--db', db]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/outlet directory: \d{3} new, 0 updated/);
    const set = await cli([
      'outlets',
      'set',
      'Reuters',
      'owner',
      'Thomson Reuters',
      '--source',
      'annual report',
      '--db',
      db,
    ]);
    expect(set).toMatchObject({ code: 0, stderr: 'parallax: Reuters: owner set (source: annual report)' });
    const off = await cli(['outlets', 'set', 'Reuters', 'leaning', 'far', '--db', db]);
    expect(off.code).toBe(2);
    expect(off.stderr).toMatch(/leaning "far" is not on the scale \(left, center, right\)/);
    const bad = await cli(['outlets', 'set', 'Reuters', 'colour', 'x', '--db', db]);
    expect(bad.code).toBe(2);
    const listed = await cli(['outlets', 'list', '--format', 'json', '--db', db]);
    const document = JSON.parse(listed.stdout);
    const reuters = document.outlets.find((o: { name: string }) => o.name === 'Reuters');
    expect(reuters).toMatchObject({ owner: 'Thomson Reuters', leaning: 'center', hosts: ['reuters.com'] });
    expect(reuters.sources.owner).toBe('annual report');
    // What list prints imports again into another library unchanged.
    const copy = join(dir, 'copy.json');
    writeFileSync(copy, listed.stdout);
    const other = await tempDb();
    expect((await cli(['outlets', 'import', copy, '--db', other])).code).toBe(0);
    const store = await open(other);
    expect(directoryDocument(await store.outletDirectory())).toEqual(document);
    const text = await cli(['outlets', 'list', '--db', db]);
    expect(text.stdout).toMatch(/^leaning scale: left · center · right\n/);
    expect(text.stdout).toContain('Reuters · center · en · Thomson Reuters · reuters.com');
  });
});

describe('ingest with an outlet directory', () => {
  it('names an article by its host and keeps the leaning records carry', async () => {
    const db = await tempDb();
    const store = await open(db);
    await store.putOutletRecords([
      {
        name: 'The Harbour Gazette',
        hosts: ['gazette.example'],
        country: null,
        language: null,
        owner: null,
        leaning: null,
        notes: null,
        sources: { name: 'mine', hosts: 'mine' },
      },
    ]);
    const file = join(dir, 'records.jsonl');
    const records = [
      {
        id: 'r1',
        url: 'https://www.news.gazette.example/2031/05/ferry',
        leaning: 'left',
        text: 'The harbour ferry resumed service on Monday after a week of repairs, the port authority said.',
      },
      {
        id: 'r2',
        outlet: 'Quill',
        leaning: 'right',
        text: 'Ferry service across the harbour returned on Monday, the port authority announced in a statement.',
      },
    ];
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
    const summary = await ingestIntoLibrary(store, [file], DEFAULT_CONFIG, { worker: false });
    expect(summary.added).toBe(2);
    const r1 = (await store.getArticle(summary.placed[0]?.articleId ?? ''))?.article;
    expect(r1?.outlet).toBe('The Harbour Gazette');
    expect(r1?.leaning).toBe('left');
    // The directory had no leaning for either: each gets the one its articles carry, with where it came from.
    expect(await store.outletRecord('The Harbour Gazette')).toMatchObject({
      leaning: 'left',
      sources: { name: 'mine', leaning: 'the leaning field of 1 of its 1 ingested articles (records.jsonl)' },
    });
    expect((await store.outletRecord('Quill'))?.leaning).toBe('right');
    // A leaning in the directory is never overwritten by what articles say.
    await store.putOutletRecords([
      {
        name: 'Quill',
        hosts: [],
        country: null,
        language: null,
        owner: null,
        leaning: 'centre',
        notes: null,
        sources: { leaning: 'by hand' },
      },
    ]);
    writeFileSync(file, JSON.stringify({ ...records[1], id: 'r3', text: `${records[1]?.text} Again.` }));
    await ingestIntoLibrary(store, [file], DEFAULT_CONFIG, { worker: false });
    expect(await store.outletRecord('Quill')).toMatchObject({
      leaning: 'centre',
      sources: { leaning: 'by hand' },
    });
  });
});
