// The small model the in-Node browser-storage tests save and load, and its outputs on one input
// (browser-files-in-node.test.ts, indexed-db-in-node.test.ts).
import * as tf from '@tensorflow/tfjs-core';
import { Dense, type Layer, Sequential } from '../src/layers/index.js';

/** A built `Sequential` of one seeded `Dense` (3 inputs, 2 units). */
export function smallSavedModel(): Layer {
  const net = new Sequential({ name: 'net', layers: [new Dense({ units: 2, seed: 1 })] });
  net.ensureBuilt([1, 3]);
  return net;
}

/** The model's outputs on the input [1, -2, 0.5]. */
export async function smallModelOutputs(net: Layer): Promise<number[]> {
  const x = tf.tensor2d([[1, -2, 0.5]]);
  const y = net.apply(x);
  const values = Array.from(await y.data());
  tf.dispose([x, y]);
  return values;
}
