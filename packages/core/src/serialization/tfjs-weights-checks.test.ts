// readTfjsWeights and loadWeightsByName: every refusal with its whole message, the dtypes and half
// floats the converter fixture does not hold, and shards given as ArrayBuffers.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { Dense, Sequential } from '../layers/index.js';
import { describeEachBackend } from '../testing/describe-each-backend.js';
import { expectNoLeakedTensors } from '../testing/expect-no-leaked-tensors.js';
import { loadWeightsByName, readTfjsWeights } from './index.js';

const f32 = (values: number[]) => new Uint8Array(new Float32Array(values).buffer);
const one = (weights: unknown[], paths: unknown = ['a.bin']) => [{ paths, weights }];
const w = (extra: Record<string, unknown> = {}) => ({ name: 'w', shape: [2], dtype: 'float32', ...extra });

describeEachBackend('readTfjsWeights: refusals and dtypes', () => {
  test('every malformed manifest, readShard and shard is named in full', async () => {
    const read = () => f32([1, 2]);
    const cases: [unknown, unknown, string][] = [
      ['x', read, 'expected manifest to be an array of { paths, weights } groups, got string'],
      [[null], read, 'expected manifest[0].paths to be a non-empty array of strings, got undefined'],
      [one([w()], []), read, 'expected manifest[0].paths to be a non-empty array of strings, got '],
      [one([w()], ['a.bin', 5]), read, 'expected manifest[0].paths to be a non-empty array of strings, got a.bin,5'],
      [[{ paths: ['a.bin'] }], read, 'expected manifest[0].weights to be an array, got undefined'],
      [one([w(), null]), read, 'expected manifest[0].weights[1].name to be a non-empty string, got undefined'],
      [one([w({ name: '' })]), read, 'expected manifest[0].weights[0].name to be a non-empty string, got '],
      [
        one([w({ shape: [2, -1] })]),
        read,
        "expected manifest[0].weights[0].shape ('w') of non-negative integers, got 2,-1",
      ],
      [
        one([w({ shape: [1.5] })]),
        read,
        "expected manifest[0].weights[0].shape ('w') of non-negative integers, got 1.5",
      ],
      [one([w({ shape: 2 })]), read, "expected manifest[0].weights[0].shape ('w') of non-negative integers, got 2"],
      [
        one([w({ dtype: 'float64' })]),
        read,
        "expected manifest[0].weights[0].dtype ('w') in float32 | int32 | bool, got float64",
      ],
      [
        one([w({ quantization: { dtype: 'int8' } })]),
        read,
        'expected manifest[0].weights[0].quantization.dtype in uint8 | uint16 | float16, got int8',
      ],
      [
        one([w({ quantization: { dtype: 'uint8', scale: 1 } })]),
        read,
        'expected manifest[0].weights[0].quantization with finite scale and min, got {"dtype":"uint8","scale":1}',
      ],
      [
        one([w({ quantization: { dtype: 'uint16', min: 0 } })]),
        read,
        'expected manifest[0].weights[0].quantization with finite scale and min, got {"dtype":"uint16","min":0}',
      ],
      [one([w()]), undefined, 'expected readShard to be a function (path) => bytes, got undefined'],
      [one([w()]), () => 'nope', "expected shard 'a.bin' of group 0 as ArrayBuffer or Uint8Array, got nope"],
    ];
    await expectNoLeakedTensors(async () => {
      for (const [manifest, readShard, message] of cases)
        await expect(readTfjsWeights(manifest, readShard as never)).rejects.toThrow(
          new RegExp(`^readTfjsWeights: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
        );
    });
  });

  test('bool, quantised int32, half-float edge values, scalars; ArrayBuffer shards', async () => {
    const manifest = [
      {
        paths: ['a.bin', 'b.bin'],
        weights: [
          { name: 'flags', shape: [3], dtype: 'bool' },
          { name: 'counts', shape: [3], dtype: 'int32', quantization: { dtype: 'uint8', scale: 0.5, min: -1 } },
          { name: 'scalar', shape: [], dtype: 'float32' },
          { name: 'halves', shape: [6], dtype: 'float32', quantization: { dtype: 'float16' } },
        ],
      },
    ];
    const halves = new Uint16Array([0x0001, 0x03ff, 0x8000, 0x7c00, 0xfc00, 0x7e00]);
    const first = new Uint8Array([0, 1, 1, 0, 3, 5]); // the flags, then the stored counts
    const second = new Uint8Array(4 + 12);
    second.set(f32([2.5]), 0);
    second.set(new Uint8Array(halves.buffer), 4);
    const files: Record<string, ArrayBuffer> = { 'a.bin': first.buffer, 'b.bin': second.buffer };
    const named = await readTfjsWeights(manifest, (path) => files[path] as ArrayBuffer);
    try {
      expect(named.flags?.dtype).toBe('bool');
      expect(Array.from(await (named.flags as tf.Tensor).data())).toEqual([0, 1, 1]);
      expect(named.counts?.dtype).toBe('int32');
      // -1 + 0.5 * [0, 3, 5] = [-1, 0.5, 1.5], rounded half up.
      expect(Array.from(await (named.counts as tf.Tensor).data())).toEqual([-1, 1, 2]);
      expect(named.scalar?.shape).toEqual([]);
      expect(Array.from(await (named.scalar as tf.Tensor).data())).toEqual([2.5]);
      const h = Array.from(await (named.halves as tf.Tensor).data());
      // The smallest subnormal 2^-24, the largest subnormal 1023 * 2^-24, -0, +inf, -inf, NaN.
      expect(h.slice(0, 2)).toEqual([2 ** -24, 1023 * 2 ** -24]);
      expect(Object.is(h[2], -0)).toBe(true);
      expect(h.slice(3, 5)).toEqual([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
      expect(Number.isNaN(h[5])).toBe(true);
    } finally {
      tf.dispose(Object.values(named));
    }
  });
});

describeEachBackend('loadWeightsByName: refusals', () => {
  const built = () => {
    const layer = new Dense({ name: 'head', units: 2, seed: 3 });
    layer.ensureBuilt([1, 3]);
    return layer;
  };

  test('arguments of the wrong kind, an unbuilt model, and tensors unfit for a weight: whole messages', () => {
    const layer = built();
    const kernel = tf.ones([3, 2]);
    const bias = tf.ones([2]);
    const dead = tf.ones([3, 2]);
    dead.dispose();
    const flags = tf.ones([3, 2], 'bool');
    const turned = tf.ones([2, 3]);
    const mapping = { 'head/kernel': 'k', 'head/bias': 'b' };
    const cases: [() => void, string][] = [
      [() => loadWeightsByName({} as never, { k: kernel }, mapping), 'expected model to be a Layer, got object'],
      [
        () => loadWeightsByName(layer, null as never, mapping),
        'expected namedTensors to be an object of tensors, got null',
      ],
      [() => loadWeightsByName(layer, 5 as never, mapping), 'expected namedTensors to be an object of tensors, got 5'],
      [
        () => loadWeightsByName(layer, { k: kernel }, null as never),
        'expected mapping to be an object { weightPath: tensorName }, got null',
      ],
      [
        () => loadWeightsByName(layer, { k: kernel }, 'k' as never),
        'expected mapping to be an object { weightPath: tensorName }, got k',
      ],
      [
        () => loadWeightsByName(new Dense({ name: 'unbuilt', units: 1 }), { k: kernel }, mapping),
        "expected model 'unbuilt' to be built (have weights), got none: build it first",
      ],
      [
        () => loadWeightsByName(layer, { k: 'x', b: bias } as never, mapping),
        "expected namedTensors['k'] to be a tf.Tensor, got string",
      ],
      [
        () => loadWeightsByName(layer, { k: dead, b: bias }, mapping),
        "expected namedTensors['k'] to be alive, got a disposed tensor",
      ],
      [
        () => loadWeightsByName(layer, { k: flags, b: bias }, mapping),
        "expected namedTensors['k'] of dtype float32 or int32, got bool",
      ],
      [
        () => loadWeightsByName(layer, { k: turned, b: bias }, mapping),
        "expected namedTensors['k'] of shape [3,2] (for 'head/kernel'), got [2,3]",
      ],
      [
        () => loadWeightsByName(layer, Object.create({ k: kernel, b: bias }), mapping),
        "expected namedTensors to hold 'k' (for 'head/kernel'), got no such tensor",
      ],
    ];
    for (const [call, message] of cases) expect(call).toThrow(`loadWeightsByName: ${message}`);
    tf.dispose([kernel, bias, flags, turned]);
    layer.dispose();
  });

  test('int32 tensors load as floats; a long list of missing weights names five and the count', async () => {
    const layer = built();
    const kernel = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2], 'int32');
    const bias = tf.tensor1d([7, 8], 'int32');
    loadWeightsByName(layer, { k: kernel, b: bias }, { 'head/kernel': 'k', 'head/bias': 'b' });
    expect(Array.from(await layer.weight('kernel').read().data())).toEqual([1, 2, 3, 4, 5, 6]);
    tf.dispose([kernel, bias]);
    layer.dispose();
    const stack = new Sequential({
      layers: [1, 2, 3].map((i) => new Dense({ name: `d${i}`, units: 1, seed: i })),
      name: 'stack',
    });
    stack.ensureBuilt([1, 1]);
    const paths = stack.weights().map((weight) => weight.path);
    expect(paths).toHaveLength(6);
    const five = paths
      .slice(0, 5)
      .map((p) => `'${p}'`)
      .join(', ');
    expect(() => loadWeightsByName(stack, {}, {})).toThrow(
      `loadWeightsByName: expected mapping to cover every model weight, got none for ${five}, ... (6 in all)`,
    );
    const exactlyFive = Object.fromEntries(paths.slice(0, 5).map((p) => [p, 'x']));
    const unknown = Object.fromEntries([...paths, 'a', 'b', 'c', 'd', 'e'].map((p) => [p, 'x']));
    expect(() => loadWeightsByName(stack, {}, exactlyFive)).toThrow(`got none for '${paths[5]}'`);
    expect(() => loadWeightsByName(stack, {}, unknown)).toThrow(
      "expected mapping keys to be model weight paths, got 'a', 'b', 'c', 'd', 'e'",
    );
    expect(() => loadWeightsByName(stack, {}, unknown)).not.toThrow(/in all/);
    stack.dispose();
  });
});
