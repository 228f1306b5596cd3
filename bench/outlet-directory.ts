// Builds the starter outlet directory shipped with Parallax (data/outlets/allsides.yaml) from the allsides
// corpus (Article-Bias-Prediction, Baly et al. 2020, Apache-2.0): each article there carries its outlet's
// name, its URL and the outlet's AllSides rating. Only names, hosts and ratings are written, no text.
//
//   npm run outlets-data      (= npm run build && node dist/bench/outlet-directory.js [articles.jsonl.gz])
//
// Per outlet: the name as the corpus spells it; the leaning most of its articles carry (disagreements are
// noted); the hosts of its articles' URLs that are plainly its own (see ownHosts); language "en".
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { stringify } from 'yaml';
import { normalizeHost } from '../src/outlets/directory.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../..');
const DEFAULT = resolve(ROOT, '../shared/corpus/allsides/articles.jsonl.gz');
const OUT = resolve(ROOT, 'data/outlets/allsides.yaml');

const CORPUS = 'Article-Bias-Prediction (Baly et al. 2020, Apache-2.0), allsides corpus';
/**
 * A host counts as an outlet's own when it holds at least this share of the outlet's articles (and two
 * of them): stray links, such as a Politico article whose URL points at npr.org, stay out. Measured on the
 * corpus: the 491 outlets' main hosts hold 67–100 % of their articles; strays hold under 2 %.
 */
const OWN_HOST_SHARE = 0.05;

interface Tally {
  articles: number;
  leanings: Map<string, number>;
  hosts: Map<string, number>;
}

function main(): void {
  const lines = gunzipSync(readFileSync(process.argv[2] ?? DEFAULT))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim());
  const outlets = new Map<string, Tally>();
  const hostOutlets = new Map<string, Map<string, number>>();
  for (const line of lines) {
    const a = JSON.parse(line) as { outlet?: string; url?: string; leaning?: string };
    const name = a.outlet?.trim();
    if (!name) continue;
    let t = outlets.get(name);
    if (!t) {
      t = { articles: 0, leanings: new Map(), hosts: new Map() };
      outlets.set(name, t);
    }
    t.articles++;
    if (a.leaning) t.leanings.set(a.leaning, (t.leanings.get(a.leaning) ?? 0) + 1);
    const host = a.url ? normalizeHost(a.url) : null;
    if (host) {
      t.hosts.set(host, (t.hosts.get(host) ?? 0) + 1);
      const by = hostOutlets.get(host) ?? new Map<string, number>();
      by.set(name, (by.get(name) ?? 0) + 1);
      hostOutlets.set(host, by);
    }
  }

  /**
   * The hosts that are plainly this outlet's: enough of its articles, and more than half of the host's
   * articles are its (cnn.com also carries the corpus's "CNN (Opinion)" and guest writers, but mostly
   * "CNN (Web News)"; allsides.com, where many outlets' pieces were reposted, is nobody's).
   */
  const ownHosts = (t: Tally): string[] =>
    [...t.hosts]
      .filter(([host, n]) => {
        const by = hostOutlets.get(host) as Map<string, number>;
        const total = [...by.values()].reduce((s, v) => s + v, 0);
        const top = Math.max(...by.values());
        return n >= 2 && n / t.articles >= OWN_HOST_SHARE && n === top && n * 2 > total;
      })
      .sort((a, b) => b[1] - a[1])
      .map(([host]) => host)
      // "cnn.com" covers "politicalticker.blogs.cnn.com" already.
      .filter((host, _, all) => !all.some((other) => host.endsWith(`.${other}`)));

  const entries = [...outlets]
    .sort((a, b) => b[1].articles - a[1].articles || a[0].localeCompare(b[0]))
    .map(([name, t]) => {
      const leanings = [...t.leanings].sort((a, b) => b[1] - a[1]);
      const [leaning, count] = leanings[0] ?? [null, 0];
      const entry: Record<string, unknown> = { name };
      const hosts = ownHosts(t);
      if (hosts.length > 0) entry.hosts = hosts;
      entry.language = 'en';
      if (leaning) entry.leaning = leaning;
      if (leanings.length > 1)
        entry.notes = `The corpus's articles of this outlet carry more than one rating: ${leanings.map(([l, n]) => `${l} ${n}`).join(', ')}.`;
      entry.sources = {
        ...(leaning && count < t.articles
          ? { leaning: `AllSides rating carried by ${count} of its ${t.articles} articles in ${CORPUS}` }
          : {}),
        ...(leanings.length > 1 ? { notes: `counted over its articles in ${CORPUS}` } : {}),
      };
      if (Object.keys(entry.sources as object).length === 0) delete entry.sources;
      return entry;
    });

  const header = `# Starter outlet directory: ${outlets.size} outlets of the allsides corpus.
# Built by bench/outlet-directory.ts from ${CORPUS};
# only outlet names, URL hosts and the AllSides ratings the articles carry are taken. Import it with "parallax outlets import --starter"; edit a copy to
# add country, owner and notes, or to use a scale of your own.
`;
  const document = {
    leanings: ['left', 'center', 'right'],
    sources: {
      name: `the outlet field of ${CORPUS}`,
      hosts: `hosts of its articles' URLs in ${CORPUS}: those holding at least ${OWN_HOST_SHARE * 100} % of its articles (and 2), and more than half of the host's articles`,
      language: `${CORPUS}: English-language articles`,
      leaning: `AllSides rating carried by every one of its articles in ${CORPUS}`,
    },
    outlets: entries,
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, header + stringify(document, { lineWidth: 0 }));
  console.log(`${OUT}: ${entries.length} outlets`);
}

main();
