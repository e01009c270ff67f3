import { ArgumentError, Layer, assertKnownOptions, predict } from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import { BoxCoxTransform } from './box-cox-transform.js';
import { assertSeries, assertWindowSizes } from './series-checks.js';
import { SeriesScaler } from './series-scaler.js';

/** What a {@link SeriesForecaster} is made of (see {@link trainForecaster}). */
export interface SeriesForecasterParts {
  /** x [batch, inputLength, 1] -> [batch, horizon], in the encoded units below. */
  model: Layer;
  /** Fitted on the training span (on the transformed values where `transform` is given). */
  scaler: SeriesScaler;
  /** A variance-stabilising transform applied before the scaler, fitted on the training span. Default none. */
  transform?: BoxCoxTransform;
  inputLength: number;
  horizon: number;
  /** Inputs and outputs are measured from the window's last scaled value (see the class doc). */
  relativeToLast: boolean;
}

/**
 * A trained forecaster: a model and the encoding it was trained with. Encoding of a window w
 * (the last inputLength values): s = scaler.transform(T(w)), T the Box-Cox `transform` (the
 * identity without one), and forecasts go back through T's inverse; with relativeToLast, inputs s_i - s_last
 * and outputs read as s_last + model(x)_k (the model learns changes from the last value, so a
 * trend carries past the training range); without it, inputs s and outputs read as scaled values.
 * Forecasts come back in the series' own units. `dispose()` frees the model's weights.
 *
 * @example
 * const forecaster = await trainForecaster(train, { inputLength: 24, horizon: 12 });
 * const [next12] = await forecaster.forecast([series.slice(0, origin)]); // 12 numbers
 *
 * In plain words: the trained network together with the ruler and the habits it was taught with.
 */
export class SeriesForecaster {
  readonly model: Layer;
  readonly scaler: SeriesScaler;
  readonly transform: BoxCoxTransform | undefined;
  readonly inputLength: number;
  readonly horizon: number;
  readonly relativeToLast: boolean;

  constructor(parts: SeriesForecasterParts) {
    assertKnownOptions('SeriesForecaster', 'options', parts, [
      'model',
      'scaler',
      'inputLength',
      'horizon',
      'relativeToLast',
      'transform',
    ]);
    assertWindowSizes('SeriesForecaster', parts ?? ({} as SeriesForecasterParts));
    if (!(parts.model instanceof Layer))
      throw new ArgumentError('SeriesForecaster', `expected options.model to be a Layer, got ${typeof parts.model}`);
    if (!(parts.scaler instanceof SeriesScaler))
      throw new ArgumentError(
        'SeriesForecaster',
        `expected options.scaler to be a SeriesScaler, got ${typeof parts.scaler}`,
      );
    if (parts.transform !== undefined && !(parts.transform instanceof BoxCoxTransform))
      throw new ArgumentError(
        'SeriesForecaster',
        `expected options.transform to be a BoxCoxTransform, got ${typeof parts.transform}`,
      );
    this.transform = parts.transform;
    this.model = parts.model;
    this.scaler = parts.scaler;
    this.inputLength = parts.inputLength;
    this.horizon = parts.horizon;
    this.relativeToLast = parts.relativeToLast;
  }

  /** The model's input rows for windows of exactly inputLength raw values, and each row's offset. */
  encodeWindows(windows: readonly (readonly number[])[]): { rows: number[][]; offsets: number[] } {
    const rows: number[][] = [];
    const offsets: number[] = [];
    for (const window of windows) {
      const scaled = this.scaler.transform(this.transform ? this.transform.forward(window) : window);
      const offset = this.relativeToLast ? (scaled[scaled.length - 1] as number) : 0;
      rows.push(scaled.map((v) => v - offset));
      offsets.push(offset);
    }
    return { rows, offsets };
  }

  /**
   * The next `horizon` values after each history (each >= inputLength finite values; only the last
   * inputLength are read): [histories.length][horizon], in the series' units.
   */
  async forecast(histories: readonly (readonly number[])[]): Promise<number[][]> {
    if (!Array.isArray(histories) || histories.length === 0)
      throw new ArgumentError('SeriesForecaster.forecast', 'expected histories to be a non-empty array of series');
    histories.forEach((history, k) => {
      assertSeries('SeriesForecaster.forecast', `histories[${k}]`, history, this.inputLength);
    });
    const { rows, offsets } = this.encodeWindows(histories.map((h) => h.slice(h.length - this.inputLength)));
    const output = tf.tidy(() => {
      const x = tf.tensor3d(rows.map((row) => row.map((v) => [v])));
      return predict(this.model, x);
    });
    const flat = await output.data();
    output.dispose();
    return offsets.map((offset, b) => {
      const scaled = Array.from(flat.subarray(b * this.horizon, (b + 1) * this.horizon), (v) => v + offset);
      const transformed = this.scaler.inverseTransform(scaled);
      return this.transform ? this.transform.inverse(transformed) : transformed;
    });
  }

  /** Frees the model's weights. */
  dispose(): void {
    this.model.dispose();
  }
}
