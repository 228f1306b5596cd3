// Merging metadata from several places: each field is taken from the first place that has it, so callers
// list their sources from most to least trusted.
import type { ArticleMeta, Message } from '../model/article.js';
import { normalizePublished } from '../text/published-date.js';

export const META_FIELDS = ['title', 'outlet', 'url', 'published', 'author', 'language', 'leaning'] as const;
export type MetaField = (typeof META_FIELDS)[number];

/** A trimmed single-line string, or null for anything empty or not text-like. */
export function cleanString(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const s = value.replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

/** Authors come as one string, a list, or objects with a name (front matter, JSON-LD). */
export function authorString(value: unknown): string | null {
  if (Array.isArray(value)) {
    const names = value.map(authorString).filter((n): n is string => n !== null);
    return names.length > 0 ? [...new Set(names)].join(', ') : null;
  }
  const name =
    typeof value === 'object' && value !== null
      ? cleanString((value as { name?: unknown }).name)
      : cleanString(value);
  return name === null || templateText(name) ? null : name;
}

// A byline that is a page template's field list ("Backgroundurl Avatar_Large, Story Count, Comment Count")
// or a lone backslash left by an escaped empty value: no one's name. Names never carry an identifier with
// an underscore, and must hold a letter.
function templateText(byline: string): boolean {
  return /\p{L}_\p{L}/u.test(byline) || !/\p{L}/u.test(byline);
}

export function fillMeta(...layers: readonly (ArticleMeta | null | undefined)[]): ArticleMeta {
  const out: ArticleMeta = {};
  for (const field of META_FIELDS) {
    for (const layer of layers) {
      const value = layer?.[field];
      if (value !== undefined && value !== null && value !== '') {
        out[field] = value;
        break;
      }
    }
  }
  return out;
}

/**
 * Publication date from a value someone typed (front matter, a record): normalised, or null with a message
 * so the user learns why the timeline has no reference date.
 */
export function publishedFrom(value: unknown, where: string, messages: Message[]): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const raw = cleanString(value);
  if (!raw) return null;
  const date = normalizePublished(raw);
  if (!date) messages.push(unparsedDate(raw, where));
  return date;
}

export function unparsedDate(raw: string, where: string): Message {
  return { code: 'date-unparsed', message: `could not read the publication date "${raw}" (${where})` };
}
