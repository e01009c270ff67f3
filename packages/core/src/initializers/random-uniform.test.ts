import { expect, test } from 'vitest';
import { createRandom } from '../random/seeded-random.js';
import { resolveInitializer } from './initializer.js';
import { randomUniform } from './random-uniform.js';

test('randomUniform: values in [minval, maxval], spread over the range, the same for the same seed', () => {
  const values = Array.from(randomUniform()([50, 40], createRandom(3)));
  expect(Math.min(...values)).toBeGreaterThanOrEqual(-0.05);
  expect(Math.max(...values)).toBeLessThanOrEqual(0.05);
  // 2,000 draws: the mean is near 0 and both ends of the range are reached closely.
  expect(Math.abs(values.reduce((s, v) => s + v, 0) / values.length)).toBeLessThan(0.003);
  expect(Math.min(...values)).toBeLessThan(-0.049);
  expect(Math.max(...values)).toBeGreaterThan(0.049);
  const wide = Array.from(resolveInitializer({ name: 'randomUniform', minval: 2, maxval: 3 })([100], createRandom(1)));
  expect(wide.every((v) => v >= 2 && v <= 3)).toBe(true);
  expect(wide).toEqual(Array.from(randomUniform({ minval: 2, maxval: 3 })([100], createRandom(1))));
});

test('randomUniform: bad bounds and spec keys are refused', () => {
  expect(() => randomUniform({ minval: 1, maxval: 1 })).toThrow(
    /^randomUniform: expected minval < maxval, got minval 1, maxval 1$/,
  );
  expect(() => randomUniform({ maxval: Number.POSITIVE_INFINITY })).toThrow(
    /^randomUniform: expected maxval to be a finite number, got Infinity$/,
  );
  expect(() => resolveInitializer({ name: 'randomUniform', min: 0 })).toThrow(
    /randomUniform: unknown key 'min' in the initializer spec/,
  );
});
