// Every learning-rate schedule just before, at and just after each of its boundaries (a step
// boundary, the end of warm-up, the end of the run and beyond it, the floor), against values
// computed by hand; then the rates fit really sets on the optimiser, batch by batch.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { Dense } from '../layers/index.js';
import { Sgd } from '../optimizers/index.js';
import { describeEachBackend } from '../testing.js';
import { fit } from './fit.js';
import {
  constantRate,
  cosineDecay,
  exponentialDecay,
  readLearningRate,
  stepDecay,
  type LearningRateSchedule,
  type ScheduleContext,
} from './learning-rate-schedules.js';

/** Step `step` of a run of 10 epochs of 10 steps, lr0 = 0.8 (a power of two times 0.1: exact halvings). */
const at = (step: number): ScheduleContext => ({
  epoch: Math.floor(step / 10),
  step,
  stepsPerEpoch: 10,
  totalSteps: 100,
  initialLearningRate: 0.8,
});

test('stepDecay: lr0 until the last step before the boundary epoch, then times factor, per boundary', () => {
  const halving = stepDecay({ every: 3, factor: 0.5 });
  // epochs 2 (below), 3 (at), 4 (above) the first boundary; 5, 6 around the second; 9, after the last.
  expect([29, 30, 31, 59, 60, 99].map((s) => halving(at(s)))).toEqual([0.8, 0.4, 0.4, 0.4, 0.2, 0.1]);
  const tenth = stepDecay({ every: 1 }); // default factor 0.1
  expect(tenth(at(9))).toBe(0.8);
  expect(tenth(at(10))).toBeCloseTo(0.08, 15);
  expect(tenth(at(20))).toBeCloseTo(0.008, 15);
  expect(stepDecay({ every: 2, factor: 1 })(at(99))).toBe(0.8); // factor 1: no decay at any boundary
});

test('exponentialDecay: exactly lr0 at step 0, rate per whole epoch, smooth in between', () => {
  const halving = exponentialDecay({ rate: 0.5 });
  expect(halving(at(0))).toBe(0.8);
  expect(halving(at(1))).toBeCloseTo(0.8 * 0.5 ** 0.1, 15);
  expect(halving(at(10))).toBe(0.4);
  expect(halving(at(15))).toBeCloseTo(0.4 * Math.SQRT1_2, 15);
  expect(halving(at(30))).toBe(0.1);
  expect(exponentialDecay({ rate: 1 })(at(99))).toBe(0.8); // rate 1: constant
});

test('cosineDecay: linear warm-up to lr0, lr0 at its end, half a cosine to the floor, the floor after the run', () => {
  const schedule = cosineDecay({ minimum: 0.2, warmupSteps: 10 });
  expect(schedule(at(0))).toBeCloseTo(0.08, 15); // lr0 (step + 1) / warmup
  expect(schedule(at(8))).toBeCloseTo(0.72, 15);
  expect(schedule(at(9))).toBe(0.8); // the last warm-up step reaches lr0
  expect(schedule(at(10))).toBeCloseTo(0.8, 15); // the first decay step: p = 0
  // p = 1/90: 0.2 + 0.6 (1 + cos(pi / 90)) / 2
  expect(schedule(at(11))).toBeCloseTo(0.2 + 0.3 * (1 + Math.cos(Math.PI / 90)), 15);
  expect(schedule(at(55))).toBeCloseTo(0.5, 15); // half way: the mean of lr0 and the floor
  expect(schedule(at(99))).toBeGreaterThan(0.2);
  expect(schedule(at(100))).toBeCloseTo(0.2, 15); // the end of the run: the floor
  expect(schedule(at(150))).toBeCloseTo(0.2, 15); // past the end: still the floor, never below
  for (let s = 10; s <= 120; s++) expect(schedule(at(s))).toBeGreaterThanOrEqual(0.2 - 1e-15); // the floor holds
  const noWarmup = cosineDecay();
  expect(noWarmup(at(0))).toBe(0.8);
  expect(noWarmup(at(100))).toBeCloseTo(0, 15);
  // a run no longer than the warm-up: still finite
  expect(cosineDecay({ warmupSteps: 100 })(at(99))).toBe(0.8);
  expect(cosineDecay({ warmupSteps: 100 })(at(100))).toBe(0.8);
});

test('constantRate: the same rate at every step, whatever lr0 was', () => {
  const schedule = constantRate(0.3);
  expect([0, 9, 10, 99, 1000].map((s) => schedule(at(s)))).toEqual([0.3, 0.3, 0.3, 0.3, 0.3]);
});

test('readLearningRate: the smallest positive rate passes; 0, negative, NaN and Infinity are refused', () => {
  const returning =
    (value: number): LearningRateSchedule =>
    () =>
      value;
  expect(readLearningRate('fit', returning(Number.MIN_VALUE), at(0))).toBe(Number.MIN_VALUE);
  for (const bad of [0, -1e-12, Number.NaN, Number.POSITIVE_INFINITY])
    expect(() => readLearningRate('fit', returning(bad), at(4))).toThrow(
      `fit: expected the learningRate schedule to return a finite number > 0, got ${bad} at epoch 1, step 5`,
    );
});

describeEachBackend('fit sets the scheduled rate before every step', () => {
  test('stepDecay and cosineDecay across epoch and warm-up boundaries (7 rows, batches of 3)', async () => {
    const x = tf.tensor2d([1, 2, 3, 4, 5, 6, 7], [7, 1]);
    const y = tf.tensor2d([1, 0, 1, 0, 1, 0, 1], [7, 1]);
    const mse = (labels: tf.Tensor, predictions: tf.Tensor) =>
      tf.losses.meanSquaredError(labels, predictions) as tf.Scalar;
    const ratesOf = async (learningRate: LearningRateSchedule) => {
      const model = new Dense({ units: 1, seed: 3 });
      const optimizer = new Sgd({ learningRate: 0.4 });
      const rates: number[] = [];
      const onBatchEnd = () => {
        rates.push(optimizer.learningRate);
      };
      const options = { loss: mse, optimizer, learningRate, epochs: 3, batchSize: 3, progress: 'none' } as const;
      await fit(model, { x, y }, { ...options, callbacks: { onBatchEnd } });
      model.dispose();
      return rates;
    };
    // 3 steps per epoch (the last batch holds one row): boundaries after steps 3 and 6.
    expect(await ratesOf(stepDecay({ every: 1, factor: 0.5 }))).toEqual([0.4, 0.4, 0.4, 0.2, 0.2, 0.2, 0.1, 0.1, 0.1]);
    const cosine = await ratesOf(cosineDecay({ minimum: 0.1, warmupSteps: 3 }));
    const expected = [
      0.4 / 3,
      0.8 / 3,
      0.4,
      0.4,
      ...[1, 2, 3, 4, 5].map((k) => 0.1 + 0.15 * (1 + Math.cos((Math.PI * k) / 6))),
    ];
    cosine.forEach((rate, i) => expect(rate).toBeCloseTo(expected[i] as number, 12));
    tf.dispose([x, y]);
  });
});
