// Coreference scores over two partitions of mentions, the key (gold) and the response (predicted), as the
// CoNLL reference scorer defines them:
// - MUC (Vilain et al. 1995): links. Recall = Σ over key entities K of (|K| − |parts of K in the response|)
//   / Σ (|K| − 1), a key mention missing from the response being a part of its own; precision swaps roles.
// - B³ (Bagga & Baldwin 1998): per mention. Recall = mean over key mentions m of |K(m) ∩ R(m)| / |K(m)|
//   (0 when the response lacks m); precision swaps roles.
// - CEAF-e (Luo 2005): entities aligned one-to-one by the optimal (Hungarian) assignment maximising
//   Σ φ4(K, R) = 2|K ∩ R| / (|K| + |R|); recall = that sum / key entities, precision = / response entities.
// - CoNLL F1: the mean of the three F1s.
// Example: key {a b c} {d}, response {a b} {c d}: MUC R = (3 − 2)/2 = 0.5, P = (2 − 2 + 2 − 1)/2 = 0.5.
import { munkres } from 'munkres';

/** Entities as lists of mention ids; a mention belongs to one entity. */
export type Partition = readonly (readonly string[])[];

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface CorefScores {
  muc: PRF;
  b3: PRF;
  ceafe: PRF;
  /** The mean of the MUC, B³ and CEAF-e F1s. */
  conll: number;
}

const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
const prf = (precision: number, recall: number): PRF => ({ precision, recall, f1: f1(precision, recall) });

function entityOf(partition: Partition): Map<string, number> {
  const out = new Map<string, number>();
  partition.forEach((entity, i) => {
    for (const m of entity) out.set(m, i);
  });
  return out;
}

function mucRecall(key: Partition, response: Partition): number {
  const inResponse = entityOf(response);
  let numerator = 0;
  let denominator = 0;
  for (const entity of key) {
    const parts = new Set<string>();
    for (const m of entity) {
      const r = inResponse.get(m);
      parts.add(r === undefined ? `missing:${m}` : `r:${r}`);
    }
    numerator += entity.length - parts.size;
    denominator += entity.length - 1;
  }
  return denominator ? numerator / denominator : 0;
}

function b3Recall(key: Partition, response: Partition): number {
  const inResponse = entityOf(response);
  let sum = 0;
  let mentions = 0;
  for (const entity of key) {
    const overlap = new Map<number, number>();
    for (const m of entity) {
      const r = inResponse.get(m);
      if (r !== undefined) overlap.set(r, (overlap.get(r) ?? 0) + 1);
    }
    // Each mention of K shares |K ∩ R| with its response entity R: Σ over m = Σ over R of |K ∩ R|².
    for (const shared of overlap.values()) sum += (shared * shared) / entity.length;
    mentions += entity.length;
  }
  return mentions ? sum / mentions : 0;
}

/**
 * The largest Σ φ4 over one-to-one pairings of key and response entities. Entities that share no mention
 * score 0 together, so the assignment is solved per connected group of overlapping entities (a topic's
 * people never overlap another topic's): exact, and fast on a whole corpus.
 */
function ceafSimilarity(key: Partition, response: Partition): number {
  const inResponse = entityOf(response);
  const overlaps: Map<number, number>[] = key.map((entity) => {
    const counts = new Map<number, number>();
    for (const m of entity) {
      const r = inResponse.get(m);
      if (r !== undefined) counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    return counts;
  });
  // Connected groups: key entity k and response entity r join when they share a mention.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(x, root);
    return root;
  };
  overlaps.forEach((counts, k) => {
    if (!parent.has(`k${k}`)) parent.set(`k${k}`, `k${k}`);
    for (const r of counts.keys()) {
      if (!parent.has(`r${r}`)) parent.set(`r${r}`, `r${r}`);
      parent.set(find(`r${r}`), find(`k${k}`));
    }
  });
  const groups = new Map<string, { keys: number[]; responses: number[] }>();
  for (const node of parent.keys()) {
    const root = find(node);
    const group = groups.get(root) ?? { keys: [], responses: [] };
    if (node.startsWith('k')) group.keys.push(Number(node.slice(1)));
    else group.responses.push(Number(node.slice(1)));
    groups.set(root, group);
  }
  let total = 0;
  for (const { keys, responses } of groups.values()) {
    if (responses.length === 0) continue;
    const phi = keys.map((k) =>
      responses.map((r) => {
        const shared = overlaps[k]?.get(r) ?? 0;
        return (2 * shared) / ((key[k]?.length ?? 0) + (response[r]?.length ?? 0));
      }),
    );
    for (const [k, r] of munkres(phi.map((row) => row.map((x) => -x)))) total += phi[k]?.[r] ?? 0;
  }
  return total;
}

export function muc(key: Partition, response: Partition): PRF {
  return prf(mucRecall(response, key), mucRecall(key, response));
}

export function bCubed(key: Partition, response: Partition): PRF {
  return prf(b3Recall(response, key), b3Recall(key, response));
}

export function ceafE(key: Partition, response: Partition): PRF {
  const similarity = ceafSimilarity(key, response);
  return prf(response.length ? similarity / response.length : 0, key.length ? similarity / key.length : 0);
}

export function corefScores(key: Partition, response: Partition): CorefScores {
  const scores = { muc: muc(key, response), b3: bCubed(key, response), ceafe: ceafE(key, response) };
  return { ...scores, conll: (scores.muc.f1 + scores.b3.f1 + scores.ceafe.f1) / 3 };
}

/** Both partitions without their one-mention entities (Cattan et al. 2021's setting). */
export function withoutSingletons(partition: Partition): Partition {
  return partition.filter((entity) => entity.length > 1);
}

/** Mention ids grouped by a label: `{m1: 'x', m2: 'x', m3: 'y'}` → [[m1, m2], [m3]], in first-seen order. */
export function partitionBy(labels: Iterable<readonly [string, string]>): string[][] {
  const groups = new Map<string, string[]>();
  for (const [mention, label] of labels) {
    const group = groups.get(label);
    if (group) group.push(mention);
    else groups.set(label, [mention]);
  }
  return [...groups.values()];
}
