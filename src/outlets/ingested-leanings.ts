// Leanings that articles bring with them (the allsides corpus rates every article's outlet: a record's
// "leaning" field, or a --sources entry's): kept in the outlet directory, so the spread of a story can be
// shown without a directory file. A leaning the directory already has, from a file or by hand, is never
// overwritten: what the user wrote wins over what the articles say.

import { basename } from 'node:path';
import type { Article } from '../model/article.js';
import type { AsyncStoreSession } from '../store/async-store.js';
import type { OutletRecord } from '../store/store.js';

export class IngestedLeanings {
  /** outlet → leaning → articles saying so, and the inputs they came from. */
  private readonly tally = new Map<string, Map<string, number>>();
  private readonly inputs = new Map<string, Set<string>>();

  note(article: Pick<Article, 'outlet' | 'leaning' | 'source'>): void {
    if (!article.outlet || !article.leaning) return;
    const byLeaning = this.tally.get(article.outlet) ?? new Map<string, number>();
    byLeaning.set(article.leaning, (byLeaning.get(article.leaning) ?? 0) + 1);
    this.tally.set(article.outlet, byLeaning);
    const inputs = this.inputs.get(article.outlet) ?? new Set<string>();
    // "feeds/a.jsonl:12" → "a.jsonl": the file, not the record, nor the folders of the machine it ran on.
    if (inputs.size < 3) inputs.add(basename(article.source.replace(/(?::\d+|#\d+)$/, '')));
    this.inputs.set(article.outlet, inputs);
  }

  /**
   * Gives each outlet without a leaning in the directory the one most of its articles carry, when it is on
   * the directory's scale (or there is no scale). Returns the outlets given one.
   */
  async record(store: AsyncStoreSession): Promise<string[]> {
    if (this.tally.size === 0) return [];
    const { leaningScale } = await store.outletDirectory();
    const records: OutletRecord[] = [];
    for (const [outlet, byLeaning] of this.tally) {
      const stored = await store.outletRecord(outlet);
      if (stored?.leaning) continue;
      const ranked = [...byLeaning].sort((a, b) => b[1] - a[1]);
      const [leaning, count] = ranked[0] as [string, number];
      if (leaning === undefined || (leaningScale !== null && !leaningScale.includes(leaning))) continue;
      const total = ranked.reduce((s, [, n]) => s + n, 0);
      const from = [...(this.inputs.get(outlet) ?? [])].join(', ');
      const source = `the leaning field of ${count} of its ${total} ingested articles (${from})`;
      records.push({
        name: outlet,
        hosts: [],
        country: null,
        language: null,
        owner: null,
        leaning,
        notes: null,
        sources: {
          leaning: source,
          ...(stored ? {} : { name: `its ingested articles (${from})` }),
        },
      });
    }
    if (records.length > 0) await store.putOutletRecords(records);
    return records.map((r) => r.name);
  }
}
