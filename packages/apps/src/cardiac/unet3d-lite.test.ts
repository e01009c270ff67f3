import * as tf from '@tensorflow/tfjs-core';
import { Adam, ArgumentError, fit } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { cardiacPhantomCases } from './cardiac-phantom.js';
import { cineTensors } from './cine-tensors.js';
import { segmentCine } from './segment-cine.js';
import { diceBceLoss } from './soft-dice-loss.js';
import { unet3dLite } from './unet3d-lite.js';

const tiny = { shape: [4, 8, 8], spacing: [24, 11, 11], phases: 4, supersample: 1 } as const;

describeEachBackend('unet3dLite', (backend) => {
  test('logits of the input shape; Conv3D, MaxPool3D, UpSampling3D and Concatenate in the graph', async () => {
    const model = unet3dLite({ inputShape: [4, 8, 8], filters: 2, seed: 3 });
    const x = tf.randomUniform([2, 4, 8, 8, 1], 0, 1, 'float32', 1);
    try {
      const y = await expectNoLeakedTensors(async () => {
        const out = model.apply(x);
        expect(Number.isFinite((await out.data())[0])).toBe(true);
        return out;
      });
      expect(y.shape).toEqual([2, 4, 8, 8, 1]);
      const types = new Set(model.layers.map((l) => l.typeName));
      expect([...types].sort()).toEqual(['Concatenate', 'Conv3D', 'MaxPool3D', 'UpSampling3D']);
      // 2 levels, 2 convolutions per block: 4 + 2 + 4 encoder/bottleneck/decoder blocks' convs, + 1x1.
      expect(model.layers.filter((l) => l.typeName === 'Conv3D').length).toBe(11);
    } finally {
      x.dispose();
      model.dispose();
    }
  });

  // webgpu on SwiftShader is slow: the forward pass above is its check.
  if (backend === 'webgpu') return;

  test('a few Adam steps on phantom volumes lower the Dice + BCE loss; segmentCine gives 0/1 masks', async () => {
    const { x, y } = cineTensors(cardiacPhantomCases(5, 2, tiny));
    const model = unet3dLite({ inputShape: [4, 8, 8], filters: 4, levels: 1, convolutionsPerBlock: 1, seed: 2 });
    const optimizer = new Adam({ learningRate: 0.01 });
    try {
      const before = tf.memory().numTensors;
      const history = await fit(
        model,
        { x, y },
        { loss: diceBceLoss, optimizer, epochs: 10, batchSize: 2, seed: 1, progress: 'none' },
      );
      const loss = history.get('loss');
      expect(loss.at(-1)!).toBeLessThan(0.8 * loss[0]!);
      const images = tf.squeeze(x, [4]);
      const masks = segmentCine(model, images);
      images.dispose();
      expect(masks.shape).toEqual([8, 4, 8, 8, 1]);
      expect(Array.from(await masks.data()).every((v) => v === 0 || v === 1)).toBe(true);
      masks.dispose();
      // Only the optimiser's slots were added.
      expect(tf.memory().numTensors - before).toBe(2 * model.weights().length);
    } finally {
      optimizer.dispose();
      tf.dispose([x, y]);
      model.dispose();
    }
  });
});

test('bad options name the function and the argument', () => {
  expect(() => unet3dLite({ inputShape: [6, 8, 8] })).toThrow(
    /unet3dLite: expected options.inputShape \[D, H, W\], each a multiple of 2\^levels = 4, got \[6,8,8\]/,
  );
  expect(() => unet3dLite({ inputShape: [8, 8] as never })).toThrow(ArgumentError);
  expect(() => unet3dLite({ inputShape: [4, 4, 4], filters: 0 })).toThrow(
    /expected options.filters to be a positive integer/,
  );
  expect(() => unet3dLite({ inputShape: [4, 4, 4], level: 1 } as never)).toThrow(/unknown key 'level'.*'levels'/);
});

test('cineTensors stacks every phase in case order; refuses mixed grids and empty lists', async () => {
  const cases = cardiacPhantomCases(9, 2, tiny);
  const { x, y } = cineTensors(cases);
  try {
    expect(x.shape).toEqual([8, 4, 8, 8, 1]);
    const values = await x.data();
    expect(values[4 * 256]).toBe(cases[1]!.images[0]);
    expect(Array.from((await y.data()).subarray(0, 256))).toEqual(Array.from(cases[0]!.masks.subarray(0, 256)));
  } finally {
    tf.dispose([x, y]);
  }
  const other = cardiacPhantomCases(9, 1, { ...tiny, shape: [4, 8, 12] });
  expect(() => cineTensors([...cases, ...other])).toThrow(
    /cineTensors: expected every case on the grid \[4,8,8\].*cases\[2\]/,
  );
  expect(() => cineTensors([])).toThrow(/cineTensors: expected cases to be a non-empty array/);
  const model = unet3dLite({ inputShape: [4, 4, 4] });
  const flat = tf.zeros([4, 4, 4]);
  try {
    const before = tf.memory().numTensors;
    expect(() => segmentCine(model, flat)).toThrow(/segmentCine: expected images of rank 4 or 5, got rank 3/);
    const cine = tf.zeros([1, 4, 4, 4]);
    expect(() => segmentCine(model, cine, { batch: 2 } as never)).toThrow(/segmentCine: unknown key 'batch'/);
    cine.dispose();
    expect(tf.memory().numTensors).toBe(before);
  } finally {
    flat.dispose();
    model.dispose();
  }
});
