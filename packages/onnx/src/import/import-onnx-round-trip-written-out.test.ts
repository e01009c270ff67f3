import * as tf from '@tensorflow/tfjs-core';
import {
  AdditiveAttention,
  Attention,
  Dense,
  GroupNorm,
  type Layer,
  Model,
  RepeatVector,
  deserializeModel,
  input,
  serializeModel,
} from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { exportOnnx } from '../export/export-onnx.js';
import { importOnnx } from './import-onnx.js';

interface WrittenOutCase {
  title: string;
  /** The model and its input shapes (batch included). */
  make: () => { model: Model; shapes: number[][] };
  /** A generic layer the import must make (the written-out form is not refused). */
  expects: string;
}

function chain(shape: number[], ...layers: Layer[]): Model {
  const x = input({ shape, name: 'x' });
  const y = layers.reduce((h, layer) => layer.apply(h), x);
  return new Model({ inputs: x, outputs: y });
}

function attention(layer: Layer, scale?: number): { model: Model; shapes: number[][] } {
  const q = input({ shape: [5, 4], name: 'q' });
  const v = input({ shape: [6, 3], name: 'v' });
  const k = input({ shape: [6, 4], name: 'k' });
  const outputs = layer.applyMulti([q, v, k]);
  if (scale !== undefined)
    tf.tidy(() => layer.weights()[0]?.variable.assign(tf.fill(layer.weights()[0]?.variable.shape ?? [], scale)));
  return {
    model: new Model({ inputs: [q, v, k], outputs }),
    shapes: [
      [2, 5, 4],
      [2, 6, 3],
      [2, 6, 4],
    ],
  };
}

const cases: WrittenOutCase[] = [
  {
    title: 'GroupNorm (ReduceMean, Sub, Mul, Sqrt, Div) between Dense layers',
    expects: 'OnnxReduce',
    make: () => ({
      model: chain(
        [5, 6],
        new Dense({ units: 6, seed: 1 }),
        new GroupNorm({ groups: 3, epsilon: 1e-3 }),
        new Dense({ units: 2, seed: 2 }),
      ),
      shapes: [[2, 5, 6]],
    }),
  },
  {
    title: 'RepeatVector (Unsqueeze, Tile) after a Dense',
    expects: 'OnnxTile',
    make: () => ({
      model: chain([4], new Dense({ units: 3, seed: 3 }), new RepeatVector({ n: 4 }), new Dense({ units: 2, seed: 4 })),
      shapes: [[3, 4]],
    }),
  },
  {
    title: 'Attention useScale 0.7, scores returned (Transpose, MatMul, Mul, Softmax, MatMul)',
    expects: 'OnnxBinary',
    make: () => attention(new Attention({ useScale: true, returnScores: true }), 0.7),
  },
  {
    title: 'AdditiveAttention useScale (Unsqueeze, Add, Tanh, Mul, ReduceSum)',
    expects: 'OnnxReduce',
    make: () => attention(new AdditiveAttention({ useScale: true, seed: 4 })),
  },
  {
    title: 'causal self-attention between two Dense layers (Add of a constant causal bias)',
    expects: 'OnnxBinary',
    make: () => {
      const x = input({ shape: [6, 4], name: 'x' });
      const h = new Dense({ units: 4, activation: 'tanh', seed: 1 }).apply(x);
      const attended = new Attention({ causal: true }).apply([h, h]);
      return {
        model: new Model({ inputs: x, outputs: new Dense({ units: 2, seed: 2 }).apply(attended) }),
        shapes: [[3, 6, 4]],
      };
    },
  },
];

const asList = (y: tf.Tensor | tf.Tensor[]): tf.Tensor[] => (Array.isArray(y) ? y : [y]);

// cpu and wasm only: exportOnnx reads weights synchronously (see import-onnx-round-trip.test.ts).
describeEachBackend(
  'importOnnx(exportOnnx(model)) of the written-out layers computes what the model computes, also after save/load',
  () => {
    for (const c of cases) {
      test(c.title, async () => {
        await expectNoLeakedTensors(async () => {
          const { model, shapes } = c.make();
          const xs = shapes.map((s, i) => tf.randomNormal(s, 0, 1, 'float32', 11 + i));
          const imported = importOnnx(exportOnnx(model));
          const loaded = await deserializeModel(await serializeModel(imported));
          try {
            expect(imported.layers.map((l) => l.typeName)).toContain(c.expects);
            const expected = asList(model.applyMulti(xs.length === 1 ? (xs[0] as tf.Tensor) : xs));
            for (const m of [imported, loaded]) {
              const actual = asList(m.applyMulti(xs.length === 1 ? (xs[0] as tf.Tensor) : xs));
              expect(actual.length).toBe(expected.length);
              for (const [i, a] of actual.entries())
                await expectTensorsClose(a, expected[i] as tf.Tensor, { rtol: 0, atol: 1e-5 });
              tf.dispose(actual);
            }
            tf.dispose(expected);
          } finally {
            tf.dispose(xs);
            model.dispose();
            imported.dispose();
            loaded.dispose();
          }
        });
      });
    }
  },
  { backends: ['cpu', 'wasm'] },
);
