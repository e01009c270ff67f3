import { expect, test } from 'vitest';
import { averageForecasts } from './index.js';

test('averageForecasts takes the mean of every step of every history, members called in turn', async () => {
  const calls: string[] = [];
  const ensemble = averageForecasts([
    async (h) => {
      calls.push(`a${h.length}`);
      return h.map((x) => [x.length, 1]);
    },
    async (h) => {
      calls.push(`b${h.length}`);
      return h.map(() => [2, 4]);
    },
    async (h) => h.map(() => [5, -2]),
  ]);
  // history 1 (length 2): [(2 + 2 + 5) / 3, (1 + 4 - 2) / 3]; history 2 (length 3): [(3 + 2 + 5) / 3, 1].
  const forecasts = await ensemble([
    [1, 2],
    [1, 2, 3],
  ]);
  expect(forecasts[0]?.[0]).toBeCloseTo(3, 12);
  expect(forecasts[0]?.[1]).toBeCloseTo(1, 12);
  expect(forecasts[1]?.[0]).toBeCloseTo(10 / 3, 12);
  expect(forecasts[1]?.[1]).toBeCloseTo(1, 12);
  expect(calls).toEqual(['a2', 'b2']);
  expect(await averageForecasts([async (h) => h.map(() => [7])])([[1]])).toEqual([[7]]);
});

test('averageForecasts refuses no members, non-functions and members that disagree on shape', async () => {
  expect(() => averageForecasts([])).toThrow(
    'averageForecasts: expected members to be a non-empty array of forecast functions',
  );
  expect(() => averageForecasts([async () => [], 3 as never])).toThrow(
    'averageForecasts: expected members[1] to be a function, got number',
  );
  const mismatched = averageForecasts([async (h) => h.map(() => [1, 2]), async (h) => h.map(() => [1])]);
  await expect(mismatched([[1]])).rejects.toThrow(
    'averageForecasts: expected members[1] to return 1 forecasts of equal length, like members[0]',
  );
  const short = averageForecasts([async () => [[1]]]);
  await expect(short([[1], [2]])).rejects.toThrow('averageForecasts: expected members[0] to return 2 forecasts');
});
