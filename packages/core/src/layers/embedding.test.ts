import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { expectRefusedWithoutLeaks } from '../../test/refused-without-leaks.js';
import { Embedding } from './embedding.js';
import { layerFromConfig } from './layer-registry.js';

// A 5 x 3 table with distinct rows, set by hand, so every looked-up value is known.
const table = [
  [0.5, -1, 2],
  [1, 2, 3],
  [-4, 5, -6],
  [7, -8, 9],
  [0.25, 0.125, -0.5],
];

function embeddingWithTable(maskZero = false): Embedding {
  const layer = new Embedding({ inputDim: 5, outputDim: 3, maskZero, seed: 1 });
  tf.tidy(() => {
    layer.apply(tf.zeros([1, 1], 'int32'));
    layer.setWeights([tf.tensor2d(table)]);
  });
  return layer;
}

describeEachBackend('Embedding', (backend) => {
  test('values: y[b, t] = E[ids[b, t]] for int32 ids, whole-number float32 ids and rank-1 ids', async () => {
    const layer = embeddingWithTable();
    const ids = [
      [1, 4, 0],
      [3, 3, 2],
    ];
    const expected = ids.map((row) => row.map((id) => table[id] as number[]));
    const intIds = tf.tensor2d(ids, [2, 3], 'int32');
    const floatIds = tf.tensor2d(ids);
    const vector = tf.tensor1d([2, 0], 'int32');
    const [a, b, c] = [layer.apply(intIds), layer.apply(floatIds), layer.apply(vector)];
    try {
      expect(a.shape).toEqual([2, 3, 3]);
      await expectTensorsClose(a, expected, { rtol: 0, atol: 0 });
      await expectTensorsClose(b, expected, { rtol: 0, atol: 0 });
      await expectTensorsClose(c, [table[2] as number[], table[0] as number[]], { rtol: 0, atol: 0 });
      // Another sequence length after build is fine (ids of each batch may differ in length).
      const longer = layer.apply(tf.zeros([1, 7], 'int32'));
      expect(longer.shape).toEqual([1, 7, 3]);
      longer.dispose();
    } finally {
      tf.dispose([intIds, floatIds, vector, a, b, c]);
      layer.dispose();
    }
  });

  test('gradient of sum(y * dy) for the table: dy summed into the looked-up rows (repeats add up)', async () => {
    const layer = embeddingWithTable();
    const ids = [
      [1, 3, 1],
      [0, 1, 3],
    ];
    const dyValues = ids.map((row, b) => row.map((_, t) => [b + t + 1, -(b + 1) * 0.5, t - 1]));
    const expected = table.map(() => [0, 0, 0]);
    ids.forEach((row, b) =>
      row.forEach((id, t) => {
        const sums = expected[id] as number[];
        for (let k = 0; k < 3; k++) sums[k] = (sums[k] as number) + (dyValues[b]?.[t]?.[k] as number);
      }),
    );
    const x = tf.tensor2d(ids, [2, 3], 'int32');
    const dy = tf.tensor3d(dyValues);
    const variable = layer.weight('embeddings').read();
    try {
      await expectNoLeakedTensors(async () => {
        const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(layer.apply(x), dy)) as tf.Scalar, [variable]);
        // Exact: each entry is a sum of a few small integers and halves.
        await expectTensorsClose(grads[variable.name] as tf.Tensor, expected, { rtol: 0, atol: 0 });
        return [value, grads];
      });
    } finally {
      tf.dispose([x, dy]);
      layer.dispose();
    }
  });

  test('maskZero: the output mask is ids != 0, and id 0 still looks up row 0', async () => {
    const layer = embeddingWithTable(true);
    const ids = tf.tensor2d(
      [
        [2, 1, 0, 0],
        [4, 0, 3, 0],
      ],
      [2, 4],
      'int32',
    );
    const { outputs, masks } = layer.applyWithMask(ids);
    try {
      expect(Array.from(await (masks[0] as tf.Tensor).data())).toEqual([1, 1, 0, 0, 1, 0, 1, 0]);
      expect(masks[0]?.dtype).toBe('bool');
      const row = tf.slice(outputs[0] as tf.Tensor, [0, 2, 0], [1, 1, 3]);
      await expectTensorsClose(row, [[table[0] as number[]]], { rtol: 0, atol: 0 });
      row.dispose();
      // Without maskZero there is no mask.
      const plain = embeddingWithTable(false);
      const unmasked = plain.applyWithMask(ids);
      expect(unmasked.masks).toEqual([undefined]);
      tf.dispose(unmasked.outputs);
      plain.dispose();
    } finally {
      tf.dispose([ids, ...outputs, ...(masks as tf.Tensor[])]);
      layer.dispose();
    }
  });

  test('ids out of range: a clear error on cpu and wasm (the ids are read), zeros on webgpu', async () => {
    const layer = embeddingWithTable();
    const tooLarge = tf.tensor2d([[1, 5]], [1, 2], 'int32');
    const negative = tf.tensor2d([[-1, 0]], [1, 2], 'int32');
    const fraction = tf.tensor2d([[1, 2.5]]);
    try {
      if (backend === 'webgpu') {
        const y = layer.apply(tooLarge);
        await expectTensorsClose(y, [[table[1] as number[], [0, 0, 0]]], { rtol: 0, atol: 0 });
        y.dispose();
        return;
      }
      const name = layer.name;
      expectRefusedWithoutLeaks(
        () => layer.apply(tooLarge),
        new RegExp(
          `^Embedding\\.apply: layer '${name}' expected ids to be whole numbers in \\[0, 4\\] \\(inputDim 5\\), ` +
            `got 5 at x\\[0,1\\]$`,
        ),
      );
      expectRefusedWithoutLeaks(() => layer.apply(negative), /got -1 at x\[0,0\]$/);
      expectRefusedWithoutLeaks(() => layer.apply(fraction), /got 2\.5 at x\[0,1\]$/);
    } finally {
      tf.dispose([tooLarge, negative, fraction]);
      layer.dispose();
    }
  });

  test('bad options and inputs: clear errors, nothing leaked', () => {
    expect(() => new Embedding({ inputDim: 0, outputDim: 2 })).toThrow(
      /^Embedding: expected inputDim to be a positive integer, got 0$/,
    );
    expect(() => new Embedding({ inputDim: 3, outputDim: 1.5 })).toThrow(/expected outputDim to be a positive integer/);
    expect(() => new Embedding({ inputDim: 3, outputDim: 2, maskZero: 'yes' as never })).toThrow(
      /^Embedding: expected maskZero to be a boolean, got yes$/,
    );
    expect(() => new Embedding({ inputDim: 3, outputDim: 2, maskzero: true } as never)).toThrow(
      /Embedding: unknown key 'maskzero' in options \(did you mean 'maskZero'\?/,
    );
    expect(() => new Embedding({ inputDim: 3, outputDim: 2, embeddingsInitializer: 'nope' })).toThrow(
      /resolveInitializer: unknown initializer "nope"/,
    );
    const layer = embeddingWithTable();
    const flags = tf.tensor2d([[1, 0]], [1, 2], 'bool');
    expectRefusedWithoutLeaks(
      () => layer.apply(flags),
      /^Embedding\.apply: expected x \(ids\) of dtype int32 or float32, got bool$/,
    );
    flags.dispose();
    layer.dispose();
  });

  test('getConfig round trip; default table U[-0.05, 0.05] from the seed, the same on every backend', async () => {
    const layer = new Embedding({ inputDim: 7, outputDim: 4, maskZero: true, seed: 9, name: 'words' });
    const config = layer.getConfig();
    expect(config).toEqual({
      type: 'Embedding',
      name: 'words',
      trainable: true,
      seed: 9,
      inputDim: 7,
      outputDim: 4,
      maskZero: true,
      embeddingsInitializer: 'randomUniform',
    });
    const copy = layerFromConfig(config) as Embedding;
    expect(copy).toBeInstanceOf(Embedding);
    expect(copy.getConfig()).toEqual(config);
    const ids = tf.tensor2d([[0, 6, 3]], [1, 3], 'int32');
    const [a, b] = [layer.apply(ids), copy.apply(ids)];
    try {
      await expectTensorsClose(a, b, { rtol: 0, atol: 0 });
      const values = Array.from(await layer.weight('embeddings').read().data());
      expect(values.every((v) => v >= -0.05 && v <= 0.05)).toBe(true);
      expect(new Set(values).size).toBe(28);
    } finally {
      tf.dispose([ids, a, b]);
      layer.dispose();
      copy.dispose();
    }
  });

  test('apply and its gradient leave no tensor behind', async () => {
    const layer = embeddingWithTable(true);
    const ids = tf.tensor2d([[1, 0, 4]], [1, 3], 'int32');
    await expectNoLeakedTensors(() => layer.applyWithMask(ids));
    const variable = layer.weight('embeddings').read();
    await expectNoLeakedTensors(() => tf.variableGrads(() => tf.sum(layer.apply(ids)) as tf.Scalar, [variable]));
    ids.dispose();
    layer.dispose();
  });
});
