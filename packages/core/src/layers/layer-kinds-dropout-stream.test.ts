// Dropout masks (Dropout, and the attention layers' dropout on the weights) against the seeded
// stream written out here: one draw per element, `draw < keep` keeps it (a draw equal to keep, a tie,
// drops it), and the next training call continues the same stream. Inference never drops.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { createRandom } from '../random/seeded-random.js';
import { describeEachBackend, expectTensorsClose } from '../testing.js';
import { Attention } from './attention/attention.js';
import { Dropout } from './dropout.js';

/** A seed whose first draw r is >= 0.5, so that rate = 1 - r gives keep = 1 - rate = r exactly. */
function tiedSeed(): { seed: number; rate: number } {
  for (let seed = 1; ; seed++) {
    const r = createRandom(seed).next();
    if (r >= 0.5) return { seed, rate: 1 - r };
  }
}

/** The masks of `calls` training calls of `size` elements each, from one stream. */
function masks(seed: number, rate: number, size: number, calls: number): number[][] {
  const random = createRandom(seed);
  const keep = 1 - rate;
  return Array.from({ length: calls }, () => Array.from({ length: size }, () => (random.next() < keep ? 1 / keep : 0)));
}

describeEachBackend('dropout masks follow the seeded stream', () => {
  test('Dropout: a draw equal to keep drops; the second call continues the stream', async () => {
    const { seed, rate } = tiedSeed();
    expect(1 - rate).toBe(createRandom(seed).next()); // the tie is exact
    const drop = new Dropout({ rate, seed });
    const x = tf.ones([2, 3]);
    const [first, second] = [drop.apply(x, { training: true }), drop.apply(x, { training: true })];
    const [m1, m2] = masks(seed, rate, 6, 2) as [number[], number[]];
    expect(m1[0]).toBe(0);
    expect(Array.from(await first.data())).toEqual(Array.from(Float32Array.from(m1)));
    expect(Array.from(await second.data())).toEqual(Array.from(Float32Array.from(m2)));
    tf.dispose([x, first, second]);
  });

  test('Attention: dropped weights by the stream in training, none in inference', async () => {
    const { seed, rate } = tiedSeed();
    const layer = new Attention({ dropout: rate, seed, returnScores: true });
    const plain = new Attention({ returnScores: true });
    const query = tf.tensor3d(
      Array.from({ length: 8 }, (_, i) => Math.sin(i)),
      [1, 2, 4],
    );
    const value = tf.tensor3d(
      Array.from({ length: 12 }, (_, i) => Math.cos(i)),
      [1, 3, 4],
    );
    const made: tf.Tensor[] = [];
    try {
      const [output, weights] = plain.applyMulti([query, value]) as [tf.Tensor, tf.Tensor];
      const inference = layer.applyMulti([query, value]);
      made.push(output, weights, ...inference);
      await expectTensorsClose(inference[0] as tf.Tensor, output, { rtol: 0, atol: 0 });
      await expectTensorsClose(inference[1] as tf.Tensor, weights, { rtol: 0, atol: 0 });
      const w = Array.from(await weights.data());
      for (const mask of masks(seed, rate, 6, 2)) {
        const trained = layer.applyMulti([query, value], { training: true });
        made.push(...trained);
        const dropped = tf.tensor3d(
          w.map((v, i) => v * (mask[i] as number)),
          [1, 2, 3],
        );
        const mixed = tf.matMul(dropped, value);
        made.push(dropped, mixed);
        await expectTensorsClose(trained[1] as tf.Tensor, dropped);
        await expectTensorsClose(trained[0] as tf.Tensor, mixed);
      }
    } finally {
      tf.dispose([query, value, ...made]);
      layer.dispose();
      plain.dispose();
    }
  });
});
