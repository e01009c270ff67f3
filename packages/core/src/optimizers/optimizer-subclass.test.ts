// Optimizer is exported for subclasses, whose update() may hand back a state tensor unchanged (a
// fixed per-variable scale here) next to a new one (a step count): the kept tensor must stay alive and
// only the replaced one be freed. Checked on every backend against the rule by hand.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectTensorsClose } from '../testing.js';
import { Optimizer } from './optimizer.js';

/** w <- w - lr * scale * g / count, with scale fixed at 2 (kept as is) and count = steps taken. */
class ScaledCountingSgd extends Optimizer {
  constructor() {
    super('ScaledCountingSgd', 0.5);
  }
  protected override initialState(variable: tf.Variable): tf.Tensor[] {
    return [tf.fill(variable.shape, 2), tf.zerosLike(variable)];
  }
  protected override update(variable: tf.Variable, gradient: tf.Tensor, state: tf.Tensor[], lr: number) {
    const [scale, count] = state as [tf.Tensor, tf.Tensor];
    const next = tf.add(count, 1);
    const step = tf.div(tf.mul(tf.mul(gradient, scale), lr), next);
    return { value: tf.sub(variable, step), state: [scale, next] };
  }
}

describeEachBackend('Optimizer subclasses', () => {
  test('a state tensor returned unchanged is kept alive; the replaced one is freed', async () => {
    const optimizer = new ScaledCountingSgd();
    const w = tf.variable(tf.tensor1d([1, -1]));
    const g = tf.tensor1d([0.5, 1]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) optimizer.applyGradients([{ variable: w, gradient: g }]);
    // Steps of lr * 2 * g / t for t = 1, 2, 3: w - g (1 + 1/2 + 1/3).
    const total = 1 + 1 / 2 + 1 / 3;
    await expectTensorsClose(w, [1 - 0.5 * total, -1 - total]);
    expect(optimizer.stateTensorCount).toBe(2);
    expect(tf.memory().numTensors - before).toBe(2);
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([w, g]);
  });
});
