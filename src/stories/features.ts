// What story clustering reads from one annotated article: its names, content terms, numbers and years, and
// its publication day. Each feature is a string with a one-letter kind prefix (see FEATURE_KIND) so that
// cluster.ts can weight kinds differently and explain a decision ("shared name: Hale"). Weights here are
// raw counts in this article; corpus statistics (document frequency) are applied by cluster.ts.
import type { AnnotatedArticle, EntityKind } from '../model/article.js';
import type { ArticleFeatures, Day, DaySource } from '../model/story-index.js';
import { nameWords } from '../text/names.js';
import { numberValue, tokenizeSpan } from '../text/words.js';
import { inSpans, withoutNameLists } from './name-lists.js';

/** Feature kinds, by prefix. */
export const FEATURE_KIND = {
  /** A person, keyed by surname ("p:hale"): outlets vary first names and titles, rarely surnames. */
  person: 'p:',
  /** An organisation, a place or another multi-word name, keyed by its full lower-case name ("n:port calloway"). */
  name: 'n:',
  /** A stemmed content word ("t:earthquak"). */
  term: 't:',
  /** A number other than a year ("#:6.1", "#:42"): tolls, magnitudes, ages tell one event from another. */
  number: '#:',
  /** A year (1900–2099), written or resolved from a date ("y:2019"). */
  year: 'y:',
} as const;

export type FeatureKind = keyof typeof FEATURE_KIND;

/** The kind of a feature string, from its prefix. */
export function featureKind(feature: string): FeatureKind {
  switch (feature.slice(0, 2)) {
    case FEATURE_KIND.person:
      return 'person';
    case FEATURE_KIND.name:
      return 'name';
    case FEATURE_KIND.number:
      return 'number';
    case FEATURE_KIND.year:
      return 'year';
    default:
      return 'term';
  }
}

/** The feature without its kind prefix, for display ("p:hale" → "hale"). */
export function featureLabel(feature: string): string {
  return feature.slice(2);
}

/**
 * Extra count given to each word of the title (and to a lead heading): a headline states the event in a
 * few words, and those words are the ones other outlets' headlines share.
 */
const TITLE_EXTRA = 2;

/**
 * How far into the text (characters) a full date may stand to be taken as the publication day when the
 * article has none: a date line under the headline or in the dateline. Later dates are usually about
 * other events ("he was first arrested on June 8, 2011").
 */
const LEAD_DATE_CHARS = 200;

/** Entity kinds that name something an event happens to or at. Groups (nationalities) and "other" are too vague. */
const NAMED_KINDS: ReadonlySet<EntityKind> = new Set(['person', 'organization', 'place']);

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a YYYY-MM-DD publication date; null for null or anything else. */
export function dayOf(published: string | null): Day | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (!Number.isFinite(ms)) return null;
  const day = Math.floor(ms / MS_PER_DAY);
  // Date.UTC rolls 2024-02-31 over into March: refuse dates that do not exist.
  const back = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  return back === published ? day : null;
}

/** The year feature of a day ("y:2031"). */
export function yearOfDay(day: Day): string {
  return `${FEATURE_KIND.year}${dayString(day).slice(0, 4)}`;
}

/** The YYYY-MM-DD of a day, for display. */
export function dayString(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Publication day, or a weak stand-in: a full date at the very top of the text (a date line). */
function articleDay(article: AnnotatedArticle): { day: Day; source: DaySource } | null {
  const published = dayOf(article.published);
  if (published !== null) return { day: published, source: 'published' };
  for (const d of article.dates) {
    if (d.start > LEAD_DATE_CHARS) break;
    if (d.value && d.value.length === 10) {
      const day = dayOf(d.value);
      if (day !== null) return { day, source: 'text' };
    }
  }
  return null;
}

/**
 * An entity the typer could not place ("other") still names something when it is two or more capitalised
 * words ("Port Varnholt", "Rue des Quatre Vents"): unfamiliar places, vessels, products, people. Single words of
 * that kind are mostly not names (a month, a sentence-initial word, a unit), so they stay out.
 */
function isProperName(name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 2) return false;
  if (!/^\p{Lu}/u.test(words[0] ?? '') || !/^[\p{Lu}\p{N}]/u.test(words[words.length - 1] ?? ''))
    return false;
  return words.filter((w) => /\p{L}{2,}/u.test(w)).length >= 2;
}

