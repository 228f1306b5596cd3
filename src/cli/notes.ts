// parallax notes: the notes kept in a library (added in the web app or its API), to read or export. Text
// lists each note under its story and finding; json is the API's shape (schema/kept-work.schema.json
// #/$defs/noteList), so a script reads the same thing from either.

import { ParallaxError } from '../errors.js';
import type { NoteRecord } from '../store/store.js';
import type { Invocation } from './args.js';
import { withAsyncLibrary } from './library.js';
import type { Io } from './output.js';

function storyArgument(positionals: readonly string[]): number | undefined {
  if (positionals.length === 0) return undefined;
  const [first, ...rest] = positionals;
  if (rest.length > 0 || !/^\d+$/.test(first ?? '') || Number(first) < 1)
    throw new ParallaxError(
      'USAGE',
      `notes takes at most one story id (a whole number); got "${positionals.join(' ')}"`,
    );
  return Number(first);
}

function textBlock(note: NoteRecord, title: string | null): string {
  const on = note.finding === null ? 'the story' : note.finding;
  const head = `#${note.id} · story ${note.storyId}${title ? ` (${title})` : ''} · on ${on} · ${note.updatedAt.slice(0, 16).replace('T', ' ')}`;
  const body = note.text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  return `${head}\n${body}\n`;
}

export async function notesCommand(invocation: Invocation, io: Io): Promise<number> {
  const storyId = storyArgument(invocation.positionals);
  return withAsyncLibrary(invocation, true, async (store) => {
    const notes = await store.notes(storyId === undefined ? {} : { storyId });
    if (invocation.format === 'json') {
      io.stdout(`${JSON.stringify({ notes }, null, 2)}\n`);
      return 0;
    }
    if (notes.length === 0) {
      io.stderr(
        `parallax: no notes${storyId === undefined ? '' : ` on story ${storyId}`}; add them on a story's page in "parallax serve"`,
      );
      return 0;
    }
    const ids = [...new Set(notes.map((n) => n.storyId))];
    const titles = new Map((await store.listStories({ ids, limit: ids.length })).map((s) => [s.id, s.title]));
    io.stdout(notes.map((n) => textBlock(n, titles.get(n.storyId) ?? null)).join('\n'));
    return 0;
  });
}
