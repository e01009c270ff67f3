// deserializeModel's refusals with their whole messages (found by mutation testing): input that is
// not an object, null weights, an error from a layer factory that is not baihua's (passed through
// as is), the wrapped error's cause, free sizes among several inputs, a parameter budget a little
// short, and manifest shapes that differ from the model's only in rank or in one size.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { ArgumentError } from '../errors/argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { Dense, registerLayerType } from '../layers/index.js';
import { describeEachBackend } from '../testing.js';
import { deserializeModel, modelFormatName, serializeModel, type SerializedModel } from './index.js';

const plainFailure = new RangeError('a factory failed in its own way');
registerLayerType('SerialGapsPlainFailure', () => {
  throw plainFailure;
});

/** What `deserializeModel(input)` rejects with. */
async function rejection(input: unknown): Promise<Error> {
  const before = tf.memory().numTensors;
  const error = await deserializeModel(input as never).then(
    () => undefined,
    (reason: unknown) => reason as Error,
  );
  expect(error, 'expected deserializeModel to reject').toBeInstanceOf(Error);
  expect(tf.memory().numTensors).toBe(before);
  return error as Error;
}

/** A Dense of `units` on 2 inputs, saved: kernel [2, units] then bias [units]. */
async function savedDense(units: number): Promise<SerializedModel> {
  const dense = new Dense({ units, name: 'd' });
  dense.ensureBuilt([1, 2]);
  const saved = await serializeModel(dense);
  dense.dispose();
  return saved;
}

describeEachBackend('deserializeModel refusals', () => {
  test('input that is not an object is refused, naming what it is', async () => {
    for (const [input, shown] of [
      [null, 'null'],
      [3, 'number'],
      ['text', 'string'],
    ] as const) {
      expect((await rejection(input)).message).toBe(`deserializeModel: expected { topology, weights }, got ${shown}`);
    }
    expect((await rejection({ topology: {}, weights: null })).message).toBe(
      'deserializeModel: expected weights to be an ArrayBuffer or Uint8Array, got null',
    );
  });

  test("an error from a layer factory that is not baihua's comes through unchanged", async () => {
    const topology = {
      format: modelFormatName,
      formatVersion: 1,
      inputShape: [null, 2],
      model: { type: 'SerialGapsPlainFailure' },
      weights: [],
    };
    expect(await rejection({ topology, weights: new ArrayBuffer(0) })).toBe(plainFailure);
  });

  test("a layer's own refusal is wrapped, naming deserializeModel, with the original as cause", async () => {
    const { topology, weights } = await savedDense(3);
    topology.model = { ...topology.model, units: -1 };
    const error = await rejection({ topology, weights });
    const cause = (error as { cause?: unknown }).cause as Error;
    expect(ArgumentError.isInstance(error)).toBe(true);
    expect(ArgumentError.isInstance(cause)).toBe(true);
    expect(cause.message).toMatch(/^Dense: /);
    expect(error.message).toBe(`deserializeModel: cannot rebuild the model: ${cause.message}`);
  });

  test('a layer that is not a graph Model is not built for a free size in any of its inputs', async () => {
    const topology = {
      format: modelFormatName,
      formatVersion: 2,
      inputShapes: [
        [null, 2],
        [null, null],
      ],
      model: { type: 'Dense', units: 1 },
      weights: [],
    };
    const error = await rejection({ topology, weights: new ArrayBuffer(0) });
    expect(ShapeError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      'deserializeModel: cannot rebuild the model: build: a Dense cannot be built for free (null) input sizes',
    );
  });

  test('a topology asking for a few more parameters than the weights hold is refused', async () => {
    // The manifest holds 9 parameters (kernel [2, 3], bias [3]); 4 units need 12.
    const { topology, weights } = await savedDense(3);
    topology.model = { ...topology.model, units: 4 };
    expect((await rejection({ topology, weights })).message).toBe(
      "deserializeModel: the topology asks for more parameters than the weights hold (weight 'd/bias' needs 4, 1 left)",
    );
  });

  test('a manifest shape of another rank with the same sizes so far is refused', async () => {
    // bias [1] listed as a scalar: same bytes, same parameter count, one axis fewer.
    const { topology, weights } = await savedDense(1);
    (topology.weights[1] as { shape: number[] }).shape = [];
    const error = await rejection({ topology, weights });
    expect(ShapeError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      "deserializeModel: the weights do not match the model: weight 1 is 'd/bias' of shape [1], " +
        "the manifest has 'd/bias' of shape []",
    );
  });

  test('a manifest shape differing in one size only is refused', async () => {
    // kernel [2, 3] listed as [2, 4] (with the bytes for it): 11 parameters, enough for the 9.
    const { topology } = await savedDense(3);
    topology.weights[0] = { ...topology.weights[0]!, shape: [2, 4], byteLength: 32 };
    topology.weights[1] = { ...topology.weights[1]!, byteOffset: 32 };
    const error = await rejection({ topology, weights: new ArrayBuffer(44) });
    expect(ShapeError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      "deserializeModel: the weights do not match the model: weight 0 is 'd/kernel' of shape [2,3], " +
        "the manifest has 'd/kernel' of shape [2,4]",
    );
  });
});
