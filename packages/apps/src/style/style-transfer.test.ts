import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { contentLoss } from '@baihua/losses';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { randomFeatureExtractor } from './random-feature-extractor.js';
import { discImage, stripesImage } from './style-test-images.js';
import { styleTransfer } from './style-transfer.js';
import type { StyleTransferOptions } from './style-transfer-options.js';

/** Runs styleTransfer on the 16x16 disc and stripes with a small random extractor; frees everything. */
async function paint(settings: Partial<StyleTransferOptions> = {}) {
  const content = discImage();
  const style = stripesImage();
  const extractor = randomFeatureExtractor({ seed: 1, scales: [3, 5], filters: 8 });
  try {
    const run = { content, style, extractor, contentLayers: ['scale3'], styleLayers: extractor.layerNames };
    const { image, history } = await styleTransfer({ ...run, steps: 60, learningRate: 0.05, ...settings });
    // The content loss the style picture itself would have: what "forgot the photo" looks like.
    const forgotten = tf.tidy(() => {
      const [a, b] = [extractor(tf.expandDims(style, 0)), extractor(tf.expandDims(content, 0))];
      return contentLoss(a.scale3 as tf.Tensor4D, b.scale3 as tf.Tensor4D);
    });
    const values = Array.from(await image.data());
    const styleContentLoss = (await forgotten.data())[0] as number;
    tf.dispose([image, forgotten]);
    return { shape: image.shape, values, history, styleContentLoss };
  } finally {
    extractor.dispose();
    tf.dispose([content, style]);
  }
}

describeEachBackend('styleTransfer', () => {
  test('16x16, 60 Adam steps: style loss falls > 10x; the content term holds the content loss down', async () => {
    const weights = { style: 1e3 };
    const { shape, values, history, styleContentLoss } = await expectNoLeakedTensors(() => paint({ weights }));
    const unheld = await paint({ weights: { ...weights, content: 0 } });
    const [start, end] = [history.style[0] as number, history.style[60] as number];
    expect(history.style).toHaveLength(61);
    expect(start / end).toBeGreaterThan(10);
    expect(history.content[0]).toBe(0); // init 'content'
    expect(history.content[60]).toBeLessThan(styleContentLoss / 3);
    expect(history.content[60]).toBeLessThan((unheld.history.content[60] as number) / 2);
    expect(shape).toEqual([16, 16, 3]);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
    for (let k = 0; k <= 60; k++) {
      const weighted = (history.content[k] as number) + 1e3 * (history.style[k] as number);
      expect(history.total[k]).toBeCloseTo(weighted + 1e-3 * (history.totalVariation[k] as number), 2);
    }
  }, 60_000);

  test('deterministic with a seed: two noise-started runs agree exactly; another seed differs', async () => {
    const first = await paint({ init: 'noise', seed: 7, steps: 5 });
    const again = await paint({ init: 'noise', seed: 7, steps: 5 });
    const other = await paint({ init: 'noise', seed: 8, steps: 5 });
    expect(again.values).toEqual(first.values);
    expect(again.history).toEqual(first.history);
    expect(other.values).not.toEqual(first.values);
    expect(first.history.content[0]).toBeGreaterThan(0);
    expect(first.history.style[5]).toBeLessThan(first.history.style[0] as number);
  }, 60_000);

  test('progress: called after every step with (done, total, losses), awaited, matching history', async () => {
    const calls: [number, number, number][] = [];
    const { history } = await paint({
      steps: 3,
      onProgress: async (done, total, losses) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        calls.push([done, total, losses.style]);
      },
    });
    expect(calls).toEqual([1, 2, 3].map((done) => [done, 3, history.style[done]]));
  }, 60_000);

  test('a batch of two content images with one style; weights.perLayer; result keeps rank 4', async () => {
    await expectNoLeakedTensors(async () => {
      const content = tf.tidy(() => tf.stack([discImage(), stripesImage()]) as tf.Tensor4D);
      const style = tf.tidy(() => tf.expandDims(stripesImage(), 0));
      const extractor = randomFeatureExtractor({ seed: 2, scales: [3], filters: 4 });
      try {
        const { image, history } = await styleTransfer({
          ...{ content, style, extractor, contentLayers: ['scale3'], styleLayers: ['scale3'], steps: 2 },
          weights: { content: 2, style: 10, totalVariation: 0, perLayer: { scale3: 0.5 } },
        });
        expect(image.shape).toEqual([2, 16, 16, 3]);
        const expected = 2 * (history.content[2] as number) + 10 * (history.style[2] as number);
        expect(history.total[2]).toBeCloseTo(expected, 3);
        image.dispose();
      } finally {
        extractor.dispose();
        tf.dispose([content, style]);
      }
    });
  }, 60_000);
});
