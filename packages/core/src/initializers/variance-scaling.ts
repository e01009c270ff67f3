import { assertKnownOptions } from '../checks/option-keys.js';
import { assertOneOf, assertPositive } from '../checks/value-checks.js';
import { computeFans, registerInitializer, shapeSize, withoutParameters, type Initializer } from './initializer.js';

/** Options of {@link varianceScaling}. */
export interface VarianceScalingOptions {
  /** Variance numerator. Default 1. */
  scale?: number;
  /** Which fan divides it: 'fanIn', 'fanOut' or 'fanAvg' (their mean). Default 'fanIn'. */
  mode?: 'fanIn' | 'fanOut' | 'fanAvg';
  /** 'uniform' on [-limit, limit] with limit = sqrt(3 var), or 'normal' with std sqrt(var). Default 'uniform'. */
  distribution?: 'uniform' | 'normal';
}

/**
 * Var(W) = scale / fan: the family behind Xavier/Glorot (scale 1, fanAvg) and He (scale 2, fanIn).
 * Keeps the variance of activations (forward) or gradients (backward) the same from layer to layer.
 * The normal form draws a plain (untruncated) normal.
 * @example varianceScaling({ scale: 2, mode: 'fanIn', distribution: 'normal' })([784, 256], createRandom(1));
 * In plain words: start the knobs just loud enough that signals neither fade nor blow up with depth.
 */
export function varianceScaling(options: VarianceScalingOptions = {}): Initializer {
  assertKnownOptions('varianceScaling', 'options', options, ['scale', 'mode', 'distribution']);
  const { scale = 1, mode = 'fanIn', distribution = 'uniform' } = options;
  assertPositive('varianceScaling', 'scale', scale);
  assertOneOf('varianceScaling', 'mode', mode, ['fanIn', 'fanOut', 'fanAvg']);
  assertOneOf('varianceScaling', 'distribution', distribution, ['uniform', 'normal']);
  return (shape, random) => {
    const { fanIn, fanOut } = computeFans(shape);
    const fan = Math.max(1, mode === 'fanIn' ? fanIn : mode === 'fanOut' ? fanOut : (fanIn + fanOut) / 2);
    const variance = scale / fan;
    const values = new Float32Array(shapeSize(shape));
    if (distribution === 'uniform') {
      const limit = Math.sqrt(3 * variance);
      for (let i = 0; i < values.length; i++) values[i] = (2 * random.next() - 1) * limit;
    } else {
      const std = Math.sqrt(variance);
      for (let i = 0; i < values.length; i++) values[i] = random.normal() * std;
    }
    return values;
  };
}

/**
 * Xavier/Glorot uniform: W ~ U(-l, l), l = sqrt(6 / (fanIn + fanOut)). Good for tanh and sigmoid; Dense's default.
 * @example glorotUniform()([3, 4], createRandom(1));
 * In plain words: balance the signal going forward and the error going back.
 */
export function glorotUniform(): Initializer {
  return varianceScaling({ scale: 1, mode: 'fanAvg', distribution: 'uniform' });
}

/**
 * Xavier/Glorot normal: W ~ N(0, 2 / (fanIn + fanOut)).
 * @example glorotNormal()([3, 4], createRandom(1));
 * In plain words: the bell-curve version of Xavier.
 */
export function glorotNormal(): Initializer {
  return varianceScaling({ scale: 1, mode: 'fanAvg', distribution: 'normal' });
}

/**
 * He uniform: W ~ U(-l, l), l = sqrt(6 / fanIn). Made for ReLU, which silences half its inputs.
 * @example heUniform()([784, 256], createRandom(1));
 * In plain words: twice Xavier's loudness, because ReLU throws half of it away.
 */
export function heUniform(): Initializer {
  return varianceScaling({ scale: 2, mode: 'fanIn', distribution: 'uniform' });
}

/**
 * He normal: W ~ N(0, 2 / fanIn).
 * @example heNormal()([784, 256], createRandom(1));
 * In plain words: the bell-curve version of He.
 */
export function heNormal(): Initializer {
  return varianceScaling({ scale: 2, mode: 'fanIn', distribution: 'normal' });
}

registerInitializer('varianceScaling', (p) => varianceScaling(p as VarianceScalingOptions));
registerInitializer('glorotUniform', (p) => withoutParameters('glorotUniform', p, glorotUniform));
registerInitializer('glorotNormal', (p) => withoutParameters('glorotNormal', p, glorotNormal));
registerInitializer('heUniform', (p) => withoutParameters('heUniform', p, heUniform));
registerInitializer('heNormal', (p) => withoutParameters('heNormal', p, heNormal));
