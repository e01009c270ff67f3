// The seed's XOR: a linear model cannot separate (0,1),(1,0) from (0,0),(1,1); ReLU hidden units can.
// Usage: pnpm start [--backend cpu|wasm|webgpu] [--seed 1]
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { Adam, Dense, Sequential, fit, predict, softmax, useBackend, type BackendName } from '@baihua/core';
import { softmaxCrossEntropy } from '@baihua/losses';

const { values } = parseArgs({
  options: { backend: { type: 'string', default: 'cpu' }, seed: { type: 'string', default: '1' } },
});
await useBackend(values.backend as BackendName);

const points = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const targets = [0, 1, 1, 0];
const x = tf.tensor2d(points);
const y = tf.tidy(() => tf.oneHot(tf.tensor1d(targets, 'int32'), 2));

// Two inputs -> 8 ReLU hidden units -> 2 logits (softmax inside the loss). The seed's
// h1 = relu(x1 - x2), h2 = relu(x2 - x1), y = h1 + h2 needs just two such units.
const model = new Sequential({
  seed: Number(values.seed),
  layers: [new Dense({ units: 8, activation: 'relu', kernelInitializer: 'heNormal' }), new Dense({ units: 2 })],
});
const history = await fit(
  model,
  { x, y },
  {
    loss: (labels, logits) => softmaxCrossEntropy(labels, logits),
    optimizer: new Adam({ learningRate: 0.05 }),
    epochs: 300,
    batchSize: 4,
    progress: 'none',
  },
);

const probabilities = tf.tidy(() => softmax(predict(model, x)));
const p = (await probabilities.array()) as number[][];
let correct = 0;
points.forEach((point, i) => {
  const predicted = (p[i]?.[1] ?? 0) > 0.5 ? 1 : 0;
  if (predicted === targets[i]) correct++;
  console.log(`XOR(${point.join(', ')}) = ${targets[i]}  predicted ${predicted}  (p = ${(p[i]?.[1] ?? 0).toFixed(3)})`);
});
console.log(`final loss: ${history.last('loss')?.toFixed(5)}  (backend ${tf.getBackend()})`);
console.log(`accuracy: ${((100 * correct) / points.length).toFixed(0)}% on the four points`);
tf.dispose([x, y, probabilities]);
model.dispose();
if (correct !== points.length) process.exit(1);
