import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { checkGradients, describeEachBackend, expectTensorsClose } from '../testing.js';
import { Flatten } from './flatten.js';

describeEachBackend('Flatten', () => {
  test('[batch, h, w, c] -> [batch, h*w*c], row-major', async () => {
    const flatten = new Flatten();
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2, 1]);
    const y = flatten.apply(x);
    await expectTensorsClose(y, [
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    await checkGradients((input) => flatten.apply(input), [x]);
    expect(flatten.countParams()).toBe(0);
    tf.dispose([x, y]);
  });
});
