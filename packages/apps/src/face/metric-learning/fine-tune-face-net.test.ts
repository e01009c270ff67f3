import { Dense } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, expect, test } from 'vitest';
import { createFaceRecognitionNet } from '../face-recognition-net.js';
import { fineTuneFaceNet } from './fine-tune-face-net.js';

describeEachBackend('fineTuneFaceNet', (backend) => {
  // The net reads 150 x 150 crops only (it is built for them and refuses other sizes): 4 crops.
  const net = createFaceRecognitionNet();
  afterAll(() => net.dispose());
  // cpu and webgpu (SwiftShader here) take seconds per forward pass of this net: one step, more frozen.
  const frozenBlocks = backend === 'wasm' ? 10 : 13;
  const steps = backend === 'wasm' ? 2 : 1;

  test(`frozenBlocks ${frozenBlocks}: stem and early blocks bit-identical, later blocks and fc changed`, async () => {
    const images = tf.randomUniform([4, 150, 150, 3], 0, 255, 'float32', 1);
    try {
      const before = await Promise.all(
        net.weights().map(async (w) => ({ path: w.path, values: await w.variable.data() })),
      );
      const { loss } = await expectNoLeakedTensors(() =>
        fineTuneFaceNet(
          net,
          { images, labels: [0, 1, 0, 1] },
          {
            frozenBlocks,
            mining: 'batch-hard',
            steps,
            identitiesPerBatch: 2,
            samplesPerIdentity: 2,
            learningRate: 1e-2,
          },
        ),
      );
      expect(loss).toHaveLength(steps);
      // Forward order of the 13 blocks; the first `frozenBlocks` and the stem must not move.
      const blocks = [
        'conv32_1',
        'conv32_2',
        'conv32_3',
        'conv64_down',
        'conv64_1',
        'conv64_2',
        'conv64_3',
        'conv128_down',
        'conv128_1',
        'conv128_2',
        'conv256_down',
        'conv256_1',
        'conv256_2',
        'conv256_down_out',
      ];
      const frozen = ['conv32_down', ...blocks.slice(0, frozenBlocks)];
      let changedCount = 0;
      for (const [i, w] of net.weights().entries()) {
        const key = w.path.slice('face_recognition_net/'.length);
        const isFrozen = frozen.some((prefix) => key.startsWith(`${prefix}_conv`) || key.startsWith(`${prefix}_scale`));
        const after = await w.variable.data();
        const same = after.every((v, j) => Object.is(v, before[i]?.values[j]));
        expect({ path: w.path, same }).toEqual({ path: w.path, same: isFrozen });
        if (!same) changedCount++;
      }
      // Each trained block: two convs (kernel, bias) and two scales (weights, biases), 8 weights; fc: 1.
      expect(changedCount).toBe((blocks.length - frozenBlocks) * 8 + 1);
      expect(net.trainableWeights()).toHaveLength(changedCount);
    } finally {
      images.dispose();
    }
  }, 180_000);

  test('bad input: wrong image size, not a face net, bad frozenBlocks; nothing changed or leaked', async () => {
    const small = tf.zeros([4, 64, 64, 3]);
    const dense = new Dense({ units: 2 });
    const options = { mining: 'random', steps: 1, identitiesPerBatch: 2, samplesPerIdentity: 2 } as const;
    const flags = net.weights().map((w) => w.layer.trainable);
    try {
      await expectNoLeakedTensors(async () => {
        await expect(fineTuneFaceNet(net, { images: small, labels: [0, 0, 1, 1] }, options)).rejects.toThrow(
          'fineTuneFaceNet: expected data.images of shape [N, 150, 150, 3], got [4,64,64,3]',
        );
        await expect(fineTuneFaceNet(dense, { images: small, labels: [0, 0, 1, 1] }, options)).rejects.toThrow(
          'fineTuneFaceNet: expected net to be a face recognition net',
        );
        for (const frozenBlocks of [-1, 15, 1.5])
          await expect(
            fineTuneFaceNet(net, { images: small, labels: [0, 0, 1, 1] }, { ...options, frozenBlocks }),
          ).rejects.toThrow(`fineTuneFaceNet: expected frozenBlocks to be an integer in [0, 14], got ${frozenBlocks}`);
        const images = tf.zeros([3, 150, 150, 3]);
        try {
          await expect(
            fineTuneFaceNet(net, { images, labels: [0, 0, 1] }, { ...options, frozenBlocks: 0 }),
          ).rejects.toThrow('fineTuneFaceNet: expected at least samplesPerIdentity = 2 rows per identity');
        } finally {
          images.dispose();
        }
      });
      // A refused call freezes nothing.
      expect(net.weights().map((w) => w.layer.trainable)).toEqual(flags);
    } finally {
      small.dispose();
      dense.dispose();
    }
  });
});
