import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '../errors/argument-error.js';
import type { LabelledData } from './evaluate.js';

/**
 * Splits training data from validation data: the last `fraction` of the rows (before shuffling,
 * as Keras does), or the given validation set. `release()` frees the slices it made.
 */
export function splitValidation(
  data: LabelledData,
  fraction: number | undefined,
  validationData: LabelledData | undefined,
): { train: LabelledData; validation: LabelledData | undefined; release: () => void } {
  if (fraction === undefined) return { train: data, validation: validationData, release: () => {} };
  const n = data.x.shape[0] as number;
  const held = Math.floor(n * fraction);
  if (held === 0 || held === n) {
    throw new ArgumentError(
      'fit',
      `validationSplit ${fraction} of ${n} rows leaves ${held === 0 ? 'no validation' : 'no training'} rows`,
    );
  }
  const cut = n - held;
  const made = [
    tf.slice(data.x, 0, cut),
    tf.slice(data.y, 0, cut),
    tf.slice(data.x, cut, held),
    tf.slice(data.y, cut, held),
  ] as const;
  return {
    train: { x: made[0], y: made[1] },
    validation: { x: made[2], y: made[3] },
    release: () => tf.dispose([...made]),
  };
}
