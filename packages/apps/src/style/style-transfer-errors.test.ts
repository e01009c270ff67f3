import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { ArgumentError, ShapeError } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { type FeatureExtractor, randomFeatureExtractor } from './random-feature-extractor.js';
import { discImage, stripesImage } from './style-test-images.js';
import { styleTransfer } from './style-transfer.js';
import type { StyleTransferOptions } from './style-transfer-options.js';

type ErrorClass = { isInstance(error: unknown): boolean };
type Case = [string, (base: StyleTransferOptions, scratch: tf.Tensor[]) => unknown, RegExp, ErrorClass];
const wrongImage = (scratch: tf.Tensor[], shape: number[], dtype: 'float32' | 'int32' = 'float32') => {
  const image = tf.zeros(shape, dtype);
  scratch.push(image);
  return image;
};
/** An extractor that works twice (the targets) and throws on its third call (the first step). */
function failingAfter(calls: number, inner: FeatureExtractor): FeatureExtractor {
  let count = 0;
  return (images) => {
    count += 1;
    if (count > calls) throw new Error('extractor broke');
    return inner(images);
  };
}

const cases: Case[] = [
  [
    'content of rank 2',
    (b, s) => ({ ...b, content: wrongImage(s, [16, 16]) }),
    /content of rank 3 or 4, got rank 2/,
    ShapeError,
  ],
  [
    'content with 4 channels',
    (b, s) => ({ ...b, content: wrongImage(s, [16, 16, 4]) }),
    /got shape \[16,16,4\]/,
    ShapeError,
  ],
  [
    'an empty content batch',
    (b, s) => ({ ...b, content: wrongImage(s, [0, 16, 16, 3]) }),
    /B, H, W >= 1, got shape \[0,16,16,3\]/,
    ShapeError,
  ],
  [
    'style of rank 5',
    (b, s) => ({ ...b, style: wrongImage(s, [1, 1, 16, 16, 3]) }),
    /style of rank 3 or 4, got rank 5/,
    ShapeError,
  ],
  [
    'a style batch of 3 for a content batch of 1',
    (b, s) => ({ ...b, style: wrongImage(s, [3, 16, 16, 3]) }),
    /style of batch 1 or 1 \(content's\)/,
    ShapeError,
  ],
  [
    'an int32 content',
    (b, s) => ({ ...b, content: wrongImage(s, [16, 16, 3], 'int32') }),
    /content of dtype float32/,
    ShapeError,
  ],
  [
    'an unknown style layer',
    (b) => ({ ...b, styleLayers: ['scale3', 'conv9'] }),
    /expected styleLayers among the extractor's feature maps \(scale3, scale5\), got 'conv9'/,
    ArgumentError,
  ],
  [
    'an unknown content layer',
    (b) => ({ ...b, contentLayers: ['relu4_2'] }),
    /contentLayers among .*got 'relu4_2'/,
    ArgumentError,
  ],
  [
    'no style layer',
    (b) => ({ ...b, styleLayers: [] }),
    /styleLayers to be a list of at least one distinct layer names, got \[\]/,
    ArgumentError,
  ],
  [
    'steps 0',
    (b) => ({ ...b, steps: 0 }),
    /^styleTransfer: expected steps to be a positive integer, got 0$/,
    ArgumentError,
  ],
  ['steps 2.5', (b) => ({ ...b, steps: 2.5 }), /steps to be a positive integer, got 2.5/, ArgumentError],
  ['learningRate 0', (b) => ({ ...b, learningRate: 0 }), /learningRate > 0, got 0/, ArgumentError],
  [
    'init zeros',
    (b) => ({ ...b, init: 'zeros' as 'noise' }),
    /init to be one of 'content', 'noise', got "zeros"/,
    ArgumentError,
  ],
  [
    'a misspelt option',
    (b) => ({ ...b, step: 3 }),
    /unknown key 'step' in options \(did you mean 'steps'/,
    ArgumentError,
  ],
  [
    'a misspelt weight',
    (b) => ({ ...b, weights: { styles: 1 } as object }),
    /unknown key 'styles' in weights/,
    ArgumentError,
  ],
  [
    'a per-layer weight of no layer',
    (b) => ({ ...b, weights: { perLayer: { scale7: 1 } } }),
    /unknown key 'scale7' in weights.perLayer/,
    ArgumentError,
  ],
  ['a negative style weight', (b) => ({ ...b, weights: { style: -1 } }), /weights.style >= 0, got -1/, ArgumentError],
  [
    'an extractor that is not a function',
    (b) => ({ ...b, extractor: {} as FeatureExtractor }),
    /extractor to be a function of images, got object/,
    ArgumentError,
  ],
  [
    'feature maps of rank 3',
    (b) => ({
      ...b,
      extractor: (x: tf.Tensor4D) => ({ scale3: tf.squeeze(x, [0]) as unknown as tf.Tensor4D, scale5: x }),
    }),
    /feature map 'scale3' to be float32 \[B, H, W, C\].*got float32 \[16,16,3\]/,
    ShapeError,
  ],
];

describeEachBackend('styleTransfer bad input', () => {
  test.each(cases)('%s: a clear error naming styleTransfer, nothing leaked', async (_, change, message, kind) => {
    const content = discImage();
    const style = stripesImage();
    const extractor = randomFeatureExtractor({ seed: 1, scales: [3, 5], filters: 4 });
    const base: StyleTransferOptions = {
      content,
      style,
      extractor,
      contentLayers: ['scale3'],
      styleLayers: ['scale3'],
    };
    const scratch: tf.Tensor[] = [];
    try {
      await expectNoLeakedTensors(async () => {
        const options = change(base, scratch) as StyleTransferOptions;
        const error = await styleTransfer({ ...options, steps: options.steps ?? 2 }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(kind.isInstance(error), String(error)).toBe(true);
        expect((error as Error).message).toMatch(/^styleTransfer: (expected|unknown key) /);
        expect((error as Error).message).toMatch(message);
        tf.dispose(scratch.splice(0)); // made inside the counted region
      });
    } finally {
      tf.dispose([content, style, ...scratch]);
      extractor.dispose();
    }
  });

  test('an extractor that throws in the middle of the run: its error, every tensor freed', async () => {
    const content = discImage();
    const style = stripesImage();
    const inner = randomFeatureExtractor({ seed: 1, scales: [3], filters: 4 });
    try {
      await expectNoLeakedTensors(async () => {
        const extractor = failingAfter(4, inner);
        const run = styleTransfer({ content, style, extractor, contentLayers: ['scale3'], styleLayers: ['scale3'] });
        await expect(run).rejects.toThrow('extractor broke');
      });
    } finally {
      inner.dispose();
      tf.dispose([content, style]);
    }
  });
});
