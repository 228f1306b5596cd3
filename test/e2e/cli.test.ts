// The built `parallax` command end to end: stdout, stderr and exit code, as a user sees them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { hasCorpus, MINSK } from '../support/corpus.js';
import { ALL_FIXTURES, writeFixtures } from '../support/library-fixtures.js';
import { reportSchemaErrors } from '../support/report-schema.js';
import { schemaErrors } from '../support/schema.js';
import { storiesSchemaErrors } from '../support/stories-schema.js';
import { testBackend, testLibraries } from '../support/test-library.js';

const BIN = resolve(import.meta.dirname, '../../bin/parallax.js');

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', cwd: tmpdir() });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ARTICLE = `WASHINGTON — Senator Jane Doe said on Tuesday that the bill would pass. "We have the votes," Doe said.

The measure, which passed the House in 2023, would fund road repairs in every state for five years.
`;

/**
 * The parts that open no library run once, in the SQLite project; the "postgres" project runs this file
 * for the library listings (see vitest.config.ts).
 */
const withoutLibrary = describe.skipIf(testBackend() === 'postgres');
const libraries = testLibraries('cli');

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

withoutLibrary('parallax annotate', () => {
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

withoutLibrary('parallax demo', () => {
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

withoutLibrary('parallax analyze', () => {
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

describe.skipIf(!hasCorpus || testBackend() === 'postgres')('parallax annotate on minsk-talks', () => {
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

/** These tests assert output and exit codes, not speed: a loaded machine may take its time. */
const NO_DEADLINE = 0;

withoutLibrary('command-line conventions', { timeout: NO_DEADLINE }, () => {
  it("prints a command's usage for --help, -h and help <command>, and exits 0", () => {
    for (const args of [
      ['stories', '--help'],
      ['stories', '-h'],
      ['help', 'stories'],
    ]) {
      const r = run(args);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(/^Usage:\n {2}parallax stories \[--db FILE\] \[--since YYYY-MM-DD\]/);
      expect(r.stdout).toMatch(/\n {2}--limit N +at most this many stories \(text default 50; json: all\)\n/);
      expect(r.stdout).toMatch(/\nExample:\n {2}parallax stories --since \d{4}-\d{2}-\d{2} --limit 10\n/);
      expect(r.stdout).toMatch(/\nExit codes:\n {2}0 .*\n {2}1 .*\n {2}2 {2}usage/);
    }
    for (const command of COMMANDS) {
      const r = run([command.name, '--help']);
      expect(r.code, command.name).toBe(0);
      expect(r.stdout).toContain(`Example:\n  ${command.example}\n`);
    }
  });

  it('lets --help win over other mistakes on the line, and lists every command with parallax --help', () => {
    expect(run(['stories', '--bogus', '--since', 'never', '--help'])).toMatchObject({ code: 0, stderr: '' });
    const general = run(['--help']);
    expect(general.code).toBe(0);
    for (const command of COMMANDS) expect(general.stdout).toMatch(new RegExp(`\n  ${command.name} +\\S`));
    // Without a command: the same usage, but as a mistake.
    expect(run([])).toMatchObject({ code: 2, stdout: general.stdout });
  });

  it('refuses an option its command does not take, naming the option and the command (exit 2)', () => {
    expect(run(['ingest', '--why', 'x.txt'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        'parallax: ingest takes no --why option (it is for story); "parallax ingest --help" lists its options\n',
    });
    expect(run(['stories', '--limt', '3'])).toMatchObject({
      code: 2,
      stderr:
        'parallax: unknown option --limt for stories; did you mean --limit? "parallax stories --help" lists its options\n',
    });
    expect(run(['annotate', 'x.txt', '-x']).stderr).toMatch(/^parallax: unknown option -x for annotate; /);
    expect(run(['stories', '--db'])).toMatchObject({
      code: 2,
      stderr: 'parallax: --db needs a value: --db FILE\n',
    });
    expect(run(['story', '1', '--why=yes'])).toMatchObject({
      code: 2,
      stderr: 'parallax: --why takes no value; got "--why=yes"\n',
    });
  });

  it('suggests the nearest command or subcommand for a mistyped one (exit 2)', () => {
    const typo = {
      code: 2,
      stdout: '',
      stderr:
        'parallax: unknown command "ingets"; did you mean ingest? "parallax --help" lists the commands\n',
    };
    expect(run(['ingets', 'news/'])).toMatchObject(typo);
    expect(run(['help', 'ingets'])).toMatchObject(typo);
    expect(run(['frobnicate']).stderr).toBe(
      'parallax: unknown command "frobnicate"; "parallax --help" lists the commands\n',
    );
    expect(run(['feeds', 'lst'])).toMatchObject({
      code: 2,
      stderr: 'parallax: feeds takes add, list, export or remove; got "lst"; did you mean list?\n',
    });
    expect(run(['story', 'mrege', '1', '2']).stderr).toMatch(/got "mrege"; did you mean merge\?\n$/);
  });

  it('takes only days of the calendar for --since', () => {
    for (const day of ['2025-02-30', '2025-02-29', '2025-04-31', '2025-13-01', '2025-00-10']) {
      expect(run(['stories', '--since', day])).toMatchObject({
        code: 2,
        stdout: '',
        stderr: `parallax: --since takes a day as YYYY-MM-DD; got "${day}", which is not a day of the calendar.\n`,
      });
    }
    expect(run(['stories', '--since', '2025-2-3']).stderr).toBe(
      'parallax: --since takes a day as YYYY-MM-DD; got "2025-2-3".\n',
    );
    // A leap day is a day: it passes the check and the command goes on to look for the library.
    const missing = join(dir, 'no-library.db');
    expect(run(['stories', '--since', '2024-02-29', '--db', missing])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/no library there/),
    });
  });
});

/** A headline that tries to retitle the terminal, colour it, reverse text and send a one-byte CSI. */
const HOSTILE_TITLE = 'Gate \u001b]0;pwned\u0007 jams at Port Hollis \u202eevil\u009b2J';
const HOSTILE_OUTLET = 'Hollis \u001b[31mPost';
/** The characters a terminal would act on; none of them may reach it. */
const TERMINAL_CONTROLS = ['\u001b', '\u0007', '\u009b', '\u202e'];

function expectNeutralised(output: string): void {
  for (const c of TERMINAL_CONTROLS) expect(output.includes(c), JSON.stringify(c)).toBe(false);
}

describe('listings of a library', { timeout: NO_DEADLINE }, () => {
  let db = '';
  let hostile = '';
  beforeAll(async () => {
    db = await libraries.fresh('listings');
    writeFixtures(join(dir, 'news'), ALL_FIXTURES);
    hostile = join(dir, 'hostile.jsonl');
    const record = {
      id: 'gate-1',
      title: HOSTILE_TITLE,
      outlet: HOSTILE_OUTLET,
      published: '2031-06-01',
      text: 'The river gate at Port Hollis jammed half open on Sunday, stranding 14 barges in the canal basin. Harbour master Orla Quist said divers would inspect the hinges on Monday.\n\nShippers said the delay would cost the port a week of grain traffic.',
    };
    writeFileSync(hostile, `${JSON.stringify(record)}\n`);
    const r = run(['ingest', join(dir, 'news'), hostile, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/8 new articles, 4 new stories/);
  }, NO_DEADLINE);

  it('stories says how many more there are beyond --limit; JSON gives the total', () => {
    const cut = run(['stories', '--db', db, '--limit', '1']);
    expect(cut.code).toBe(0);
    expect(cut.stdout.split('\n').filter((l) => /^ +\d+ {2}/.test(l))).toHaveLength(1);
    expect(cut.stdout).toMatch(/\n… and 3 more \(4 in all\); use --page 2 for the next ones\n$/);
    expect(run(['stories', '--db', db]).stdout).not.toMatch(/more \(/);
    const last = run(['stories', '--db', db, '--limit', '1', '--page', '4']);
    expect(last.stdout.split('\n').filter((l) => /^ +\d+ {2}/.test(l))).toHaveLength(1);
    expect(last.stdout).not.toMatch(/more \(/);
    const pageTwo = JSON.parse(
      run(['stories', '--db', db, '--limit', '1', '--page', '2', '--format', 'json']).stdout,
    );
    expect(storiesSchemaErrors(pageTwo)).toEqual([]);
    expect(pageTwo).toMatchObject({ total: 4, offset: 1 });
    expect(pageTwo.stories[0].id).not.toBe(
      JSON.parse(run(['stories', '--db', db, '--limit', '1', '--format', 'json']).stdout).stories[0].id,
    );
    const shared = JSON.parse(run(['stories', '--db', db, '--min-outlets', '2', '--format', 'json']).stdout);
    expect(shared.total).toBeGreaterThan(0);
    expect(shared.total).toBeLessThan(4);
    for (const s of shared.stories) expect(s.outlets.length).toBeGreaterThanOrEqual(2);
    const json = JSON.parse(run(['stories', '--db', db, '--limit', '1', '--format', 'json']).stdout);
    expect(storiesSchemaErrors(json)).toEqual([]);
    expect(json.stories).toHaveLength(1);
    expect(json.total).toBe(4);
    const filtered = JSON.parse(
      run(['stories', '--db', db, '--since', '2032-01-01', '--format', 'json']).stdout,
    );
    expect(filtered.total).toBe(1);
    const byOutlet = run([
      'stories',
      '--db',
      db,
      '--outlet',
      'Valley Courier',
      '--format',
      'json',
      '--limit',
      '1',
    ]);
    // Valley Courier covers the flood and the chess story.
    expect(JSON.parse(byOutlet.stdout)).toMatchObject({ total: 2, stories: [expect.anything()] });
  });

  it('search says how many more match beyond --limit; JSON gives the total', () => {
    const all = JSON.parse(
      run(['search', 'Tessaly', '--db', db, '--format', 'json', '--limit', '50']).stdout,
    );
    const total = all.hits.length;
    expect(total).toBeGreaterThan(1);
    expect(all.total).toBe(total);
    const one = JSON.parse(run(['search', 'Tessaly', '--db', db, '--format', 'json', '--limit', '1']).stdout);
    expect(one).toMatchObject({ query: 'Tessaly', total });
    expect(one.hits).toHaveLength(1);
    const text = run(['search', 'Tessaly', '--db', db, '--limit', '1']);
    expect(text.stdout).toMatch(
      new RegExp(`\\n… and ${total - 1} more; use --limit ${total} to list them all\\n$`),
    );
  });

  it('neutralises control characters from titles, outlets and feed titles in every listing', async () => {
    const visible = '\\u001b]0;pwned\\u0007';
    const stories = run(['stories', '--db', db]);
    expectNeutralised(stories.stdout);
    expect(stories.stdout).toContain(`Gate ${visible} jams`);
    expect(stories.stdout).toContain('Hollis \\u001b[31mPost');

    const search = run(['search', 'barges', '--db', db]);
    expectNeutralised(search.stdout);
    expect(search.stdout).toContain(visible);

    const listing = JSON.parse(run(['stories', '--db', db, '--format', 'json']).stdout);
    const gate = listing.stories.find((s: { articles: string[] }) => s.articles.includes('gate-1'));
    const why = run(['story', String(gate.id), '--why', '--db', db]);
    expect(why.code).toBe(0);
    expectNeutralised(why.stdout);
    expect(why.stdout).toContain('\\u202eevil\\u009b2J');

    const annotated = run(['annotate', '--format', 'text', hostile]);
    expect(annotated.code).toBe(0);
    expectNeutralised(annotated.stdout);
    expect(annotated.stdout).toContain(visible);

    // JSON keeps its meaning: the escapes are JSON's own, so the title parses back as it was stored.
    const json = run(['stories', '--db', db, '--format', 'json']);
    expectNeutralised(json.stdout);
    expect(gate.title).toBe(HOSTILE_TITLE);
    const found = JSON.parse(run(['search', 'barges', '--db', db, '--format', 'json']).stdout);
    expect(found.hits[0].outlet).toBe(HOSTILE_OUTLET);

    const store = await libraries.open(db);
    await store.addFeed('https://hollis.example/feed.json', `Port news ${HOSTILE_TITLE}`, null);
    await store.close();
    const feeds = run(['feeds', 'list', '--db', db]);
    expect(feeds.code).toBe(0);
    expectNeutralised(feeds.stdout);
    expect(feeds.stdout).toContain(`Port news Gate ${visible}`);
  });
});
