import { type Activation, assertOneOf, getActivation } from '@baihua/core';

/** The gate activations a gated cell takes: `'sigmoid'` (default) or `'hardSigmoid'`. */
export type RecurrentActivationName = 'sigmoid' | 'hardSigmoid';

/**
 * The gate nonlinearity σ of the LSTM family and the GRU, by name: 'sigmoid' (default; PyTorch,
 * Keras 3) is 1 / (1 + e^-x); 'hardSigmoid' (tfjs-layers' and Keras 2's default) is
 * clip(0.2 x + 0.5, 0, 1), core's `hardSigmoid`. Weights trained with one give other outputs with
 * the other, so a model imported from tfjs-layers names the one it was trained with.
 *
 * @throws ArgumentError naming the cell or layer for any other value.
 * @example
 * resolveRecurrentActivation('LstmCell', 'hardSigmoid'); // { name: 'hardSigmoid', activation: hardSigmoid }
 *
 * In plain words: how softly the gates open and close.
 */
export function resolveRecurrentActivation(
  functionName: string,
  name: RecurrentActivationName | undefined,
): { name: RecurrentActivationName; activation: Activation } {
  const resolved = name ?? 'sigmoid';
  assertOneOf(functionName, 'recurrentActivation', resolved, ['sigmoid', 'hardSigmoid']);
  return { name: resolved, activation: getActivation(resolved, functionName) };
}
