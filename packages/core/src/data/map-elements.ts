import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '../errors/argument-error.js';
import { disposeTensorsIn, tensorsIn } from './tensor-structure.js';

/**
 * The elements of `source`, each passed through `transform` inside tf.tidy: tensors the transform
 * makes and does not return are freed, and tensors of the input element that the output does not
 * hold are disposed after the call (also when it throws), as tfjs-data's `map` does. The transform
 * must be synchronous (do asynchronous work in the generator given to `fromGenerator`).
 *
 * @example for await (const row of mapElements(rows, ({ x, y }) => ({ x: tf.div(x, 255), y }))) ...
 * In plain words: change every example on its way through, without leaving scraps behind.
 */
export async function* mapElements<T, U>(source: AsyncIterable<T>, transform: (element: T) => U): AsyncGenerator<U> {
  for await (const element of source) {
    let mapped: U | undefined;
    try {
      mapped = tf.tidy(() => {
        const result = transform(element);
        if (typeof (result as { then?: unknown } | null)?.then === 'function')
          throw new ArgumentError(
            'Dataset.map',
            'expected transform to return its element, got a Promise (map is synchronous; do asynchronous work in ' +
              'the generator of fromGenerator)',
          );
        return result as tf.TensorContainer;
      }) as U;
    } finally {
      disposeTensorsIn(element, mapped === undefined ? [] : tensorsIn(mapped));
    }
    yield mapped;
  }
}
