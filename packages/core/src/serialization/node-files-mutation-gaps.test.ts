// saveModel and loadModel (found by mutation testing): a directory that is not a non-empty string is
// refused with the whole message before anything is read or written, and saveModel creates the
// missing folders above its directory; the model loaded back holds the very bytes it was saved with.
import * as tf from '@tensorflow/tfjs-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ArgumentError } from '../errors/argument-error.js';
import { Dense, Sequential } from '../layers/index.js';
import { describeEachBackend } from '../testing.js';
import { loadModel, saveModel } from './index.js';

const directory = mkdtempSync(join(tmpdir(), 'baihua-node-files-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

test('a directory that is not a non-empty string is refused, naming the function', async () => {
  for (const [given, shown] of [
    [3, '3'],
    ['', '""'],
    [undefined, 'undefined'],
    [null, 'null'],
  ] as const) {
    await expect(saveModel(null as never, given as never)).rejects.toThrow(
      new ArgumentError('saveModel', `expected directory to be a non-empty string, got ${shown}`),
    );
    await expect(loadModel(given as never)).rejects.toThrow(
      new ArgumentError('loadModel', `expected directory to be a non-empty string, got ${shown}`),
    );
  }
});

describeEachBackend('saveModel into folders that do not exist yet', (backend) => {
  test('creates them, and loadModel gives back the same weights bit for bit', async () => {
    const model = new Sequential({ name: 'net', seed: 5, layers: [new Dense({ units: 3 }), new Dense({ units: 2 })] });
    model.ensureBuilt([1, 4]);
    const where = join(directory, backend, 'not', 'yet');
    await saveModel(model, where);
    const loaded = await loadModel(where);
    const saved = model.weights();
    const back = loaded.weights();
    expect(back.map((w) => w.path)).toEqual(saved.map((w) => w.path));
    for (let i = 0; i < saved.length; i++) {
      expect(back[i]!.variable.shape).toEqual(saved[i]!.variable.shape);
      expect(await back[i]!.variable.data()).toEqual(await saved[i]!.variable.data());
    }
    const before = tf.memory().numTensors;
    model.dispose();
    loaded.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
  });
});
