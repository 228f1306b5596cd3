// Sparse weighted term vectors (feature → weight, as clustering stores them for every article) and the two
// measures the app takes over them: the cosine of two, and each one's closeness to the centre of a set.

/** A sparse weighted term vector (a stored article's clustering features). */
export type Vector = ReadonlyMap<string, number>;

export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [k, v] of small) {
    const w = large.get(k);
    if (w !== undefined) dot += v * w;
  }
  for (const v of a.values()) na += v * v;
  for (const v of b.values()) nb += v * v;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Each item's cosine to the normalised sum of all items (its closeness to what the story is about). */
export function centrality(vectors: readonly Vector[]): number[] {
  const centre = new Map<string, number>();
  for (const v of vectors) {
    let norm = 0;
    for (const w of v.values()) norm += w * w;
    norm = Math.sqrt(norm) || 1;
    for (const [k, w] of v) centre.set(k, (centre.get(k) ?? 0) + w / norm);
  }
  return vectors.map((v) => cosine(v, centre));
}
