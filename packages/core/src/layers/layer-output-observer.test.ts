// Layer.outputObserver: called inside applyWithMask's tidy with the outputs and the training flag
// (what trainingDiagnostics uses to see ReLU outputs); unset, a forward pass makes nothing extra.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectTensorsClose } from '../testing.js';
import { Dense } from './dense.js';
import { Sequential } from './sequential.js';

describeEachBackend('Layer.outputObserver', () => {
  test('sees each output and the training flag, inside the tidy; kept tensors are its own', async () => {
    const inner = new Dense({ units: 3, activation: 'relu', seed: 2 });
    const net = new Sequential({ layers: [inner, new Dense({ units: 1, seed: 3 })] });
    const x = tf.tensor2d([1, -2, 0.5, 3, 0, -1], [2, 3]);
    const seen: { training: boolean; kept: tf.Tensor }[] = [];
    try {
      net.ensureBuilt(x.shape);
      inner.outputObserver = (outputs, training) => {
        tf.mul(outputs[0] as tf.Tensor, 2); // freed by the layer's tidy
        seen.push({ training, kept: tf.keep(tf.clone(outputs[0] as tf.Tensor)) });
      };
      const before = tf.memory().numTensors;
      const y = net.apply(x, { training: true });
      expect(tf.memory().numTensors - before).toBe(2); // the output and the observer's kept copy
      y.dispose();
      tf.dispose(net.apply(x));
      expect(seen.map((s) => s.training)).toEqual([true, false]);
      await expectTensorsClose(seen[0]?.kept as tf.Tensor, inner.apply(x));
    } finally {
      tf.dispose([x, ...seen.map((s) => s.kept)]);
      net.dispose();
    }
  });

  test('unset by default: a forward pass leaves only its output', () => {
    const dense = new Dense({ units: 3, activation: 'relu', seed: 2 });
    const x = tf.ones([2, 3]);
    try {
      expect(dense.outputObserver).toBeUndefined();
      dense.ensureBuilt(x.shape);
      const again = tf.memory().numTensors;
      dense.apply(x, { training: true }).dispose();
      expect(tf.memory().numTensors).toBe(again);
    } finally {
      x.dispose();
      dense.dispose();
    }
  });
});
