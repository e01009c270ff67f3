// stepObserver on its own (survivors of the training-step mutation part): no observer unless a
// callback defines onStep; every watching callback sees each step with the control, the global step
// counted from 0; a step computed without keepRaw is refused by name.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend } from '../testing.js';
import type { Layer } from '../layers/layer.js';
import type { TrainingCallbacks, TrainingControl } from './callbacks.js';
import type { ComputedStep } from './step-computation.js';
import { stepObserver } from './step-tensors.js';

const control: TrainingControl = { model: {} as Layer, stopTraining: () => undefined };

describeEachBackend('stepObserver', () => {
  test('stepObserver: undefined without an onStep; each watcher sees every step; keepRaw is required', () => {
    expect(stepObserver([], control)).toBeUndefined();
    expect(stepObserver([{ onEpochEnd: () => undefined }, {}], control)).toBeUndefined();
    const seen: { who: string; epoch: number; batch: number; step: number; control: TrainingControl }[] = [];
    const watcher = (who: string): TrainingCallbacks => ({
      onStep: (tensors, given) => {
        seen.push({ who, epoch: tensors.epoch, batch: tensors.batch, step: tensors.step, control: given });
        expect(tensors.gradients).toBe(computed.raw?.gradients);
        expect(tensors.predictions).toBe(computed.raw?.predictions);
        expect(tensors.labels).toBe(labels);
        expect(tensors.loss).toBe(computed.loss);
      },
    });
    const loss = tf.scalar(0.5);
    const labels = [tf.tensor1d([1])];
    const computed = { loss, raw: { gradients: [], predictions: [] } } as unknown as ComputedStep;
    try {
      const observer = stepObserver([watcher('a'), { onBatchEnd: () => undefined }, watcher('b')], control);
      observer?.observe(computed, 0, 0, labels);
      observer?.observe(computed, 0, 1, labels);
      observer?.observe(computed, 3, 0, labels);
      expect(seen.map(({ who, epoch, batch, step }) => [who, epoch, batch, step])).toEqual([
        ['a', 0, 0, 0],
        ['b', 0, 0, 0],
        ['a', 0, 1, 1],
        ['b', 0, 1, 1],
        ['a', 3, 0, 2],
        ['b', 3, 0, 2],
      ]);
      expect(seen.every((s) => s.control === control)).toBe(true);
      // A second observer counts its own steps from 0.
      const again = stepObserver([watcher('c')], control);
      again?.observe(computed, 5, 2, labels);
      expect(seen.at(-1)).toMatchObject({ who: 'c', epoch: 5, batch: 2, step: 0 });
      expect(() => again?.observe({ loss } as unknown as ComputedStep, 0, 0, labels)).toThrow(
        'stepObserver: the step was computed without keepRaw',
      );
    } finally {
      tf.dispose([loss, ...labels]);
    }
  });
});
