import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { linearClassifier, seededImages, valuesOf } from './explain-test-models.js';
import { occlusion } from './occlusion.js';

/** Rows 4-5, columns 2-3 of an 8 x 8 image: the one patch the model looks at. */
const inPatch = (q: number) => Math.floor(q / 8) >= 4 && Math.floor(q / 8) < 6 && q % 8 >= 2 && q % 8 < 4;

describeEachBackend('occlusion', () => {
  test('a model that depends on one patch lights exactly that patch, by the drop of its score', async () => {
    const model = linearClassifier(Array.from({ length: 64 }, (_, q) => (inPatch(q) ? 1 : 0)));
    const images = seededImages([2, 8, 8, 1], 4, 0.1, 1);
    try {
      const map = await expectNoLeakedTensors(() =>
        occlusion(model.classify, images, { patchSize: 2, classIndex: 0, output: 'logit' }).then(valuesOf),
      );
      const x = Array.from(await images.data());
      for (const i of [0, 1]) {
        const patchSum = x.slice(i * 64, (i + 1) * 64).reduce((a, v, q) => a + (inPatch(q) ? v : 0), 0);
        map.slice(i * 64, (i + 1) * 64).forEach((a, q) => {
          if (inPatch(q)) expect(a).toBeCloseTo(patchSum, 5);
          else expect(a).toBe(0);
        });
      }
      // Overlapping 4 x 4 windows at stride 2: every window touching the patch drops by the patch sum,
      // so each pixel gets that sum times the share of its windows that touch the patch.
      const wide = await occlusion(model.classify, images, {
        patchSize: 4,
        stride: 2,
        classIndex: 0,
        output: 'logit',
      }).then(valuesOf);
      const patchSum = x.slice(0, 64).reduce((a, v, q) => a + (inPatch(q) ? v : 0), 0);
      expect(wide[0]).toBe(0); // (0, 0) lies only in the window at (0, 0), which misses the patch
      expect(wide[4 * 8 + 2]).toBeCloseTo(patchSum, 5); // every window covering (4, 2) covers the patch
    } finally {
      tf.dispose(images);
      model.dispose();
    }
  });
});
