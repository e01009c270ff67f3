import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '../errors/argument-error.js';
import type { ArrangedData } from './labelled-data.js';

/**
 * Splits training data from validation data: the last `fraction` of the rows of every input and
 * output (before shuffling, as Keras does), or the given validation set. `release()` frees the
 * slices it made.
 */
export function splitValidation(
  data: ArrangedData,
  fraction: number | undefined,
  validationData: ArrangedData | undefined,
): { train: ArrangedData; validation: ArrangedData | undefined; release: () => void } {
  if (fraction === undefined) return { train: data, validation: validationData, release: () => {} };
  const n = data.rows;
  const held = Math.floor(n * fraction);
  if (held === 0 || held === n) {
    throw new ArgumentError(
      'fit',
      `validationSplit ${fraction} of ${n} rows leaves ${held === 0 ? 'no validation' : 'no training'} rows`,
    );
  }
  const cut = n - held;
  const part = (start: number, size: number): ArrangedData => ({
    xs: data.xs.map((x) => tf.slice(x, start, size)),
    ys: data.ys.map((y) => tf.slice(y, start, size)),
    rows: size,
  });
  const train = part(0, cut);
  const validation = part(cut, held);
  return {
    train,
    validation,
    release: () => tf.dispose([...train.xs, ...train.ys, ...validation.xs, ...validation.ys]),
  };
}
