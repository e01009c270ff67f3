import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { JoinForTest, MaskedSumForTest, ZeroStepMaskForTest } from '../../test/graph-test-layers.js';
import { Dense } from '../layers/dense.js';
import { Flatten } from '../layers/flatten.js';
import { Sequential } from '../layers/sequential.js';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { input } from './input.js';
import { Model } from './model.js';

/** x W + b computed by hand from the layer's own weights. */
function denseByHand(x: tf.Tensor, layer: Dense): tf.Tensor {
  return tf.add(tf.matMul(x as tf.Tensor2D, layer.weight('kernel').read() as tf.Tensor2D), layer.weight('bias').read());
}

describeEachBackend('Model (functional graphs)', () => {
  test('siamese: one shared tower, two inputs, two outputs; values equal the hand-wired computation', async () => {
    const left = input({ shape: [3], name: 'left' });
    const right = input({ shape: [3], name: 'right' });
    const tower = new Dense({ units: 4, seed: 11 });
    const head = new Dense({ units: 2, seed: 12 });
    const a = tower.apply(left);
    const b = tower.apply(right);
    const joined = new JoinForTest().apply([a, b]);
    const model = new Model({ inputs: [left, right], outputs: { score: head.apply(joined), left: a } });
    expect(model.inputNames).toEqual(['left', 'right']);
    expect(model.outputNames).toEqual(['score', 'left']);
    expect(joined.shape).toEqual([null, 8]);
    // The shared tower is one layer with one set of weights: 3*4+4 for it, 8*2+2 for the head.
    expect(model.layers.length).toBe(3);
    expect(model.countParams()).toBe(16 + 18);
    const xl = tf.tensor2d([
      [1, 2, 3],
      [0, -1, 0.5],
    ]);
    const xr = tf.tensor2d([
      [-2, 0, 1],
      [3, 3, 3],
    ]);
    // Running the graph leaves nothing behind but its outputs.
    await expectNoLeakedTensors(() => model.applyMulti([xl, xr]));
    const [score, leftOut] = model.applyMulti([xl, xr]);
    const byHand = tf.tidy(() => {
      const ta = denseByHand(xl, tower);
      const tb = denseByHand(xr, tower);
      return [denseByHand(tf.concat([ta, tb], -1), head), ta];
    });
    await expectTensorsClose(score as tf.Tensor, byHand[0] as tf.Tensor);
    await expectTensorsClose(leftOut as tf.Tensor, byHand[1] as tf.Tensor);
    tf.dispose([xl, xr, score as tf.Tensor, leftOut as tf.Tensor, ...byHand]);
    model.dispose();
  });

  test('gradients reach a shared layer through both of its uses', async () => {
    const left = input({ shape: [2] });
    const right = input({ shape: [2] });
    const tower = new Dense({ units: 1, useBias: false, seed: 3 });
    const joined = new JoinForTest().apply([tower.apply(left), tower.apply(right)]);
    const model = new Model({ inputs: [left, right], outputs: joined });
    const xl = tf.tensor2d([[1, 2]]);
    const xr = tf.tensor2d([[10, 20]]);
    const kernel = tower.weight('kernel').variable;
    // L = sum(model) = (xl + xr) . w, so dL/dw = xl + xr (both uses add up).
    const { grads, value } = tf.variableGrads(() => tf.sum(model.apply([xl, xr])) as tf.Scalar, [kernel]);
    await expectTensorsClose(grads[kernel.name] as tf.Tensor, [[11], [22]]);
    tf.dispose([xl, xr, value, ...Object.values(grads)]);
    model.dispose();
  });

  test('a nested model is a layer: applied to new inputs, it runs its graph there', async () => {
    const inner = input({ shape: [2] });
    const dense = new Dense({ units: 3, seed: 5 });
    const encoder = new Model({ inputs: inner, outputs: dense.apply(inner), name: 'encoder' });
    const outer = input({ shape: [2] });
    const model = new Model({ inputs: outer, outputs: new Dense({ units: 1, seed: 6 }).apply(encoder.apply(outer)) });
    expect(model.layers[0]).toBe(encoder);
    const x = tf.tensor2d([[0.5, -1]]);
    const y = model.apply(x);
    const byHand = tf.tidy(() => denseByHand(denseByHand(x, dense), model.layers[1] as Dense));
    await expectTensorsClose(y, byHand);
    tf.dispose([x, y, byHand]);
    model.dispose();
  });

  test('masks flow along the graph: made by one layer, consumed two layers later through a Sequential', async () => {
    const steps = input({ shape: [3, 2], name: 'steps' });
    const masked = new ZeroStepMaskForTest().apply(steps);
    expect(masked.maskShape).toEqual([null, 3]);
    const projected = new Sequential({ layers: [new Dense({ units: 2, seed: 7 })] }).apply(masked);
    expect(projected.maskShape).toEqual([null, 3]); // Dense passes masks through (supportsMasking)
    const summed = new MaskedSumForTest().apply(projected);
    expect(summed.maskShape).toBeUndefined();
    const model = new Model({ inputs: steps, outputs: summed });
    // Row 0 has a padded (all-zero) middle step; padding would add the Dense bias if it were not masked.
    const x = tf.tensor3d([
      [
        [1, 2],
        [0, 0],
        [3, -1],
      ],
      [
        [1, 1],
        [1, 1],
        [1, 1],
      ],
    ]);
    const y = model.apply(x);
    const dense = (model.layers[1] as Sequential).layers[0] as Dense;
    const byHand = tf.tidy(() => {
      const h = tf.reshape(denseByHand(tf.reshape(x, [6, 2]), dense), [2, 3, 2]);
      const keep = tf.tensor3d([
        [[1], [0], [1]],
        [[1], [1], [1]],
      ]);
      return tf.sum(tf.mul(h, keep), 1);
    });
    await expectTensorsClose(y, byHand);
    // A layer that cannot honour a mask refuses it instead of mixing padding into its result.
    expect(() => new Flatten().apply(masked)).toThrow(/Flatten\.apply: layer 'flatten_\d+' does not support masking/);
    tf.dispose([x, y, byHand]);
    model.dispose();
  });

  test('free sizes: input({ shape: [null, 2] }) accepts every length, through a Sequential', async () => {
    const steps = input({ shape: [null, 2] });
    const out = new Sequential({ layers: [new Dense({ units: 4, seed: 8 }), new Dense({ units: 1, seed: 9 })] }).apply(
      steps,
    );
    expect(out.shape).toEqual([null, null, 1]);
    const model = new Model({ inputs: steps, outputs: out });
    for (const time of [1, 5, 100]) {
      const x = tf.ones([2, time, 2]);
      const y = model.apply(x);
      expect(y.shape).toEqual([2, time, 1]);
      tf.dispose([x, y]);
    }
    model.dispose();
  });

  test('summary lists each layer once with its output shape and the totals', () => {
    const a = input({ shape: [3], name: 'a' });
    const b = input({ shape: [3], name: 'b' });
    const tower = new Dense({ units: 2, name: 'tower', seed: 1 });
    const model = new Model({
      inputs: [a, b],
      outputs: new JoinForTest({ name: 'join' }).apply([tower.apply(a), tower.apply(b)]),
      name: 'siamese',
    });
    const text = model.summary();
    expect(text).toMatch(/siamese \(Model\)\s+\[null,4\]\s+8/);
    expect(text).toMatch(/tower \(Dense\)\s+\[null,2\]\s+8/);
    expect(text).toMatch(/join \(JoinForTest\)\s+\[null,4\]\s+0/);
    expect(text).toMatch(/Total params: 8/);
    model.dispose();
  });
});
