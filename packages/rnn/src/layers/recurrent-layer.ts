import * as tf from '@tensorflow/tfjs-core';
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
import type { CellWeights } from '../cells/cell-weights.js';
import type { RecurrentCell, RecurrentState } from '../cells/recurrent-cell.js';
import { runSequence } from '../sequence/run-sequence.js';

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

/** What a concrete layer tells the base: gate blocks, extra weights, forget-gate block and how to make the cell. */
export interface RecurrentLayerSpec {
  gateCount: number;
  /** A gate block whose bias starts at `value` instead of 0 (the LSTM forget gate at 1, the GRU update gate). */
  initialBias?: { gate: number; value: number };
  /** A second bias for the recurrent side (GRU with resetAfter). */
  recurrentBias?: boolean;
  /** Extra weights, e.g. peepholes: name, shape for `units`, initializer. */
  extra?: { name: string; shape: (units: number) => number[]; initializer: InitializerSpec }[];
  makeCell: (weights: CellWeights & Record<string, tf.Tensor>) => RecurrentCell<RecurrentState>;
}

/**
 * Base of the recurrent layers that plug into @baihua/core's Sequential and fit: it creates the
 * fused weights (kernel [features, G*units], recurrentKernel [units, G*units], bias [G*units]) as
 * core layer weights (seeded, saved, clipped and decayed by fit like any other), hands them to a
 * cell without copies, and runs {@link runSequence} over x [batch, time, features].
 * Masking is not available through Sequential (it passes one tensor): call runSequence with the
 * layer's `cell` for variable-length batches.
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

  protected constructor(options: RecurrentLayerOptions, typeName: string) {
    super(options, typeName);
    assertPositiveInteger(typeName, 'units', options.units);
    this.units = options.units;
    this.returnSequences = options.returnSequences ?? false;
    this.reverse = options.reverse ?? false;
    this.kernelInitializer = options.kernelInitializer ?? 'glorotUniform';
    this.recurrentInitializer = options.recurrentInitializer ?? 'orthogonal';
    this.useBias = options.useBias ?? true;
  }

  /** The gate layout and the cell this layer runs. */
  protected abstract spec(): RecurrentLayerSpec;

  /** The cell that holds this layer's weights (after the first apply). */
  get cell(): RecurrentCell<RecurrentState> {
    if (!this.builtCell)
      throw new ShapeError(
        `${this.typeName}.cell`,
        `layer '${this.name}' is not built yet: apply it to an input first`,
      );
    return this.builtCell;
  }

  protected override build(inputShape: number[]): void {
    if (inputShape.length !== 3) {
      throw new ShapeError(
        this.typeName,
        `expected input of rank 3 ([batch, time, features]), got rank ${inputShape.length} (shape ${describeShape(inputShape)})`,
      );
    }
    const features = inputShape[2] as number;
    const { gateCount, initialBias, recurrentBias, extra = [], makeCell } = this.spec();
    const width = gateCount * this.units;
    const kernel = this.addWeight('kernel', [features, width], {
      initializer: this.kernelInitializer,
      regularize: true,
    });
    const recurrent = this.addWeight('recurrentKernel', [this.units, width], {
      initializer: this.recurrentInitializer,
      regularize: true,
    });
    const weights: Record<string, tf.Tensor> = { inputWeights: kernel.read(), recurrentWeights: recurrent.read() };
    if (this.useBias) {
      const bias = this.addWeight('bias', [width], { initializer: 'zeros' });
      if (initialBias !== undefined && initialBias.value !== 0) {
        const { gate, value } = initialBias;
        bias.assign(
          tf.tidy(() =>
            tf.concat([
              tf.zeros([gate * this.units]),
              tf.fill([this.units], value),
              tf.zeros([(gateCount - gate - 1) * this.units]),
            ]),
          ),
        );
      }
      weights.inputBias = bias.read();
      if (recurrentBias)
        weights.recurrentBias = this.addWeight('recurrentBias', [width], { initializer: 'zeros' }).read();
    }
    for (const { name, shape, initializer } of extra)
      weights[name] = this.addWeight(name, shape(this.units), { initializer }).read();
    this.builtCell = makeCell(weights as CellWeights & Record<string, tf.Tensor>);
  }

  /** Any number of time steps; batch and time may change, features may not. */
  protected override checkInputShape(inputShape: readonly number[]): void {
    const features = this.cell.inputSize;
    if (inputShape.length !== 3 || inputShape[2] !== features) {
      throw new ShapeError(
        `${this.typeName}.apply`,
        `layer '${this.name}' expected input of shape [batch, time, ${features}], got ${describeShape(inputShape)}`,
      );
    }
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    const { outputs, finalState } = runSequence(this.cell, x, {
      returnSequences: this.returnSequences,
      reverse: this.reverse,
    });
    tf.dispose(finalState as unknown as tf.TensorContainer);
    return outputs;
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
    this.builtCell = undefined;
    super.dispose();
  }
}
