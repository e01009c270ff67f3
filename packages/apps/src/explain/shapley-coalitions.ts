import type { SeededRandom } from '@baihua/core';

/** Coalitions z' in {0, 1}^M (1 = the player is present) with their regression weights. */
export interface Coalitions {
  /** count x M, row-major. */
  masks: Uint8Array;
  count: number;
  weights: Float64Array;
  /** True when every coalition but the empty and the full one is there (then KernelSHAP is exact). */
  exact: boolean;
}

/**
 * The Shapley kernel pi(z') = (M - 1) / (C(M, |z'|) |z'| (M - |z'|)) for 0 < |z'| < M; the empty and
 * the full coalition have infinite weight (KernelSHAP enforces them as constraints instead).
 *
 * @example
 * shapleyKernelWeight(4, 1); // 3 / (4 * 1 * 3) = 0.25
 *
 * In plain words: very small and very large coalitions tell the most about single players.
 */
export function shapleyKernelWeight(m: number, size: number): number {
  let binomial = 1;
  for (let k = 1; k <= size; k++) binomial = (binomial * (m - size + k)) / k;
  return (m - 1) / (binomial * size * (m - size));
}

/**
 * The coalitions KernelSHAP regresses on: when 2^M - 2 <= budget, all of them with their kernel
 * weights (exact); otherwise `budget` coalitions drawn in complementary pairs, the size |z'| = k
 * with probability proportional to (M - 1) / (k (M - k)) (the kernel's mass per size) and the members
 * uniformly, each with weight 1 (sampling already follows the kernel). M >= 2.
 *
 * @example
 * shapleyCoalitions(3, 100, createRandom(0)).count; // 6: all of {1..6} as bit masks, exact
 *
 * In plain words: which teams of image tiles we try, and how much each try counts.
 */
export function shapleyCoalitions(m: number, budget: number, random: SeededRandom): Coalitions {
  if (m < 31 && 2 ** m - 2 <= budget) {
    const count = 2 ** m - 2;
    const masks = new Uint8Array(count * m);
    const weights = new Float64Array(count);
    for (let s = 0; s < count; s++) {
      let size = 0;
      for (let j = 0; j < m; j++) {
        const bit = ((s + 1) >> j) & 1;
        masks[s * m + j] = bit;
        size += bit;
      }
      weights[s] = shapleyKernelWeight(m, size);
    }
    return { masks, count, weights, exact: true };
  }
  const sizeMass = Array.from({ length: m - 1 }, (_, k) => (m - 1) / ((k + 1) * (m - k - 1)));
  const totalMass = sizeMass.reduce((a, b) => a + b, 0);
  const count = budget - (budget % 2);
  const masks = new Uint8Array(count * m);
  const players = Array.from({ length: m }, (_, j) => j);
  for (let s = 0; s < count; s += 2) {
    let u = random.next() * totalMass;
    let size = 1;
    while (size < m - 1 && u >= (sizeMass[size - 1] as number)) u -= sizeMass[size++ - 1] as number;
    for (let j = 0; j < size; j++) {
      const pick = j + random.integer(m - j);
      [players[j], players[pick]] = [players[pick] as number, players[j] as number];
    }
    masks.fill(1, (s + 1) * m, (s + 2) * m);
    for (let j = 0; j < size; j++) {
      masks[s * m + (players[j] as number)] = 1;
      masks[(s + 1) * m + (players[j] as number)] = 0;
    }
  }
  return { masks, count, weights: new Float64Array(count).fill(1), exact: false };
}
