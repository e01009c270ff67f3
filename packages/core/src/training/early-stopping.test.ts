// earlyStopping driven directly with made-up epoch logs (no training): the epoch at which it stops
// is worked out by hand for each mode, patience and minDelta, including values exactly at
// best - minDelta (no improvement) and just past it.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { useBackend } from '../backends/use-backend.js';
import { Dense } from '../layers/dense.js';
import type { Layer } from '../layers/layer.js';
import type { TrainingControl } from './callbacks.js';
import { earlyStopping, type EarlyStoppingOptions } from './early-stopping.js';
import { History } from './history.js';

/** Feeds `values` of `monitor` epoch by epoch; returns the 0-based epoch at which it asked to stop. */
function stopEpoch(options: EarlyStoppingOptions, values: number[], monitor = options.monitor ?? 'valLoss') {
  const callback = earlyStopping(options);
  let stoppedAt: number | undefined;
  let epoch = 0;
  const control: TrainingControl = {
    model: {} as Layer,
    stopTraining: () => {
      stoppedAt ??= epoch;
    },
  };
  callback.onTrainBegin?.(control);
  for (; epoch < values.length && stoppedAt === undefined; epoch++)
    callback.onEpochEnd?.(epoch, { [monitor]: values[epoch] as number }, control);
  return stoppedAt;
}

