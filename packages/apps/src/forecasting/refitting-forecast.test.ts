import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { fineTuneForecaster, refittingForecast, trainForecaster } from './index.js';

/** A sine of period 8 whose amplitude grows after t = 24 (so fine-tuning on later values changes the model). */
const series = Array.from({ length: 34 }, (_, t) => (t < 24 ? 1 : 2) * Math.sin((2 * Math.PI * t) / 8) + 3);
const settings = { inputLength: 6, horizon: 2, units: 4, epochs: 3, learningRate: 0.02, seed: 1 };
const tuning = { epochs: 2, learningRate: 0.01, seed: 2 };

describeEachBackend('forecasting: fine-tuning and refitting', () => {
  test('refittingForecast tunes every `every` values of history, in order of length, as done by hand', async () => {
    await expectNoLeakedTensors(async () => {
      const train = series.slice(0, 20);
      const auto = await trainForecaster(train, settings);
      const manual = await trainForecaster(train, settings);
      try {
        // Histories of lengths 20 .. 27, passed in a shuffled order; every 3: tuned at 23 and 26.
        const lengths = [25, 20, 27, 22, 21, 24, 26, 23];
        const got = await refittingForecast(auto, { every: 3, ...tuning })(lengths.map((n) => series.slice(0, n)));
        const expected = new Map<number, number[]>();
        for (let n = 20; n <= 27; n++) {
          if (n === 23 || n === 26) await fineTuneForecaster(manual, series.slice(0, n), tuning);
          expected.set(n, (await manual.forecast([series.slice(0, n)]))[0] as number[]);
        }
        lengths.forEach((n, k) => {
          (got[k] as number[]).forEach((v, j) => expect(v).toBeCloseTo((expected.get(n) as number[])[j] as number, 4));
        });
        // The tuning changed the forecasts: history 23 without it would differ.
        const untuned = await trainForecaster(train, settings);
        const before = (await untuned.forecast([series.slice(0, 23)]))[0] as number[];
        untuned.dispose();
        expect(Math.abs((before[0] as number) - (expected.get(23) as number[])[0]!)).toBeGreaterThan(1e-4);
      } finally {
        auto.dispose();
        manual.dispose();
      }
    });
  }, 120_000);

  test('fineTuneForecaster lowers the error on the new span and keeps the transform and scaler', async () => {
    await expectNoLeakedTensors(async () => {
      const forecaster = await trainForecaster(series.slice(0, 20), { ...settings, boxCox: {} });
      const { transform, scaler } = forecaster;
      const scale = { ...scaler.parameters };
      const meanError = async () => {
        const origins = Array.from({ length: 34 - 2 - 20 + 1 }, (_, k) => 20 + k);
        const forecasts = await forecaster.forecast(origins.map((o) => series.slice(0, o)));
        const errors = origins.flatMap((o, k) => [0, 1].map((j) => Math.abs(forecasts[k]![j]! - series[o + j]!)));
        return errors.reduce((a, e) => a + e, 0) / errors.length;
      };
      try {
        const before = await meanError();
        expect(await fineTuneForecaster(forecaster, series, { epochs: 30, learningRate: 0.02 })).toBe(forecaster);
        expect(await meanError()).toBeLessThan(before * 0.8);
        expect(forecaster.transform).toBe(transform);
        expect(forecaster.scaler.parameters).toEqual(scale);
      } finally {
        forecaster.dispose();
      }
    });
  }, 120_000);

  test('bad input names the function and argument; a failing call leaks nothing', async () => {
    const forecaster = await trainForecaster(series.slice(0, 20), settings);
    try {
      await expectNoLeakedTensors(async () => {
        for (let repeat = 0; repeat < 2; repeat++) {
          await expect(fineTuneForecaster(forecaster, series.slice(0, 7))).rejects.toThrow(
            'fineTuneForecaster: expected a span of at least inputLength + horizon = 8 values, got 7',
          );
          await expect(fineTuneForecaster(forecaster, [...series.slice(0, 9), Number.NaN])).rejects.toThrow(
            'fineTuneForecaster: expected span[9] to be a finite number, got NaN',
          );
          await expect(fineTuneForecaster(forecaster, series, { epochs: 0 })).rejects.toThrow(
            'fineTuneForecaster: expected options.epochs to be a positive integer, got 0',
          );
          await expect(fineTuneForecaster({} as never, series)).rejects.toThrow(
            'fineTuneForecaster: expected forecaster to be a SeriesForecaster, got object',
          );
          await expect(fineTuneForecaster(forecaster, series, { epoch: 1 } as never)).rejects.toThrow(
            "fineTuneForecaster: unknown key 'epoch' in options (did you mean 'epochs'?",
          );
          await expect(refittingForecast(forecaster, { every: 1 })([series.slice(0, 5)])).rejects.toThrow(
            'refittingForecast: expected histories[0] of at least 6 values, got 5',
          );
        }
      });
      expect(() => refittingForecast(forecaster, { every: 0 })).toThrow(
        'refittingForecast: expected options.every to be a positive integer, got 0',
      );
      expect(() => refittingForecast(forecaster, { every: 2, evry: 1 } as never)).toThrow(
        "refittingForecast: unknown key 'evry' in options",
      );
      expect(() => refittingForecast(null as never, { every: 1 })).toThrow(
        'refittingForecast: expected forecaster to be a SeriesForecaster, got null',
      );
    } finally {
      forecaster.dispose();
    }
  }, 120_000);
});
