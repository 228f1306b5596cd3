// Expands one command-line input into the files to read. Folder walks are deterministic (names sorted by
// code unit, not by locale), skip hidden entries and unknown extensions silently, and refuse loops and
// over-deep nesting out loud.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { type FileFormat, kindOf } from './formats.js';
import { describeError } from './refusal.js';

export type WalkItem =
  | { kind: 'file'; path: string; format: FileFormat; gz: boolean }
  | { kind: 'refused'; input: string; reason: string };

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export async function* walkInput(input: string, maxDepth: number): AsyncGenerator<WalkItem> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(input);
  } catch (err) {
    yield { kind: 'refused', input, reason: describeError(err) };
    return;
  }
  if (info.isDirectory()) {
    yield* walkFolder(input, 0, maxDepth, new Set());
    return;
  }
  if (!info.isFile() && !info.isFIFO()) {
    yield { kind: 'refused', input, reason: 'not a regular file' };
    return;
  }
  // Named explicitly, a file with an unknown extension is still read, as text: the user asked for it.
  const { format, gz } = kindOf(path.basename(input));
  yield { kind: 'file', path: input, format: format ?? 'text', gz };
}

async function* walkFolder(
  folder: string,
  depth: number,
  maxDepth: number,
  ancestors: ReadonlySet<string>,
): AsyncGenerator<WalkItem> {
  let real: string;
  let entries: Dirent[];
  try {
    real = await realpath(folder);
    if (ancestors.has(real)) {
      yield { kind: 'refused', input: folder, reason: 'directory loop (a link back to a parent folder)' };
      return;
    }
    entries = await readdir(folder, { withFileTypes: true });
  } catch (err) {
    yield { kind: 'refused', input: folder, reason: describeError(err) };
    return;
  }
  const inside = new Set(ancestors).add(real);
  for (const entry of entries.sort(byName)) {
    if (entry.name.startsWith('.')) continue;
    const child = path.join(folder, entry.name);
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try {
        isDir = (await stat(child)).isDirectory();
      } catch (err) {
        // A dangling link is only worth mentioning if it looks like an article file.
        if (kindOf(entry.name).format) yield { kind: 'refused', input: child, reason: describeError(err) };
        continue;
      }
    }
    if (isDir) {
      if (depth + 1 > maxDepth) {
        yield {
          kind: 'refused',
          input: child,
          reason: `folder nested more than ${maxDepth} levels deep, skipped`,
        };
        continue;
      }
      yield* walkFolder(child, depth + 1, maxDepth, inside);
      continue;
    }
    const { format, gz } = kindOf(entry.name);
    if (format) yield { kind: 'file', path: child, format, gz };
  }
}
