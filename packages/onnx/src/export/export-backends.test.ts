import { Conv2D, MaxPool2D } from '@baihua/cnn';
import { Dense, Flatten, Sequential } from '@baihua/core';
import { describeEachBackend, reportUnavailable, requiredOnCi } from '@baihua/core/testing';
import { GRU } from '@baihua/rnn';
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { exportOnnx, exportOnnxAsync } from './export-onnx.js';
import { loadOrt } from './test/ort-parity.js';

const ort = await loadOrt();

if (typeof ort === 'string') reportUnavailable('onnxruntime-node', ort, requiredOnCi('BAIHUA_REQUIRE_ONNXRUNTIME'));
else
  describeEachBackend('exportOnnxAsync: weights on the backend the model lives on', () => {
    test('a conv net and a GRU export with their weights and run in onnxruntime like the model', async () => {
      const models: [Sequential, number[]][] = [
        [
          new Sequential({
            layers: [
              new Conv2D({ filters: 2, kernelSize: 3, padding: 'same', seed: 1 }),
              new MaxPool2D(),
              new Flatten(),
              new Dense({ units: 3, seed: 2 }),
            ],
          }),
          [2, 6, 6, 1],
        ],
        [new Sequential({ layers: [new GRU({ units: 3, returnSequences: true, seed: 3 })] }), [2, 4, 2]],
      ];
      for (const [model, shape] of models) {
        const x = tf.randomNormal(shape, 0, 1, 'float32', 5);
        const y = model.apply(x);
        const bytes = await exportOnnxAsync(model);
        const session = await ort.InferenceSession.create(bytes);
        const { output } = await session.run({
          input: new ort.Tensor('float32', (await x.data()) as Float32Array, shape),
        });
        const want = await y.data();
        const got = output!.data as Float32Array;
        const diff = Math.max(...Array.from(want, (v, i) => Math.abs(v - (got[i] as number))));
        expect(diff).toBeLessThanOrEqual(1e-4);
        await session.release();
        tf.dispose([x, y]);
      }
    });
  });

describeEachBackend(
  'exportOnnx on webgpu in Node',
  () => {
    test('says to use exportOnnxAsync, whose read comes first', () => {
      const model = new Sequential({ layers: [new Dense({ units: 2, seed: 1 })] });
      tf.tidy(() => model.apply(tf.zeros([1, 3])));
      expect(() => exportOnnx(model)).toThrow(
        /expected weights readable synchronously, got a read that failed on backend 'webgpu' .*exportOnnxAsync/,
      );
    });
  },
  { backends: ['webgpu'] },
);
