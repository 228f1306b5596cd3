/**
 * The shape of src/: every area (a folder under src/, or a file directly in it) sits on one floor, and a
 * module may import only from its own floor or the floors below. Lowest first:
 *
 *   0  model                               the article and report types, and the story-index contract
 *   1  text, util, errors, config          the ground floor: words, numbers, HTML to text, decoding,
 *                                          published dates; `text` itself imports only `model`
 *   2  nlp, extract, feeds                 one job each on raw input (the tagger, a page's body, a feed)
 *   3  ingest                              inputs of every format into articles
 *   4  fetch, clean, annotate, store       pages from the web; cleaning and annotating one article;
 *                                          keeping articles (the store holds no analysis: it sits below it)
 *   5  compare, pipeline, report           comparing a story; analyze's pipeline; writing a report;
 *      outlets                             the outlet directory file, spread and blindspots
 *   6  stories                             clustering articles into stories
 *   7  library                             the operations on a library (store + stories + fetch)
 *   8  server, api, queue                  the web app; the library API behind the package's main export;
 *                                          the ingest queue and its workers (jobs run library operations)
 *   9  cli, index                          the commands; the package's main export (src/index.ts)
 *
 * Besides an upward import, any import cycle between files fails, and so does a cycle between two areas of
 * one floor. Imports are read with a real TypeScript parser (oxc-parser), type-only imports included: a
 * type from a higher floor still ties the lower one to it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { parseSync } from 'oxc-parser';
import { describe, expect, it } from 'vitest';

const FLOORS: readonly (readonly string[])[] = [
  ['model'],
  ['text', 'util', 'errors', 'config'],
  ['nlp', 'extract', 'feeds'],
  ['ingest'],
  ['fetch', 'clean', 'annotate', 'store'],
  ['compare', 'pipeline', 'report', 'outlets'],
  ['stories'],
  ['library'],
  ['server', 'api', 'queue'],
  ['cli', 'index'],
];

/** Areas that must import only from these areas, tighter than their floor. */
const ONLY: Readonly<Record<string, readonly string[]>> = { text: ['model'], model: [] };

const SRC = join(import.meta.dirname, '..', 'src');

type Graph = Map<string, string[]>;

/** The relative imports and re-exports of one module, as paths of .ts files relative to src/. */
function importsOf(file: string, source: string): string[] {
  const parsed = parseSync(file, source);
  if (parsed.errors.length > 0) throw new Error(`${file}: cannot parse (${parsed.errors[0]?.message})`);
  const specifiers = [
    ...parsed.module.staticImports.map((i) => i.moduleRequest.value),
    ...parsed.module.staticExports.flatMap((e) => e.entries.map((x) => x.moduleRequest?.value)),
    ...parsed.module.dynamicImports.map((d) => source.slice(d.moduleRequest.start, d.moduleRequest.end)),
  ];
  const out: string[] = [];
  for (const raw of specifiers) {
    if (raw === undefined) continue;
    const spec = raw.replace(/^['"`]|['"`]$/g, '');
    if (!spec.startsWith('.')) continue;
    out.push(normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts'));
  }
  return out;
}

function sourceGraph(): Graph {
  const graph: Graph = new Map();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const file = relative(SRC, path);
        graph.set(file, importsOf(file, readFileSync(path, 'utf8')));
      }
    }
  };
  walk(SRC);
  return graph;
}

/** "compare/text/words.ts" → "compare"; "errors.ts" → "errors". */
function areaOf(file: string): string {
  const [head = '', ...rest] = file.split('/');
  return rest.length === 0 ? head.replace(/\.ts$/, '') : head;
}

function floorOf(area: string): number {
  return FLOORS.findIndex((floor) => floor.includes(area));
}

/** Every import that goes to a higher floor, to an area not on any floor, or outside an ONLY list. */
function upwardImports(graph: Graph): string[] {
  const found: string[] = [];
  for (const [from, targets] of graph) {
    const a = areaOf(from);
    for (const to of targets) {
      const b = areaOf(to);
      if (a === b) continue;
      const only = ONLY[a];
      const fa = floorOf(a);
      const fb = floorOf(b);
      if (fa < 0) found.push(`${from}: area "${a}" is on no floor`);
      else if (fb < 0) found.push(`${from} → ${to}: area "${b}" is on no floor`);
      else if (fb > fa) found.push(`${from} → ${to}: floor ${fa} (${a}) imports floor ${fb} (${b})`);
      else if (only && !only.includes(b)) found.push(`${from} → ${to}: ${a} imports only ${only.join(', ')}`);
    }
  }
  return found;
}

/** Strongly connected components with more than one node (Tarjan), each sorted, as "a → b → a" lines. */
function cycles(graph: Graph): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node) ?? 0, index.get(to) ?? 0));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
        onStack.delete(top);
        component.push(top);
        if (top === node) break;
      }
      if (component.length > 1) found.push(component.sort().join(' ⇄ '));
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

function areaGraph(graph: Graph): Graph {
  const areas: Graph = new Map();
  for (const [from, targets] of graph) {
    const a = areaOf(from);
    const list = areas.get(a) ?? [];
    for (const to of targets) if (areaOf(to) !== a && !list.includes(areaOf(to))) list.push(areaOf(to));
    areas.set(a, list);
  }
  return areas;
}

describe('layering of src/', () => {
  const graph = sourceGraph();

  it('reads the whole tree', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('stories/features.ts')?.length).toBeGreaterThan(0);
  });

  it('has no import from a higher floor into a lower one', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('has no import cycle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no cycle between areas', () => {
    expect(cycles(areaGraph(graph))).toEqual([]);
  });
});

describe('the layering checks can fail', () => {
  it('finds an upward import, an import outside the ground floor and an unknown area', () => {
    const graph: Graph = new Map([
      ['model/article.ts', ['compare/index.ts']],
      ['text/words.ts', ['util/strings.ts', 'model/article.ts']],
      ['compare/index.ts', ['text/words.ts', 'model/article.ts']],
      ['attic/old.ts', ['model/article.ts']],
    ]);
    expect(upwardImports(graph)).toEqual([
      'model/article.ts → compare/index.ts: floor 0 (model) imports floor 5 (compare)',
      'text/words.ts → util/strings.ts: text imports only model',
      'attic/old.ts: area "attic" is on no floor',
    ]);
  });

  it('finds a cycle between files and one between areas', () => {
    const graph: Graph = new Map([
      ['ingest/html.ts', ['extract/index.ts']],
      ['extract/index.ts', ['extract/tree.ts']],
      ['extract/tree.ts', ['ingest/blocks.ts']],
      ['ingest/blocks.ts', []],
    ]);
    expect(cycles(graph)).toEqual([]);
    expect(cycles(areaGraph(graph))).toEqual(['extract ⇄ ingest']);
    graph.set('ingest/blocks.ts', ['ingest/html.ts']);
    expect(cycles(graph)).toEqual(['extract/index.ts ⇄ extract/tree.ts ⇄ ingest/blocks.ts ⇄ ingest/html.ts']);
  });

  it('reads type-only imports, re-exports and dynamic imports', () => {
    const source = [
      "import type { A } from '../model/article.js';",
      "export { b } from './b.js';",
      "export * from '../util/strings.js';",
      "const c = await import('../store/index.js');",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(importsOf('cli/main.ts', source)).toEqual([
      'model/article.ts',
      'cli/b.ts',
      'util/strings.ts',
      'store/index.ts',
    ]);
  });
});
