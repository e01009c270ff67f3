import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { Dense } from '../layers/index.js';
import { describeEachBackend } from '../testing/describe-each-backend.js';
import { expectNoLeakedTensors } from '../testing/expect-no-leaked-tensors.js';
import { loadWeightsByName, readTfjsWeights } from './index.js';
import type { TfjsWeightsManifest } from './index.js';

// A synthetic manifest in tfjs-converter's form: group 0 in two shards (float32, uint8-quantised
// float32, int32), group 1 in one (uint16-quantised, float16).
const manifest = (): TfjsWeightsManifest => [
  {
    paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'],
    weights: [
      { name: 'dense/w', shape: [2, 3], dtype: 'float32' },
      { name: 'q8', shape: [4], dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.5, min: -1 } },
      { name: 'steps', shape: [2], dtype: 'int32' },
    ],
  },
  {
    paths: ['group2-shard1of1.bin'],
    weights: [
      { name: 'q16', shape: [3], dtype: 'float32', quantization: { dtype: 'uint16', scale: 0.25, min: 2 } },
      { name: 'half', shape: [4], dtype: 'float32', quantization: { dtype: 'float16' } },
    ],
  },
];

function shards(): Record<string, Uint8Array> {
  const g1 = new DataView(new ArrayBuffer(36));
  [1, 2, 3, 4, 5, 6].forEach((v, i) => g1.setFloat32(4 * i, v, true));
  [0, 1, 2, 255].forEach((v, i) => g1.setUint8(24 + i, v));
  [7, -8].forEach((v, i) => g1.setInt32(28 + 4 * i, v, true));
  const g2 = new DataView(new ArrayBuffer(14));
  [0, 4, 65535].forEach((v, i) => g2.setUint16(2 * i, v, true));
  [0x3c00, 0xc000, 0x3800, 0x7bff].forEach((v, i) => g2.setUint16(6 + 2 * i, v, true));
  const bytes = new Uint8Array(g1.buffer);
  return {
    'group1-shard1of2.bin': bytes.slice(0, 10),
    'group1-shard2of2.bin': bytes.slice(10),
    'group2-shard1of1.bin': new Uint8Array(g2.buffer),
  };
}

const readFrom = (files: Record<string, Uint8Array>) => async (path: string) => {
  const bytes = files[path];
  if (bytes === undefined) throw new Error(`ENOENT: no such file '${path}'`);
  return bytes;
};

describeEachBackend('readTfjsWeights', () => {
  test('reads every group across its shards and dequantises uint8, uint16 and float16', async () => {
    const named = await readTfjsWeights(manifest(), readFrom(shards()));
    try {
      expect(Object.keys(named)).toEqual(['dense/w', 'q8', 'steps', 'q16', 'half']);
      expect(named['dense/w']?.shape).toEqual([2, 3]);
      expect(Array.from(await (named['dense/w'] as tf.Tensor).data())).toEqual([1, 2, 3, 4, 5, 6]);
      expect(Array.from(await (named.q8 as tf.Tensor).data())).toEqual([-1, -0.5, 0, 126.5]);
      expect(named.steps?.dtype).toBe('int32');
      expect(Array.from(await (named.steps as tf.Tensor).data())).toEqual([7, -8]);
      expect(Array.from(await (named.q16 as tf.Tensor).data())).toEqual([2, 3, 2 + 65535 * 0.25]);
      expect(Array.from(await (named.half as tf.Tensor).data())).toEqual([1, -2, 0.5, 65504]);
    } finally {
      tf.dispose(Object.values(named));
    }
  });

  test('a manifest that lies about a shape is refused before any tensor is made', async () => {
    const lying = manifest();
    (lying[0] as TfjsWeightsManifest[number]).weights[0] = { name: 'dense/w', shape: [2, 4], dtype: 'float32' };
    await expectNoLeakedTensors(async () => {
      await expect(readTfjsWeights(lying, readFrom(shards()))).rejects.toThrow(
        'readTfjsWeights: expected group 0 (group1-shard1of2.bin, group1-shard2of2.bin) to hold 44 bytes ' +
          "(the manifest's shapes and dtypes), got 36",
      );
    });
  });

  test('a missing shard is named; a malformed manifest is refused', async () => {
    const files = shards();
    delete files['group2-shard1of1.bin'];
    await expectNoLeakedTensors(async () => {
      await expect(readTfjsWeights(manifest(), readFrom(files))).rejects.toThrow(
        "readTfjsWeights: expected shard 'group2-shard1of1.bin' of group 1 to be readable, got ENOENT",
      );
      const twice = manifest();
      (twice[1] as TfjsWeightsManifest[number]).weights[0] = { name: 'q8', shape: [3], dtype: 'float32' };
      await expect(readTfjsWeights(twice, readFrom(shards()))).rejects.toThrow(
        "readTfjsWeights: expected unique weight names, got 'q8' twice",
      );
      await expect(readTfjsWeights({ weights: [] }, readFrom(shards()))).rejects.toThrow(
        'readTfjsWeights: expected manifest to be an array of { paths, weights } groups, got object',
      );
    });
  });
});

describeEachBackend('loadWeightsByName', () => {
  const build = () => {
    const layer = new Dense({ name: 'head', units: 2, seed: 3 });
    layer.ensureBuilt([1, 3]);
    return layer;
  };
  const tensors = () => ({ 'fc/weights': tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]), 'fc/bias': tf.tensor1d([7, 8]) });

  test('assigns every weight by the mapping', async () => {
    const layer = build();
    const named = tensors();
    try {
      loadWeightsByName(layer, named, { 'head/kernel': 'fc/weights', 'head/bias': 'fc/bias' });
      const [kernel, bias] = layer.getWeights();
      expect(Array.from(await (kernel as tf.Tensor).data())).toEqual([1, 2, 3, 4, 5, 6]);
      expect(Array.from(await (bias as tf.Tensor).data())).toEqual([7, 8]);
      tf.dispose([kernel as tf.Tensor, bias as tf.Tensor]);
    } finally {
      tf.dispose(Object.values(named));
      layer.dispose();
    }
  });

  test.each([
    [{ 'head/kernel': 'fc/weights' }, "expected mapping to cover every model weight, got none for 'head/bias'"],
    [
      { 'head/kernel': 'fc/weights', 'head/bias': 'fc/bias', 'head/gamma': 'fc/bias' },
      "expected mapping keys to be model weight paths, got 'head/gamma'",
    ],
    [
      { 'head/kernel': 'fc/weights', 'head/bias': 'fc/b' },
      "expected namedTensors to hold 'fc/b' (for 'head/bias'), got no such tensor",
    ],
    [
      { 'head/kernel': 'fc/bias', 'head/bias': 'fc/bias' },
      "expected namedTensors['fc/bias'] of shape [3,2] (for 'head/kernel'), got [2]",
    ],
  ])('refuses %j and changes nothing', async (mapping, message) => {
    const layer = build();
    const named = tensors();
    try {
      const before = layer.getWeights();
      const values = await Promise.all(before.map((t) => t.data()));
      await expectNoLeakedTensors(() => {
        expect(() => loadWeightsByName(layer, named, mapping)).toThrow(`loadWeightsByName: ${message}`);
      });
      const after = layer.getWeights();
      expect(await Promise.all(after.map((t) => t.data()))).toEqual(values);
      tf.dispose([...before, ...after]);
    } finally {
      tf.dispose(Object.values(named));
      layer.dispose();
    }
  });
});
