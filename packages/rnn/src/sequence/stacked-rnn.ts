import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, type CallContext, Layer, type LayerConfig, assertKnownOptions } from '@baihua/core';
import { checkState } from './check-state.js';
import { runSequence } from './run-sequence.js';
import { checkSequenceInput } from './sequence-checks.js';
import { checkSequenceApplyShape, sequenceInputSize, sequenceOutputSize } from './sequence-model-info.js';
import {
  type RunSequenceOptions,
  type SequenceLayer,
  type SequenceModel,
  type SequenceResult,
  runSequenceOptionKeys,
} from './sequence-types.js';

/**
 * Layers on top of each other: layer k reads the output sequence of layer k - 1
 * (x -> h^1_{1..T} -> h^2_{1..T} -> ...), as PyTorch's `num_layers`. The mask and `reverse` go to
 * every layer; `initialState` and `finalState` hold one entry per layer. A core `Layer` whose
 * children are the given layers (`countParams()`, `weights()` and `dispose()` cover them all); in a
 * Sequential or a graph Model it takes the input's mask and passes it on. It is not saved by
 * `serializeModel` (cells have no saved form): the stack that saves is a Sequential of recurrent
 * layers with `returnSequences: true` (Keras' way), through which masks flow the same way.
 * Shapes: x [batch, time, inputSize] -> [batch, time, last layer's units].
 *
 * @example
 * const stack = new StackedRnn([
 *   new LstmCell({ inputSize: 3, hiddenSize: 8 }),
 *   new LstmCell({ inputSize: 8, hiddenSize: 8, seed: 1 }),
 * ]);
 * const { outputs, finalState } = runSequence(stack, tf.ones([2, 5, 3])); // finalState[1].hidden: the top layer's
 *
 * In plain words: a second line of runners passes on the first line's notes instead of the words.
 */
export class StackedRnn extends Layer implements SequenceLayer<unknown[]> {
  readonly layers: readonly SequenceModel[];
  readonly inputSize: number;
  readonly outputSize: number;

  /** `layers`: the cells or sequence layers, bottom first. */
  constructor(layers: readonly SequenceModel[]) {
    super({}, 'StackedRnn');
    if (!Array.isArray(layers) || layers.length === 0)
      throw new ArgumentError('StackedRnn', 'expected a non-empty array of cells or layers');
    let size = sequenceInputSize('StackedRnn', 'layers[0]', layers[0]);
    this.inputSize = size;
    layers.forEach((layer, k) => {
      const inputSize = sequenceInputSize('StackedRnn', `layers[${k}]`, layer);
      if (inputSize !== size)
        throw new ArgumentError(
          'StackedRnn',
          `expected layers[${k}] with inputSize ${size} (the previous layer's output size), got ${inputSize}`,
        );
      size = sequenceOutputSize(layer);
    });
    this.layers = [...layers];
    this.outputSize = size;
  }

  get stateParts(): readonly SequenceModel[] {
    return this.layers;
  }

  override children(): Layer[] {
    return [...this.layers];
  }

  run(x: tf.Tensor, options: RunSequenceOptions<unknown[]> = {}): SequenceResult<unknown[]> {
    assertKnownOptions('StackedRnn.run', 'options', options, runSequenceOptionKeys);
    const { initialState, returnSequences = true, mask, reverse } = options;
    checkSequenceInput('runSequence', x, this.inputSize);
    if (initialState !== undefined) checkState('StackedRnn.run', this, initialState, x.shape[0], 'initialState');
    const finalStates: unknown[] = [];
    let input = x;
    try {
      this.layers.forEach((layer, k) => {
        const last = k === this.layers.length - 1;
        const layerOptions = {
          initialState: initialState?.[k],
          mask,
          reverse,
          returnSequences: last ? returnSequences : true,
        };
        const result = runSequence(layer, input, layerOptions as RunSequenceOptions<never>);
        if (input !== x) input.dispose();
        input = result.outputs;
        finalStates.push(result.finalState);
      });
    } catch (error) {
      if (input !== x) input.dispose();
      tf.dispose(finalStates as tf.TensorContainer);
      throw error;
    }
    return { outputs: input, finalState: finalStates };
  }

  /** Refused: cells have no saved form. Their weights save with getWeights(). */
  override getConfig(): LayerConfig {
    throw new ArgumentError(
      'StackedRnn.getConfig',
      `layer '${this.name}' runs cells, which have no saved form: save its weights with getWeights(), or ` +
        `build the model from layers that save: a Sequential of recurrent layers with returnSequences: true`,
    );
  }

  protected override checkInputShape(inputShape: readonly number[]): void {
    checkSequenceApplyShape(this.typeName, this.name, inputShape, this.inputSize);
  }

  /** `apply(x, { mask })`: the top layer's outputs [batch, time, outputSize] from zero states, masked steps 0. */
  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    return this.run(x, { mask: context.mask }).outputs;
  }

  /** Outputs per step: the input's mask goes on unchanged. */
  protected override computeMask(_x: tf.Tensor, mask: tf.Tensor | undefined): tf.Tensor | undefined {
    return mask;
  }
}
