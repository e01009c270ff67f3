import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import {
  SeriesForecaster,
  createRecurrentForecaster,
  fitScaler,
  rollingOriginEvaluation,
  seasonalNaiveForecast,
  trainForecaster,
} from './index.js';

/** sin(2 pi t / 10) plus uniform noise in [-0.15, 0.15] from a fixed linear congruential generator. */
function noisySine(length: number): number[] {
  let state = 12345;
  return Array.from({ length }, (_, t) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.sin((2 * Math.PI * t) / 10) + 0.3 * (state / 2147483648 - 0.5);
  });
}

describeEachBackend('forecasting: recurrent forecasters', (backend) => {
  // webgpu runs on SwiftShader here: fewer values and epochs, the same claims.
  const tiny = backend === 'webgpu';
  const length = tiny ? 50 : 80;
  const testStart = length - 16;
  const settings = { inputLength: 10, horizon: 2, units: 8, epochs: tiny ? 15 : 40, learningRate: 0.02, seed: 3 };

  for (const cell of ['lstm', 'gru'] as const) {
    test(`a trained ${cell.toUpperCase()} beats seasonal naive and its untrained self on a noisy sine`, async () => {
      const series = noisySine(length);
      const train = series.slice(0, testStart);
      const options = { testStart, horizon: 2, season: 1 };
      await expectNoLeakedTensors(async () => {
        const trained = await trainForecaster(train, { ...settings, cell });
        const untrained = new SeriesForecaster({
          model: createRecurrentForecaster({ cell, horizon: 2, inputLength: 10, units: 8, seed: 3 }),
          scaler: fitScaler(train),
          inputLength: 10,
          horizon: 2,
          relativeToLast: false,
        });
        try {
          const model = await rollingOriginEvaluation(series, (h) => trained.forecast(h), options);
          const before = await rollingOriginEvaluation(series, (h) => untrained.forecast(h), options);
          const naive = await rollingOriginEvaluation(series, seasonalNaiveForecast(1, 2), options);
          expect(model.origins).toHaveLength(15);
          expect(naive.mase).toBeGreaterThan(1);
          expect(model.mase).toBeLessThan(0.45);
          expect(model.mase).toBeLessThan(before.mase / 3);
        } finally {
          trained.dispose();
          untrained.dispose();
        }
      });
    }, 120_000);
  }
});
