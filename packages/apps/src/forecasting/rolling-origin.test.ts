import { expect, test } from 'vitest';
import { rollingOriginEvaluation, seasonalNaiveForecast } from './index.js';

test('every origin of the held-out span sees exactly the observed history before it (expanding window)', async () => {
  const series = [1, 3, 2, 5, 4, 6, 8, 7];
  const seen: number[] = [];
  // A forecaster that records each history's length and forecasts its last value + 1, twice.
  const result = await rollingOriginEvaluation(
    series,
    async (histories) =>
      histories.map((h) => {
        seen.push(h.length);
        const last = h[h.length - 1] as number;
        return [last + 1, last + 1];
      }),
    { testStart: 4, horizon: 2, season: 1 },
  );
  expect(result.origins).toEqual([4, 5, 6]);
  expect(seen).toEqual([4, 5, 6]);
  expect(result.actual).toEqual([
    [4, 6],
    [6, 8],
    [8, 7],
  ]);
  expect(result.forecasts).toEqual([
    [6, 6],
    [5, 5],
    [7, 7],
  ]);
  // |errors| 2 0 1 3 1 0 -> mean 7/6; naive scale of [1, 3, 2, 5]: (2 + 1 + 3) / 3 = 2.
  expect(result.mase).toBeCloseTo(7 / 6 / 2, 12);
  const smape = (2 * 2) / 10 + 0 + (2 * 1) / 11 + (2 * 3) / 13 + (2 * 1) / 15 + 0;
  expect(result.smape).toBeCloseTo((100 * smape) / 6, 12);
  // stride 2: origins 4 and 6 only.
  const strided = await rollingOriginEvaluation(series, seasonalNaiveForecast(1, 2), {
    testStart: 4,
    horizon: 2,
    season: 1,
    stride: 2,
  });
  expect(strided.origins).toEqual([4, 6]);
});

test('seasonal naive repeats the last season; where the pattern repeats exactly its MASE is 0', async () => {
  expect(await seasonalNaiveForecast(3, 5)([[9, 1, 2, 3]])).toEqual([[1, 2, 3, 1, 2]]);
  expect(await seasonalNaiveForecast(1, 2)([[1, 2, 3]])).toEqual([[3, 3]]);
  // The first season is raised by 1 (so the naive scale is not 0), after that the pattern repeats.
  const pattern = Array.from({ length: 24 }, (_, t) => ([1, 4, 2, 8][t % 4] as number) + (t < 4 ? 1 : 0));
  const result = await rollingOriginEvaluation(pattern, seasonalNaiveForecast(4, 3), {
    testStart: 16,
    horizon: 3,
    season: 4,
  });
  expect(result.mase).toBe(0);
});

test('rollingOriginEvaluation refuses a span without room, bad sizes, bad forecasts and unknown options', async () => {
  const naive = seasonalNaiveForecast(1, 1);
  const series = [1, 2, 3, 4];
  await expect(rollingOriginEvaluation(series, naive, { testStart: 4, horizon: 1, season: 1 })).rejects.toThrow(
    'rollingOriginEvaluation: expected testStart + horizon <= series length 4 (room for one forecast), got 4 + 1',
  );
  await expect(rollingOriginEvaluation(series, naive, { testStart: 2, horizon: 0, season: 1 })).rejects.toThrow(
    'rollingOriginEvaluation: expected options.horizon to be a positive integer, got 0',
  );
  await expect(
    rollingOriginEvaluation([1, 2, Number.NaN], naive, { testStart: 1, horizon: 1, season: 1 }),
  ).rejects.toThrow('rollingOriginEvaluation: expected series[2] to be a finite number, got NaN');
  await expect(
    rollingOriginEvaluation(series, async () => [[1, 2]], { testStart: 2, horizon: 1, season: 1 }),
  ).rejects.toThrow('rollingOriginEvaluation: expected forecast to return 2 arrays of 1 values (one per origin)');
  await expect(
    rollingOriginEvaluation(series, naive, { testStart: 2, horizon: 1, season: 1, window: 'sliding' } as never),
  ).rejects.toThrow("rollingOriginEvaluation: expected options.window 'expanding', got sliding");
  await expect(rollingOriginEvaluation(series, naive, { testStart: 2, horizon: 1, m: 1 } as never)).rejects.toThrow(
    "rollingOriginEvaluation: unknown key 'm' in options",
  );
  expect(() => seasonalNaiveForecast(0, 1)).toThrow(
    'seasonalNaiveForecast: expected season to be a positive integer, got 0',
  );
});
