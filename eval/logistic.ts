// Logistic regression for the models the project fits on its train splits (the same-claim weights of
// eval/mrpc-fit.ts, the opinion weights of eval/opinion-fit.ts): batch gradient descent on standardised
// features, column 0 the bias (unstandardised, unpenalised), weights returned on the raw features.

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Logistic regression by batch gradient descent on standardised features (bias unpenalised). */
export function fitLogistic(
  xs: number[][],
  ys: boolean[],
  l2: number,
  iterations = 3000,
): { weights: number[]; mean: number[]; scale: number[] } {
  const d = xs[0]?.length ?? 0;
  const mean = new Array(d).fill(0);
  const scale = new Array(d).fill(1);
  for (let j = 1; j < d; j++) {
    const col = xs.map((x) => x[j] as number);
    const m = col.reduce((s, v) => s + v, 0) / col.length;
    const sd = Math.sqrt(col.reduce((s, v) => s + (v - m) ** 2, 0) / col.length) || 1;
    mean[j] = m;
    scale[j] = sd;
  }
  const zs = xs.map((x) => x.map((v, j) => (j === 0 ? 1 : (v - mean[j]) / scale[j])));
  const w = new Array(d).fill(0);
  const rate = 0.5;
  for (let it = 0; it < iterations; it++) {
    const grad = new Array(d).fill(0);
    zs.forEach((z, i) => {
      const p = sigmoid(z.reduce((s, v, j) => s + v * w[j], 0));
      const e = p - (ys[i] ? 1 : 0);
      for (let j = 0; j < d; j++) grad[j] += e * (z[j] as number);
    });
    for (let j = 0; j < d; j++) w[j] -= rate * (grad[j] / zs.length + (j === 0 ? 0 : l2 * w[j]));
  }
  // Back to raw features: w·(x−m)/s = Σ (w/s)·x − Σ w·m/s.
  const raw = w.map((v, j) => (j === 0 ? v : v / scale[j]));
  raw[0] = w[0] - w.reduce((s, v, j) => (j === 0 ? s : s + (v * mean[j]) / scale[j]), 0);
  return { weights: raw, mean, scale };
}

/** The model's probability for one row of raw features (column 0 the bias, 1). */
export const predictLogistic = (weights: readonly number[], x: readonly number[]): number =>
  sigmoid(x.reduce((s, v, j) => s + v * (weights[j] as number), 0));
