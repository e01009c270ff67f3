import * as tf from '@tensorflow/tfjs-core';
import { assertPositive } from '../checks/value-checks.js';

/** One variable and the gradient of the loss with respect to it. */
export interface GradientUpdate {
  variable: tf.Variable;
  gradient: tf.Tensor;
}

/**
 * Base of the optimisers: per-variable state tensors (velocities, moments) kept between steps,
 * a mutable `learningRate` (schedules set it before each step) and `dispose()` to free the state.
 * Subclasses implement `update(variable, gradient, state, lr)` and return the new variable value and state.
 *
 * In plain words: the rule for turning "which way is downhill" into an actual step.
 */
export abstract class Optimizer {
  readonly typeName: string;
  private rate: number;
  /** Steps taken so far (Adam's bias correction counts them). */
  iterations = 0;
  private readonly state = new Map<tf.Variable, tf.Tensor[]>();

  constructor(typeName: string, learningRate: number) {
    assertPositive(typeName, 'learningRate', learningRate);
    this.typeName = typeName;
    this.rate = learningRate;
  }

  /** The step size; checked on every write (a schedule may set it before each step): finite and > 0. */
  get learningRate(): number {
    return this.rate;
  }
  set learningRate(value: number) {
    assertPositive(this.typeName, 'learningRate', value);
    this.rate = value;
  }

  /** Applies one step to every (variable, gradient) pair; gradients are not disposed. */
  applyGradients(updates: readonly GradientUpdate[]): void {
    this.iterations += 1;
    const lr = this.learningRate;
    for (const { variable, gradient } of updates) {
      const previous = this.state.get(variable) ?? this.initialState(variable);
      const next = tf.tidy(() => {
        const { value, state } = this.update(variable, gradient, previous, lr);
        variable.assign(value);
        return state;
      });
      tf.dispose(previous.filter((t) => !next.includes(t)));
      this.state.set(variable, next);
    }
  }

  /** The state a variable starts with (e.g. zero velocity). */
  protected abstract initialState(variable: tf.Variable): tf.Tensor[];

  /** One step for one variable: its new value and new state (inside tf.tidy; returned state is kept). */
  protected abstract update(
    variable: tf.Variable,
    gradient: tf.Tensor,
    state: tf.Tensor[],
    learningRate: number,
  ): { value: tf.Tensor; state: tf.Tensor[] };

  /** Number of state tensors held (for leak accounting). */
  get stateTensorCount(): number {
    let n = 0;
    for (const s of this.state.values()) n += s.length;
    return n;
  }

  /** The optimiser's settings as JSON (`{ type, learningRate, ... }`). */
  getConfig(): { type: string; learningRate: number; [key: string]: unknown } {
    return { type: this.typeName, learningRate: this.learningRate };
  }

  /** Frees every state tensor; the optimiser can be used again and starts afresh. */
  dispose(): void {
    for (const s of this.state.values()) tf.dispose(s);
    this.state.clear();
    this.iterations = 0;
  }
}