function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']s$/, '')
    .replace(/[.’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function bump(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function numberFeature(lower: string): string | null {
  const value = numberValue(lower);
  // Small whole numbers (counts, ordinals, clock digits) recur in every kind of report.
  if (value === null || (Number.isInteger(value) && value < 10)) return null;
  if (Number.isInteger(value) && value >= 1900 && value <= 2099 && /^\d{4}$/.test(lower))
    return `${FEATURE_KIND.year}${value}`;
  return `${FEATURE_KIND.number}${value}`;
}

/**
 * Word → key (wordKey: stem, synonym group, or '' for a stop word) kept across articles: news repeats its
 * vocabulary, and stemming every word of every article again was a third of articleFeatures in ingest's
 * annotation worker (5,000 allsides articles: wordKey 8.9 s of 23.6 s sampled). The key of a word never
 * changes, so the cache only saves time; it starts afresh past KEY_CACHE_LIMIT words (a few MB).
 */
const wordKeys = new Map<string, string>();
const KEY_CACHE_LIMIT = 200_000;

function addWords(features: Map<string, number>, text: string, weight: number): void {
  if (wordKeys.size > KEY_CACHE_LIMIT) wordKeys.clear();
  for (const token of tokenizeSpan(text, 0, text.length, wordKeys)) {
    if (token.key) bump(features, `${FEATURE_KIND.term}${token.key}`, weight);
    else if (token.isNumber) {
      const f = numberFeature(token.lower);
      if (f) bump(features, f, weight);
    }
  }
}

/** The features of one article (raw counts) and its day. */
export function articleFeatures(article: AnnotatedArticle): ArticleFeatures {
  const features = new Map<string, number>();
  // A sign-up form's country list and the like are page furniture (name-lists.ts): neither its names nor
  // its words are features.
  const { text, spans: lists } = withoutNameLists(article.text);

  for (const entity of article.entities) {
    if (!NAMED_KINDS.has(entity.kind) && !(entity.kind === 'other' && isProperName(entity.name))) continue;
    let count = Math.max(1, entity.mentions.length);
    if (lists.length) {
      const outside = entity.mentions.filter((m) => !inSpans(m.start, lists)).length;
      if (outside === 0 && entity.mentions.length > 0) continue;
      count = Math.max(1, outside);
    }
    if (entity.kind === 'person') {
      const words = nameWords(entity.name)
        .map((w) => nameKey(w))
        .filter(Boolean);
      const surname = words[words.length - 1];
      if (surname && surname.length > 1) bump(features, `${FEATURE_KIND.person}${surname}`, count);
    } else {
      const key = nameKey(entity.name);
      if (key.length > 1) bump(features, `${FEATURE_KIND.name}${key}`, count);
    }
  }

  addWords(features, text, 1);
  const title = article.title ?? null;
  if (title) {
    // A title given as metadata is not in the text: count it once, then weight it up. A lead heading is
    // already counted by the text pass.
    const inText = text.startsWith(title);
    addWords(features, title, inText ? TITLE_EXTRA : TITLE_EXTRA + 1);
  }

  const dated = articleDay(article);
  if (dated?.source === 'published') {
    // A reliable day is evidence of its own (cluster.ts compares days directly), and its year is in nearly
    // every article of the same weeks: as a feature it made two articles with few numbers look alike
    // ("y:2031" alone gave a numbers cosine near 1). Years written out that differ from it stay (an
    // article of 2031 recalling "the 2019 flood").
    features.delete(yearOfDay(dated.day));
  } else {
    // Without a reliable day, years the dates layer resolved ("last May" in an article of 2019 → 2019)
    // that were not written out are the best hint of when the event happened.
    for (const d of article.dates) {
      const year = d.value ? Number(d.value.slice(0, 4)) : Number.NaN;
      const key = `${FEATURE_KIND.year}${year}`;
      if (year >= 1900 && year <= 2099 && !features.has(key)) features.set(key, 1);
    }
  }

  return dated ? { day: dated.day, daySource: dated.source, features } : { day: null, features };
}
