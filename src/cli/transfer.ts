// parallax export / import / copy: move a library between a file and a PostgreSQL database (or between two
// of either) through a backend-neutral dump (src/store/transfer/). Example: a laptop library goes to the
// team's server with `parallax export --db news.db --out news.dump.gz` then
// `parallax import news.dump.gz --db postgres://parallax@db.example/news`, and back the same way.

import { createWriteStream, rmSync, statSync } from 'node:fs';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { ParallaxError } from '../errors.js';
import { dumpInput } from '../store/transfer/dump-format.js';
import { describeCounts, exportLibrary, importLibrary } from '../store/transfer/transfer.js';
import type { Invocation } from './args.js';
import { DEFAULT_DB } from './library.js';
import type { Io } from './output.js';

function noInputs(invocation: Invocation, what: string): void {
  if (invocation.positionals.length > 0) {
    throw new ParallaxError('USAGE', `${what} takes no inputs; got "${invocation.positionals[0]}"`);
  }
}

const sizeOf = (file: string) => `${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`;

export async function exportCommand(invocation: Invocation, io: Io): Promise<number> {
  noInputs(invocation, 'export');
  const db = invocation.db ?? DEFAULT_DB;
  const out = invocation.out ?? '-';
  if (out === '-') {
    const stdout = process.stdout as Writable;
    const counts = await exportLibrary(db, stdout);
    io.stderr(`exported ${describeCounts(counts)}\n`);
    return 0;
  }
  const file = createWriteStream(out, { flags: 'wx' });
  await new Promise<void>((resolve, reject) => {
    file.once('open', () => resolve());
    file.once('error', (err) =>
      reject(
        new ParallaxError(
          'STORE',
          `${out}: cannot write the dump there (${(err as NodeJS.ErrnoException).code ?? err.message}); name a new file with --out`,
        ),
      ),
    );
  });
  const gzip = out.endsWith('.gz') ? createGzip() : null;
  if (gzip) gzip.pipe(file);
  try {
    const counts = await exportLibrary(db, gzip ?? file);
    (gzip ?? file).end();
    await finished(file);
    io.stdout(`exported ${describeCounts(counts)} to ${out} (${sizeOf(out)})\n`);
    return 0;
  } catch (err) {
    // A half-written dump is removed: it would only fail its import later.
    file.destroy();
    rmSync(out, { force: true });
    throw err;
  }
}

export async function importCommand(invocation: Invocation, io: Io): Promise<number> {
  const [input, extra] = invocation.positionals;
  if (input === undefined || extra !== undefined) {
    throw new ParallaxError(
      'USAGE',
      'import takes one dump file (or - for standard input); "parallax import --help" shows the usage',
    );
  }
  const db = invocation.db ?? DEFAULT_DB;
  const stream = dumpInput(input, io.stdin as Readable);
  const opened = new Promise<void>((resolve, reject) => {
    if (input === '-') return resolve();
    stream.once('open', () => resolve());
    stream.once('error', (err) =>
      reject(
        new ParallaxError(
          'STORE',
          `${input}: cannot read the dump (${(err as NodeJS.ErrnoException).code ?? err.message})`,
        ),
      ),
    );
  });
  await opened;
  const counts = await importLibrary(db, input, stream);
  io.stdout(`imported ${describeCounts(counts)} into ${db.includes('://') ? redacted(db) : db}\n`);
  return 0;
}

function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/** parallax copy --db FROM --out TO: export piped into import, without a file in between. */
export async function copyCommand(invocation: Invocation, io: Io): Promise<number> {
  noInputs(invocation, 'copy');
  const from = invocation.db ?? DEFAULT_DB;
  const to = invocation.out;
  if (!to) throw new ParallaxError('USAGE', 'copy needs the library to copy into: --out FILE|postgres://…');
  const pipe = new PassThrough();
  const exporting = exportLibrary(from, pipe).then(
    (counts) => {
      pipe.end();
      return counts;
    },
    (err: unknown) => {
      pipe.destroy();
      throw err;
    },
  );
  const importing = importLibrary(to, `the copy of ${from}`, pipe);
  const [exported, imported] = await Promise.allSettled([exporting, importing]);
  // The source's fault comes first: it is why the copy broke off.
  if (exported.status === 'rejected') throw exported.reason;
  if (imported.status === 'rejected') throw imported.reason;
  io.stdout(`copied ${describeCounts(imported.value)} into ${to.includes('://') ? redacted(to) : to}\n`);
  return 0;
}
