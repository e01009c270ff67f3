import * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions } from '../checks/option-keys.js';
import { assertInRange, assertPositive } from '../checks/value-checks.js';
import { Optimizer } from './optimizer.js';

/** Options of {@link RmsProp}. */
export interface RmsPropOptions {
  /** Default 0.001. */
  learningRate?: number;
  /** Decay of the squared-gradient average. Default 0.9. */
  rho?: number;
  /** Default 1e-7, added to sqrt(s). */
  epsilon?: number;
}

/**
 * RMSProp: s <- rho s + (1 - rho) g^2; W <- W - lr g / (sqrt(s) + eps).
 *
 * @example
 * fit(model, data, { optimizer: new RmsProp({ learningRate: 1e-3 }), loss });
 *
 * In plain words: divide each knob's step by how loud its recent gradients have been.
 */
export class RmsProp extends Optimizer {
  readonly rho: number;
  readonly epsilon: number;

  constructor(options: RmsPropOptions = {}) {
    assertKnownOptions('RmsProp', 'options', options, ['learningRate', 'rho', 'epsilon']);
    super('RmsProp', options.learningRate ?? 0.001);
    this.rho = options.rho ?? 0.9;
    this.epsilon = options.epsilon ?? 1e-7;
    assertInRange('RmsProp', 'rho', this.rho, { min: 0, max: 1, maxExclusive: true });
    assertPositive('RmsProp', 'epsilon', this.epsilon);
  }

  protected override initialState(variable: tf.Variable): tf.Tensor[] {
    return [tf.zerosLike(variable)];
  }

  protected override update(variable: tf.Variable, gradient: tf.Tensor, state: tf.Tensor[], lr: number) {
    const s = tf.add(tf.mul(state[0] as tf.Tensor, this.rho), tf.mul(tf.square(gradient), 1 - this.rho));
    const step = tf.div(gradient, tf.add(tf.sqrt(s), this.epsilon));
    return { value: tf.sub(variable, tf.mul(step, lr)), state: [s] };
  }

  override getConfig() {
    return { ...super.getConfig(), rho: this.rho, epsilon: this.epsilon };
  }
}
