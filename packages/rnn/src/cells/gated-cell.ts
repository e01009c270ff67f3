import * as tf from '@tensorflow/tfjs-core';
import { ShapeError, assertPositiveInteger, assertRank, describeShape } from '@baihua/core';
import { type CellOptions, type ExtraParameter, resolveWeights } from './cell-weights.js';
import type { RecurrentCell, RecurrentState, WeightLayout } from './recurrent-cell.js';

/**
 * What the cells share: fused weights for `gateCount` gate blocks, the input projection
 * x W + b_in over all gates in one matMul, the recurrent projection h U + b_rec in one matMul,
 * state checks and zero states. Subclasses write only `stepProjected`, the gate arithmetic.
 *
 * In plain words: the common desk every runner works at; each cell brings its own rules.
 */
export abstract class GatedCell<S extends RecurrentState> implements RecurrentCell<S> {
  abstract readonly kind: string;
  abstract readonly stateNames: readonly string[];
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly gateCount: number;
  readonly weightLayout: WeightLayout;
  protected readonly tensors: Record<string, tf.Tensor>;
  private readonly created: tf.Tensor[];
  protected readonly functionName: string;

  protected constructor(
    functionName: string,
    gateCount: number,
    options: CellOptions,
    defaults: { recurrentBias: boolean; biasInit?: (gate: number) => number; extra?: ExtraParameter[] },
  ) {
    this.functionName = functionName;
    const resolved = resolveWeights(functionName, gateCount, options, defaults);
    this.inputSize = resolved.inputSize;
    this.hiddenSize = resolved.hiddenSize;
    this.gateCount = gateCount;
    this.weightLayout = resolved.layout;
    this.tensors = resolved.tensors;
    this.created = resolved.created;
  }

  projectInput(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const product = tf.matMul(x, this.tensors.inputWeights as tf.Tensor2D, false, this.weightLayout === 'torch');
      const bias = this.tensors.inputBias;
      return (bias === undefined ? product : tf.add(product, bias)) as tf.Tensor2D;
    });
  }

  /** h U + b_rec for the gate blocks [from, from + count): [batch, hidden] -> [batch, count * hidden]. */
  protected projectRecurrent(hidden: tf.Tensor2D, from = 0, count = this.gateCount): tf.Tensor2D {
    const all = from === 0 && count === this.gateCount;
    const weights = this.tensors.recurrentWeights as tf.Tensor2D;
    const h = this.hiddenSize;
    const block = all
      ? weights
      : this.weightLayout === 'torch'
        ? tf.slice(weights, [from * h, 0], [count * h, h])
        : tf.slice(weights, [0, from * h], [h, count * h]);
    const product = tf.matMul(hidden, block as tf.Tensor2D, false, this.weightLayout === 'torch') as tf.Tensor2D;
    const bias = this.tensors.recurrentBias;
    if (bias === undefined) return product;
    return tf.add(product, all ? bias : tf.slice(bias, [from * h], [count * h])) as tf.Tensor2D;
  }

  abstract stepProjected(projected: tf.Tensor2D, state: S): S;

  step(x: tf.Tensor2D, state: S): S {
    assertRank(this.functionName, 'x', x, 2);
    if (x.shape[1] !== this.inputSize) {
      throw new ShapeError(
        this.functionName,
        `expected x of shape [batch, ${this.inputSize}], got shape ${describeShape(x.shape)}`,
      );
    }
    this.checkState(state, x.shape[0], 'state');
    return tf.tidy(
      () => this.stepProjected(this.projectInput(x), state) as unknown as tf.TensorContainer,
    ) as unknown as S;
  }

  /** Throws unless `state` holds every named tensor with shape [batch, hiddenSize]. */
  checkState(state: unknown, batch: number, argument: string, functionName = this.functionName): void {
    if (typeof state !== 'object' || state === null) {
      throw new ShapeError(
        functionName,
        `expected ${argument} to be an object with ${this.stateNames.join(', ')}, got ${state === null ? 'null' : typeof state}`,
      );
    }
    for (const name of this.stateNames) {
      const tensor = (state as Record<string, tf.Tensor | undefined>)[name];
      if (tensor === undefined)
        throw new ShapeError(
          functionName,
          `expected ${argument}.${name} to be a tf.Tensor [${batch}, ${this.hiddenSize}], got undefined`,
        );
      assertRank(functionName, `${argument}.${name}`, tensor, 2);
      if (tensor.shape[0] !== batch || tensor.shape[1] !== this.hiddenSize) {
        throw new ShapeError(
          functionName,
          `expected ${argument}.${name} of shape [${batch},${this.hiddenSize}], got shape ${describeShape(tensor.shape)}`,
        );
      }
    }
  }

  zeroState(batch: number): S {
    assertPositiveInteger(this.functionName, 'batch', batch);
    const state: Record<string, tf.Tensor2D> = {};
    for (const name of this.stateNames) state[name] = tf.zeros([batch, this.hiddenSize]);
    return state as unknown as S;
  }

  parameters(): Record<string, tf.Tensor> {
    return { ...this.tensors };
  }

  trainableVariables(): tf.Variable[] {
    return Object.values(this.tensors).filter((t): t is tf.Variable => t instanceof tf.Variable && t.trainable);
  }

  parameterCount(): number {
    return Object.values(this.tensors).reduce((sum, t) => sum + t.size, 0);
  }

  dispose(): void {
    for (const tensor of this.created) if (!tensor.isDisposed) tensor.dispose();
  }

  /** Splits [batch, gates * hidden] into one [batch, hidden] tensor per gate. */
  protected splitGates(gates: tf.Tensor2D, count = this.gateCount): tf.Tensor2D[] {
    return tf.split(gates, count, 1) as tf.Tensor2D[];
  }
}