describe('earlyStopping (cpu)', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  test('default: valLoss, mode min, patience 5, minDelta 0', () => {
    // Best 1 at epoch 0; epochs 1-5 do not improve (an equal value is no improvement): stop at 5.
    expect(stopEpoch({}, [1, 1, 2, 1.5, 1, 3, 0.5])).toBe(5);
    // An improvement at epoch 4 resets the count: epochs 5-9 without improvement, stop at 9.
    expect(stopEpoch({}, [1, 2, 2, 2, 0.5, 1, 1, 1, 1, 1, 0])).toBe(9);
    // Four epochs without improvement are not enough.
    expect(stopEpoch({}, [1, 2, 2, 2, 2])).toBeUndefined();
  });

  test('patience 0 and 1 stop at the first epoch without improvement, patience 2 at the second', () => {
    expect(stopEpoch({ patience: 0 }, [3, 2, 1, 1, 0])).toBe(3);
    expect(stopEpoch({ patience: 1 }, [3, 2, 2.5, 1, 0])).toBe(2);
    expect(stopEpoch({ patience: 2 }, [3, 2, 2.5, 2.5, 0])).toBe(3);
  });

  test('minDelta: a change of exactly minDelta is no improvement; a larger one is', () => {
    // min mode, minDelta 0.25: from 1, 0.75 is not better (needs < 0.75), 0.5 is.
    expect(stopEpoch({ patience: 0, minDelta: 0.25 }, [1, 0.75])).toBe(1);
    expect(stopEpoch({ patience: 0, minDelta: 0.25 }, [1, 0.5, 0.125, 0.125])).toBe(3);
    expect(stopEpoch({ patience: 0, minDelta: 0 }, [1, 0.875, 0.75, 0.75])).toBe(3);
    // max mode, minDelta 0.25: from 0.5, 0.75 is not better (needs > 0.75), 1 is.
    expect(stopEpoch({ monitor: 'score', mode: 'max', patience: 0, minDelta: 0.25 }, [0.5, 0.75])).toBe(1);
    expect(stopEpoch({ monitor: 'score', mode: 'max', patience: 0, minDelta: 0.25 }, [0.5, 1, 1.5, 1.5])).toBe(3);
  });

  test("mode: 'max' by default for a monitor containing 'ccuracy', 'min' otherwise; an explicit mode wins", () => {
    const rising = [0.5, 0.6, 0.7, 0.8];
    expect(stopEpoch({ monitor: 'valAccuracy', patience: 0 }, rising)).toBeUndefined();
    expect(stopEpoch({ monitor: 'accuracy', patience: 0 }, rising)).toBeUndefined();
    expect(stopEpoch({ monitor: 'accuracy', patience: 0 }, [0.5, 0.4])).toBe(1);
    expect(stopEpoch({ monitor: 'valLoss', patience: 0 }, rising)).toBe(1);
    expect(stopEpoch({ monitor: 'valAccuracy', mode: 'min', patience: 0 }, rising)).toBe(1);
    expect(stopEpoch({ monitor: 'valLoss', mode: 'max', patience: 0 }, rising)).toBeUndefined();
  });

  test('onTrainBegin starts over: a second run does not inherit the best value', () => {
    const callback = earlyStopping({ patience: 1 });
    let stops = 0;
    const control: TrainingControl = { model: {} as Layer, stopTraining: () => void stops++ };
    const run = (values: number[]) => {
      callback.onTrainBegin?.(control);
      for (const [epoch, value] of values.entries()) callback.onEpochEnd?.(epoch, { valLoss: value }, control);
    };
    run([0.5, 1]);
    expect(stops).toBe(1);
    run([2, 1.5]); // 2 would be no improvement on the first run's 0.5
    expect(stops).toBe(1);
  });

  test("restoreBestWeights puts back the best epoch's weights at the end and keeps no copy", async () => {
    const model = new Dense({ units: 1, useBias: false, kernelInitializer: 'zeros' });
    model.ensureBuilt([1, 2]);
    const set = (a: number, b: number) => {
      const kernel = tf.tensor2d([[a], [b]]);
      model.setWeights([kernel]);
      kernel.dispose();
    };
    const before = tf.memory().numTensors;
    const callback = earlyStopping({ patience: 3, restoreBestWeights: true });
    const control: TrainingControl = { model, stopTraining: () => {} };
    callback.onTrainBegin?.(control);
    const epochs: [number, number, number][] = [
      [1, 2, 0.5],
      [3, 4, 0.25],
      [5, 6, 0.375],
    ];
    for (const [epoch, [a, b, valLoss]] of epochs.entries()) {
      set(a, b);
      callback.onEpochEnd?.(epoch, { valLoss }, control);
    }
    expect(tf.memory().numTensors).toBe(before + 1); // the copy of epoch 1's weights
    callback.onTrainEnd?.(new History(), control);
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(await model.weight('kernel').read().data())).toEqual([3, 4]);
    // Without restoreBestWeights the weights stay those of the last epoch, and no copy is taken.
    const plain = earlyStopping({ patience: 3 });
    plain.onTrainBegin?.(control);
    set(1, 1);
    plain.onEpochEnd?.(0, { valLoss: 0.5 }, control);
    set(2, 2);
    plain.onEpochEnd?.(1, { valLoss: 1 }, control);
    expect(tf.memory().numTensors).toBe(before);
    plain.onTrainEnd?.(new History(), control);
    expect(Array.from(await model.weight('kernel').read().data())).toEqual([2, 2]);
    model.dispose();
  });

  test('a run that ended without onTrainEnd (an error) has its copy freed by the next onTrainBegin', () => {
    const model = new Dense({ units: 1, kernelInitializer: 'ones' });
    model.ensureBuilt([1, 2]);
    const before = tf.memory().numTensors;
    const callback = earlyStopping({ restoreBestWeights: true });
    const control: TrainingControl = { model, stopTraining: () => {} };
    callback.onTrainBegin?.(control);
    callback.onEpochEnd?.(0, { valLoss: 1 }, control);
    callback.onEpochEnd?.(1, { valLoss: 0.5 }, control); // the earlier copy is freed on improvement
    expect(tf.memory().numTensors).toBe(before + 2); // kernel and bias
    callback.onTrainBegin?.(control);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  test('bad options and a monitor missing from the logs are refused with whole messages', () => {
    expect(() => earlyStopping({ patience: -1 })).toThrow('earlyStopping: expected patience >= 0, got -1');
    expect(() => earlyStopping({ minDelta: -0.5 })).toThrow('earlyStopping: expected minDelta >= 0, got -0.5');
    expect(() => earlyStopping(null as never)).toThrow('earlyStopping: expected options to be an object, got null');
    const callback = earlyStopping({ monitor: 'valAccuracy' });
    const control: TrainingControl = { model: {} as Layer, stopTraining: () => {} };
    callback.onTrainBegin?.(control);
    expect(() => callback.onEpochEnd?.(0, { loss: 1, accuracy: 0.5 }, control)).toThrow(
      "earlyStopping: monitor 'valAccuracy' is not among the epoch logs (loss, accuracy)",
    );
  });
});
