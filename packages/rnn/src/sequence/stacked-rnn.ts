import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '@baihua/core';
import { runSequence } from './run-sequence.js';
import { sequenceInputSize, sequenceOutputSize } from './sequence-model-info.js';
import type { RunSequenceOptions, SequenceLayer, SequenceModel, SequenceResult } from './sequence-types.js';

/**
 * Layers on top of each other: layer k reads the output sequence of layer k - 1
 * (x -> h^1_{1..T} -> h^2_{1..T} -> ...), as PyTorch's `num_layers`. The mask and `reverse` go to
 * every layer; `initialState` and `finalState` hold one entry per layer.
 * Shapes: x [batch, time, inputSize] -> [batch, time, last layer's units].
 *
 * @example
 * const stack = new StackedRnn([new LstmCell({ inputSize: 3, hiddenSize: 8 }), new LstmCell({ inputSize: 8, hiddenSize: 8, seed: 1 })]);
 * const { outputs, finalState } = runSequence(stack, x); // finalState[1].hidden is the top layer's
 *
 * In plain words: a second line of runners passes on the first line's notes instead of the words.
 */
export class StackedRnn implements SequenceLayer<unknown[]> {
  readonly layers: readonly SequenceModel[];
  readonly inputSize: number;
  readonly outputSize: number;

  constructor(layers: readonly SequenceModel[]) {
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

  run(x: tf.Tensor, options: RunSequenceOptions<unknown[]> = {}): SequenceResult<unknown[]> {
    const { initialState, returnSequences = true, mask, reverse } = options;
    if (initialState !== undefined && (!Array.isArray(initialState) || initialState.length !== this.layers.length)) {
      throw new ArgumentError(
        'StackedRnn.run',
        `expected initialState to be an array of ${this.layers.length} states (one per layer)`,
      );
    }
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

  trainableVariables(): tf.Variable[] {
    return this.layers.flatMap((layer) => layer.trainableVariables());
  }

  parameterCount(): number {
    return this.layers.reduce((sum, layer) => sum + layer.parameterCount(), 0);
  }

  dispose(): void {
    for (const layer of this.layers) layer.dispose();
  }
}
