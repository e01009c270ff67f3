import * as tf from '@tensorflow/tfjs-core';
import { createRandom } from '@baihua/core';

/**
 * A float32 tensor of seeded normal values times `scale`, identical on every backend (the data is
 * made on the host, then uploaded), so results can be compared with the cpu backend's.
 *
 * @example const x = seededNormal([64, 64], 1); // same numbers on cpu, wasm and webgpu
 *
 * In plain words: the same random numbers, wherever the tensor lives.
 */
export function seededNormal(shape: number[], seed: number, scale = 1): tf.Tensor {
  const random = createRandom(seed);
  const size = shape.reduce((product, dimension) => product * dimension, 1);
  const values = new Float32Array(size);
  for (let i = 0; i < size; i += 1) values[i] = random.normal() * scale;
  return tf.tensor(values, shape, 'float32');
}

/** One-hot float32 labels [batch, classes] for seeded class indices. */
export function seededOneHot(batch: number, classes: number, seed: number): tf.Tensor {
  const random = createRandom(seed);
  const values = new Float32Array(batch * classes);
  for (let row = 0; row < batch; row += 1) values[row * classes + random.integer(classes)] = 1;
  return tf.tensor(values, [batch, classes], 'float32');
}

/** Glorot-scaled seeded values for a weight of the given shape (fan-in = product of all but the last dim). */
export function seededWeight(shape: number[], seed: number): tf.Tensor {
  const fanOut = shape[shape.length - 1] ?? 1;
  const fanIn = shape.slice(0, -1).reduce((product, dimension) => product * dimension, 1) || 1;
  return seededNormal(shape, seed, Math.sqrt(2 / (fanIn + fanOut)));
}
