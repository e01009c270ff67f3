import { ArgumentError } from '../errors/argument-error.js';

/** What one training step measured, read back in one go: the loss and the sum of every gradient element. */
export interface StepFigures {
  loss: number;
  /** NaN or +-Infinity when any gradient element is (also when the sum overflows float32). */
  gradientSum: number;
}

/**
 * The error for a step whose loss or gradients are not finite, or undefined when both are.
 * `where` says where training was ('at epoch 2, batch 5 (1-based)'); the message gives the
 * usual causes and the opt-out.
 *
 * @example nonFiniteError('fit', 'at epoch 1, batch 3 (1-based)', { loss: NaN, gradientSum: NaN });
 * In plain words: stop as soon as the numbers stop being numbers, and say where.
 */
export function nonFiniteError(fn: string, where: string, figures: StepFigures): ArgumentError | undefined {
  const { loss, gradientSum } = figures;
  if (Number.isFinite(loss) && Number.isFinite(gradientSum)) return undefined;
  const what = Number.isFinite(loss)
    ? `a non-finite gradient (sum of the gradients ${gradientSum}) with loss ${loss}`
    : `loss ${loss}`;
  return new ArgumentError(
    fn,
    `expected a finite loss and finite gradients, got ${what} ${where}; the weights were left as they were ` +
      'before this step. Look for NaN or Infinity in x and y, or lower the learning rate; ' +
      'stopOnNonFinite: false trains on regardless',
  );
}
