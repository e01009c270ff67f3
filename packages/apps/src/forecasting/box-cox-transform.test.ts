import { expect, test } from 'vitest';
import { BoxCoxTransform, fitBoxCox } from './index.js';

// The fixed series of reference/box-cox-reference.py and the values numpy printed for them.
const skewed = [1.2, 3.5, 2.2, 8.9, 15.1, 4.4, 2.8, 30.5, 11.0, 6.3, 1.9, 22.7, 9.8, 3.1, 5.5, 48.2];
const counts = [0, 5, 11, 16, 23, 36, 58, 29, 20, 10, 8, 3, 0, 0, 2, 11, 27, 47, 63, 60, 39, 28, 26, 22];

test('the maximum-likelihood lambda matches numpy brute force (grid step 1e-5) to 1e-4', () => {
  expect(fitBoxCox(skewed).lambda).toBeCloseTo(-0.14815, 4);
  const shifted = fitBoxCox(counts, { shift: 1 });
  expect(shifted.lambda).toBeCloseTo(0.39502, 4);
  expect(shifted.shift).toBe(1);
});

test('forward and inverse match numpy at a given lambda, at lambda 0 (log) and round-trip', () => {
  const transform = fitBoxCox(skewed, { lambda: -0.14815 });
  const expected = [0.1798812397, 1.1433790028, 0.7441493903, 1.8673710753];
  transform.forward(skewed.slice(0, 4)).forEach((z, i) => expect(z).toBeCloseTo(expected[i] as number, 9));
  const shifted = fitBoxCox(counts, { shift: 1, lambda: 0.39502 });
  const countsExpected = [0, 2.6061528072, 4.2243184958, 5.2208232623];
  shifted.forward(counts.slice(0, 4)).forEach((z, i) => expect(z).toBeCloseTo(countsExpected[i] as number, 9));
  const log = fitBoxCox(skewed, { lambda: 0 });
  const logExpected = [0.1823215568, 1.2527629685, 0.7884573604];
  log.forward(skewed.slice(0, 3)).forEach((z, i) => expect(z).toBeCloseTo(logExpected[i] as number, 9));
  for (const t of [transform, shifted, log, new BoxCoxTransform(1.5, 2)])
    t.inverse(t.forward(counts.map((c) => c + 0.5))).forEach((y, i) =>
      expect(y).toBeCloseTo((counts[i] as number) + 0.5, 9),
    );
});

test('lambda 0.5 with shift 1 is 2 (sqrt(y + 1) - 1); below its range the inverse returns -shift', () => {
  const transform = new BoxCoxTransform(0.5, 1);
  expect(transform.forward([0, 3, 8])).toEqual([0, 2, 4]);
  expect(transform.inverse([0, 2, 4])).toEqual([0, 3, 8]);
  // lambda z + 1 = 0.5 * -3 + 1 < 0: no y maps there.
  expect(transform.inverse([-3])).toEqual([-1]);
});

test('bad input names the function and argument', () => {
  expect(() => fitBoxCox(counts)).toThrow(
    'fitBoxCox: expected trainingSpan + options.shift > 0, got a value of 0 with shift 0',
  );
  expect(() => fitBoxCox([2, 2, 2])).toThrow(
    'fitBoxCox: expected a trainingSpan that varies (to fit lambda), got all 2',
  );
  expect(() => fitBoxCox([1])).toThrow('fitBoxCox: expected trainingSpan of at least 2 values, got 1');
  expect(() => fitBoxCox(skewed, { lambda: 3 })).toThrow('fitBoxCox: expected options.lambda');
  expect(() => fitBoxCox(skewed, { lamda: 1 } as never)).toThrow(
    "fitBoxCox: unknown key 'lamda' in options (did you mean 'lambda'?",
  );
  expect(() => fitBoxCox([1, Number.NaN])).toThrow(
    'fitBoxCox: expected trainingSpan[1] to be a finite number, got NaN',
  );
  expect(() => new BoxCoxTransform(0.5, 1).forward([3, -1])).toThrow(
    'BoxCoxTransform.forward: expected series[1] + shift > 0, got -1 + 1 (raise options.shift)',
  );
  expect(() => new BoxCoxTransform(Number.NaN, 0)).toThrow('BoxCoxTransform: expected lambda to be a finite number');
});
