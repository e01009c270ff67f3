// Which format version serializeModel writes, and what it refuses (found by mutation testing: round
// trips load either version, so a wrong choice went unnoticed). Version 1 (inputShape) only for one
// input of fixed size; version 2 (inputShapes) for a free size or several inputs, even all fixed.
import { expect, test } from 'vitest';
import { describeEachBackend } from '../testing.js';
import { input } from '../graph/input.js';
import { Model } from '../graph/model.js';
import { Add, Dense, Sequential } from '../layers/index.js';
import type { Layer } from '../layers/layer.js';
import { serializeModel } from './serialize-model.js';

describeEachBackend('serializeModel format version', () => {
  test('one input of fixed size: version 1 with its shape', async () => {
    const x = input({ shape: [3] });
    const { topology } = await serializeModel(new Model({ inputs: x, outputs: new Dense({ units: 2 }).apply(x) }));
    expect(topology.formatVersion).toBe(1);
    expect(topology.inputShape).toEqual([null, 3]);
    expect(topology.inputShapes).toBeUndefined();
  });

  test('one input with a free size: version 2', async () => {
    const steps = input({ shape: [null, 3] });
    const model = new Model({ inputs: steps, outputs: new Dense({ units: 2 }).apply(steps) });
    const { topology } = await serializeModel(model);
    expect(topology.formatVersion).toBe(2);
    expect(topology.inputShapes).toEqual([[null, null, 3]]);
    expect(topology.inputShape).toBeUndefined();
  });

  test('two inputs, both of fixed size: version 2 with both shapes', async () => {
    const [a, b] = [input({ shape: [3] }), input({ shape: [3] })];
    const model = new Model({ inputs: [a, b], outputs: new Add().apply([a, b]) });
    const { topology } = await serializeModel(model);
    expect(topology.formatVersion).toBe(2);
    expect(topology.inputShapes).toEqual([
      [null, 3],
      [null, 3],
    ]);
  });
});

test('refuses what is not a built Layer, naming serializeModel', async () => {
  await expect(serializeModel(null as never)).rejects.toThrow(
    /^serializeModel: expected model to be a Layer, got null$/,
  );
  await expect(serializeModel(3 as never)).rejects.toThrow(
    /^serializeModel: expected model to be a Layer, got number$/,
  );
  await expect(serializeModel({ name: 'm' } as never)).rejects.toThrow(
    /^serializeModel: expected model to be a Layer, got object$/,
  );
  const callable = Object.assign(() => 0, { getConfig: () => ({}) });
  await expect(serializeModel(callable as never)).rejects.toThrow(
    /^serializeModel: expected model to be a Layer, got function$/,
  );
  const unbuilt = new Sequential({ layers: [new Dense({ units: 2 })] });
  await expect(serializeModel(unbuilt)).rejects.toThrow(/^serializeModel: model '.*' is not built yet/);
  // Built flag without an input shape (a broken subclass): refused the same way, not half-written.
  const noShape = { name: 'odd', isBuilt: true, inputShape: undefined, getConfig: () => ({}) } as unknown as Layer;
  await expect(serializeModel(noShape)).rejects.toThrow(/^serializeModel: model 'odd' is not built yet/);
});
