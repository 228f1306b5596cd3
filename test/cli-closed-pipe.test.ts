// `parallax annotate … | head`: the reader closes the pipe after a few bytes; the command must end
// without a stack trace on standard error.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../bin/parallax.js');
const dir = mkdtempSync(join(tmpdir(), 'parallax-pipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('ends quietly when the reader closes the pipe early', async () => {
  const file = join(dir, 'long.txt');
  const paragraph = 'The Calder council approved the harbour budget on Monday after a long debate. ';
  writeFileSync(file, `Harbour Budget Passes\n\n${`${paragraph.repeat(8)}\n\n`.repeat(200)}`);
  const child = spawn(process.execPath, [BIN, 'annotate', file, '--format', 'json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((done) => child.on('close', done));
  expect(stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
  expect(code).toBe(0);
}, 60_000);
