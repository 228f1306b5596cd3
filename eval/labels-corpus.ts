// The allsides articles the judged label list points into, and the seeded randomness that drew it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const CORPUS = resolve(ROOT, '../shared/corpus');

export interface AllsidesArticle {
  id: string;
  outlet: string;
  title?: string;
  url?: string | null;
  topic: string;
  published: string;
  text: string;
}

export function readAllsides(file: string): AllsidesArticle[] {
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AllsidesArticle);
}

/** Fisher–Yates with the given generator; returns a new array. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
