import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { checkGradients, describeEachBackend, expectTensorsClose } from '../testing.js';
import { Composite } from './composite.js';
import { Dense } from './dense.js';

describeEachBackend('Composite', () => {
  test('a forward function over named layers: weights, gradients, summary', async () => {
    const model = new Composite({
      seed: 4,
      layers: { hidden: new Dense({ units: 3, activation: tf.tanh }), out: new Dense({ units: 1 }) },
      forward: ({ hidden, out }, x, context) => out.apply(tf.concat([hidden.apply(x, context), x], -1), context),
    });
    const x = tf.tensor2d([
      [0.1, 0.2],
      [-0.3, 0.4],
    ]);
    const y = model.apply(x);
    expect(y.shape).toEqual([2, 1]);
    const expected = tf.tidy(() => model.layers.out.apply(tf.concat([model.layers.hidden.apply(x), x], -1)));
    await expectTensorsClose(y, expected);
    expect(model.countParams()).toBe(2 * 3 + 3 + 5 * 1 + 1);
    await checkGradients((input) => model.apply(input), [x]);
    expect(model.summary()).toMatch(/dense_\d+ \(Dense\)\s+\[null,1\]\s+6/);
    expect(() => model.getConfig()).toThrow(
      /Composite\.getConfig: model 'composite_\d+' is defined by code and has no saveable topology/,
    );
    tf.dispose([x, y, expected]);
    model.dispose();
  });

  test('bad options', () => {
    expect(() => new Composite({ layers: {}, forward: (_l, x) => x })).toThrow(
      /Composite: expected layers to be a non-empty object of Layer instances/,
    );
    expect(() => new Composite({ layers: { a: new Dense({ units: 1 }) }, forward: 3 as never })).toThrow(
      /Composite: expected forward to be a function, got number/,
    );
  });
});
