import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { createRecurrentForecaster, fitScaler, forecastChartPng, SeriesForecaster, trainForecaster } from './index.js';

const ramp = Array.from({ length: 30 }, (_, t) => t);

describeEachBackend('forecasting: bad input', () => {
  test('trainForecaster refuses short spans, non-finite values, bad sizes, unknown keys; nothing leaks', async () => {
    await expectNoLeakedTensors(async () => {
      for (let repeat = 0; repeat < 2; repeat++) {
        await expect(trainForecaster([1, 2, 3], { inputLength: 3, horizon: 1 })).rejects.toThrow(
          'trainForecaster: expected trainingSpan of at least inputLength + horizon = 4 values, got 3',
        );
        await expect(trainForecaster([1, Number.NaN, 3, 4], { inputLength: 2, horizon: 1 })).rejects.toThrow(
          'trainForecaster: expected trainingSpan[1] to be a finite number, got NaN',
        );
        await expect(trainForecaster(ramp, { inputLength: 4, horizon: 0 })).rejects.toThrow(
          'trainForecaster: expected options.horizon to be a positive integer, got 0',
        );
        await expect(trainForecaster(ramp, { inputLength: 4, horizon: 1, epoch: 3 } as never)).rejects.toThrow(
          "trainForecaster: unknown key 'epoch' in options (did you mean 'epochs'?",
        );
        await expect(trainForecaster(ramp, { inputLength: 4, horizon: 1, learningRate: -1 })).rejects.toThrow(
          'trainForecaster: expected options.learningRate > 0, got -1',
        );
      }
      expect(() => createRecurrentForecaster({ inputLength: 4, horizon: 1, cell: 'rnn' as never })).toThrow(
        'createRecurrentForecaster: expected options.cell to be one of',
      );
      expect(() => createRecurrentForecaster({ inputLength: 4, horizon: 1, units: 0 })).toThrow(
        'createRecurrentForecaster: expected options.units to be a positive integer, got 0',
      );
    });
  });

  test('SeriesForecaster refuses parts that are not a model, a scaler and window sizes', () => {
    const parts = { model: createRecurrentForecaster({ inputLength: 4, horizon: 1 }), scaler: fitScaler(ramp) };
    expect(() => new SeriesForecaster({ ...parts, inputLength: 4, horizon: 0, relativeToLast: false })).toThrow(
      'SeriesForecaster: expected options.horizon to be a positive integer, got 0',
    );
    expect(
      () => new SeriesForecaster({ ...parts, scaler: {} as never, inputLength: 4, horizon: 1, relativeToLast: false }),
    ).toThrow('SeriesForecaster: expected options.scaler to be a SeriesScaler, got object');
    expect(
      () => new SeriesForecaster({ ...parts, inputLength: 4, horizon: 1, relativeToLast: false, units: 3 } as never),
    ).toThrow("SeriesForecaster: unknown key 'units' in options");
    parts.model.dispose();
  });

  test('forecast refuses histories shorter than the window or holding NaN, and leaves nothing behind', async () => {
    const forecaster = new SeriesForecaster({
      model: createRecurrentForecaster({ inputLength: 4, horizon: 2, units: 4 }),
      scaler: fitScaler(ramp),
      inputLength: 4,
      horizon: 2,
      relativeToLast: true,
    });
    try {
      // Build the weights once, so that the counts below compare like with like.
      const [first] = await forecaster.forecast([ramp]);
      expect(first).toHaveLength(2);
      await expectNoLeakedTensors(async () => {
        for (let repeat = 0; repeat < 2; repeat++) {
          await expect(forecaster.forecast([[1, 2, 3]])).rejects.toThrow(
            'SeriesForecaster.forecast: expected histories[0] of at least 4 values, got 3',
          );
          await expect(forecaster.forecast([ramp, [1, 2, Number.POSITIVE_INFINITY, 4]])).rejects.toThrow(
            'SeriesForecaster.forecast: expected histories[1][2] to be a finite number, got Infinity',
          );
          await expect(forecaster.forecast([])).rejects.toThrow(
            'SeriesForecaster.forecast: expected histories to be a non-empty array of series',
          );
        }
        // relativeToLast: the same window shifted by c forecasts the same values shifted by c.
        const [a, b] = await forecaster.forecast([ramp.slice(0, 10), ramp.slice(0, 10).map((v) => v + 100)]);
        (a ?? []).forEach((v, k) => expect((b ?? [])[k]).toBeCloseTo(v + 100, 3));
      });
    } finally {
      forecaster.dispose();
    }
  });
});

test('forecastChartPng refuses a mismatched x axis, an empty result and unknown options', () => {
  const result = { origins: [3], actual: [[3]], forecasts: [[3.5]], mase: 0, smape: 0 };
  const png = forecastChartPng([0, 1, 2, 3], result, { history: 2, width: 320, height: 200 });
  expect(Array.from(png.slice(1, 4), (c) => String.fromCharCode(c)).join('')).toBe('PNG');
  expect(() => forecastChartPng([0, 1, 2, 3], result, { x: [1, 2] })).toThrow(
    'forecastChartPng: expected options.x of 4 values, got 2',
  );
  expect(() => forecastChartPng([0, 1, 2, 3], { ...result, origins: [], forecasts: [] })).toThrow(
    'forecastChartPng: expected a result with at least one forecast',
  );
  expect(() => forecastChartPng([0, 1, 2, 3], result, { colour: 'red' } as never)).toThrow(
    "forecastChartPng: unknown key 'colour' in options",
  );
});
