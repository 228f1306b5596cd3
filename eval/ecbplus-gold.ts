// ECB+ documents and their gold entity mentions (../shared/corpus/ecbplus, see its README), one topic at a
// time. Only the topics of the asked split are read: a document line of any other topic — the held-out
// test topics 36–45 above all — is skipped on its id, before its text is parsed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export type EcbSplit = 'dev' | 'train';

export interface EcbDocument {
  id: string;
  topic: number;
  url: string | null;
  /** Sentences one per line. */
  text: string;
}

export interface EcbMention {
  doc: string;
  start: number;
  end: number;
  text: string;
  /** The ECB+ tag: HUMAN_PART_PER, HUMAN_PART_ORG, LOC_GEO, … */
  type: string;
  /** Cross-document chain id, INTRA_<doc>_<n>, or null for a mention coreferent with nothing. */
  chain: string | null;
  /** Its line in the document's text. */
  sentence: number;
  /** Whether its sentence is in the validated subset every published ECB+ result scores. */
  eval: boolean;
}

export interface EcbTopic {
  topic: number;
  documents: EcbDocument[];
  mentions: EcbMention[];
}

/** dev = the corpus's validation topics, train = its training topics; the test topics are never read. */
export function readEcbplus(dir: string, split: EcbSplit): EcbTopic[] {
  const splits = JSON.parse(readFileSync(join(dir, 'splits.json'), 'utf8')) as Record<string, number[]>;
  const wanted = new Set(splits[split === 'dev' ? 'val' : 'train'] ?? []);
  for (const t of splits.test ?? []) wanted.delete(t);
  const topics = new Map<number, EcbTopic>();
  const topicOfId = (id: string) => Number(id.slice(0, id.indexOf('_')));
  for (const line of lines(join(dir, 'documents.jsonl.gz'))) {
    const id = /^\{"id":\s*"([^"]+)"/.exec(line)?.[1];
    if (id === undefined) throw new Error(`eval: ecbplus/documents.jsonl.gz: a line without a leading id`);
    if (!wanted.has(topicOfId(id))) continue;
    const d = JSON.parse(line) as { id: string; topic: string; url: string | null; text: string };
    const topic = Number(d.topic);
    const entry = topics.get(topic) ?? { topic, documents: [], mentions: [] };
    entry.documents.push({ id: d.id, topic, url: d.url, text: d.text });
    topics.set(topic, entry);
  }
  for (const line of lines(join(dir, 'mentions.jsonl.gz'))) {
    const m = JSON.parse(line) as EcbMention;
    topics.get(topicOfId(m.doc))?.mentions.push(m);
  }
  return [...topics.values()].sort((a, b) => a.topic - b.topic);
}

function lines(file: string): string[] {
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim());
}
