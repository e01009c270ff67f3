// diagnose on small real runs: a 10-layer sigmoid MLP shows vanishing gradients; a shallow ReLU net
// trained on the same data shows no pitfall (no false alarm). (examples/diagnostics runs all five.)
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { Dense, Sequential } from '../layers/index.js';
import { Sgd } from '../optimizers/index.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend } from '../testing.js';
import { fit } from '../training/fit.js';
import { diagnose } from './diagnose.js';
import { trainingDiagnostics } from './training-diagnostics.js';

const crossEntropy: LossFunction = (labels, logits) => tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
crossEntropy.accuracyKind = 'categorical';

/** 48 rows of 6 features; the class (of 3) is the sign pattern of two feature sums. */
function data() {
  return tf.tidy(() => {
    const x = tf.sin(tf.mul(tf.reshape(tf.range(0, 288), [48, 6]), 1.7));
    const [a, b] = [tf.sum(tf.slice(x, [0, 0], [48, 3]), 1), tf.sum(tf.slice(x, [0, 3], [48, 3]), 1)];
    const classes = tf.add(tf.cast(tf.greater(a, 0), 'int32'), tf.cast(tf.greater(b, 0.5), 'int32'));
    return { x, y: tf.oneHot(classes, 3) };
  });
}

async function diagnosed(layers: Dense[]) {
  const net = new Sequential({ seed: 7, layers: [...layers, new Dense({ units: 3 })] });
  const { x, y } = data();
  const optimizer = new Sgd({ learningRate: 0.1 });
  try {
    const diagnostics = trainingDiagnostics({ every: 1 });
    const before = tf.memory().numTensors;
    await fit(
      net,
      { x, y },
      { loss: crossEntropy, optimizer, epochs: 2, batchSize: 24, seed: 1, progress: 'none', callbacks: [diagnostics] },
    );
    expect(tf.memory().numTensors - before).toBe(net.weights().length);
    const record = diagnostics.record();
    return { record, findings: diagnose(record) };
  } finally {
    tf.dispose([x, y]);
    net.dispose();
    optimizer.dispose();
  }
}

describeEachBackend('diagnose on real runs', () => {
  test('a 10-layer sigmoid MLP: vanishing gradients at its first layer', async () => {
    const layers = Array.from(
      { length: 10 },
      (_, i) => new Dense({ name: `sigmoid_${i}`, units: 8, activation: 'sigmoid' }),
    );
    const { record, findings } = await diagnosed(layers);
    const norms = record.intervals.at(-1)?.layerGradientNorms ?? {};
    expect((norms.sigmoid_0 as number) / (norms.sigmoid_9 as number)).toBeLessThan(0.05); // fading layer by layer
    expect(findings.map((f) => [f.pitfall, f.layer])).toEqual([['vanishing-gradients', 'sigmoid_0']]);
  });

  test('a shallow ReLU net on the same data: no finding', async () => {
    const layers = [0, 1].map(
      (i) => new Dense({ name: `relu_${i}`, units: 8, activation: 'relu', kernelInitializer: 'heNormal' }),
    );
    const { record, findings } = await diagnosed(layers);
    expect(findings).toEqual([]);
    expect(record.intervals).toHaveLength(4);
  });
});
