import { expect, test } from 'vitest';
import { meanAbsoluteScaledError, seasonalNaiveScale, symmetricMape } from './index.js';

// The fixed example of reference/forecast-accuracy-reference.py and the values numpy printed for it.
const train = [
  10.5, 11.968, 11.849, 11.089, 9.903, 9.467, 11.443, 14.225, 14.388, 12.241, 11.13, 12.062, 13.61, 15.135, 16.05,
  14.967, 12.83, 12.963, 15.743, 17.749, 17.308, 16.092, 15.346, 15.252, 16.7, 19.276, 20.02, 17.93, 16.224, 17.252,
];
const actual = [19.1, 21.4, 20.2, 17.5, 16.9, 19.8];
const forecast = [18.7, 21.9, 20.0, 18.4, 16.1, 20.3];

test('MASE and sMAPE match the numpy reference for seasons 1 and 6', () => {
  expect(seasonalNaiveScale(train, 1)).toBeCloseTo(1.286068965517, 10);
  expect(seasonalNaiveScale(train, 6)).toBeCloseTo(1.776083333333, 10);
  expect(meanAbsoluteScaledError(actual, forecast, train, { season: 1 })).toBeCloseTo(0.42765980266, 10);
  expect(meanAbsoluteScaledError(actual, forecast, train, { season: 6 })).toBeCloseTo(0.309670154366, 10);
  expect(symmetricMape(actual, forecast)).toBeCloseTo(2.962845637553, 10);
});

test('hand-computed values: the naive scale, a zero pair in sMAPE, and its 200 % ceiling', () => {
  // |3-1| + |2-3| + |5-2| = 6 over 3 differences; season 2: |2-1| + |5-3| = 3 over 2.
  expect(seasonalNaiveScale([1, 3, 2, 5], 1)).toBe(2);
  expect(seasonalNaiveScale([1, 3, 2, 5], 2)).toBe(1.5);
  expect(meanAbsoluteScaledError([4, 6], [5, 5], [1, 3, 2, 5], { season: 1 })).toBe(0.5);
  // 2*10/210 and 2*5/5 averaged; 0/0 counts 0; opposite signs reach 200 %.
  expect(symmetricMape([100, 0], [110, 5])).toBeCloseTo(((20 / 210 + 2) / 2) * 100, 12);
  expect(symmetricMape([0, 0], [0, 0])).toBe(0);
  expect(symmetricMape([1], [-1])).toBe(200);
});

test('bad input names the function and argument', () => {
  expect(() => seasonalNaiveScale([1, 2], 2)).toThrow(
    'seasonalNaiveScale: expected trainingSpan of at least 3 values, got 2',
  );
  expect(() => seasonalNaiveScale([1, 2, 1, 2], 2)).toThrow(
    'seasonalNaiveScale: expected a training span that changes',
  );
  expect(() => seasonalNaiveScale([1, 2, 3], 0)).toThrow(
    'seasonalNaiveScale: expected season to be a positive integer',
  );
  expect(() => meanAbsoluteScaledError([1, 2], [1], [1, 2, 3], { season: 1 })).toThrow(
    'meanAbsoluteScaledError: expected forecast of 2 values (one per actual), got 1',
  );
  expect(() => meanAbsoluteScaledError([1, Number.NaN], [1, 1], [1, 2, 3], { season: 1 })).toThrow(
    'meanAbsoluteScaledError: expected actual[1] to be a finite number, got NaN',
  );
  expect(() => meanAbsoluteScaledError([1], [1], [1, 2, 3], { seasons: 1 } as never)).toThrow(
    "meanAbsoluteScaledError: unknown key 'seasons' in options (did you mean 'season'?",
  );
  expect(() => symmetricMape([], [])).toThrow('symmetricMape: expected actual of at least 1 values, got 0');
});
