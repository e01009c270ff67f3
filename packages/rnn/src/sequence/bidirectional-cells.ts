import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  type CallContext,
  Layer,
  type LayerConfig,
  assertKnownOptions,
  assertOneOf,
} from '@baihua/core';
import { checkState } from './check-state.js';
import { runSequence } from './run-sequence.js';
import { checkSequenceInput } from './sequence-checks.js';
import { type BidirectionalMerge, bidirectionalMerges, mergeDirections, mergedUnits } from './merge-directions.js';
import { checkSequenceApplyShape, sequenceInputSize, sequenceOutputSize } from './sequence-model-info.js';
import {
  type FinalStateOf,
  type RunSequenceOptions,
  type SequenceLayer,
  type SequenceModel,
  type SequenceResult,
  runSequenceOptionKeys,
} from './sequence-types.js';

/** Options of {@link BidirectionalCells}. */
export interface BidirectionalCellsOptions<F extends SequenceModel, B extends SequenceModel> {
  /** Runs from the first step to the last. */
  forward: F;
  /** Runs from the last step to the first; its outputs are aligned back to input time. */
  backward: B;
  /** 'concat' (default: [forward, backward] on the last axis, as PyTorch), 'sum', 'average' or 'multiply'. */
  merge?: BidirectionalMerge;
  /** Layer name (default `bidirectional_cells_1`, ...). */
  name?: string;
}

const fn = 'BidirectionalCells';

type BidirectionalState<F, B> = { forward: FinalStateOf<F>; backward: FinalStateOf<B> };

/**
 * Two given cells (or sequence layers) run both ways, for {@link runSequence}: y_t =
 * merge(forward_t, backward_t), where the backward run reads the
 * sequence from the end and backward_t is its output at input step t. With a mask, each sequence's
 * backward run starts at its last valid step. Final state `{ forward, backward }`; with
 * `returnSequences: false` the outputs merge the forward run's last hidden state and the backward
 * run's hidden state after step 0. A core `Layer` whose children are the two directions, so
 * `countParams()`, `weights()` and `dispose()` cover both; in a Sequential or a graph Model it
 * takes the input's mask and passes it on (its outputs are per step). It is the tool for explicit
 * initial and final states, imported PyTorch weights (`fromTorch`) and hand-made directions; it is
 * not saved by `serializeModel` (cells have no saved form): for a model layer that saves, wrap a
 * recurrent layer in {@link Bidirectional} (`new Bidirectional({ layer: new LSTM({ units }) })`).
 * Shapes: x [batch, time, inputSize] -> [batch, time, 2H] (concat) or [batch, time, H].
 *
 * @example
 * const layer = new BidirectionalCells({
 *   forward: new LstmCell({ inputSize: 3, hiddenSize: 4 }),
 *   backward: new LstmCell({ inputSize: 3, hiddenSize: 4, seed: 1 }),
 * });
 * const { outputs } = runSequence(layer, tf.ones([2, 5, 3])); // [2, 5, 8]
 *
 * In plain words: read the sentence left to right and right to left, then put both readings side by side.
 */
export class BidirectionalCells<F extends SequenceModel, B extends SequenceModel>
  extends Layer
  implements SequenceLayer<BidirectionalState<F, B>>
{
  readonly forward: F;
  readonly backward: B;
  readonly merge: BidirectionalMerge;
  readonly inputSize: number;
  readonly outputSize: number;

  constructor(given: BidirectionalCellsOptions<F, B>) {
    assertKnownOptions(fn, 'options', given, ['forward', 'backward', 'merge', 'name']);
    const options = given ?? ({} as BidirectionalCellsOptions<F, B>);
    super({ name: options.name }, fn);
    const merge = options.merge ?? 'concat';
    assertOneOf(fn, 'merge', merge, bidirectionalMerges);
    const forwardIn = sequenceInputSize(fn, 'forward', options.forward);
    const backwardIn = sequenceInputSize(fn, 'backward', options.backward);
    const forwardOut = sequenceOutputSize(options.forward);
    const backwardOut = sequenceOutputSize(options.backward);
    if (forwardIn !== backwardIn)
      throw new ArgumentError(
        fn,
        `expected forward and backward with the same inputSize, got ${forwardIn} and ${backwardIn}`,
      );
    if (merge !== 'concat' && forwardOut !== backwardOut) {
      throw new ArgumentError(
        fn,
        `expected forward and backward with the same output size for merge '${merge}', ` +
          `got ${forwardOut} and ${backwardOut}`,
      );
    }
    this.forward = options.forward;
    this.backward = options.backward;
    this.merge = merge;
    this.inputSize = forwardIn;
    this.outputSize = mergedUnits(forwardOut, backwardOut, merge);
  }

  get stateParts(): { forward: F; backward: B } {
    return { forward: this.forward, backward: this.backward };
  }

  override children(): Layer[] {
    return [this.forward, this.backward];
  }

  run(
    x: tf.Tensor,
    options: RunSequenceOptions<BidirectionalState<F, B>> = {},
  ): SequenceResult<BidirectionalState<F, B>> {
    assertKnownOptions(`${fn}.run`, 'options', options, runSequenceOptionKeys);
    if (options.reverse)
      throw new ArgumentError(`${fn}.run`, 'expected no reverse option: a Bidirectional layer already runs both ways');
    const { initialState, returnSequences = true, mask } = options;
    checkSequenceInput('runSequence', x, this.inputSize);
    if (initialState !== undefined) checkState(`${fn}.run`, this, initialState, x.shape[0], 'initialState');
    const forward = runSequence(this.forward, x, {
      initialState: initialState?.forward,
      returnSequences,
      mask,
    } as RunSequenceOptions<FinalStateOf<F>>);
    let backward: SequenceResult<FinalStateOf<B>>;
    try {
      backward = runSequence(this.backward, x, {
        initialState: initialState?.backward,
        returnSequences,
        mask,
        reverse: true,
      } as RunSequenceOptions<FinalStateOf<B>>);
    } catch (error) {
      tf.dispose(forward as unknown as tf.TensorContainer);
      throw error;
    }
    const outputs = mergeDirections(forward.outputs, backward.outputs, this.merge);
    tf.dispose([forward.outputs, backward.outputs]);
    return { outputs, finalState: { forward: forward.finalState, backward: backward.finalState } };
  }

  /** Refused: cells have no saved form. Their weights save with getWeights(). */
  override getConfig(): LayerConfig {
    throw new ArgumentError(
      'BidirectionalCells.getConfig',
      `layer '${this.name}' runs cells, which have no saved form: save its weights with getWeights(), or ` +
        `build the model from layers that save: new Bidirectional({ layer: new LSTM({ units }) })`,
    );
  }

  protected override checkInputShape(inputShape: readonly number[]): void {
    checkSequenceApplyShape(this.typeName, this.name, inputShape, this.inputSize);
  }

  /** `apply(x, { mask })`: the merged outputs [batch, time, outputSize] from zero states, masked steps 0. */
  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    return this.run(x, { mask: context.mask }).outputs;
  }

  /** Outputs per step: the input's mask goes on unchanged. */
  protected override computeMask(_x: tf.Tensor, mask: tf.Tensor | undefined): tf.Tensor | undefined {
    return mask;
  }
}
