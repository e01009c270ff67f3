import * as tf from '@tensorflow/tfjs-core';
import { type CallContext, Layer, ShapeError, assertPositiveInteger, assertRank, describeShape } from '@baihua/core';
import { checkState } from '../sequence/check-state.js';
import { runSequence } from '../sequence/run-sequence.js';
import { checkSequenceApplyShape } from '../sequence/sequence-model-info.js';
import {
  type CellOptions,
  type CellWeightPlan,
  type ExtraWeight,
  cellOptionKeys,
  planCellWeights,
} from './cell-weights.js';
import type { RecurrentCell, RecurrentState, WeightLayout } from './recurrent-cell.js';

/** What a concrete cell tells the base: its gate blocks, extra weights, bias start values and option keys. */
export interface GatedCellSpec {
  gateCount: number;
  /** Create a recurrent bias unless the options say otherwise (GRU with resetAfter). */
  recurrentBias: boolean;
  /** Initial value of bias block `gate` when the cell initialises its weights (LSTM forget gate: 1). */
  biasInit?: (gate: number) => number;
  extra?: ExtraWeight[];
  /** Option keys beyond {@link CellOptions}. */
  optionKeys: readonly string[];
}

/**
 * What the cells share: a core `Layer` that creates its fused weights for `gateCount` gate blocks
 * at construction (kernel [inputSize, G·H], recurrentKernel [H, G·H], bias [G·H]: `addWeight`, so
 * `countParams()`, `getWeights()`, `setWeights()`, `trainableWeights()` and `dispose()` work as for
 * Dense), the input projection x W + b over all gates in one matMul, the recurrent projection
 * h U + b_rec in one matMul, the state check and zero states. Subclasses write only `stepProjected`.
 * `apply(x)` runs the cell over x [batch, time, inputSize] from the zero state: [batch, time, H].
 *
 * @example
 * class MinimalCell extends GatedCell<HiddenState> {
 *   readonly kind = 'minimal';
 *   readonly stateNames = ['hidden'] as const;
 *   constructor(options: CellOptions) {
 *     super('MinimalCell', options, { gateCount: 1, recurrentBias: false, optionKeys: [] });
 *   }
 *   stepProjected(projected: tf.Tensor2D, state: HiddenState): HiddenState {
 *     return { hidden: tf.tanh(tf.add(projected, this.projectRecurrent(state.hidden))) };
 *   }
 * }
 *
 * In plain words: the common desk every runner works at; each cell brings its own rules.
 */
export abstract class GatedCell<S extends RecurrentState> extends Layer implements RecurrentCell<S> {
  abstract readonly kind: string;
  abstract readonly stateNames: readonly string[];
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly gateCount: number;
  readonly weightLayout: WeightLayout;
  private readonly plan: CellWeightPlan;
  private readonly biasInit: ((gate: number) => number) | undefined;
  /** The weights by name, filled by build (the layer's own variables). */
  protected tensors: Record<string, tf.Variable> = {};

  protected constructor(typeName: string, options: CellOptions, spec: GatedCellSpec) {
    super(options, typeName, [...cellOptionKeys, ...spec.optionKeys]);
    this.seed ??= 0;
    this.plan = planCellWeights(typeName, spec.gateCount, options, spec);
    this.biasInit = spec.biasInit;
    this.inputSize = this.plan.inputSize;
    this.hiddenSize = this.plan.hiddenSize;
    this.gateCount = spec.gateCount;
    this.weightLayout = this.plan.layout;
    this.ensureBuilt([1, 1, this.inputSize]);
  }

  protected override build(): void {
    const tensors: Record<string, tf.Variable> = {};
    for (const { name, shape, initializer, regularize } of this.plan.specs)
      tensors[name] = this.addWeight(name, shape, { initializer, regularize }).read();
    const given = this.plan.given;
    if (given) {
      for (const [name, value] of Object.entries(given)) this.weight(name).assign(value);
    } else if (tensors.bias && this.biasInit) {
      const h = this.hiddenSize;
      const init = this.biasInit;
      const values = Float32Array.from({ length: this.gateCount * h }, (_, k) => init(Math.floor(k / h)));
      tf.tidy(() => this.weight('bias').assign(tf.tensor1d(values, 'float32')));
    }
    this.tensors = tensors;
  }

  /** Any batch and number of steps; the features must be the cell's inputSize. */
  protected override checkInputShape(inputShape: readonly number[]): void {
    checkSequenceApplyShape(this.typeName, this.name, inputShape, this.inputSize);
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    return runSequence(this as unknown as RecurrentCell<S>, x).outputs;
  }

  projectInput(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const product = tf.matMul(x, this.tensors.kernel as tf.Tensor2D, false, this.weightLayout === 'torch');
      const bias = this.tensors.bias;
      return (bias === undefined ? product : tf.add(product, bias)) as tf.Tensor2D;
    });
  }

  /** h U + b_rec for the gate blocks [from, from + count): [batch, hidden] -> [batch, count * hidden]. */
  protected projectRecurrent(hidden: tf.Tensor2D, from = 0, count = this.gateCount): tf.Tensor2D {
    const all = from === 0 && count === this.gateCount;
    const weights = this.tensors.recurrentKernel as tf.Tensor2D;
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

  /**
   * The cell's weight variables by name: kernel, recurrentKernel, bias, and recurrentBias or
   * peepholeWeights where the cell has them (layout as `weightLayout`). For fused sequence kernels
   * that read the weights directly; they are the layer's own variables: never dispose them.
   */
  weightVariables(): Readonly<Record<string, tf.Variable>> {
    return this.tensors;
  }

  abstract stepProjected(projected: tf.Tensor2D, state: S): S;

  step(x: tf.Tensor2D, state: S): S {
    const functionName = `${this.typeName}.step`;
    assertRank(functionName, 'x', x, 2);
    if (x.shape[1] !== this.inputSize) {
      throw new ShapeError(
        functionName,
        `expected x of shape [batch, ${this.inputSize}], got shape ${describeShape(x.shape)}`,
      );
    }
    checkState(functionName, this as unknown as RecurrentCell<S>, state, x.shape[0], 'state');
    return tf.tidy(
      () => this.stepProjected(this.projectInput(x), state) as unknown as tf.TensorContainer,
    ) as unknown as S;
  }

  zeroState(batch: number): S {
    assertPositiveInteger(`${this.typeName}.zeroState`, 'batch', batch);
    const state: Record<string, tf.Tensor2D> = {};
    for (const name of this.stateNames) state[name] = tf.zeros([batch, this.hiddenSize]);
    return state as unknown as S;
  }

  /** Splits [batch, gates * hidden] into one [batch, hidden] tensor per gate. */
  protected splitGates(gates: tf.Tensor2D, count = this.gateCount): tf.Tensor2D[] {
    return tf.split(gates, count, 1) as tf.Tensor2D[];
  }
}
