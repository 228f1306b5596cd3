// The outlet directory file: what a user writes to tell Parallax about outlets (country, language, owner,
// leaning, notes, the hosts their pages live on) and where each of those facts came from. YAML, or the same
// structure as JSON:
//
//   leanings: [left, lean left, center, lean right, right]   # the scale, in the user's order (optional)
//   sources:                       # where a field came from, for every outlet that does not say (optional)
//     leaning: "Example Ratings 2025, https://ratings.example/"
//   outlets:
//     - name: The Example Courier  # exactly as its articles name it
//       hosts: [examplecourier.com, news.examplecourier.com]
//       country: US
//       language: en
//       owner: Example Media Group
//       leaning: lean left         # must be on the scale when there is one
//       notes: Paywalled after five articles a month.
//       sources: { owner: "Company register, 2025-03-01" }
//
// A field without a source of its own or in the file's `sources` gets "<file name>" as its source, so every
// stored value says where it came from. An outlet entry that cannot be read is refused with one line naming
// it and the reason; the other entries are imported.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ParallaxError } from '../errors.js';
import { describeError } from '../ingest/refusal.js';
import { OUTLET_FIELDS, type OutletDirectory, type OutletRecord, type SourcedField } from '../store/store.js';

/** A directory file read: the outlets it describes, its scale when it has one, and the entries refused. */
export interface DirectoryFile {
  leaningScale: string[] | null;
  outlets: OutletRecord[];
  /** One line per refused entry: which one and why. */
  refused: string[];
}

const FIELD_KEYS = ['name', 'hosts', ...OUTLET_FIELDS] as const;
const value = z.union([z.string(), z.number()]).nullish();
const Sources = z.partialRecord(z.enum(FIELD_KEYS), z.string());

const Entry = z.strictObject({
  name: z.union([z.string(), z.number()]),
  hosts: z.union([z.string(), z.array(z.string())]).nullish(),
  country: value,
  language: value,
  owner: value,
  leaning: value,
  notes: value,
  sources: Sources.nullish(),
});

const FileShape = z.strictObject({
  leanings: z.array(z.union([z.string(), z.number()])).nullish(),
  sources: Sources.nullish(),
  outlets: z.array(z.unknown()).nullish(),
});

/** Where the text is ("https://…", "/path/x.html") does not matter: the host, lower-cased, "www." off. */
export function normalizeHost(given: string): string | null {
  const bare = given
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const host = (bare.split(/[/?#]/)[0] ?? '')
    .replace(/^www\./, '')
    .replace(/\.$/, '')
    .replace(/:\d+$/, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : null;
}

function text(v: string | number | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

function issueText(issues: readonly z.core.$ZodIssue[]): string {
  const issue = issues[0];
  if (!issue) return 'cannot be read';
  const at = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  if (issue.code === 'unrecognized_keys')
    return `${at}unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')} (allowed: ${FIELD_KEYS.join(', ')}, sources)`;
  return `${at}${issue.message}`;
}

/** The scale as given, trimmed; repeated values are an error (which of the two places would it be?). */
function readScale(given: readonly (string | number)[] | null | undefined, file: string): string[] | null {
  if (!given) return null;
  const scale = given.map((v) => text(v)).filter((v): v is string => v !== null);
  const seen = new Set<string>();
  for (const v of scale) {
    if (seen.has(v)) throw directoryError(file, `leanings: "${v}" is listed twice`);
    seen.add(v);
  }
  return scale.length > 0 ? scale : null;
}

function directoryError(file: string, detail: string): ParallaxError {
  return new ParallaxError('CONFIG', `outlet directory ${file}: ${detail}`);
}

/**
 * Reads a directory from parsed data. `scale` is the library's scale, used when the file has none of its
 * own; `file` names the file in messages and is the default source of every field.
 */
export function directoryFrom(data: unknown, file: string, scale: readonly string[] | null): DirectoryFile {
  const parsed = FileShape.safeParse(data ?? {});
  if (!parsed.success) throw directoryError(file, issueText(parsed.error.issues));
  const leaningScale = readScale(parsed.data.leanings, file);
  const onScale = leaningScale ?? scale;
  const defaults = parsed.data.sources ?? {};
  const fallback = path.basename(file);
  const outlets: OutletRecord[] = [];
  const refused: string[] = [];
  const names = new Set<string>();
  (parsed.data.outlets ?? []).forEach((raw, index) => {
    const entry = Entry.safeParse(raw);
    const label = `outlets[${index}]${entryName(raw)}`;
    if (!entry.success) {
      refused.push(`${label}: ${issueText(entry.error.issues)}`);
      return;
    }
    const e = entry.data;
    const name = text(e.name);
    if (name === null) {
      refused.push(`${label}: the name is empty`);
      return;
    }
    if (names.has(name)) {
      refused.push(`${label}: "${name}" is described twice in this file; the first entry is kept`);
      return;
    }
    const hostList = e.hosts === null || e.hosts === undefined ? [] : [e.hosts].flat();
    const hosts: string[] = [];
    for (const given of hostList) {
      const host = normalizeHost(given);
      if (host === null) {
        refused.push(`${label}: "${given}" is not a host name`);
        return;
      }
      if (!hosts.includes(host)) hosts.push(host);
    }
    const record: OutletRecord = {
      name,
      hosts,
      country: text(e.country),
      language: text(e.language),
      owner: text(e.owner),
      leaning: text(e.leaning),
      notes: text(e.notes),
      sources: {},
    };
    if (record.leaning !== null && onScale !== null && !onScale.includes(record.leaning)) {
      refused.push(
        `${label}: leaning "${record.leaning}" is not on the scale (${onScale.join(', ')}); set "leanings" to change it`,
      );
      return;
    }
    const own = e.sources ?? {};
    for (const field of FIELD_KEYS) {
      const has = field === 'name' || (field === 'hosts' ? hosts.length > 0 : record[field] !== null);
      if (has) record.sources[field] = text(own[field]) ?? text(defaults[field]) ?? fallback;
    }
    names.add(name);
    outlets.push(record);
  });
  return { leaningScale, outlets, refused };
}

function entryName(raw: unknown): string {
  const name = (raw as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.trim() !== '' ? ` ("${name.trim().slice(0, 80)}")` : '';
}

/** Reads a directory file (YAML or JSON); an unreadable or malformed file is one ParallaxError('CONFIG'). */
export async function loadDirectory(file: string, scale: readonly string[] | null): Promise<DirectoryFile> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (err) {
    throw new ParallaxError('CONFIG', `cannot read outlet directory ${file}: ${describeError(err)}`);
  }
  let data: unknown;
  try {
    data = parseYaml(content.replace(/^\uFEFF/, ''));
  } catch (err) {
    const first = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
    throw directoryError(file, `not valid YAML or JSON: ${first}`);
  }
  return directoryFrom(data, file, scale);
}

/** The directory in the file's own shape, so `outlets list --format json` can be edited and imported again. */
export function directoryDocument(directory: OutletDirectory): Record<string, unknown> {
  return {
    ...(directory.leaningScale ? { leanings: directory.leaningScale } : {}),
    outlets: directory.outlets.map((o) => {
      const entry: Record<string, unknown> = { name: o.name };
      if (o.hosts.length > 0) entry.hosts = o.hosts;
      for (const field of OUTLET_FIELDS) if (o[field] !== null) entry[field] = o[field];
      const sources: Partial<Record<SourcedField, string>> = {};
      for (const field of FIELD_KEYS) {
        const s = o.sources[field];
        if (s !== undefined) sources[field] = s;
      }
      entry.sources = sources;
      return entry;
    }),
  };
}
