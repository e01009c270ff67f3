import {
  ArgumentError,
  Dense,
  Dropout,
  Flatten,
  Sequential,
  assertInRange,
  assertKnownOptions,
  assertOneOf,
  assertPositiveInteger,
  type Layer,
} from '@baihua/core';
import { Conv2D } from './conv2d-layer.js';
import { ConvBlock } from './conv-block.js';
import { AvgPool2D, L2Pool2D, MaxPool2D } from './pool-layers.js';

/** Options of {@link lenet5}. */
export interface LeNet5Options {
  /** Output classes (logits). Default 10. */
  classes?: number;
  /** Hidden activation. Default 'relu' (LeCun's original used a scaled tanh: pass 'tanh'). */
  activation?: 'relu' | 'tanh' | 'sigmoid' | 'elu';
  /**
   * S2 and S4: 'max' (default), 'avg', 'l2', or 'mixed' (the seed's strategy: max in the low
   * layer S2, average in the high layer S4).
   */
  pooling?: 'max' | 'avg' | 'l2' | 'mixed';
  /** Batch norm between each convolution and its activation (the seed's pipeline). Default false. */
  batchNorm?: boolean;
  /** Dropout rate after C5 and F6. Default 0. */
  dropout?: number;
  /** Seed of every initial weight and dropout mask. */
  seed?: number;
}

/**
 * LeNet-5 as the seed draws it: INPUT 32x32 -> C1 6@28x28 (5x5 conv) -> S2 6@14x14 (2x2 pool) ->
 * C3 16@10x10 (5x5 conv) -> S4 16@5x5 (pool) -> C5 120 (fully connected) -> F6 84 -> OUTPUT 10
 * logits. x: [batch, 32, 32, 1] (pad 28x28 digits by 2) -> [batch, classes]. 61,706 parameters
 * with the defaults. Returns an unbuilt Sequential whose layers are named C1, S2, C3, S4,
 * flatten, C5, F6 and output (plus dropout_C5 / dropout_F6 when dropout > 0).
 *
 * @example
 * const model = lenet5({ pooling: 'mixed', dropout: 0.2, seed: 1 });
 * model.apply(tf.zeros([8, 32, 32, 1])).shape; // [8, 10]
 *
 * In plain words: the factory line of the seed: two rounds of stamping and compressing, then three
 * assembly halls that turn the features into ten scores.
 */
export function lenet5(options: LeNet5Options = {}): Sequential {
  assertKnownOptions('lenet5', 'options', options, [
    'classes',
    'activation',
    'pooling',
    'batchNorm',
    'dropout',
    'seed',
  ]);
  const { classes = 10, activation = 'relu', pooling = 'max', batchNorm = false, dropout = 0, seed } = options;
  assertPositiveInteger('lenet5', 'classes', classes);
  assertOneOf('lenet5', 'activation', activation, ['relu', 'tanh', 'sigmoid', 'elu']);
  assertOneOf('lenet5', 'pooling', pooling, ['max', 'avg', 'l2', 'mixed']);
  assertInRange('lenet5', 'dropout', dropout, { min: 0, max: 1, maxExclusive: true });
  if (typeof batchNorm !== 'boolean')
    throw new ArgumentError('lenet5', `expected batchNorm to be a boolean, got ${typeof batchNorm}`);
  const initializer = activation === 'relu' || activation === 'elu' ? 'heNormal' : 'glorotUniform';
  const conv = (name: string, filters: number): Layer =>
    batchNorm
      ? new ConvBlock({ name, filters, kernelSize: 5, activation, kernelInitializer: initializer })
      : new Conv2D({ name, filters, kernelSize: 5, activation, kernelInitializer: initializer });
  const pool = (name: string, kind: 'max' | 'avg' | 'l2'): Layer =>
    kind === 'max'
      ? new MaxPool2D({ name, poolSize: 2 })
      : kind === 'avg'
        ? new AvgPool2D({ name, poolSize: 2 })
        : new L2Pool2D({ name, poolSize: 2 });
  const low = pooling === 'mixed' ? 'max' : pooling;
  const high = pooling === 'mixed' ? 'avg' : pooling;
  const layers: Layer[] = [
    conv('C1', 6),
    pool('S2', low),
    conv('C3', 16),
    pool('S4', high),
    new Flatten({ name: 'flatten' }),
    new Dense({ name: 'C5', units: 120, activation, kernelInitializer: initializer }),
    ...(dropout > 0 ? [new Dropout({ name: 'dropout_C5', rate: dropout })] : []),
    new Dense({ name: 'F6', units: 84, activation, kernelInitializer: initializer }),
    ...(dropout > 0 ? [new Dropout({ name: 'dropout_F6', rate: dropout })] : []),
    new Dense({ name: 'output', units: classes }),
  ];
  return new Sequential({ name: 'lenet5', layers, ...(seed === undefined ? {} : { seed }) });
}
