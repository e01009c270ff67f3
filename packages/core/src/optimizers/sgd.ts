import * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions } from '../checks/option-keys.js';
import { assertInRange } from '../checks/value-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import { Optimizer } from './optimizer.js';

/** Options of {@link Sgd}. */
export interface SgdOptions {
  /** Step size alpha. Default 0.01. */
  learningRate?: number;
  /** Momentum mu in [0, 1). Default 0 (plain gradient descent). */
  momentum?: number;
  /** Nesterov's look-ahead form (needs momentum > 0). Default false. */
  nesterov?: boolean;
}

/**
 * Stochastic gradient descent, PyTorch's form: v <- mu v + g; W <- W - lr (nesterov ? g + mu v : v).
 * With mu = 0: W <- W - lr g, the seed's update (L2 decay is added to g by `fit`).
 *
 * @example
 * fit(model, data, { optimizer: new Sgd({ learningRate: 0.1, momentum: 0.9, nesterov: true }), loss });
 *
 * In plain words: roll downhill; momentum lets the ball keep some speed through small bumps.
 */
export class Sgd extends Optimizer {
  readonly momentum: number;
  readonly nesterov: boolean;

  constructor(options: SgdOptions = {}) {
    assertKnownOptions('Sgd', 'options', options, ['learningRate', 'momentum', 'nesterov']);
    super('Sgd', options.learningRate ?? 0.01);
    this.momentum = options.momentum ?? 0;
    assertInRange('Sgd', 'momentum', this.momentum, { min: 0, max: 1, maxExclusive: true });
    this.nesterov = options.nesterov ?? false;
    if (this.nesterov && this.momentum === 0)
      throw new ArgumentError('Sgd', 'expected momentum > 0 with nesterov: true, got momentum 0');
  }

  protected override initialState(variable: tf.Variable): tf.Tensor[] {
    return this.momentum === 0 ? [] : [tf.zerosLike(variable)];
  }

  protected override update(variable: tf.Variable, gradient: tf.Tensor, state: tf.Tensor[], lr: number) {
    if (this.momentum === 0) return { value: tf.sub(variable, tf.mul(gradient, lr)), state: [] };
    const velocity = tf.add(tf.mul(state[0] as tf.Tensor, this.momentum), gradient);
    const step = this.nesterov ? tf.add(gradient, tf.mul(velocity, this.momentum)) : velocity;
    return { value: tf.sub(variable, tf.mul(step, lr)), state: [velocity] };
  }

  override getConfig() {
    return { ...super.getConfig(), momentum: this.momentum, nesterov: this.nesterov };
  }
}
