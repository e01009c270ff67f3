import * as tf from '@tensorflow/tfjs-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useBackend } from '../backends/use-backend.js';
import { Dense, Sequential } from '../layers/index.js';
import { deserializeModel, loadModel, loadModelFromFiles, saveModel, serializeModel } from './index.js';

const directory = mkdtempSync(join(tmpdir(), 'baihua-non-finite-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** A saved 2 -> 3 -> 1 model whose first kernel ([2,3]) holds `value` at flat index 4, i.e. [1,1]. */
async function savedWith(value: number) {
  const model = new Sequential({ name: 'net', seed: 1, layers: [new Dense({ units: 3 }), new Dense({ units: 1 })] });
  model.ensureBuilt([1, 2]);
  const { topology, weights } = await serializeModel(model);
  const path = model.weights()[0]?.path as string;
  model.dispose();
  new DataView(weights).setFloat32(topology.weights[0]!.byteOffset + 4 * 4, value, true);
  return { topology, weights, path };
}

const file = (name: string, data: string | ArrayBuffer) => ({
  name,
  text: async () => data as string,
  arrayBuffer: async () => data as ArrayBuffer,
});

describe('loading refuses NaN and Infinity weights unless allowNonFinite', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  test.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('%s: every loader', async (value) => {
    const { topology, weights, path } = await savedWith(value);
    const message = (fn: string) =>
      `${fn}: expected finite weights, got ${value} in '${path}' at flat index 4 ([1,1] of shape [2,3]); ` +
      'pass { allowNonFinite: true } to load them anyway';
    const before = tf.memory().numTensors;
    await expect(deserializeModel({ topology, weights })).rejects.toThrow(message('deserializeModel'));
    const where = join(directory, `model-${value}`);
    const good = new Sequential({ layers: [new Dense({ units: 3 }), new Dense({ units: 1 })] });
    good.ensureBuilt([1, 2]);
    await saveModel(good, where);
    good.dispose();
    writeFileSync(join(where, 'model.json'), JSON.stringify(topology));
    writeFileSync(join(where, 'weights.bin'), new Uint8Array(weights));
    await expect(loadModel(where)).rejects.toThrow(message('loadModel'));
    const picked = [file('model.json', JSON.stringify(topology)), file('weights.bin', weights)];
    await expect(loadModelFromFiles(picked)).rejects.toThrow(message('loadModelFromFiles'));
    expect(tf.memory().numTensors).toBe(before);
    const loaded = [
      await deserializeModel({ topology, weights }, { allowNonFinite: true }),
      await loadModel(where, { allowNonFinite: true }),
      await loadModelFromFiles(picked, { allowNonFinite: true }),
    ];
    for (const model of loaded) {
      const kernel = await model.weights()[0]!.read().data();
      expect(kernel[4]).toBe(value);
      expect(Array.from(kernel).filter((v) => !Number.isFinite(v))).toHaveLength(1);
      model.dispose();
    }
  });

  test('loader options are checked: unknown keys, a non-boolean allowNonFinite', async () => {
    const { topology, weights } = await savedWith(0.5);
    await expect(deserializeModel({ topology, weights }, { allowNaN: true } as never)).rejects.toThrow(
      /deserializeModel: unknown key 'allowNaN' in options \(did you mean 'allowNonFinite'\?/,
    );
    await expect(loadModel(directory, { allownonfinite: true } as never)).rejects.toThrow(
      /loadModel: unknown key 'allownonfinite' in options \(did you mean 'allowNonFinite'\?/,
    );
    await expect(deserializeModel({ topology, weights }, { allowNonFinite: 1 } as never)).rejects.toThrow(
      /deserializeModel: expected allowNonFinite to be true or false, got 1/,
    );
    const model = await deserializeModel({ topology, weights });
    model.dispose();
  });
});
