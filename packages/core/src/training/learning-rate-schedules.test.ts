import { expect, test } from 'vitest';
import {
  constantRate,
  cosineDecay,
  exponentialDecay,
  stepDecay,
  type ScheduleContext,
} from './learning-rate-schedules.js';

const at = (step: number, epoch = Math.floor(step / 10)): ScheduleContext => ({
  epoch,
  step,
  stepsPerEpoch: 10,
  totalSteps: 100,
  initialLearningRate: 0.1,
});

test('stepDecay: lr0 * factor^floor(epoch / every)', () => {
  const schedule = stepDecay({ every: 3, factor: 0.5 });
  expect([0, 2, 3, 6].map((e) => schedule(at(e * 10, e)))).toEqual([0.1, 0.1, 0.05, 0.025]);
});

test('exponentialDecay: lr0 * rate^(step / stepsPerEpoch)', () => {
  expect(exponentialDecay({ rate: 0.5 })(at(20))).toBeCloseTo(0.025, 12);
  expect(exponentialDecay({ rate: 0.5 })(at(5))).toBeCloseTo(0.1 * Math.SQRT1_2, 12);
});

test('cosineDecay: from lr0 to the minimum along half a cosine, after a linear warm-up', () => {
  const plain = cosineDecay();
  expect(plain(at(0))).toBeCloseTo(0.1, 12);
  expect(plain(at(50))).toBeCloseTo(0.05, 12);
  expect(plain(at(100))).toBeCloseTo(0, 12);
  const warm = cosineDecay({ minimum: 0.01, warmupSteps: 10 });
  expect(warm(at(4))).toBeCloseTo(0.05, 12);
  expect(warm(at(10))).toBeCloseTo(0.1, 12);
  expect(warm(at(55))).toBeCloseTo(0.055, 12);
  expect(constantRate(0.3)(at(7))).toBe(0.3);
});

test('bad options', () => {
  expect(() => stepDecay({ every: 0 })).toThrow(/stepDecay: expected every to be a positive integer, got 0/);
  expect(() => exponentialDecay({ rate: 1.5 })).toThrow(/exponentialDecay: expected rate in \(0, 1\], got 1.5/);
  expect(() => cosineDecay({ minimum: -1 })).toThrow(/cosineDecay: expected minimum >= 0, got -1/);
  expect(() => constantRate(0)).toThrow(/constantRate: expected rate > 0, got 0/);
});
