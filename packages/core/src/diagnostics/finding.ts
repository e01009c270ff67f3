import type { Finding, Pitfall } from './diagnostics-record.js';

/** Each pitfall's name in words and the seed's cure for it (避坑指南). */
export const pitfallCures: Record<Pitfall, { name: string; cure: string }> = {
  'non-finite-loss': {
    name: 'non-finite loss',
    cure: 'a numerically stable softmax, Softmax(z - max(z)) (log-sum-exp)',
  },
  'dead-units': { name: 'dead units', cure: 'LeakyReLU or ELU' },
  'exploding-gradients': { name: 'exploding gradients', cure: 'gradient clipping (clipNorm or clipValue)' },
  'vanishing-gradients': {
    name: 'vanishing gradients',
    cure: 'ReLU-family activations, residual connections or normalisation',
  },
  overfitting: { name: 'overfitting', cure: 'Dropout + L2 regularisation (weightDecay)' },
  'class-imbalance': { name: 'class imbalance', cure: 'weighted cross-entropy (classWeights) + focal loss' },
};

/**
 * A finding with its message: `${layer}: ${evidence} (${pitfall in words}); the seed's cure: ${cure}`
 * (no `layer: ` prefix for a finding about the whole model).
 *
 * @example finding('dead-units', [3, 5], '62% of units never fired in epochs 3-5', 'dense_1');
 * In plain words: one line saying what went wrong, where, and what the seed says to do.
 */
export function finding(pitfall: Pitfall, epochs: [number, number], evidence: string, layer?: string): Finding {
  const { name, cure } = pitfallCures[pitfall];
  const message = `${layer === undefined ? '' : `${layer}: `}${evidence} (${name}); the seed's cure: ${cure}`;
  return layer === undefined
    ? { pitfall, epochs, evidence, cure, message }
    : { pitfall, layer, epochs, evidence, cure, message };
}

/** "epoch 3" or "epochs 3-5" (0-based, as in the record). */
export function epochSpan([first, last]: [number, number]): string {
  return first === last ? `epoch ${first}` : `epochs ${first}-${last}`;
}

/** A figure for people: 3 significant digits, exponent form outside [1e-3, 1e4). */
export function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  return size !== 0 && (size < 1e-3 || size >= 1e4) ? value.toExponential(1) : String(Number(value.toPrecision(3)));
}
