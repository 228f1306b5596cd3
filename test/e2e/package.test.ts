// The package as a user gets it: `npm pack`, install the tarball into an empty folder, then the
// `parallax` command runs the demo there, and `import { analyze } from '<package>'` works from JavaScript
// and type-checks from TypeScript. It packs the current build (npm test builds first) and installs the
// dependencies from the npm cache or registry.
//
// better-sqlite3's install script compiles SQLite from source when no prebuilt binary can be fetched,
// which takes minutes; `npm ci` already does that for the project, so here install scripts are skipped
// and the project's own compiled binary (the same version, pinned by an override) is copied in.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportSchemaErrors } from '../support/report-schema.js';

const ROOT = resolve(import.meta.dirname, '../..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const SQLITE_VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules/better-sqlite3/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const SQLITE_BINARY = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
// Installing from the registry and running the demo take their time on a busy machine: no deadline here.
const PATIENT = { timeout: 30 * 60_000 };

/** The environment without what an enclosing `npm test` adds (npm_config_*, npm_package_*, …). */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')),
  );
}

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, {
    cwd,
    env: cleanEnv(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${command} ${args.join(' ')} (exit ${result.status})\n${result.stdout}\n${result.stderr}`;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, output };
}

let consumer = '';
let tarball = '';

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/src/index.js')))
    throw new Error('no build in dist/: run "npm run build" first');
  const work = mkdtempSync(join(tmpdir(), 'parallax-package-'));
  const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
  expect(packed.code, packed.output).toBe(0);
  tarball = join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0]?.filename ?? '');

  consumer = join(work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      private: true,
      type: 'module',
      overrides: { 'better-sqlite3': SQLITE_VERSION },
    }),
  );
  const installed = run(
    'npm',
    ['install', tarball, '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'],
    consumer,
  );
  expect(installed.code, installed.output).toBe(0);
  mkdirSync(dirname(join(consumer, SQLITE_BINARY)), { recursive: true });
  copyFileSync(join(ROOT, SQLITE_BINARY), join(consumer, SQLITE_BINARY));
}, PATIENT.timeout);

describe(`the packed ${PKG.name}`, () => {
  it('holds the command, the built code, its types, the schemas and the demo, and nothing else', () => {
    const listed = run('tar', ['-tzf', tarball], ROOT);
    const files = listed.stdout.split('\n').filter(Boolean);
    expect(files).toContain('package/bin/parallax.js');
    expect(files).toContain('package/dist/src/index.js');
    expect(files).toContain('package/dist/src/index.d.ts');
    expect(files).toContain('package/dist/src/library/annotate-worker.js');
    expect(files).toContain('package/schema/report.schema.json');
    expect(files).toContain('package/data/outlets/allsides.yaml');
    expect(files.some((f) => f.startsWith('package/examples/harbor-bridge/'))).toBe(true);
    const stray = files.filter(
      (f) => /^package\/(test|bench|src|dist\/bench|dist\/test)\//.test(f) || f.endsWith('.map'),
    );
    expect(stray).toEqual([]);
  });

  it('runs the demo with `npx parallax demo` in an empty folder', PATIENT, () => {
    const demo = run('npx', ['--no', 'parallax', 'demo'], consumer);
    expect(demo.code, demo.output).toBe(0);
    const report = JSON.parse(readFileSync(join(consumer, 'parallax-report/report.json'), 'utf8'));
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.stories[0].articles).toHaveLength(3);
    expect(existsSync(join(consumer, 'parallax-report/index.html'))).toBe(true);
    const version = run('npx', ['--no', '--', 'parallax', '--version'], consumer);
    expect(version.stdout.trim()).toBe(PKG.version);
  });

  it('gives `import { analyze, openLibrary } from` the package', PATIENT, () => {
    writeFileSync(
      join(consumer, 'use.js'),
      `import { analyze, openLibrary, REPORT_VERSION } from '${PKG.name}';
const text = 'Mayor Lena Ortiz said on Tuesday that the Harbor Bridge will reopen on Monday. Repairs cost 4 million dollars.';
const report = await analyze([{ id: 'a', outlet: 'Daily', text }, { id: 'b', outlet: 'Ledger', html: '<p>' + text + '</p>' }]);
const library = await openLibrary('news.db');
const summary = await library.ingest([{ id: 'a', text }]);
library.close();
console.log(JSON.stringify({ version: REPORT_VERSION, articles: report.stories[0].articles.map((a) => a.id), added: summary.added }));
`,
    );
    const used = run(process.execPath, ['use.js'], consumer);
    expect(used.code, used.output).toBe(0);
    expect(JSON.parse(used.stdout)).toEqual({ version: 1, articles: ['a', 'b'], added: 1 });
  });

  it('publishes types that a TypeScript program checks against', PATIENT, () => {
    writeFileSync(
      join(consumer, 'check.ts'),
      `import { type AnnotatedArticle, type ArticleInput, analyze, annotate, type Report } from '${PKG.name}';
const articles: ArticleInput[] = [{ id: 'a', text: 'Some text.' }];
export const report: Promise<Report> = analyze(articles, { maxArticles: 10, onRefusal: (r) => console.log(r.input, r.reason) });
export const annotated: Promise<AnnotatedArticle[]> = annotate(articles);
// @ts-expect-error: an article id is a string or a number, never a boolean
analyze([{ id: true, text: 'x' }]);
`,
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['check.ts'],
      }),
    );
    const checked = run(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', consumer],
      consumer,
    );
    expect(checked.code, checked.output).toBe(0);
  });
});
