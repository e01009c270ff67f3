// The 3-D layers together: a tiny segmentation net of each decoder kind trains (its loss falls) on
// cpu and wasm, gives on webgpu what it gives on cpu, and survives serialisation on every backend.
import * as tf from '@tensorflow/tfjs-core';
import {
  Adam,
  Model,
  Sequential,
  deserializeModel,
  fit,
  input,
  serializeModel,
  useBackend,
  type Layer,
} from '@baihua/core';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { AvgPool3D, Conv3D, Conv3DTranspose, MaxPool3D, UpSampling3D } from '../index.js';

const mse = (labels: tf.Tensor, predictions: tf.Tensor): tf.Scalar =>
  tf.losses.meanSquaredError(labels, predictions) as tf.Scalar;

type Decoder = 'UpSampling3D' | 'Conv3DTranspose';

/** Encoder (Conv3D, MaxPool3D), decoder of the given kind, and a one-channel Conv3D head. */
function segmenter(decoder: Decoder, seed: number): Sequential {
  const up =
    decoder === 'UpSampling3D'
      ? [new UpSampling3D(), new Conv3D({ filters: 3, kernelSize: 3, padding: 'same', activation: 'relu' })]
      : [new Conv3DTranspose({ filters: 3, kernelSize: 2, strides: 2, activation: 'relu' })];
  return new Sequential({
    seed,
    layers: [
      new Conv3D({ filters: 3, kernelSize: 3, padding: 'same', activation: 'relu' }),
      new MaxPool3D(),
      ...up,
      new Conv3D({ filters: 1, kernelSize: 1 }),
    ],
  });
}

/** `count` 4x4x4 volumes, each with a bright 2x2x2 cube at its own place; the target is the cube's mask. */
function cubes(count: number): { x: tf.Tensor; y: tf.Tensor } {
  const masks: number[] = [];
  const images: number[] = [];
  for (let k = 0; k < count; k++) {
    const [a, b, c] = [k % 3, (k * 2) % 3, (k + 1) % 3];
    for (let d = 0; d < 4; d++)
      for (let h = 0; h < 4; h++)
        for (let w = 0; w < 4; w++) {
          const inside = d >= a && d < a + 2 && h >= b && h < b + 2 && w >= c && w < c + 2 ? 1 : 0;
          masks.push(inside);
          images.push(0.8 * inside + 0.1 * Math.sin(7 * (d + 2 * h + 3 * w + k)));
        }
  }
  return { x: tf.tensor(images, [count, 4, 4, 4, 1]), y: tf.tensor(masks, [count, 4, 4, 4, 1]) };
}

describeEachBackend(
  '3-D layers train',
  () => {
    test.each(['UpSampling3D', 'Conv3DTranspose'] as const)(
      'decoder %s: the loss falls within a few steps',
      async (kind) => {
        const model = segmenter(kind, 11);
        const { x, y } = cubes(6);
        const history = await fit(
          model,
          { x, y },
          { loss: mse, optimizer: new Adam({ learningRate: 0.03 }), epochs: 8, batchSize: 3, progress: 'none' },
        );
        const losses = history.get('loss');
        expect(losses.every(Number.isFinite)).toBe(true);
        expect(losses.at(-1)).toBeLessThan((losses[0] as number) * 0.7);
        tf.dispose([x, y]);
        model.dispose();
      },
    );
  },
  { backends: ['cpu', 'wasm'] },
);

/** Asserts that two forward results agree. */
async function expectSame(actual: Output, expected: Output, atol = 1e-5): Promise<void> {
  const tensor = tf.tensor(actual.data, actual.shape);
  try {
    await expectTensorsClose(tensor, expected, { atol });
  } finally {
    tensor.dispose();
  }
}

interface Output {
  shape: number[];
  data: number[];
}

/** Applies `model` to a [1, 2, 4, 2, 1] ramp and returns the output's shape and values. */
async function forward(model: Layer): Promise<Output> {
  const x = tf.reshape(tf.linspace(-1, 1, 16), [1, 2, 4, 2, 1]);
  const y = model.apply(x);
  const result = { shape: y.shape, data: Array.from(await y.data()) };
  tf.dispose([x, y]);
  return result;
}

describeEachBackend('3-D layers serialise', (backend) => {
  test.each(['UpSampling3D', 'Conv3DTranspose'] as const)(
    'decoder %s: the deserialised model computes the same, here and on cpu',
    async (kind) => {
      const model = segmenter(kind, 12);
      const here = await forward(model);
      expect(here.shape).toEqual([1, 2, 4, 2, 1]);
      const saved = await serializeModel(model);
      const copy = await deserializeModel(saved);
      expect(copy.getConfig()).toEqual(model.getConfig());
      await expectSame(here, await forward(copy));
      model.dispose();
      copy.dispose();
      // The same weights on the cpu backend: the reference for wasm's and webgpu's forward pass.
      await useBackend('cpu');
      try {
        const onCpu = await deserializeModel(saved);
        const reference = await forward(onCpu);
        onCpu.dispose();
        expect(here.data.some((v) => v !== 0)).toBe(true);
        await expectSame(here, reference, 1e-4);
      } finally {
        await useBackend(backend);
      }
    },
  );
});

test('graph API: each 3-D layer infers its output shape from a symbolic volume', () => {
  const volumes = input({ shape: [6, 8, 5, 2] });
  const features = new Conv3D({ filters: 4, kernelSize: 3, padding: 'same', seed: 1 }).apply(volumes);
  const pooled = new MaxPool3D({ poolSize: [2, 2, 1] }).apply(features);
  const averaged = new AvgPool3D({ poolSize: 3, strides: 1, padding: 'same' }).apply(pooled);
  const grown = new Conv3DTranspose({ filters: 3, kernelSize: 2, strides: [2, 2, 1], seed: 2 }).apply(averaged);
  const doubled = new UpSampling3D({ size: [1, 1, 2] }).apply(grown);
  expect([features, pooled, averaged, grown, doubled].map((t) => t.shape)).toEqual([
    [null, 6, 8, 5, 4],
    [null, 3, 4, 5, 4],
    [null, 3, 4, 5, 4],
    [null, 6, 8, 6, 3],
    [null, 6, 8, 12, 3],
  ]);
  const model = new Model({ inputs: volumes, outputs: doubled });
  expect(model.countParams()).toBe(27 * 2 * 4 + 4 + 8 * 3 * 4 + 3);
  model.dispose();
});
