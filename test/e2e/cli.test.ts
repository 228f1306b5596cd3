// The built `parallax` command end to end: stdout, stderr and exit code, as a user sees them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasCorpus, MINSK } from '../support/corpus.js';
import { reportSchemaErrors } from '../support/report-schema.js';
import { schemaErrors } from '../support/schema.js';

const BIN = resolve(import.meta.dirname, '../../bin/parallax.js');

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', cwd: tmpdir() });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ARTICLE = `WASHINGTON — Senator Jane Doe said on Tuesday that the bill would pass. "We have the votes," Doe said.

The measure, which passed the House in 2023, would fund road repairs in every state for five years.
`;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
  writeFileSync(join(dir, 'good.txt'), ARTICLE);
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
  writeFileSync(
    join(dir, 'latin1.txt'),
    Buffer.from('Caf\xe9 au lait, cr\xe8me br\xfbl\xe9e and more text here.', 'latin1'),
  );
  writeFileSync(join(dir, 'big.txt'), 'word '.repeat(300_000));
  writeFileSync(
    join(dir, 'nav.html'),
    '<html><body><nav><a href="/">Home</a> <a href="/x">News</a></nav></body></html>',
  );
  writeFileSync(join(dir, 'good.txt.gz'), gzipSync(ARTICLE));
});

describe('parallax annotate', () => {
  it('prints valid JSON for good input and exits 0', () => {
    const r = run(['annotate', join(dir, 'good.txt')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(schemaErrors(out)).toEqual([]);
    const [article] = out.articles;
    expect(article.id).toBe('good');
    expect(article.dateline.place).toBe('WASHINGTON');
    const doe = article.entities.find((e: { name: string }) => e.name === 'Jane Doe');
    expect(doe.kind).toBe('person');
    expect(doe.mentions.map((m: { text: string }) => m.text)).toEqual(['Jane Doe', 'Doe']);
    expect(article.quotes[0]).toMatchObject({
      text: 'We have the votes,',
      speaker: doe.id,
      speakerText: 'Doe',
    });
  });

  it('reports each bad input on one line, keeps going, and exits 0 when something came through', () => {
    const inputs = [
      'empty.txt',
      'binary.txt',
      'latin1.txt',
      'big.txt',
      'missing.txt',
      'nav.html',
      'good.txt',
    ];
    const r = run(['annotate', '--max-size', '1', ...inputs.map((f) => join(dir, f))]);
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(6);
    const reasonFor = (file: string) => lines.find((l) => l.includes(join(dir, file)));
    expect(reasonFor('empty.txt')).toMatch(/empty/);
    expect(reasonFor('binary.txt')).toMatch(/binary/);
    expect(reasonFor('latin1.txt')).toMatch(/UTF-8/);
    expect(reasonFor('big.txt')).toMatch(/over the 1 MB limit/);
    expect(reasonFor('missing.txt')).toMatch(/no such file/);
    expect(reasonFor('nav.html')).toMatch(/no article/);
    for (const line of lines) expect(line.startsWith('parallax: ')).toBe(true);
    expect(JSON.parse(r.stdout).articles).toHaveLength(1);
  });

  it('exits 1 when no article came through', () => {
    const r = run(['annotate', join(dir, 'empty.txt'), join(dir, 'missing.txt')]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).articles).toEqual([]);
    expect(r.stderr).toMatch(/no articles came through/);
  });

  it('exits 2 on usage errors', () => {
    expect(run(['annotate']).code).toBe(2);
    expect(run(['annotate', 'x', '--format', 'xml']).stderr).toMatch(
      /--format for annotate must be one of json, text/,
    );
    expect(run(['analyze', 'x', '--format', 'text']).stderr).toMatch(
      /--format for analyze must be one of json, html, md/,
    );
    expect(run(['analyze']).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
    expect(run(['annotate', 'x', '--bogus']).code).toBe(2);
    const badSources = run(['annotate', join(dir, 'good.txt'), '--sources', join(dir, 'nope.yaml')]);
    expect(badSources.code).toBe(2);
    expect(badSources.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads standard input and gzip transparently', () => {
    const fromStdin = run(['annotate', '-'], ARTICLE);
    expect(fromStdin.code).toBe(0);
    const gz = run(['annotate', join(dir, 'good.txt.gz')]);
    expect(JSON.parse(gz.stdout).articles[0].text).toBe(JSON.parse(fromStdin.stdout).articles[0].text);
  });

  it('applies a sources file to plain text that carries no metadata', () => {
    writeFileSync(
      join(dir, 'sources.yaml'),
      'files:\n  "good.txt": { outlet: Capitol Wire, published: 2024-05-08 }\n',
    );
    const r = run(['annotate', join(dir, 'good.txt'), '--sources', join(dir, 'sources.yaml')]);
    const [article] = JSON.parse(r.stdout).articles;
    expect(article.outlet).toBe('Capitol Wire');
    expect(article.published).toBe('2024-05-08');
    // "on Tuesday" now resolves against the publication date (Wednesday 8 May 2024).
    expect(article.dates.find((d: { text: string }) => d.text.includes('Tuesday')).value).toBe('2024-05-07');
  });

  it('prints a readable text view', () => {
    const r = run(['annotate', '--format', 'text', join(dir, 'good.txt')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^━━ good · unknown outlet · undated/);
    expect(r.stdout).toMatch(/Jane Doe ×2/);
    expect(r.stdout).toMatch(/Jane Doe \(“Doe”\): “We have the votes,”/);
  });
});

describe('parallax demo', () => {
  it('analyzes the bundled example story into a report folder', () => {
    const out = join(dir, 'demo-report');
    const r = run(['demo', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/report written to .*index\.html/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(reportSchemaErrors(report)).toEqual([]);
    const [story] = report.stories;
    expect(story.articles.map((a: { outlet: string }) => a.outlet).sort()).toEqual([
      'Bayline Daily',
      'The Calloway Ledger',
      'coastalwire.example',
    ]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/^# /);
  });
});

describe('parallax analyze', () => {
  it('prints one format to standard output with --format', () => {
    const r = run(['analyze', '--format', 'json', join(dir, 'good.txt'), join(dir, 'empty.txt')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/empty\.txt: empty file/);
    const report = JSON.parse(r.stdout);
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.version).toBe(1);
    expect(report.stories[0].articles).toHaveLength(1);
  });

  it('says in one line when the report folder cannot be written', () => {
    const r = run(['analyze', join(dir, 'good.txt'), '--out', join(dir, 'good.txt', 'report')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot write the report there \(E[A-Z]+\); choose another folder with --out/);
  });

  it('exits 1 when nothing came through', () => {
    const r = run(['analyze', join(dir, 'empty.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing to analyze/);
  });
});

describe.skipIf(!hasCorpus)('parallax annotate on minsk-talks', () => {
  it('annotates all five articles and validates against the schema', () => {
    const r = run(['annotate', MINSK]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(schemaErrors(out)).toEqual([]);
    expect(out.articles.map((a: { id: string }) => a.id)).toEqual([
      '000_effc371045562ef3',
      '001_f12d118b41b12945',
      '002_4637f2f5e29cd478',
      '003_38316490fd30766a',
      '004_f3be48c5a1c2346d',
    ]);
  });
});
