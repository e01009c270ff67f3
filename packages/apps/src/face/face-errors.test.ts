import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Dense } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { computeFaceDescriptors, faceRecognitionWeightMapping, isSameFace, loadFaceRecognitionNet } from './index.js';
import { createFaceRecognitionNet } from './face-recognition-net.js';

const require = createRequire(import.meta.url);
const models = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
const manifest = () =>
  JSON.parse(readFileSync(join(models, 'face_recognition_model-weights_manifest.json'), 'utf8')) as {
    paths: string[];
    weights: { name: string; shape: number[] }[];
  }[];

// The mapping is backend-independent: one backend suffices.
describeEachBackend(
  'face: weight mapping',
  () => {
    test("the mapping covers face-api's 117 recognition weights exactly, one model weight each", () => {
      const net = createFaceRecognitionNet();
      try {
        const mapping = faceRecognitionWeightMapping(net);
        expect(Object.keys(mapping).sort()).toEqual(
          net
            .weights()
            .map((w) => w.path)
            .sort(),
        );
        const names = manifest()[0]?.weights.map((w) => w.name) ?? [];
        expect(names).toHaveLength(117);
        expect(Object.values(mapping).sort()).toEqual([...names].sort());
        expect(net.countParams()).toBe(
          manifest()[0]?.weights.reduce((n, w) => n + w.shape.reduce((a, d) => a * d, 1), 0),
        );
      } finally {
        net.dispose();
      }
    }, 60_000);
  },
  { backends: ['cpu'] },
);

describeEachBackend('face: bad input', () => {
  test('computeFaceDescriptors refuses the wrong rank, size, channels and an empty batch', async () => {
    const net = new Dense({ units: 2 });
    await expectNoLeakedTensors(() => {
      const cases: [number[], string][] = [
        [[150, 150, 3], 'got [150,150,3]'],
        [[1, 150, 150, 4], 'got [1,150,150,4]'],
        [[1, 112, 112, 3], 'got [1,112,112,3]'],
      ];
      for (const [shape, got] of cases) {
        const images = tf.zeros(shape);
        expect(() => computeFaceDescriptors(net, images)).toThrow(
          `computeFaceDescriptors: expected images of shape [B, 150, 150, 3], ${got}`,
        );
        images.dispose();
      }
      const empty = tf.zeros([0, 150, 150, 3]);
      expect(() => computeFaceDescriptors(net, empty)).toThrow(
        'computeFaceDescriptors: expected images with at least one crop, got an empty batch',
      );
      empty.dispose();
      expect(() => computeFaceDescriptors(net, [[1]] as never)).toThrow(
        'computeFaceDescriptors: expected images to be a tf.Tensor, got an array',
      );
    });
  });

  test('loadFaceRecognitionNet: a missing shard or lying manifest is refused, nothing left allocated', async () => {
    await expectNoLeakedTensors(async () => {
      await expect(
        loadFaceRecognitionNet(manifest(), () => {
          throw new Error('ENOENT');
        }),
      ).rejects.toThrow(
        "readTfjsWeights: expected shard 'face_recognition_model.bin' of group 0 to be readable, got ENOENT",
      );
      const readShard = (path: string) => new Uint8Array(readFileSync(join(models, path)));
      const lying = manifest();
      (lying[0]?.weights[0] as { shape: number[] }).shape = [7, 7, 3, 64];
      await expect(loadFaceRecognitionNet(lying, readShard)).rejects.toThrow(
        "readTfjsWeights: expected group 0 (face_recognition_model.bin) to hold 6448736 bytes (the manifest's " +
          'shapes and dtypes), got 6444032',
      );
      // Same bytes, transposed shape: read fine, refused by the loader; the built net is disposed.
      const transposed = manifest();
      (transposed[0]?.weights.find((w) => w.name === 'fc') as { shape: number[] }).shape = [128, 256];
      await expect(loadFaceRecognitionNet(transposed, readShard)).rejects.toThrow(
        "loadWeightsByName: expected namedTensors['fc'] of shape [256,128] (for 'face_recognition_net/fc/kernel'), " +
          'got [128,256]',
      );
    });
  }, 120_000);

  test('isSameFace: distance below 0.6 is the same face; lengths must match', () => {
    expect(isSameFace([0, 0], [0.3, 0.4])).toEqual({ distance: 0.5, same: true });
    expect(isSameFace([0, 0], [0.36, 0.48]).same).toBe(false);
    expect(() => isSameFace([0, 0], [1])).toThrow('isSameFace: expected a and b of one non-zero length, got 2 and 1');
  });
});
