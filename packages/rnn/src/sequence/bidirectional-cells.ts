import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, type CallContext, Layer, assertKnownOptions, assertOneOf } from '@baihua/core';
import { checkState } from './check-state.js';
import { runSequence } from './run-sequence.js';
import { checkSequenceInput } from './sequence-checks.js';
import { checkSequenceApplyShape, sequenceInputSize, sequenceOutputSize } from './sequence-model-info.js';
import {
  type FinalStateOf,
  type RunSequenceOptions,
  type SequenceLayer,
  type SequenceModel,
  type SequenceResult,
  runSequenceOptionKeys,
} from './sequence-types.js';

/** How the two directions are combined. */
export type BidirectionalMerge = 'concat' | 'sum' | 'average';

/** Options of {@link Bidirectional}. */
export interface BidirectionalOptions<F extends SequenceModel, B extends SequenceModel> {
  /** Runs from the first step to the last. */
  forward: F;
  /** Runs from the last step to the first; its outputs are aligned back to input time. */
  backward: B;
  /** 'concat' (default: [forward, backward] on the last axis, as PyTorch), 'sum' or 'average'. */
  merge?: BidirectionalMerge;
  /** Layer name (default `bidirectional_1`, ...). */
  name?: string;
}

type BidirectionalState<F, B> = { forward: FinalStateOf<F>; backward: FinalStateOf<B> };

/**
 * A bidirectional layer: y_t = merge(forward_t, backward_t), where the backward run reads the
 * sequence from the end and backward_t is its output at input step t. With a mask, each sequence's
 * backward run starts at its last valid step. Final state `{ forward, backward }`; with
 * `returnSequences: false` the outputs merge the forward run's last hidden state and the backward
 * run's hidden state after step 0. A core `Layer` whose children are the two directions, so
 * `countParams()`, `weights()` and `dispose()` cover both.
 * Shapes: x [batch, time, inputSize] -> [batch, time, 2H] (concat) or [batch, time, H].
 *
 * @example
 * const layer = new Bidirectional({
 *   forward: new LstmCell({ inputSize: 3, hiddenSize: 4 }),
 *   backward: new LstmCell({ inputSize: 3, hiddenSize: 4, seed: 1 }),
 * });
 * const { outputs } = runSequence(layer, tf.ones([2, 5, 3])); // [2, 5, 8]
 *
 * In plain words: read the sentence left to right and right to left, then put both readings side by side.
 */
export class Bidirectional<F extends SequenceModel, B extends SequenceModel>
  extends Layer
  implements SequenceLayer<BidirectionalState<F, B>>
{
  readonly forward: F;
  readonly backward: B;
  readonly merge: BidirectionalMerge;
  readonly inputSize: number;
  readonly outputSize: number;

  constructor(given: BidirectionalOptions<F, B>) {
    assertKnownOptions('Bidirectional', 'options', given, ['forward', 'backward', 'merge', 'name']);
    const options = given ?? ({} as BidirectionalOptions<F, B>);
    super({ name: options.name }, 'Bidirectional');
    const merge = options.merge ?? 'concat';
    assertOneOf('Bidirectional', 'merge', merge, ['concat', 'sum', 'average']);
    const forwardIn = sequenceInputSize('Bidirectional', 'forward', options.forward);
    const backwardIn = sequenceInputSize('Bidirectional', 'backward', options.backward);
    const forwardOut = sequenceOutputSize(options.forward);
    const backwardOut = sequenceOutputSize(options.backward);
    if (forwardIn !== backwardIn)
      throw new ArgumentError(
        'Bidirectional',
        `expected forward and backward with the same inputSize, got ${forwardIn} and ${backwardIn}`,
      );
    if (merge !== 'concat' && forwardOut !== backwardOut) {
      throw new ArgumentError(
        'Bidirectional',
        `expected forward and backward with the same output size for merge '${merge}', ` +
          `got ${forwardOut} and ${backwardOut}`,
      );
    }
    this.forward = options.forward;
    this.backward = options.backward;
    this.merge = merge;
    this.inputSize = forwardIn;
    this.outputSize = merge === 'concat' ? forwardOut + backwardOut : forwardOut;
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
    assertKnownOptions('Bidirectional.run', 'options', options, runSequenceOptionKeys);
    if (options.reverse)
      throw new ArgumentError(
        'Bidirectional.run',
        'expected no reverse option: a Bidirectional layer already runs both ways',
      );
    const { initialState, returnSequences = true, mask } = options;
    checkSequenceInput('runSequence', x, this.inputSize);
    if (initialState !== undefined) checkState('Bidirectional.run', this, initialState, x.shape[0], 'initialState');
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
    const outputs = tf.tidy(() => {
      if (this.merge === 'concat') return tf.concat([forward.outputs, backward.outputs], -1);
      const sum = tf.add(forward.outputs, backward.outputs);
      return this.merge === 'sum' ? sum : tf.mul(sum, 0.5);
    });
    tf.dispose([forward.outputs, backward.outputs]);
    return { outputs, finalState: { forward: forward.finalState, backward: backward.finalState } };
  }

  protected override checkInputShape(inputShape: readonly number[]): void {
    checkSequenceApplyShape(this.typeName, this.name, inputShape, this.inputSize);
  }

  /** `apply(x)`: the merged outputs [batch, time, outputSize] from zero states. */
  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    return this.run(x).outputs;
  }
}
