import * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions } from '../checks/option-keys.js';
import { assertInRange, assertPositive } from '../checks/value-checks.js';
import { Optimizer } from './optimizer.js';

/** Options of {@link Adam}. */
export interface AdamOptions {
  /** Default 0.001. */
  learningRate?: number;
  /** First-moment decay. Default 0.9. */
  beta1?: number;
  /** Second-moment decay. Default 0.999. */
  beta2?: number;
  /** Default 1e-8 (added to sqrt(v-hat), PyTorch's form). */
  epsilon?: number;
}

/**
 * Adam: m <- b1 m + (1-b1) g; v <- b2 v + (1-b2) g^2; W <- W - lr m-hat / (sqrt(v-hat) + eps),
 * with m-hat = m / (1 - b1^t), v-hat = v / (1 - b2^t).
 *
 * @example
 * fit(model, data, { optimizer: new Adam({ learningRate: 1e-3 }), loss });
 *
 * In plain words: momentum for direction, plus a per-knob step size that shrinks where the gradient is noisy.
 */
export class Adam extends Optimizer {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;

  constructor(options: AdamOptions = {}) {
    assertKnownOptions('Adam', 'options', options, ['learningRate', 'beta1', 'beta2', 'epsilon']);
    super('Adam', options.learningRate ?? 0.001);
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-8;
    assertInRange('Adam', 'beta1', this.beta1, { min: 0, max: 1, maxExclusive: true });
    assertInRange('Adam', 'beta2', this.beta2, { min: 0, max: 1, maxExclusive: true });
    assertPositive('Adam', 'epsilon', this.epsilon);
  }

  protected override initialState(variable: tf.Variable): tf.Tensor[] {
    return [tf.zerosLike(variable), tf.zerosLike(variable)];
  }

  protected override update(variable: tf.Variable, gradient: tf.Tensor, state: tf.Tensor[], lr: number) {
    const t = this.iterations;
    const m = tf.add(tf.mul(state[0] as tf.Tensor, this.beta1), tf.mul(gradient, 1 - this.beta1));
    const v = tf.add(tf.mul(state[1] as tf.Tensor, this.beta2), tf.mul(tf.square(gradient), 1 - this.beta2));
    const mHat = tf.div(m, 1 - this.beta1 ** t);
    const vHat = tf.div(v, 1 - this.beta2 ** t);
    const step = tf.div(mHat, tf.add(tf.sqrt(vHat), this.epsilon));
    return { value: tf.sub(variable, tf.mul(step, lr)), state: [m, v] };
  }

  override getConfig() {
    return { ...super.getConfig(), beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}
