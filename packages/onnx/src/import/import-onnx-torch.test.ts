import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { importOnnx } from './import-onnx.js';
import { fixtureBytes, fixtureTensor, torchOnnxCases } from './torch-fixtures.js';

const cases = torchOnnxCases();

// PyTorch's float32 outputs are the reference: within 1e-5 absolute on every backend (WebGPU on
// SwiftShader included; the largest difference seen there was 1.2e-7).
describeEachBackend('importOnnx: files written by torch.onnx.export equal PyTorch', () => {
  const tolerance = { rtol: 0, atol: 1e-5 };
  for (const [name, c] of Object.entries(cases)) {
    test(`${name} (${c.file})`, async () => {
      await expectNoLeakedTensors(async () => {
        const model = importOnnx(fixtureBytes(c.file));
        const x = fixtureTensor(c.input, name === 'lstmClassifier' ? 'int32' : 'float32');
        try {
          const y = model.apply(x);
          try {
            await expectTensorsClose(y, c.output, tolerance);
          } finally {
            y.dispose();
          }
        } finally {
          x.dispose();
          model.dispose();
        }
      });
    });
  }

  for (const name of ['lenet', 'residualCnn']) {
    test(`${name}: NCHW in by default (as the file says), NHWC in with imageLayout 'nhwc'`, async () => {
      const c = cases[name]!;
      await expectNoLeakedTensors(async () => {
        const asFile = importOnnx(fixtureBytes(c.file));
        const channelsLast = importOnnx(fixtureBytes(c.file), { imageLayout: 'nhwc' });
        const x = fixtureTensor(c.input);
        const nhwc = tf.transpose(x, [0, 2, 3, 1]);
        try {
          const [, channels, height, width] = c.input.shape;
          expect(asFile.inputShape).toEqual([null, channels, height, width]);
          expect(asFile.layers[0]?.typeName).toBe('OnnxPermute');
          expect(channelsLast.inputShape).toEqual([null, height, width, channels]);
          expect(channelsLast.layers[0]?.typeName).toBe('Conv2D'); // no permute at the input
          const [a, b] = [asFile.apply(x), channelsLast.apply(nhwc)];
          await expectTensorsClose(a, c.output, { rtol: 0, atol: 1e-5 });
          await expectTensorsClose(b, c.output, { rtol: 0, atol: 1e-5 });
          tf.dispose([a, b]);
        } finally {
          tf.dispose([x, nhwc]);
          asFile.dispose();
          channelsLast.dispose();
        }
      });
    });
  }

  test('batch and sequence length other than the exported ones (dynamic axes)', async () => {
    const c = cases.bilstm!;
    await expectNoLeakedTensors(async () => {
      const model = importOnnx(fixtureBytes(c.file));
      const x = fixtureTensor(c.input);
      try {
        // Row 1 alone gives row 1 of the batch; 3 of the 4 steps give [2, 3, 4].
        const [alone, full, short] = tf.tidy(() => [
          model.apply(tf.slice(x, [1, 0, 0], [1, 4, 5])),
          tf.slice(model.apply(x), [1, 0, 0], [1, 4, 4]),
          model.apply(tf.slice(x, [0, 0, 0], [2, 3, 5])),
        ]);
        await expectTensorsClose(alone!, full!, { rtol: 0, atol: 1e-6 });
        expect(short!.shape).toEqual([2, 3, 4]);
        tf.dispose([alone!, full!, short!]);
      } finally {
        x.dispose();
        model.dispose();
      }
    });
  });
});
