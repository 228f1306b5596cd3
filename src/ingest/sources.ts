// The sources file (--sources) says which outlet a file or a website belongs to, for inputs that do not
// say so themselves (plain text pastes, scraped records without an outlet field).
//
// Format (YAML, or the same structure as JSON):
//
//   files:      # keys: a file name ("kyiv-1.txt"), a path relative to this file's folder ("ru/tass-1.html"),
//               # or a glob of either: "*" within one path segment, "**" across segments, "?" one character
//     "kyiv-*.txt": { outlet: Kyiv Post, published: 2025-03-05 }
//     "ru/**": { language: ru }
//   hosts:      # keys: a host, optionally with a path prefix; subdomains match (example.com matches
//               # www.example.com and news.example.com); "www." in a key is ignored
//     themoscowtimes.com: { outlet: The Moscow Times }
//     bbc.com/russian: { outlet: BBC Russian, language: ru }
//
// Values may set outlet, title, url, published, author, language, leaning. When several entries match, each field
// comes from the most specific one: for files, exact names/paths before globs, then file order; for hosts,
// the longest host and path. Metadata found in the input itself always wins over this file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ParallaxError } from '../errors.js';
import type { ArticleMeta } from '../model/article.js';
import { normalizePublished } from '../text/published-date.js';
import { escapeRegExp } from '../text/regexp.js';
import { fillMeta, META_FIELDS } from './meta.js';
import { describeError } from './refusal.js';

export interface FileRule {
  key: string;
  /** Keys with a "/" are matched against the path relative to the sources file, others against the name. */
  byPath: boolean;
  glob: boolean;
  pattern: RegExp;
  meta: ArticleMeta;
}

export interface HostRule {
  key: string;
  host: string;
  /** Path prefix without a trailing slash; '' for the whole host. */
  path: string;
  meta: ArticleMeta;
}

export interface SourceMap {
  /** The sources file, as given. */
  file: string;
  /** Its folder: relative keys in `files` are relative to it. */
  baseDir: string;
  files: FileRule[];
  hosts: HostRule[];
}

const Entry = z.strictObject({
  outlet: z.string().optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  published: z.union([z.string(), z.date()]).optional(),
  author: z.string().optional(),
  language: z.string().optional(),
  leaning: z.string().optional(),
});

const SourcesSchema = z.strictObject({
  files: z.record(z.string(), Entry).nullish(),
  hosts: z.record(z.string(), Entry).nullish(),
});

function configError(file: string, detail: string): ParallaxError {
  return new ParallaxError('CONFIG', `sources file ${file}: ${detail}`);
}

function issueText(issue: z.core.$ZodIssue): string {
  const where = issue.path.map((p) =>
    typeof p === 'string' && /[^\w-]/.test(p) ? JSON.stringify(p) : String(p),
  );
  const at = where.length > 0 ? `${where.join('.')}: ` : '';
  if (issue.code === 'unrecognized_keys') {
    const allowed = where.length === 0 ? 'files, hosts' : META_FIELDS.join(', ');
    return `${at}unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')} (allowed: ${allowed})`;
  }
  if (issue.code === 'invalid_type')
    return `${at}expected ${issue.expected === 'record' ? 'a mapping of keys to entries' : issue.expected}`;
  return `${at}${issue.message}`;
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function entryMeta(file: string, key: string, entry: z.infer<typeof Entry>): ArticleMeta {
  const meta: ArticleMeta = {
    outlet: entry.outlet?.trim() || null,
    title: entry.title?.trim() || null,
    url: entry.url?.trim() || null,
    author: entry.author?.trim() || null,
    language: entry.language?.trim() || null,
    leaning: entry.leaning?.trim() || null,
    published: null,
  };
  if (entry.published instanceof Date) meta.published = entry.published.toISOString().slice(0, 10);
  else if (entry.published) {
    meta.published = normalizePublished(entry.published);
    if (!meta.published) {
      throw configError(
        file,
        `${JSON.stringify(key)}: cannot read the date "${entry.published}" (use YYYY-MM-DD)`,
      );
    }
  }
  return meta;
}

function hostRule(file: string, key: string, meta: ArticleMeta): HostRule {
  const bare = key
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '');
  const slash = bare.indexOf('/');
  const host = (slash === -1 ? bare : bare.slice(0, slash)).replace(/^www\./, '').replace(/\.$/, '');
  const prefix = slash === -1 ? '' : bare.slice(slash).replace(/\/+$/, '');
  if (!/^[a-z0-9.-]+(?::\d+)?$/.test(host)) throw configError(file, `hosts: "${key}" is not a host name`);
  return { key, host, path: prefix, meta };
}

