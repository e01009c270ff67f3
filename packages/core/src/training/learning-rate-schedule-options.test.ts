// The schedules' refusals with whole messages, each bound at and beyond its end (a missing options
// object, stepDecay's factor 0 and above 1, a negative warm-up).
import { expect, test } from 'vitest';
import { cosineDecay, exponentialDecay, stepDecay } from './learning-rate-schedules.js';

const at = { epoch: 4, step: 40, stepsPerEpoch: 10, totalSteps: 100, initialLearningRate: 1 };

test('stepDecay and exponentialDecay without their options object say which options they need', () => {
  expect(() => stepDecay(undefined as never)).toThrow('stepDecay: expected options { every, factor? }');
  expect(() => exponentialDecay(undefined as never)).toThrow('exponentialDecay: expected options { rate }');
});

test('stepDecay: factor in (0, 1]: 0 and 1.5 refused, the smallest positive and 1 accepted', () => {
  expect(() => stepDecay({ every: 1, factor: 0 })).toThrow('stepDecay: expected factor in (0, 1], got 0');
  expect(() => stepDecay({ every: 1, factor: 1.5 })).toThrow('stepDecay: expected factor in (0, 1], got 1.5');
  expect(() => stepDecay({ every: 1, factor: -0.5 })).toThrow('stepDecay: expected factor in (0, 1], got -0.5');
  expect(stepDecay({ every: 2, factor: 0.5 })(at)).toBe(0.25); // floor(4 / 2) = 2 halvings
  expect(stepDecay({ every: 1, factor: 1 })(at)).toBe(1);
  expect(() => stepDecay({ every: 1.5 })).toThrow('stepDecay: expected every to be a positive integer, got 1.5');
});

test('exponentialDecay: rate 0 refused; cosineDecay: warmupSteps and minimum >= 0', () => {
  expect(() => exponentialDecay({ rate: 0 })).toThrow('exponentialDecay: expected rate in (0, 1], got 0');
  expect(() => cosineDecay({ warmupSteps: -1 })).toThrow('cosineDecay: expected warmupSteps >= 0, got -1');
  expect(() => cosineDecay({ minimum: -0.5 })).toThrow('cosineDecay: expected minimum >= 0, got -0.5');
  expect(cosineDecay({ minimum: 0, warmupSteps: 0 })(at)).toBeCloseTo((1 + Math.cos(0.4 * Math.PI)) / 2, 15);
});
