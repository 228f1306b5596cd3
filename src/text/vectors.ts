// Sparse weighted term vectors (feature → weight, as clustering stores them for every article) and the two
// measures the app takes over them: the cosine of two, and each one's closeness to the centre of a set.

/** A sparse weighted term vector (a stored article's clustering features). */
export type Vector = ReadonlyMap<string, number>;

export function norm(v: Vector): number {
  let sum = 0;
  for (const w of v.values()) sum += w * w;
  return Math.sqrt(sum);
}

function dot(a: Vector, b: Vector): number {
  let sum = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [k, v] of small) {
    const w = large.get(k);
    if (w !== undefined) sum += v * w;
  }
  return sum;
}

export function cosine(a: Vector, b: Vector): number {
  const n = norm(a) * norm(b);
  return n === 0 ? 0 : dot(a, b) / n;
}

/** The vector scaled to length 1 (an empty or zero vector stays as it is). */
export function unit(v: Vector): Vector {
  const n = norm(v);
  return n === 0 ? v : new Map([...v].map(([k, w]) => [k, w / n]));
}

/** Each item's cosine to the normalised sum of all items (its closeness to what the story is about). */
export function centrality(vectors: readonly Vector[]): number[] {
  const norms = vectors.map(norm);
  const centre = new Map<string, number>();
  vectors.forEach((v, i) => {
    const n = norms[i] || 1;
    for (const [k, w] of v) centre.set(k, (centre.get(k) ?? 0) + w / n);
  });
  // The centre's length once: it holds every feature of the set (thousands for a big story).
  const centreNorm = norm(centre);
  return vectors.map((v, i) => {
    const n = (norms[i] ?? 0) * centreNorm;
    return n === 0 ? 0 : dot(v, centre) / n;
  });
}

/** The cosine of two unit vectors: their dot product alone. */
export function unitCosine(a: Vector, b: Vector): number {
  return dot(a, b);
}