/** Builds a SourceMap from already-parsed data; `file` is used for relative keys and in error messages. */
export function sourceMapFrom(data: unknown, file: string): SourceMap {
  const parsed = SourcesSchema.safeParse(data ?? {});
  if (!parsed.success) throw configError(file, parsed.error.issues.map(issueText).join('; '));
  const files: FileRule[] = Object.entries(parsed.data.files ?? {}).map(([key, entry]) => {
    const normal = key.trim().replace(/\\/g, '/').replace(/^\.\//, '');
    const glob = /[*?]/.test(normal);
    return {
      key,
      byPath: normal.includes('/'),
      glob,
      pattern: glob ? globToRegExp(normal) : new RegExp(`^${escapeRegExp(normal)}$`),
      meta: entryMeta(file, key, entry),
    };
  });
  const hosts = Object.entries(parsed.data.hosts ?? {}).map(([key, entry]) =>
    hostRule(file, key, entryMeta(file, key, entry)),
  );
  // Exact keys before globs; Array.prototype.sort is stable, so file order is kept within each group.
  files.sort((a, b) => Number(a.glob) - Number(b.glob));
  hosts.sort((a, b) => b.host.length - a.host.length || b.path.length - a.path.length);
  return { file, baseDir: path.dirname(path.resolve(file)), files, hosts };
}

export async function loadSources(file: string): Promise<SourceMap> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ParallaxError(
      'CONFIG',
      `cannot read sources file ${file}: ${describeError(err)} (check the --sources path)`,
    );
  }
  let data: unknown;
  try {
    data = parseYaml(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const first = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
    throw configError(file, `not valid YAML or JSON: ${first}`);
  }
  return sourceMapFrom(data, file);
}

function matchFile(map: SourceMap, filePath: string): ArticleMeta[] {
  const absolute = path.resolve(filePath);
  const relative = path.relative(map.baseDir, absolute).split(path.sep).join('/');
  const name = path.basename(absolute);
  return map.files
    .filter((rule) => rule.pattern.test(rule.byPath ? relative : name))
    .map((rule) => rule.meta);
}

function matchHost(map: SourceMap, url: string): ArticleMeta[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const pathname = parsed.pathname.replace(/\/+$/, '').toLowerCase();
  return map.hosts
    .filter((rule) => {
      // A key names a port only when it means one; otherwise any port of that host matches.
      const host = (rule.host.includes(':') ? parsed.host : parsed.hostname).toLowerCase().replace(/\.$/, '');
      const hostOk = host === rule.host || host.endsWith(`.${rule.host}`);
      const pathOk = rule.path === '' || pathname === rule.path || pathname.startsWith(`${rule.path}/`);
      return hostOk && pathOk;
    })
    .map((rule) => rule.meta);
}

/** Strips the record suffix of a source name: `a/b.jsonl:12` and `a/b.json#3` belong to their file. */
export function containerPath(source: string): string {
  return source.replace(/(?::\d+|#\d+)$/, '');
}

/**
 * Metadata the sources file gives for an article: from its file (by `source`) and from its URL's host.
 * File entries win over host entries. Returns only the fields the sources file sets.
 */
export function lookupSource(map: SourceMap, article: { source: string; url?: string | null }): ArticleMeta {
  const byFile = article.source === '-' ? [] : matchFile(map, containerPath(article.source));
  const byHost = article.url ? matchHost(map, article.url) : [];
  return fillMeta(...byFile, ...byHost);
}
