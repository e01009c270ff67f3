import { Dense, type Layer, Sequential, assertKnownOptions, assertOneOf, assertPositiveInteger } from '@baihua/core';
import { GRU, LSTM } from '@baihua/rnn';
import { assertWindowSizes } from './series-checks.js';

/** The recurrent layer of a forecaster. */
export type ForecasterCell = 'lstm' | 'gru';

/** Options of {@link createRecurrentForecaster}. */
export interface RecurrentForecasterOptions {
  /** Past values the model reads. Required, >= 1. */
  inputLength: number;
  /** Future values it outputs at once (direct multi-output). Required, >= 1. */
  horizon: number;
  /** Default 'lstm'. */
  cell?: ForecasterCell;
  /** Hidden units of the recurrent layer. Default 32. */
  units?: number;
  /** Seed of the initial weights. Default 0. */
  seed?: number;
}

/** The keys of {@link RecurrentForecasterOptions}. */
export const recurrentForecasterOptionKeys: readonly string[] = ['inputLength', 'horizon', 'cell', 'units', 'seed'];

/**
 * A direct multi-output recurrent forecaster: x [batch, inputLength, 1] -> LSTM or GRU (units, last
 * state) -> Dense(horizon, linear) -> [batch, horizon], output k the value k + 1 steps after the
 * window. One model for all horizons, no feeding back of its own forecasts (the "direct" strategy).
 * Parameters: 4u(u + 2) + u h + h for the LSTM, 3u(u + 3) + u h + h for the GRU (resetAfter).
 *
 * @example
 * const model = createRecurrentForecaster({ inputLength: 24, horizon: 12, cell: 'gru', units: 32 });
 * model.apply(tf.zeros([8, 24, 1])); // [8, 12]
 *
 * In plain words: read the recent past one step at a time, then say the next h values at once.
 */
export function createRecurrentForecaster(options: RecurrentForecasterOptions): Layer {
  assertKnownOptions('createRecurrentForecaster', 'options', options, recurrentForecasterOptionKeys);
  assertWindowSizes('createRecurrentForecaster', options ?? ({} as RecurrentForecasterOptions));
  const { horizon, cell = 'lstm', units = 32, seed = 0 } = options;
  assertOneOf('createRecurrentForecaster', 'options.cell', cell, ['lstm', 'gru']);
  assertPositiveInteger('createRecurrentForecaster', 'options.units', units);
  const recurrent = cell === 'lstm' ? new LSTM({ units }) : new GRU({ units });
  return new Sequential({ layers: [recurrent, new Dense({ units: horizon })], seed });
}
