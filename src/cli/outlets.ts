// `parallax outlets import|list|set|relabel`: the library's outlet directory (src/outlets/directory.ts).

import { ParallaxError } from '../errors.js';
import { directoryDocument, loadDirectory, normalizeHost } from '../outlets/directory.js';
import { starterDirectoryPath } from '../outlets/starter.js';
import type { AsyncStore } from '../store/async-store.js';
import { OUTLET_FIELDS, type OutletField, type OutletRecord } from '../store/store.js';
import type { Invocation } from './args.js';
import { withAsyncLibrary } from './library.js';
import { type Io, oneLine } from './output.js';
import { didYouMean } from './suggest.js';

const SUBCOMMANDS = ['import', 'list', 'set', 'relabel'];
const SETTABLE = [...OUTLET_FIELDS, 'hosts'] as const;

async function importDirectories(io: Io, store: AsyncStore, files: string[]) {
  let added = 0;
  let updated = 0;
  let refused = 0;
  for (const file of files) {
    const read = await loadDirectory(file, (await store.outletDirectory()).leaningScale);
    for (const line of read.refused) io.stderr(`parallax: ${file}: ${line}`);
    refused += read.refused.length;
    await store.withTransaction(async (tx) => {
      if (read.leaningScale) await tx.setLeaningScale(read.leaningScale);
      const counts = await tx.putOutletRecords(read.outlets);
      added += counts.added;
      updated += counts.updated;
    });
  }
  // A scale that changed can leave earlier leanings off it: say so rather than hide them.
  const { leaningScale, outlets } = await store.outletDirectory();
  const off = leaningScale
    ? outlets.filter((o) => o.leaning !== null && !leaningScale.includes(o.leaning))
    : [];
  if (off.length > 0)
    io.stderr(
      `parallax: ${off.length} outlet${off.length === 1 ? ' has a leaning' : 's have leanings'} off the scale (${leaningScale?.join(', ')}): ${off
        .slice(0, 5)
        .map((o) => `${o.name} (${o.leaning})`)
        .join(', ')}${off.length > 5 ? ', …' : ''}`,
    );
  io.stderr(
    `parallax: outlet directory: ${added} new, ${updated} updated${refused ? `, ${refused} entries refused` : ''}; "parallax outlets list" shows it`,
  );
  return added + updated > 0 || refused === 0 ? 0 : 1;
}

function outletLine(o: OutletRecord): string {
  const facts = [o.leaning, o.country, o.language, o.owner].filter((v) => v !== null);
  return oneLine(
    `${o.name}${facts.length ? ` · ${facts.join(' · ')}` : ''}${o.hosts.length ? ` · ${o.hosts.join(', ')}` : ''}`,
  );
}

async function setField(invocation: Invocation, io: Io, store: AsyncStore, rest: string[]): Promise<number> {
  const [name, field, value] = rest;
  if (rest.length !== 3 || name === undefined || field === undefined || value === undefined)
    throw new ParallaxError('USAGE', 'outlets set takes an outlet name, a field and a value');
  if (!(SETTABLE as readonly string[]).includes(field)) {
    const meant = didYouMean(field, SETTABLE);
    throw new ParallaxError(
      'USAGE',
      `outlets set: no field "${field}"${meant ? `; did you mean ${meant}?` : ''} (fields: ${SETTABLE.join(', ')})`,
    );
  }
  const f = field as OutletField | 'hosts';
  const trimmed = value.replace(/\s+/g, ' ').trim();
  if (trimmed === '') {
    if (!(await store.clearOutletField(name, f)))
      throw new ParallaxError('USAGE', `outlets set: "${name}" is not in the outlet directory`);
    io.stderr(`parallax: ${name}: ${field} cleared`);
    return 0;
  }
  const source = invocation.source?.trim() || `set by hand on ${new Date().toISOString().slice(0, 10)}`;
  const record: OutletRecord = {
    name,
    hosts: [],
    country: null,
    language: null,
    owner: null,
    leaning: null,
    notes: null,
    sources: {},
  };
  if (f === 'hosts') {
    for (const given of trimmed.split(',')) {
      const host = normalizeHost(given);
      if (host === null)
        throw new ParallaxError('USAGE', `outlets set: "${given.trim()}" is not a host name`);
      if (!record.hosts.includes(host)) record.hosts.push(host);
    }
  } else {
    const scale = (await store.outletDirectory()).leaningScale;
    if (f === 'leaning' && scale !== null && !scale.includes(trimmed))
      throw new ParallaxError(
        'USAGE',
        `outlets set: leaning "${trimmed}" is not on the scale (${scale.join(', ')}); import a directory with "leanings" to change the scale`,
      );
    record[f] = trimmed;
  }
  record.sources[f] = source;
  const known = (await store.outletRecord(name)) !== null;
  // A new outlet's name needs a source too: whoever set its first field named it.
  if (!known) record.sources.name = source;
  await store.putOutletRecords([record]);
  io.stderr(`parallax: ${name}: ${field} set (source: ${source})${known ? '' : '; new in the directory'}`);
  return 0;
}

