// The spread in the report of `parallax story`: with an outlet directory the report JSON carries the
// story's coverage by leaning (valid against schema/report.schema.json) and the HTML shows the same bar as
// the web app; without a directory the field is absent.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { main } from '../src/cli/main.js';
import { DEFAULT_CONFIG } from '../src/config.js';
import { ingestIntoLibrary } from '../src/library/ingest.js';
import type { Report } from '../src/model/report.js';
import { renderHtml } from '../src/report/html/index.js';
import { createApp } from '../src/server/app.js';
import { DEMO_DIRECTORY } from './support/demo-directory.js';
import { ALL_FIXTURES, FLOOD_REPRINT, writeFixtures } from './support/library-fixtures.js';
import { reportSchemaErrors } from './support/report-schema.js';
import { testLibraries } from './support/test-library.js';

const spreadSchema = new Ajv2020.default({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(new URL('../schema/spread.schema.json', import.meta.url), 'utf8')),
);

const libraries = testLibraries('report_spread');
let dir = '';
let db = '';
let flood = 0;

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
  dir = mkdtempSync(join(tmpdir(), 'parallax-report-spread-'));
  db = await libraries.fresh();
  const store = await libraries.open(db);
  await ingestIntoLibrary(
    store,
    writeFixtures(join(dir, 'news'), [...ALL_FIXTURES, FLOOD_REPRINT]),
    DEFAULT_CONFIG,
    {
      worker: false,
    },
  );
  flood =
    (await store.listStories({ limit: 10 })).find((s) => s.outlets.includes('Coastline Weekly'))?.id ?? 0;
  store.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('spread in the story report', () => {
  it('is absent without an outlet directory', async () => {
    const { code, stdout } = await cli(['story', String(flood), '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.stories[0]).not.toHaveProperty('spread');
    const page = await cli(['story', String(flood), '--format', 'html']);
    expect(page.stdout).not.toContain('class="report-spread"');
  });

  it('carries the coverage by leaning once a directory is imported, and the HTML draws its bar', async () => {
    const file = join(dir, 'outlets.yaml');
    writeFileSync(file, stringify(DEMO_DIRECTORY));
    expect((await cli(['outlets', 'import', file])).code).toBe(0);
    const { code, stdout } = await cli(['story', String(flood), '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(reportSchemaErrors(report)).toEqual([]);
    const spread = report.stories[0]?.spread;
    expect(spread?.field).toBe('leaning');
    expect(spread?.values).toEqual(['left', 'centre', 'right']);
    expect(spread?.groups.map((g) => g.value)).toEqual(['left', 'centre']);
    // The reprint of the Valley Courier's article by Coastline Weekly is a copy: listed, no voice of its own.
    expect(spread?.groups[0]?.outlets).toEqual([
      { outlet: 'Valley Courier', voices: 1 },
      { outlet: 'Coastline Weekly', voices: 0 },
    ]);
    expect(spread?.voices).toBe(3);
    expect(spread?.groups[1]?.outlets.map((o) => o.outlet)).toEqual(['Northern Ledger', 'Radio Brannock']);
    expect(spread?.blindspot).toBeNull();

    const page = (await cli(['story', String(flood), '--format', 'html'])).stdout;
    expect(page).toContain('<h2 id="spread-h">Coverage by leaning</h2>');
    expect(page).toContain('aria-label="Voices by leaning: left 1, centre 2, right 0"');
    expect(page).toContain('Coastline Weekly (copies only)');

    const md = (await cli(['story', String(flood), '--format', 'md'])).stdout;
    expect(md).toContain('## Coverage by leaning');
    expect(md).toContain('| centre | 2 | Northern Ledger, Radio Brannock |');
    expect(md).toContain('| right | 0 | — |');
  });

  it('stories --blindspots lists the stories one group alone covers, by leaning or another field', async () => {
    const { code, stdout } = await cli(['stories', '--blindspots']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(
      '1 blindspot by leaning among 3 stories covered by 2+ outlets: only left 0 · only centre 1 · only right 0',
    );
    expect(stdout).toContain('Harbourside votes to leave the Meridian transit authority');
    expect(stdout).toContain('only centre: centre 2');
    expect(stdout).not.toContain('Tessaly');

    const json = JSON.parse(
      (await cli(['stories', '--blindspots', '--by', 'country', '--format', 'json'])).stdout,
    );
    expect(spreadSchema(json), JSON.stringify(spreadSchema.errors)).toBe(true);
    expect(json.field).toBe('country');
    expect(json.total).toBe(2);
    expect(json.stories.map((s: { only: string }) => s.only)).toEqual(['Brannock', 'Brannock']);
    // The same listing as the web API's.
    const store = await libraries.open(db);
    try {
      const api = await createApp({ store }).request('http://localhost/api/blindspots?by=country&limit=2', {
        headers: { host: 'localhost' },
      });
      expect(await api.json()).toEqual(json);
    } finally {
      store.close();
    }

    const one = await cli(['stories', '--blindspots', '--by', 'country', '--limit', '1']);
    expect(one.stdout).toContain('… and 1 more (2 in all); use --page 2 for the next ones');
    const misspelt = await cli(['stories', '--blindspots', '--by', 'leanings']);
    expect([misspelt.code, misspelt.stderr]).toEqual([2, expect.stringContaining('did you mean leaning?')]);
    const stray = await cli(['stories', '--by', 'leaning']);
    expect([stray.code, stray.stderr]).toEqual([2, expect.stringContaining('--by goes with --blindspots')]);
  });

  it('hostile outlet names and values in the spread are shown as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const story = {
      id: 's',
      title: 'T',
      articles: [],
      actors: [],
      quotes: [],
      facts: [],
      discrepancies: [],
      timeline: [],
      digest: [],
    };
    const page = renderHtml({
      version: 1,
      generatedAt: '2031-01-01T00:00:00Z',
      stories: [
        {
          ...story,
          spread: {
            field: 'leaning',
            groups: [{ value: hostile, voices: 2, outlets: [{ outlet: `Post ${hostile}`, voices: 2 }] }],
            voices: 2,
            values: [hostile, 'right'],
            blindspot: hostile,
          },
        },
      ],
    } as Report);
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('blindspot: only &lt;img src=x onerror=alert(1)&gt;');
  });

  it('the schema refuses a spread without its parts', () => {
    const bad = { version: 1, generatedAt: 'now', stories: [] } as unknown as Report;
    expect(reportSchemaErrors(bad)).toEqual([]);
    const story = {
      id: 's',
      title: '',
      articles: [],
      actors: [],
      quotes: [],
      facts: [],
      discrepancies: [],
      timeline: [],
      digest: [],
    };
    const withSpread = (spread: unknown) => ({ ...bad, stories: [{ ...story, spread }] });
    expect(
      reportSchemaErrors(
        withSpread({ field: 'leaning', groups: [], voices: 0, values: [], blindspot: null }),
      ),
    ).toEqual([]);
    expect(
      reportSchemaErrors(withSpread({ field: 'leaning', groups: [], voices: 0, values: [] })),
    ).not.toEqual([]);
    expect(
      reportSchemaErrors(withSpread({ field: 'mood', groups: [], voices: 0, values: [], blindspot: null })),
    ).not.toEqual([]);
  });
});
