import { createRandom } from '@baihua/core';

/**
 * Test data: `identities` prototypes in the first `signal` dimensions (unit-scale, small noise)
 * buried under `noise` dimensions of large noise, `rows` rows per identity (K consecutive rows).
 * A random linear embedding sees mostly the noise; a trained one learns to read the signal.
 */
export function separableProblem(
  identities: number,
  rows: number,
  seed: number,
  signal = 4,
  noise = 12,
  noiseScale = 3,
) {
  const random = createRandom(seed);
  const prototypes = Array.from({ length: identities }, () => Array.from({ length: signal }, () => random.normal()));
  const width = signal + noise;
  const values = new Float32Array(identities * rows * width);
  const labels: number[] = [];
  for (let id = 0; id < identities; id++)
    for (let r = 0; r < rows; r++) {
      const offset = (id * rows + r) * width;
      for (let d = 0; d < signal; d++) values[offset + d] = (prototypes[id]?.[d] ?? 0) + 0.15 * random.normal();
      for (let d = signal; d < width; d++) values[offset + d] = noiseScale * random.normal();
      labels.push(id);
    }
  return { values, labels, width };
}

/** Leave-one-out nearest-neighbour accuracy of unit rows [N, D] (by dot product) against labels. */
export function nearestNeighbourAccuracy(embeddings: Float32Array, dim: number, labels: readonly number[]): number {
  const n = labels.length;
  let right = 0;
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bestScore = -Infinity;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let score = 0;
      for (let d = 0; d < dim; d++) score += (embeddings[i * dim + d] as number) * (embeddings[j * dim + d] as number);
      if (score > bestScore) [best, bestScore] = [j, score];
    }
    if (labels[best] === labels[i]) right++;
  }
  return right / n;
}
