import { predict } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { SeriesForecaster, createRecurrentForecaster, fitBoxCox, fitScaler, trainForecaster } from './index.js';

/** Counts with cycles of growing height (zeros included), like sunspot numbers. */
const counts = Array.from({ length: 40 }, (_, t) => Math.round((1 + t / 10) * 20 * Math.max(0, Math.sin(t / 2))));

describeEachBackend('forecasting: a Box-Cox transform in the forecaster', () => {
  test('forecasts decode as the formulas say: Box-Cox, scaler, relative to the last value, and back', async () => {
    await expectNoLeakedTensors(async () => {
      const train = counts.slice(0, 30);
      const transform = fitBoxCox(train, { shift: 1 });
      const scaler = fitScaler(transform.forward(train));
      const model = createRecurrentForecaster({ inputLength: 5, horizon: 2, units: 3, seed: 4 });
      const forecaster = new SeriesForecaster({
        model,
        scaler,
        transform,
        inputLength: 5,
        horizon: 2,
        relativeToLast: true,
      });
      try {
        const history = counts.slice(0, 33);
        const [got] = await forecaster.forecast([history]);
        // By hand: z = ((y + 1)^lambda - 1) / lambda, s = (z - shift) / scale, inputs s - s_last.
        const { lambda } = transform;
        const { shift, scale } = scaler.parameters;
        const s = history.slice(-5).map((y) => (((y + 1) ** lambda - 1) / lambda - shift) / scale);
        const last = s[4] as number;
        const output = tf.tidy(() => predict(model, tf.tensor3d([s.map((v) => [v - last])])));
        const raw = Array.from(await output.data());
        output.dispose();
        const expected = raw.map((v) => Math.max(((v + last) * scale + shift) * lambda + 1, 0) ** (1 / lambda) - 1);
        (got as number[]).forEach((v, k) => expect(v).toBeCloseTo(expected[k] as number, 4));
      } finally {
        forecaster.dispose();
      }
    });
  });

  test('trainForecaster fits the transform and then the scaler on the training span only', async () => {
    await expectNoLeakedTensors(async () => {
      const train = counts.slice(0, 30);
      const options = { inputLength: 5, horizon: 1, units: 3, epochs: 1, boxCox: { shift: 1 } };
      const forecaster = await trainForecaster(train, options);
      try {
        const transform = fitBoxCox(train, { shift: 1 });
        expect(forecaster.transform?.lambda).toBeCloseTo(transform.lambda, 12);
        expect(forecaster.transform?.shift).toBe(1);
        const { shift, scale } = fitScaler(transform.forward(train)).parameters;
        expect(forecaster.scaler.parameters.shift).toBeCloseTo(shift, 12);
        expect(forecaster.scaler.parameters.scale).toBeCloseTo(scale, 12);
        // Fitted on all 40 values the lambda would differ: the held-out span is not looked at.
        expect(Math.abs(fitBoxCox(counts, { shift: 1 }).lambda - transform.lambda)).toBeGreaterThan(1e-3);
        await expect(trainForecaster(train, { ...options, boxCox: {} })).rejects.toThrow(
          'fitBoxCox: expected trainingSpan + options.shift > 0, got a value of 0 with shift 0',
        );
      } finally {
        forecaster.dispose();
      }
    });
  });

  test('SeriesForecaster refuses a transform that is not a BoxCoxTransform', () => {
    const model = createRecurrentForecaster({ inputLength: 2, horizon: 1, units: 2 });
    try {
      const parts = { model, scaler: fitScaler([1, 2, 3]), inputLength: 2, horizon: 1, relativeToLast: false };
      expect(() => new SeriesForecaster({ ...parts, transform: { lambda: 0.5 } as never })).toThrow(
        'SeriesForecaster: expected options.transform to be a BoxCoxTransform, got object',
      );
    } finally {
      model.dispose();
    }
  });
});
