// Every test file that opens a library runs on both backends, or says why it runs on one: a new file that
// opens a SQLite file directly would otherwise never meet PostgreSQL (test/support/backends.ts).

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKEND_SENSITIVE, ONE_BACKEND } from './support/backends.js';

const ROOT = resolve(import.meta.dirname, '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [relative(ROOT, path)] : [];
  });
}

/** What opening a library looks like in a test: a store, the API, a `--db` on the command line. */
const OPENS_LIBRARY =
  /openSqliteStore|openSqliteAsyncStore|openAsyncStore|openPgStore|openLibrary\(|'--db'|testLibraries\(/;

describe('test files and backends', () => {
  const files = testFiles(join(ROOT, 'test'));

  it('lists every file that opens a library as run on both backends or on one, with a reason', () => {
    const self = relative(ROOT, import.meta.filename);
    const opening = files.filter(
      (f) => f !== self && OPENS_LIBRARY.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(opening.length).toBeGreaterThan(30);
    const unlisted = opening.filter((f) => !BACKEND_SENSITIVE.includes(f) && !(f in ONE_BACKEND));
    expect(unlisted).toEqual([]);
    for (const [file, reason] of Object.entries(ONE_BACKEND)) {
      expect([file, files.includes(file)]).toEqual([file, true]);
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  it('has every file the postgres project runs open its libraries through test-library.ts', () => {
    for (const file of BACKEND_SENSITIVE) {
      expect([file, files.includes(file)]).toEqual([file, true]);
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect([file, text.includes('testLibraries(')]).toEqual([file, true]);
      expect([file, file in ONE_BACKEND]).toEqual([file, false]);
    }
  });
});
