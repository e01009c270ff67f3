import type * as tf from '@tensorflow/tfjs-core';
import {
  type CallContext,
  type InitializerSpec,
  Layer,
  type LayerConfig,
  type LayerOptions,
  ShapeError,
  assertPositiveInteger,
  describeShape,
} from '@baihua/core';
import type { CellOptions } from '../cells/cell-weights.js';
import type { RecurrentCell, RecurrentState } from '../cells/recurrent-cell.js';
import { runSequence } from '../sequence/run-sequence.js';
import { checkMask } from '../sequence/sequence-checks.js';
import { checkSequenceApplyShape } from '../sequence/sequence-model-info.js';

/** Options every recurrent layer takes. */
export interface RecurrentLayerOptions extends LayerOptions {
  /** Units of the hidden state. Required. */
  units: number;
  /** true: outputs [batch, time, units]; false (default, as Keras): the last output [batch, units]. */
  returnSequences?: boolean;
  /** Read the sequence from the end (outputs stay aligned to input time). Default false. */
  reverse?: boolean;
  /** Default 'glorotUniform'. */
  kernelInitializer?: InitializerSpec;
  /** Default 'orthogonal' (as Keras). */
  recurrentInitializer?: InitializerSpec;
  /** Default true. */
  useBias?: boolean;
}

/** The keys {@link RecurrentLayerOptions} adds to core's LayerOptions, for the unknown-key check. */
const recurrentLayerOptionKeys = [
  'units',
  'returnSequences',
  'reverse',
  'kernelInitializer',
  'recurrentInitializer',
  'useBias',
] as const;

/**
 * Base of the recurrent layers that plug into @baihua/core's Sequential and fit. On the first input
 * it builds its cell (a core `Layer`, named as this layer, so weight paths read `lstm_1/kernel`)
 * with the layer's initialisers, seed and sizes: kernel [features, G*units], recurrentKernel
 * [units, G*units], bias [G*units]; the cell is this layer's child, so weights, `countParams()`,
 * saving, clipping and decay work as for any layer. `apply` runs {@link runSequence} over
 * x [batch, time, features] with the input's mask (Keras semantics): a masked step keeps the state
 * and outputs zeros, a reversed run starts at each sequence's last valid step, and without
 * `returnSequences` the output is the state after the last valid step. The mask comes from
 * `apply(x, { mask })` or from a `Masking` / `Embedding({ maskZero: true })` before the layer in a
 * Sequential or a graph Model. Output mask: the input's with `returnSequences`, none without.
 *
 * @example
 * const layer = new LSTM({ units: 8, returnSequences: true }); // a RecurrentLayer
 * layer.apply(tf.ones([2, 5, 3]));                             // builds its LstmCell: [2, 5, 8]
 * layer.apply(x, { mask });                                    // mask [2, 5]: false at padded steps
 * runSequence(layer.cell, x, { mask });                        // the same values, from the cell
 *
 * In plain words: a line of runners packaged as one station of the assembly line.
 */
export abstract class RecurrentLayer extends Layer {
  readonly units: number;
  readonly returnSequences: boolean;
  readonly reverse: boolean;
  readonly kernelInitializer: InitializerSpec;
  readonly recurrentInitializer: InitializerSpec;
  readonly useBias: boolean;
  private builtCell: RecurrentCell<RecurrentState> | undefined;

  /** `optionKeys`: the concrete layer's keys beyond {@link RecurrentLayerOptions}. */
  protected constructor(options: RecurrentLayerOptions, typeName: string, optionKeys: readonly string[]) {
    super(options, typeName, [...recurrentLayerOptionKeys, ...optionKeys]);
    assertPositiveInteger(typeName, 'units', options.units);
    this.units = options.units;
    this.returnSequences = options.returnSequences ?? false;
    this.reverse = options.reverse ?? false;
    this.kernelInitializer = options.kernelInitializer ?? 'glorotUniform';
    this.recurrentInitializer = options.recurrentInitializer ?? 'orthogonal';
    this.useBias = options.useBias ?? true;
  }

  /** The cell this layer runs, made from the common options (name, sizes, seed, initialisers). */
  protected abstract makeCell(common: Omit<CellOptions, 'weights'>): RecurrentCell<RecurrentState>;

  /** The cell that holds this layer's weights (after the first apply). */
  get cell(): RecurrentCell<RecurrentState> {
    if (!this.builtCell)
      throw new ShapeError(
        `${this.typeName}.cell`,
        `layer '${this.name}' is not built yet: apply it to an input first`,
      );
    return this.builtCell;
  }

  override children(): Layer[] {
    return this.builtCell ? [this.builtCell] : [];
  }

  protected override build(inputShape: number[]): void {
    if (inputShape.length !== 3) {
      throw new ShapeError(
        this.typeName,
        `expected input of rank 3 ([batch, time, features]), got rank ${inputShape.length} ` +
          `(shape ${describeShape(inputShape)})`,
      );
    }
    this.builtCell = this.makeCell({
      name: this.name,
      trainable: this.trainable,
      seed: this.seed,
      inputSize: inputShape[2] as number,
      hiddenSize: this.units,
      kernelInitializer: this.kernelInitializer,
      recurrentInitializer: this.recurrentInitializer,
      useBias: this.useBias,
    });
  }

  /** Any number of time steps; batch and time may change, features may not. */
  protected override checkInputShape(inputShape: readonly number[]): void {
    checkSequenceApplyShape(this.typeName, this.name, inputShape, this.cell.inputSize);
  }

  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    // The cell's row in summary(): it produces the whole sequence, [batch, time, units].
    this.cell.outputShape = [null, x.shape[1] as number, this.units];
    const { mask } = context;
    checkMask(`${this.typeName}.apply`, mask, x.shape[0] as number, x.shape[1] as number);
    return runSequence(this.cell, x, { returnSequences: this.returnSequences, reverse: this.reverse, mask }).outputs;
  }

  /** Keras semantics: the input mask with `returnSequences` (one output per step), none without. */
  protected override computeMask(_x: tf.Tensor, mask: tf.Tensor | undefined): tf.Tensor | undefined {
    return this.returnSequences ? mask : undefined;
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      units: this.units,
      returnSequences: this.returnSequences,
      reverse: this.reverse,
      kernelInitializer: this.kernelInitializer,
      recurrentInitializer: this.recurrentInitializer,
      useBias: this.useBias,
    };
  }

  override dispose(): void {
    super.dispose();
    this.builtCell = undefined;
  }
}
