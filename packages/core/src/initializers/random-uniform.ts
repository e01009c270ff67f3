import { assertFiniteNumber } from '../checks/value-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import { assertSpecKeys, registerInitializer, shapeSize, type Initializer } from './initializer.js';

/** Options of {@link randomUniform}. */
export interface RandomUniformOptions {
  /** Lower bound (inclusive). Default -0.05, as Keras' RandomUniform. */
  minval?: number;
  /** Upper bound. Default 0.05. */
  maxval?: number;
}

/**
 * W ~ U[minval, maxval] per element, drawn from the layer's seeded generator (the same values on
 * every backend). Embedding tables start here (Keras' default 'uniform': U[-0.05, 0.05]).
 * Spec: `'randomUniform'` or `{ name: 'randomUniform', minval, maxval }`.
 *
 * @example
 * randomUniform({ minval: -1, maxval: 1 })([2, 3], createRandom(1)); // 6 values in [-1, 1)
 *
 * In plain words: every knob starts at a small random value, any value in the range equally likely.
 */
export function randomUniform(options: RandomUniformOptions = {}): Initializer {
  const { minval = -0.05, maxval = 0.05 } = options;
  assertFiniteNumber('randomUniform', 'minval', minval);
  assertFiniteNumber('randomUniform', 'maxval', maxval);
  if (!(minval < maxval))
    throw new ArgumentError('randomUniform', `expected minval < maxval, got minval ${minval}, maxval ${maxval}`);
  return (shape, random) => {
    const values = new Float32Array(shapeSize(shape));
    for (let i = 0; i < values.length; i++) values[i] = minval + (maxval - minval) * random.next();
    return values;
  };
}

registerInitializer('randomUniform', (parameters) => {
  assertSpecKeys('randomUniform', parameters, ['minval', 'maxval']);
  return randomUniform(parameters as RandomUniformOptions);
});
