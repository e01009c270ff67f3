import { Dense, Sequential } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { embedImages } from './embed-images.js';

describeEachBackend('embedImages', () => {
  test('unit rows equal to the model output divided by its norm; batched equals unbatched', async () => {
    const model = new Sequential({
      layers: [new Dense({ units: 5, activation: 'tanh' }), new Dense({ units: 3 })],
      seed: 4,
    });
    const images = tf.randomNormal([7, 4], 0, 1, 'float32', 2);
    try {
      const raw = model.apply(images);
      const expected = Array.from(await raw.data()).map((v, i, all) => {
        const row = Math.floor(i / 3) * 3;
        return v / Math.hypot(all[row] as number, all[row + 1] as number, all[row + 2] as number);
      });
      raw.dispose();
      const [whole, batched] = await expectNoLeakedTensors(async () => {
        const a = embedImages(model, images);
        const b = embedImages(model, images, { batchSize: 2 });
        const values = [Array.from(await a.data()), Array.from(await b.data())];
        expect(a.shape).toEqual([7, 3]);
        tf.dispose([a, b]);
        return values as [number[], number[]];
      });
      whole.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 5));
      batched.forEach((v, i) => expect(v).toBeCloseTo(whole[i] as number, 5));
      for (let r = 0; r < 7; r++) expect(Math.hypot(...whole.slice(3 * r, 3 * r + 3))).toBeCloseTo(1, 5);
    } finally {
      images.dispose();
      model.dispose();
    }
  });
});
