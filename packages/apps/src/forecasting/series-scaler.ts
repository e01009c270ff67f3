import { ArgumentError, assertKnownOptions, assertOneOf } from '@baihua/core';
import { assertSeries } from './series-checks.js';

/** 'standard': (x - mean) / sd; 'minMax': (x - min) / (max - min), [0, 1] on the fitted span. */
export type ScalerKind = 'standard' | 'minMax';

/** Options of {@link SeriesScaler} and {@link fitScaler}. */
export interface ScalerOptions {
  /** Default 'standard'. */
  kind?: ScalerKind;
}

/**
 * An affine rescaling of a series, x' = (x - shift) / scale, whose shift and scale are learnt by
 * `fit` from one span only (the training span, so no statistic of held-out values leaks into the
 * model). 'standard': shift = mean, scale = population standard deviation (divisor n);
 * 'minMax': shift = min, scale = max - min. A constant span gets scale 1 (only the shift applies).
 * `transform` and `inverseTransform` before `fit` throw.
 *
 * @example
 * const scaler = new SeriesScaler({ kind: 'minMax' }).fit([2, 4, 6]);
 * scaler.transform([4, 8]);        // [0.5, 1.5]: values past the training range leave [0, 1]
 * scaler.inverseTransform([0.5]);  // [4]
 *
 * In plain words: measure the training years with their own ruler, and use that ruler afterwards.
 */
export class SeriesScaler {
  readonly kind: ScalerKind;
  private fitted: { shift: number; scale: number } | undefined;

  constructor(options: ScalerOptions = {}) {
    assertKnownOptions('SeriesScaler', 'options', options, ['kind']);
    this.kind = options.kind ?? 'standard';
    assertOneOf('SeriesScaler', 'options.kind', this.kind, ['standard', 'minMax']);
  }

  /** Learns shift and scale from `series` (>= 1 finite value); returns this. */
  fit(series: readonly number[]): this {
    assertSeries('SeriesScaler.fit', 'series', series);
    const n = series.length;
    let shift: number;
    let spread: number;
    if (this.kind === 'standard') {
      shift = series.reduce((a, v) => a + v, 0) / n;
      spread = Math.sqrt(series.reduce((a, v) => a + (v - shift) ** 2, 0) / n);
    } else {
      shift = Math.min(...series);
      spread = Math.max(...series) - shift;
    }
    this.fitted = { shift, scale: spread > 0 ? spread : 1 };
    return this;
  }

  /** The fitted { shift, scale }; throws before `fit`. */
  get parameters(): { shift: number; scale: number } {
    return this.fittedOrThrow('SeriesScaler.parameters');
  }

  /** (x - shift) / scale for each value. */
  transform(series: readonly number[]): number[] {
    const { shift, scale } = this.fittedOrThrow('SeriesScaler.transform');
    assertSeries('SeriesScaler.transform', 'series', series, 0);
    return Array.from(series, (v) => (v - shift) / scale);
  }

  /** x' * scale + shift for each value: back to the series' own units. */
  inverseTransform(scaled: readonly number[]): number[] {
    const { shift, scale } = this.fittedOrThrow('SeriesScaler.inverseTransform');
    assertSeries('SeriesScaler.inverseTransform', 'scaled', scaled, 0);
    return Array.from(scaled, (v) => v * scale + shift);
  }

  private fittedOrThrow(functionName: string): { shift: number; scale: number } {
    if (!this.fitted)
      throw new ArgumentError(
        functionName,
        `expected a fitted scaler, got one not fitted yet (call fit(trainingSpan) first)`,
      );
    return this.fitted;
  }
}

/**
 * A {@link SeriesScaler} fitted on `trainingSpan`.
 *
 * @example
 * const scaler = fitScaler(series.slice(0, testStart), { kind: 'standard' });
 *
 * In plain words: the ruler, made from the training years only.
 */
export function fitScaler(trainingSpan: readonly number[], options: ScalerOptions = {}): SeriesScaler {
  assertKnownOptions('fitScaler', 'options', options, ['kind']);
  return new SeriesScaler(options).fit(trainingSpan);
}
