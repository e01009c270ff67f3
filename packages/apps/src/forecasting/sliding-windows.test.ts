import { expect, test } from 'vitest';
import { fitScaler, SeriesScaler, slidingWindows } from './index.js';

test('slidingWindows cuts every (inputs, targets) pair, with and without a stride', () => {
  expect(slidingWindows([1, 2, 3, 4, 5], { inputLength: 2, horizon: 2 })).toEqual({
    inputs: [
      [1, 2],
      [2, 3],
    ],
    targets: [
      [3, 4],
      [4, 5],
    ],
    origins: [2, 3],
  });
  // n = 9, L = 3, h = 1, stride 2: origins 3, 5, 7 (floor((9 - 3 - 1) / 2) + 1 = 3 windows).
  const strided = slidingWindows([0, 1, 2, 3, 4, 5, 6, 7, 8], { inputLength: 3, horizon: 1, stride: 2 });
  expect(strided.origins).toEqual([3, 5, 7]);
  expect(strided.inputs[2]).toEqual([4, 5, 6]);
  expect(strided.targets).toEqual([[3], [5], [7]]);
  // Exactly inputLength + horizon values: one window.
  expect(slidingWindows([1, 2, 3], { inputLength: 2, horizon: 1 }).origins).toEqual([2]);
});

test('slidingWindows refuses short series, non-finite values, bad sizes and unknown options', () => {
  expect(() => slidingWindows([1, 2, 3], { inputLength: 3, horizon: 1 })).toThrow(
    'slidingWindows: expected series of at least inputLength + horizon = 4 values, got 3',
  );
  expect(() => slidingWindows([1, Number.POSITIVE_INFINITY, 3], { inputLength: 1, horizon: 1 })).toThrow(
    'slidingWindows: expected series[1] to be a finite number, got Infinity (fill or drop missing values first)',
  );
  expect(() => slidingWindows([1, 2, 3], { inputLength: 1, horizon: 0 })).toThrow(
    'slidingWindows: expected options.horizon to be a positive integer, got 0',
  );
  expect(() => slidingWindows([1, 2, 3], { inputLength: 1.5, horizon: 1 })).toThrow(
    'slidingWindows: expected options.inputLength to be a positive integer, got 1.5',
  );
  expect(() => slidingWindows([1, 2, 3], { inputLength: 1, horizon: 1, window: 2 } as never)).toThrow(
    "slidingWindows: unknown key 'window' in options",
  );
  expect(() => slidingWindows('123' as never, { inputLength: 1, horizon: 1 })).toThrow(
    'slidingWindows: expected series to be an array of numbers, got string',
  );
});

test('the scalers learn from the training span only and invert exactly', () => {
  const standard = fitScaler([2, 4, 6, 8]); // mean 5, population sd sqrt(5)
  expect(standard.parameters.shift).toBe(5);
  expect(standard.parameters.scale).toBeCloseTo(Math.sqrt(5), 12);
  expect(standard.transform([5, 10])[1]).toBeCloseTo(5 / Math.sqrt(5), 12);
  const minMax = new SeriesScaler({ kind: 'minMax' }).fit([2, 4, 6]);
  // A held-out value past the training range leaves [0, 1] instead of moving the ruler.
  expect(minMax.transform([4, 8, 0])).toEqual([0.5, 1.5, -0.5]);
  expect(minMax.inverseTransform([0.5, 1.5])).toEqual([4, 8]);
  expect(fitScaler([3, 3], { kind: 'minMax' }).transform([4])).toEqual([1]); // constant span: scale 1
});

test('a scaler refuses use before fitting, unknown kinds and options, and non-finite values', () => {
  const scaler = new SeriesScaler();
  expect(() => scaler.transform([1])).toThrow(
    'SeriesScaler.transform: expected a fitted scaler, got one not fitted yet (call fit(trainingSpan) first)',
  );
  expect(() => scaler.inverseTransform([1])).toThrow('SeriesScaler.inverseTransform: expected a fitted scaler');
  expect(() => new SeriesScaler({ kind: 'robust' as never })).toThrow(
    'SeriesScaler: expected options.kind to be one of',
  );
  expect(() => fitScaler([1, 2], { type: 'minMax' } as never)).toThrow("fitScaler: unknown key 'type' in options");
  expect(() => fitScaler([1, Number.NaN])).toThrow(
    'SeriesScaler.fit: expected series[1] to be a finite number, got NaN',
  );
  expect(() => fitScaler([])).toThrow('SeriesScaler.fit: expected series of at least 1 values, got 0');
});
