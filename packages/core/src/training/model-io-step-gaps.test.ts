// How training calls a model (survivors of the training-step mutation part): the names a graph Model
// declares and the refusal of malformed ones, a list of inputs only for a model that says exactly
// `takesInputList: true`, the training flag passed through, and the shapes a model is built for.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend } from '../testing.js';
import type { Layer } from '../layers/layer.js';
import { ensureModelBuilt, modelInputOutputNames, runModel, takesInputList } from './model-io.js';

/** A stand-in model that records how it was called. */
function recordingModel(extra: Record<string, unknown> = {}) {
  const calls: { input: unknown; training: unknown }[] = [];
  const built: unknown[] = [];
  const model = {
    name: 'recorder',
    applyMulti(input: unknown, options: { training?: boolean }) {
      calls.push({ input, training: options.training });
      return [tf.scalar(1)];
    },
    ensureBuilt(shape: unknown) {
      built.push(shape);
    },
    ...extra,
  };
  return { model: model as unknown as Layer, calls, built };
}

test('modelInputOutputNames: the declared names; none for a plain layer; malformed names are refused', () => {
  const named = recordingModel({ inputNames: ['a', 'b'], outputNames: ['y'] }).model;
  expect(modelInputOutputNames(named)).toEqual({ inputNames: ['a', 'b'], outputNames: ['y'] });
  expect(modelInputOutputNames(recordingModel({ outputNames: [] }).model)).toEqual({
    inputNames: undefined,
    outputNames: [],
  });
  expect(() => modelInputOutputNames(recordingModel({ inputNames: 'a' }).model)).toThrow(
    'modelInputOutputNames: expected model.inputNames to be an array of strings',
  );
  expect(() => modelInputOutputNames(recordingModel({ inputNames: ['a'], outputNames: ['y', 2] }).model)).toThrow(
    'modelInputOutputNames: expected model.outputNames to be an array of strings',
  );
  // Present but undefined is malformed too (the key is there).
  expect(() => modelInputOutputNames(recordingModel({ outputNames: undefined }).model)).toThrow(
    'modelInputOutputNames: expected model.outputNames to be an array of strings',
  );
});

describeEachBackend('runModel', () => {
  test('runModel: the list only for `takesInputList: true` exactly, else one tensor; training passed on', () => {
    const [a, b] = [tf.tensor1d([1]), tf.tensor1d([2])];
    try {
      for (const [extra, list] of [
        [{}, false],
        [{ takesInputList: 1 }, false],
        [{ takesInputList: 'yes' }, false],
        [{ takesInputList: false }, false],
        [{ takesInputList: true }, true],
      ] as const) {
        const { model, calls, built } = recordingModel(extra);
        expect(takesInputList(model)).toBe(list);
        tf.dispose(runModel(model, [a, b], true));
        tf.dispose(runModel(model, [a, b], false));
        expect(calls).toEqual([
          { input: list ? [a, b] : a, training: true },
          { input: list ? [a, b] : a, training: false },
        ]);
        ensureModelBuilt(model, [
          [4, 2],
          [4, 3],
        ]);
        expect(built).toEqual([
          list
            ? [
                [4, 2],
                [4, 3],
              ]
            : [4, 2],
        ]);
      }
    } finally {
      tf.dispose([a, b]);
    }
  });
});
