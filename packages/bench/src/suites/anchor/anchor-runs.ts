import * as tf from '@tensorflow/tfjs-core';
import type { PreparedCase } from '../../harness/bench-case.js';
import { seededNormal } from '../../harness/seeded-tensors.js';
import { disposeStockWeights, stockTrainableVariables } from '../../harness/stock-layers.js';
import { stockRecurrentLayer, type RecurrentSize } from '../ops/recurrent.js';
import { rnnVariants, type RnnPackage } from '../rnn-package.js';
import type { AnchorCell } from './anchor-shape.js';

/**
 * What a row does with the sequence: the forward pass (all hidden states); forward+backward
 * (gradients of the summed outputs for the input and every weight); or a training step (forward,
 * backward for the weights, and an SGD update of them, learning rate 1e-3).
 */
export type AnchorPass = 'forward' | 'backward' | 'train-step';

const oursVariant = {
  lstm: 'lstm',
  gru: 'gru',
  peepholeLstm: 'peepholeLstm',
  coupledLstm: 'coupledLstm',
  elman: 'simpleRNN',
} as const;

/** The fused switch of @baihua/rnn, set for the duration of one run only. */
type FusedSwitch = (on: boolean) => boolean;

/**
 * @baihua/rnn's layer for `cell` over a seeded [B, T, I] input. `fused: false` runs it with
 * `setFusedSequences(false)` (the op-by-op reference path), restoring the setting after each run.
 */
export async function prepareOursAnchor(
  cell: AnchorCell,
  size: RecurrentSize,
  pass: AnchorPass,
  fused: boolean,
): Promise<PreparedCase> {
  const rnn = await import('@baihua/rnn');
  const layer = rnnVariants[oursVariant[cell]].make(rnn satisfies RnnPackage, size.hiddenSize);
  layer.ensureBuilt([size.batch, size.steps, size.inputSize]);
  const weights = layer.trainableWeights().map((weight) => weight.variable);
  const switchFused: FusedSwitch = rnn.setFusedSequences;
  const withPath = <T>(work: () => T): T => {
    const before = switchFused(fused);
    try {
      return work();
    } finally {
      switchFused(before);
    }
  };
  return prepareAnchorRuns(
    size,
    pass,
    weights,
    (x) => withPath(() => layer.apply(x)),
    () => layer.dispose(),
  );
}

/** The stock tfjs-layers layer for `cell` (lstm, gru or simpleRNN), seeded. */
export function prepareStockAnchor(
  layerKind: 'lstm' | 'gru' | 'simpleRNN',
  size: RecurrentSize,
  pass: AnchorPass,
): PreparedCase {
  const layer = stockRecurrentLayer(layerKind, size, 41);
  const weights = stockTrainableVariables(layer);
  return prepareAnchorRuns(
    size,
    pass,
    weights,
    (x) => layer.apply(x) as tf.Tensor,
    () => disposeStockWeights(layer),
  );
}

function prepareAnchorRuns(
  size: RecurrentSize,
  pass: AnchorPass,
  weights: tf.Variable[],
  apply: (x: tf.Tensor) => tf.Tensor,
  disposeLayer: () => void,
): PreparedCase {
  const seeded = seededNormal([size.batch, size.steps, size.inputSize], 42);
  const x = tf.variable(seeded, true, `anchor-x-${seeded.id}`);
  seeded.dispose();
  const optimizer = tf.train.sgd(1e-3);
  const loss = () => tf.sum(apply(x)) as tf.Scalar;
  const run = (): tf.Tensor | tf.Tensor[] => {
    if (pass === 'forward') return apply(x);
    if (pass === 'backward') {
      const { value, grads } = tf.variableGrads(loss, [x, ...weights]);
      return [value, ...[x, ...weights].map((variable) => grads[variable.name] as tf.Tensor)];
    }
    const { value, grads } = tf.variableGrads(loss, weights);
    optimizer.applyGradients(grads);
    tf.dispose(Object.values(grads));
    return value;
  };
  return {
    run,
    dispose: () => {
      x.dispose();
      optimizer.dispose();
      disposeLayer();
    },
  };
}
