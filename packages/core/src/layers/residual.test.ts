import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { checkGradients, describeEachBackend, expectTensorsClose } from '../testing.js';
import { Dense } from './dense.js';
import { Residual } from './residual.js';
import { Sequential } from './sequential.js';

describeEachBackend('Residual', () => {
  test('y = f(x) + x, gradient through both paths', async () => {
    const body = new Dense({ units: 3, activation: tf.tanh, seed: 2 });
    const block = new Residual({ body });
    const x = tf.tensor2d([
      [0.1, -0.4, 0.3],
      [0.5, 0.2, -0.1],
    ]);
    const y = block.apply(x);
    const fx = body.apply(x);
    const expected = tf.add(fx, x);
    await expectTensorsClose(y, expected);
    await checkGradients((input) => block.apply(input), [x]);
    expect(block.weights().map((w) => w.path)).toEqual([`${body.name}/kernel`, `${body.name}/bias`]);
    tf.dispose([x, y, fx, expected]);
    block.dispose();
  });

  test('a body that changes the shape is refused, naming both shapes', () => {
    const block = new Residual({ body: new Sequential({ layers: [new Dense({ units: 4, seed: 1 })] }) });
    const before = tf.memory().numTensors;
    const x = tf.ones([2, 3]);
    expect(() => block.apply(x)).toThrow(/Residual: expected body '.*' to keep the input shape \[1,3\], got \[1,4\]/);
    x.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(() => new Residual({ body: 'dense' as unknown as Dense })).toThrow(
      /Residual: expected body to be a Layer, got string/,
    );
  });
});
