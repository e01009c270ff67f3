import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { floatTensor } from './host-tensors.js';
import { attr, graph, node, seededTensor } from './graph-builder.js';
import { modelFromGraph } from './import-onnx.js';

const options = { imageLayout: 'nchw', maxBytes: 1 << 20, name: undefined } as const;

// erf by Abramowitz and Stegun 7.1.26 is too coarse for 1e-5; a series is exact enough for |x| < 3.
function erf(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 60; n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

describeEachBackend('importOnnx: activations written as subgraphs, and ones after a merge', () => {
  test('x + x, then silu = x Sigmoid(x), gelu = 0.5 x (1 + Erf(x / sqrt 2)), HardSigmoid, Softmax', async () => {
    const c = (name: string, value: number) => [name, floatTensor([], [value])] as const;
    const g = graph({
      inputs: [{ name: 'x', dims: [null, 5] }],
      outputs: ['y'],
      initializers: Object.fromEntries([c('r2', Math.SQRT1_2), c('half', 0.5), c('one', 1)]),
      nodes: [
        node('Add', ['x', 'x'], ['a']),
        node('Sigmoid', ['a'], ['s']),
        node('Mul', ['s', 'a'], ['silu']),
        node('Mul', ['r2', 'silu'], ['scaled']),
        node('Mul', ['silu', 'half'], ['halfx']),
        node('Erf', ['scaled'], ['e']),
        node('Add', ['e', 'one'], ['onePlus']),
        node('Mul', ['halfx', 'onePlus'], ['gelu']),
        node('HardSigmoid', ['gelu'], ['h'], { alpha: attr.float(0.2), beta: attr.float(0.5) }),
        node('Softmax', ['h'], ['y'], { axis: attr.int(-1) }),
      ],
    });
    const x = seededTensor([3, 5], 4, 2);
    const expected = Array.from({ length: 3 }, (_, r) => {
      const row = Array.from(x.values.slice(r * 5, r * 5 + 5), (v) => {
        const a = 2 * v;
        const silu = a / (1 + Math.exp(-a));
        const gelu = 0.5 * silu * (1 + erf(silu / Math.SQRT2));
        return Math.min(Math.max(0.2 * gelu + 0.5, 0), 1);
      });
      const total = row.reduce((s, v) => s + Math.exp(v), 0);
      return row.map((v) => Math.exp(v) / total);
    });
    await expectNoLeakedTensors(async () => {
      const model = modelFromGraph(g, options);
      const input = tf.tensor(x.values, x.shape);
      try {
        expect(model.layers.map((l) => l.typeName)).toEqual([
          'Add',
          'OnnxActivation',
          'OnnxActivation',
          'OnnxActivation',
          'OnnxActivation',
        ]);
        const y = model.apply(input);
        await expectTensorsClose(y, expected, { rtol: 0, atol: 1e-5 });
        y.dispose();
      } finally {
        input.dispose();
        model.dispose();
      }
    });
  });
});
