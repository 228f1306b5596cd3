// parallax migrate on a library file, and that every command takes a postgres:// URL (the PostgreSQL side of
// migrate is in store-postgres.test.ts, which has a server).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { SCHEMA_VERSION } from '../src/store/sqlite/migrations.js';
import { captureIo } from './support/capture-io.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parallax migrate', () => {
  it('migrates a library file, then finds nothing to do; a missing file is refused', async () => {
    const file = join(dir, 'lib.db');
    const first = captureIo();
    expect(await main(['migrate', '--db', file], first.io)).toBe(1);
    expect(first.err.join('')).toContain('no library there');
    writeFileSync(file, '');
    const second = captureIo();
    expect(await main(['migrate', '--db', file], second.io)).toBe(0);
    expect(second.out.join('')).toBe(
      `${file}: schema version ${SCHEMA_VERSION} (was 0; ${SCHEMA_VERSION} migrations applied)\n`,
    );
    const third = captureIo();
    expect(await main(['migrate', '--db', file], third.io)).toBe(0);
    expect(third.out.join('')).toBe(`${file}: schema version ${SCHEMA_VERSION}, nothing to migrate\n`);
  });

  it('refuses a file that is not a library in one line', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'not a database at all, just some notes that are long enough to have a header');
    const run = captureIo();
    expect(await main(['migrate', '--db', file], run.io)).toBe(1);
    expect(run.err.join('')).toMatch(/is not a Parallax database/);
  });
});

describe('a postgres:// library in every command', () => {
  // Nothing listens on port 1 of this machine: each command tries the server (no refusal up front) and
  // says in one line, password hidden, that it cannot reach it.
  const url = 'postgres://team:s3cret@127.0.0.1:1/news';
  it.each([['feeds', 'list'], ['serve'], ['notes'], ['watch'], ['stories', '--blindspots']])(
    'parallax %s opens it through the store',
    async (...args) => {
      const run = captureIo();
      const code = await main([...args, '--db', url], run.io);
      expect(code).not.toBe(0);
      expect(run.err).toHaveLength(1);
      const line = run.err[0] ?? '';
      expect(line).not.toContain('cannot use a PostgreSQL library');
      expect(line).toContain('postgres://team:***@127.0.0.1:1/news');
      expect(line).not.toContain('s3cret');
    },
  );

  it('PARALLAX_DB selects it as --db does', async () => {
    const before = process.env.PARALLAX_DB;
    process.env.PARALLAX_DB = url;
    try {
      const run = captureIo();
      expect(await main(['feeds', 'list'], run.io)).not.toBe(0);
      expect(run.err.join('')).toContain('postgres://team:***@127.0.0.1:1/news');
    } finally {
      if (before === undefined) delete process.env.PARALLAX_DB;
      else process.env.PARALLAX_DB = before;
    }
  });
});
