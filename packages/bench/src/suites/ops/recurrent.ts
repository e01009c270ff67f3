import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import { seededNormal } from '../../harness/seeded-tensors.js';
import { disposeStockWeights, seedStockWeights, stockTrainableVariables } from '../../harness/stock-layers.js';

/** Sequence sizes of the recurrent cases. */
export interface RecurrentSize {
  steps: number;
  batch: number;
  inputSize: number;
  hiddenSize: number;
}

export function recurrentSize(mode: BenchMode): RecurrentSize {
  return mode === 'quick'
    ? { steps: 16, batch: 8, inputSize: 32, hiddenSize: 32 }
    : { steps: 50, batch: 32, inputSize: 128, hiddenSize: 128 };
}

export function recurrentLabel({ steps, batch, inputSize, hiddenSize }: RecurrentSize): string {
  return `T${steps} B${batch} I${inputSize} H${hiddenSize}`;
}

/** A stock tfjs-layers recurrent layer (all outputs returned), built and seeded. */
export function stockRecurrentLayer(
  kind: 'lstm' | 'gru' | 'simpleRNN',
  size: RecurrentSize,
  seed: number,
): tfl.layers.Layer {
  const settings = {
    units: size.hiddenSize,
    returnSequences: true,
    kernelInitializer: 'zeros',
    recurrentInitializer: 'zeros',
  } as const;
  const layer =
    kind === 'lstm'
      ? tfl.layers.lstm(settings)
      : kind === 'gru'
        ? tfl.layers.gru(settings)
        : tfl.layers.simpleRNN(settings);
  // A symbolic call builds the layer (and marks it built) without computing anything.
  layer.apply(tfl.input({ batchShape: [size.batch, size.steps, size.inputSize] }));
  seedStockWeights(layer, seed);
  return layer;
}

/**
 * Stock tf.layers.lstm and tf.layers.gru over a whole sequence: forward (all hidden states), and
 * forward+backward (gradients of the summed outputs for the input and every weight).
 */
export function recurrentCases(mode: BenchMode): BenchCase[] {
  const size = recurrentSize(mode);
  const label = recurrentLabel(size);
  const params = { ...size };
  return (['lstm', 'gru'] as const).flatMap((kind): BenchCase[] => [
    {
      id: `ops/${kind}-forward/${label}/stock`,
      suite: 'ops',
      title: `${kind.toUpperCase()} seq fwd ${label}`,
      implementation: 'stock',
      compareKey: `${kind}-forward/${label}`,
      params,
      setup() {
        const layer = stockRecurrentLayer(kind, size, 41);
        const x = seededNormal([size.batch, size.steps, size.inputSize], 42);
        return {
          run: () => layer.apply(x) as tf.Tensor,
          dispose: () => {
            x.dispose();
            disposeStockWeights(layer);
          },
        };
      },
    },
    {
      id: `ops/${kind}-backward/${label}/stock`,
      suite: 'ops',
      title: `${kind.toUpperCase()} seq fwd+bwd ${label}`,
      implementation: 'stock',
      compareKey: `${kind}-backward/${label}`,
      params,
      setup() {
        const layer = stockRecurrentLayer(kind, size, 41);
        const x = seededNormal([size.batch, size.steps, size.inputSize], 42);
        const variables = stockTrainableVariables(layer);
        return {
          run: () => {
            const { value, grads } = tf.variableGrads(
              () => tf.sum(layer.apply(x) as tf.Tensor) as tf.Scalar,
              variables,
            );
            return [value, ...variables.map((variable) => grads[variable.name] as tf.Tensor)];
          },
          dispose: () => {
            x.dispose();
            disposeStockWeights(layer);
          },
        };
      },
    },
  ]);
}
