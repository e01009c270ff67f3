// Cases found by mutation testing in the tfjs-weights readers and the browser-file loader: whole
// messages where only their beginnings were matched (a list of unknown keys of five or fewer, a
// tensor of a lower rank or one other size), a tfjs weight with a size of 0, and a function object
// that has a name and an arrayBuffer method but is not a File.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { ArgumentError } from '../errors/argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { Dense } from '../layers/index.js';
import { describeEachBackend } from '../testing.js';
import { loadModelFromFiles, loadWeightsByName, readTfjsWeights } from './index.js';
import { thrownBy } from '../../test/thrown-by.js';

test('loadModelFromFiles refuses a function object dressed as a File', async () => {
  const impostor = Object.assign(() => undefined, { arrayBuffer: async () => new ArrayBuffer(0) });
  await expect(loadModelFromFiles([impostor as never])).rejects.toThrow(
    new ArgumentError(
      'loadModelFromFiles',
      'expected files[0] to be a File (with a name and arrayBuffer()), got function',
    ),
  );
});

describeEachBackend('tfjs weights, cases found by mutation testing', () => {
  test('loadWeightsByName: whole messages for one unknown key and for shapes off in rank or one size', async () => {
    const layer = new Dense({ name: 'head', units: 2, seed: 3 });
    layer.ensureBuilt([1, 3]);
    const before = Array.from(await layer.weight('kernel').read().data());
    const bias = tf.ones([2]);
    const unknown = thrownBy(() =>
      loadWeightsByName(layer, {}, { 'head/kernel': 'k', 'head/bias': 'b', 'head/extra': 'e' }),
    );
    expect(ArgumentError.isInstance(unknown)).toBe(true);
    expect(unknown.message).toBe("loadWeightsByName: expected mapping keys to be model weight paths, got 'head/extra'");
    const mapping = { 'head/kernel': 'k', 'head/bias': 'b' };
    for (const shape of [[3], [3, 4]]) {
      const kernel = tf.ones(shape);
      const error = thrownBy(() => loadWeightsByName(layer, { k: kernel, b: bias }, mapping));
      expect(ShapeError.isInstance(error)).toBe(true);
      expect(error.message).toBe(
        `loadWeightsByName: expected namedTensors['k'] of shape [3,2] (for 'head/kernel'), got [${shape.join(',')}]`,
      );
      kernel.dispose();
    }
    expect(Array.from(await layer.weight('kernel').read().data())).toEqual(before);
    bias.dispose();
    layer.dispose();
  });

  test('readTfjsWeights: a weight with a size of 0 takes no bytes and comes back empty', async () => {
    const manifest = [
      {
        paths: ['group1-shard1of1.bin'],
        weights: [
          { name: 'empty', shape: [0, 2], dtype: 'float32' as const },
          { name: 'w', shape: [2], dtype: 'float32' as const },
        ],
      },
    ];
    const named = await readTfjsWeights(manifest, () => new Float32Array([1.5, -2]).buffer);
    expect(named.empty?.shape).toEqual([0, 2]);
    expect(named.w?.shape).toEqual([2]);
    expect(Array.from(await named.w!.data())).toEqual([1.5, -2]);
    tf.dispose(Object.values(named));
  });
});
