import { assertFiniteNumber } from '../checks/value-checks.js';
import { assertSpecKeys, registerInitializer, shapeSize, withoutParameters, type Initializer } from './initializer.js';

/**
 * W = 0 everywhere. Biases and batch-norm shifts start here.
 * @example zeros()([2, 3], createRandom(1)); // Float32Array(6) of 0
 * In plain words: every knob starts at zero.
 */
export function zeros(): Initializer {
  return (shape) => new Float32Array(shapeSize(shape));
}

/**
 * W = 1 everywhere. Batch-norm and layer-norm scales start here.
 * @example ones()([3], createRandom(1)); // [1, 1, 1]
 * In plain words: every knob starts at one.
 */
export function ones(): Initializer {
  return (shape) => new Float32Array(shapeSize(shape)).fill(1);
}

/**
 * W = value everywhere. Spec: `{ name: 'constant', value }`.
 * @example constant(0.1)([2], createRandom(1)); // [0.1, 0.1]
 * In plain words: every knob starts at the same chosen value.
 */
export function constant(value: number): Initializer {
  assertFiniteNumber('constant', 'value', value);
  return (shape) => new Float32Array(shapeSize(shape)).fill(value);
}

registerInitializer('zeros', (p) => withoutParameters('zeros', p, zeros));
registerInitializer('ones', (p) => withoutParameters('ones', p, ones));
registerInitializer('constant', (parameters) => {
  assertSpecKeys('constant', parameters, ['value']);
  return constant(parameters.value as number);
});
