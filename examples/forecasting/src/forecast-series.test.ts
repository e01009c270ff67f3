import { useBackend } from '@baihua/core';
import { beforeAll, expect, test } from 'vitest';
import { forecastSeries } from './forecast-series.js';
import { co2Monthly, nileAnnual, sunspotsAnnual } from './series-data.js';

beforeAll(async () => {
  await useBackend('cpu');
});

test('the three exported series load whole, with CO2 on a monthly grid', () => {
  const co2 = co2Monthly();
  expect(co2.values).toHaveLength(526); // 1958-03 .. 2001-12
  expect(co2.values[0]).toBe(316.1);
  expect(co2.time[co2.time.length - 1]).toBeCloseTo(2001 + 11 / 12, 9);
  const nile = nileAnnual();
  expect([nile.values.length, nile.values[0], nile.time[0]]).toEqual([100, 1120, 1871]);
  const sunspots = sunspotsAnnual();
  expect([sunspots.values.length, sunspots.time[0], sunspots.values[308]]).toEqual([309, 1700, 2.9]);
});

test('a tiny GRU on the Nile beats the seasonal-naive forecaster at horizon 1', async () => {
  const spec = nileAnnual();
  const { model, naive } = await forecastSeries(spec, {
    horizon: 1,
    cell: 'gru',
    inputLength: 10,
    units: 8,
    epochs: 15,
  });
  expect(model.origins).toHaveLength(spec.testLength);
  expect(model.mase).toBeLessThan(0.85);
  expect(model.mase).toBeLessThan(naive.mase);
}, 60_000);

test('the sunspot settings on the Nile: Box-Cox, two seeds averaged, refitted every 10 origins', async () => {
  const spec = nileAnnual();
  const refit = { every: 10, epochs: 3, learningRate: 0.002 };
  const settings = { horizon: 2, cell: 'gru' as const, inputLength: 10, units: 8, epochs: 15 };
  const single = await forecastSeries(spec, settings);
  const { model, naive } = await forecastSeries(spec, { ...settings, boxCox: {}, members: 2, refit });
  expect(model.origins).toHaveLength(spec.testLength - 1);
  expect(model.mase).toBeLessThan(naive.mase);
  // Not the single model's forecasts: the second seed and the fine-tuning changed them.
  expect(model.forecasts[20]?.[0]).not.toBeCloseTo(single.model.forecasts[20]?.[0] as number, 3);
}, 120_000);
