// `parallax outlets relabel`: articles ingested while the directory did not know their host keep the host
// as their outlet; once it does, relabel renames them (counts on stdout/stderr, JSON too), the story list
// names the outlet, and a second run changes nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { main } from '../src/cli/main.js';
import { testLibraries } from './support/test-library.js';

const libraries = testLibraries('relabel');
let dir = '';
let db = '';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...args, '--db', db], {
    stdout: (chunk) => out.push(chunk),
    stderr: (line) => err.push(line),
    stdin: process.stdin,
  });
  return { code, stdout: out.join(''), stderr: err.join('\n') };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-relabel-'));
  db = await libraries.fresh();
  const records = [
    {
      url: 'https://www.harbourwire.example/2031/05/ferry',
      title: 'Harbour ferry back in service',
      published: '2031-05-10',
      text: 'The harbour ferry resumed service on Monday after a month of repairs, the operator said.',
    },
    {
      url: 'https://news.harbourwire.example/2031/05/ferry-fares',
      title: 'Ferry fares to stay the same',
      published: '2031-05-11',
      text: 'Fares on the harbour ferry will not rise this year. A single crossing still costs two crowns, and children under twelve travel free at weekends.',
    },
    {
      url: 'https://elsewhere.example/2031/05/bridge',
      title: 'Bridge closed for works',
      published: '2031-05-12',
      text: 'The old bridge over the harbour closed for two weeks of works on Wednesday.',
    },
  ];
  const file = join(dir, 'news.jsonl');
  writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  const ingest = await cli(['ingest', file, '--jobs', '1']);
  if (ingest.code !== 0) throw new Error(ingest.stderr);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outlets relabel', () => {
  it('renames the articles whose host the directory now names, once', async () => {
    const before = (await cli(['stories'])).stdout;
    expect(before).toContain('harbourwire.example');
    expect(before).not.toContain('Harbour Wire');

    const nothing = await cli(['outlets', 'relabel']);
    expect([nothing.code, nothing.stdout]).toEqual([0, '']);
    expect(nothing.stderr).toContain('nothing to relabel');

    const file = join(dir, 'outlets.yaml');
    writeFileSync(
      file,
      stringify({ outlets: [{ name: 'Harbour Wire', hosts: ['harbourwire.example'], leaning: 'centre' }] }),
    );
    expect((await cli(['outlets', 'import', file])).code).toBe(0);
    const done = await cli(['outlets', 'relabel']);
    expect(done.code).toBe(0);
    // "www." is dropped at ingest; a subdomain is named by its listed parent domain.
    expect(done.stdout.split('\n').filter(Boolean).sort()).toEqual([
      'harbourwire.example → Harbour Wire: 1 article',
      'news.harbourwire.example → Harbour Wire: 1 article',
    ]);
    expect(done.stderr).toMatch(/relabelled 2 articles of 2 hosts in [12] stor(y|ies)/);
    const after = (await cli(['stories'])).stdout;
    expect(after).toContain('Harbour Wire');
    expect(after).not.toContain('harbourwire.example');
    expect(after).toContain('elsewhere.example');

    const again = await cli(['outlets', 'relabel', '--format', 'json']);
    expect(JSON.parse(again.stdout)).toEqual({ renamed: [], articles: 0, stories: 0 });
  });

  it('takes no inputs', async () => {
    const stray = await cli(['outlets', 'relabel', 'harbourwire.example']);
    expect([stray.code, stray.stderr]).toEqual([
      2,
      expect.stringContaining('outlets relabel takes no inputs'),
    ]);
  });
});