/**
 * Articles stored before the directory named their host keep the host as outlet ("themoscowtimes.com"):
 * relabel gives them the outlet's name, as an article ingested now would get.
 */
async function relabel(invocation: Invocation, io: Io, store: AsyncStore): Promise<number> {
  const result = await store.relabelHostOutlets();
  if (invocation.format === 'json') {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  for (const r of result.renamed)
    io.stdout(`${oneLine(`${r.from} → ${r.to}: ${r.articles} article${r.articles === 1 ? '' : 's'}`)}\n`);
  io.stderr(
    result.articles === 0
      ? 'parallax: no article has a host the outlet directory names as its outlet; nothing to relabel'
      : `parallax: relabelled ${result.articles} article${result.articles === 1 ? '' : 's'} of ${result.renamed.length} host${result.renamed.length === 1 ? '' : 's'} in ${result.stories} stor${result.stories === 1 ? 'y' : 'ies'}`,
  );
  return 0;
}

export async function outletsCommand(invocation: Invocation, io: Io): Promise<number> {
  const [sub, ...rest] = invocation.positionals;
  switch (sub) {
    case 'import': {
      const files = invocation.starter ? [starterDirectoryPath(), ...rest] : rest;
      if (files.length === 0)
        throw new ParallaxError('USAGE', 'outlets import needs a directory file (YAML or JSON) or --starter');
      return withAsyncLibrary(invocation, false, (store) => importDirectories(io, store, files));
    }
    case 'list':
      return withAsyncLibrary(invocation, true, async (store) => {
        const directory = await store.outletDirectory();
        if (invocation.format === 'json')
          io.stdout(`${JSON.stringify(directoryDocument(directory), null, 2)}\n`);
        else if (directory.outlets.length === 0)
          io.stderr('parallax: the outlet directory is empty; "parallax outlets import --starter" fills it');
        else
          io.stdout(
            `${directory.leaningScale ? `leaning scale: ${directory.leaningScale.join(' · ')}\n` : ''}${directory.outlets.map(outletLine).join('\n')}\n`,
          );
        return 0;
      });
    case 'set':
      return withAsyncLibrary(invocation, false, (store) => setField(invocation, io, store, rest));
    case 'relabel':
      if (rest.length > 0)
        throw new ParallaxError('USAGE', `outlets relabel takes no inputs; got "${rest[0]}"`);
      return withAsyncLibrary(invocation, true, (store) => relabel(invocation, io, store));
    default: {
      const meant = sub === undefined ? null : didYouMean(sub, SUBCOMMANDS);
      throw new ParallaxError(
        'USAGE',
        `outlets ${sub === undefined ? 'needs' : `has no "${sub}"; it takes`} import, list, set or relabel${meant ? `; did you mean ${meant}?` : ''}`,
      );
    }
  }
}
