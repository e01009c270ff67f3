// Every layer kind of this folder (not the containers) with every option at a non-default value,
// name, trainable and seed included: getConfig() equals the options passed (not another getConfig(),
// which would share a field both sides leave out), and so does the config after serializeModel /
// deserializeModel, whose copy computes the same outputs in inference and, with the same seed, in
// training (dropout masks). Core's own copy of the workspace-wide table, so that mutants of these
// layers meet it (the workspace test runs the built dist). Defaults: the config of the bare options.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { deserializeModel, serializeModel } from '../serialization/index.js';
import { describeEachBackend } from '../testing.js';
import { AdditiveAttention } from './attention/additive-attention.js';
import { Attention } from './attention/attention.js';
import { Add } from './add.js';
import { BatchNorm } from './batch-norm.js';
import { Concatenate } from './concatenate.js';
import { Dense } from './dense.js';
import { Dropout } from './dropout.js';
import { Embedding } from './embedding.js';
import { Flatten } from './flatten.js';
import { GroupNorm } from './group-norm.js';
import { LayerNorm } from './layer-norm.js';
import type { Layer } from './layer.js';
import { Masking } from './masking.js';
import { Multiply } from './multiply.js';
import { RepeatVector } from './repeat-vector.js';
import { Reshape } from './reshape.js';

type Options = Record<string, unknown>;
type Make = (options: never) => Layer;

const makers: Record<string, Make> = {
  Dense: (o) => new Dense(o),
  Dropout: (o) => new Dropout(o),
  BatchNorm: (o) => new BatchNorm(o),
  LayerNorm: (o) => new LayerNorm(o),
  GroupNorm: (o) => new GroupNorm(o),
  Flatten: (o) => new Flatten(o),
  Embedding: (o) => new Embedding(o),
  Masking: (o) => new Masking(o),
  Concatenate: (o) => new Concatenate(o),
  Add: (o) => new Add(o),
  Multiply: (o) => new Multiply(o),
  RepeatVector: (o) => new RepeatVector(o),
  Reshape: (o) => new Reshape(o),
  Attention: (o) => new Attention(o),
  AdditiveAttention: (o) => new AdditiveAttention(o),
};

/** Varied values of both signs; every step of row 0 at index 1 set to `fill` when given (Masking). */
function input(shape: number[], fill?: number): tf.Tensor {
  const size = shape.reduce((n, s) => n * s, 1);
  const last = shape.at(-1) as number;
  const values = Array.from({ length: size }, (_, i) => 2 * Math.sin(1.7 * i + 0.3));
  if (fill !== undefined) for (let f = 0; f < last; f++) values[last + f] = fill;
  return tf.tensor(values, shape);
}

interface KindCase {
  type: string;
  options: Options;
  x: () => tf.Tensor | tf.Tensor[];
}

let counter = 0;
function spec(type: string, own: Options, x: () => tf.Tensor | tf.Tensor[]): KindCase {
  counter += 1;
  return { type, options: { name: `kind_${counter}`, trainable: false, seed: 40 + counter, ...own }, x };
}

const cases: KindCase[] = [
  spec(
    'Dense',
    {
      units: 3,
      activation: 'tanh',
      useBias: false,
      kernelInitializer: { name: 'varianceScaling', scale: 0.7, mode: 'fanOut', distribution: 'normal' },
      biasInitializer: { name: 'constant', value: 0.25 },
    },
    () => input([2, 3, 4]),
  ),
  spec('Dropout', { rate: 0.3 }, () => input([2, 5])),
  spec('BatchNorm', { momentum: 0.6, epsilon: 0.5, center: false, scale: false }, () => input([4, 2, 3])),
  spec('LayerNorm', { epsilon: 0.5 }, () => input([2, 5])),
  spec('GroupNorm', { groups: 2, epsilon: 0.25 }, () => input([2, 3, 4])),
  spec('Flatten', {}, () => input([2, 2, 3])),
  spec(
    'Embedding',
    {
      inputDim: 7,
      outputDim: 3,
      maskZero: true,
      embeddingsInitializer: { name: 'randomUniform', minval: -1, maxval: 2 },
    },
    () => tf.tensor2d([0, 3, 6, 1, 2, 0, 5, 4], [2, 4], 'int32'),
  ),
  spec('Masking', { maskValue: 0.5 }, () => input([2, 4, 3], 0.5)),
  spec('Concatenate', { axis: 1 }, () => [input([2, 4, 3]), input([2, 2, 3])]),
  spec('Add', {}, () => [input([2, 3]), input([2, 3], 1), input([2, 3], -2)]),
  spec('Multiply', {}, () => [input([2, 3]), input([2, 3], 3), input([2, 3], -0.5)]),
  spec('RepeatVector', { n: 3 }, () => input([2, 5])),
  spec('Reshape', { targetShape: [-1, 2] }, () => input([2, 3, 4])),
  spec('Attention', { useScale: true, causal: true, returnScores: true, dropout: 0.25 }, () => [
    input([2, 3, 4]),
    input([2, 5, 3]),
    input([2, 5, 4]),
  ]),
  spec('AdditiveAttention', { useScale: false, causal: true, returnScores: true, dropout: 0.5 }, () => [
    input([2, 4, 3]),
    input([2, 4, 3]),
  ]),
];

/** The config of the bare required options: every default written out. */
const defaults: [string, Options, Options][] = [
  [
    'Dense',
    { units: 2 },
    { activation: 'linear', useBias: true, kernelInitializer: 'glorotUniform', biasInitializer: 'zeros' },
  ],
  ['Dropout', { rate: 0.5 }, {}],
  ['BatchNorm', {}, { momentum: 0.99, epsilon: 1e-3, center: true, scale: true }],
  ['LayerNorm', {}, { epsilon: 1e-5 }],
  ['GroupNorm', { groups: 2 }, { epsilon: 1e-5 }],
  ['Embedding', { inputDim: 4, outputDim: 2 }, { maskZero: false, embeddingsInitializer: 'randomUniform' }],
  ['Masking', {}, { maskValue: 0 }],
  ['Concatenate', {}, { axis: -1 }],
  ['Attention', {}, { useScale: false, causal: false, returnScores: false, dropout: 0 }],
  ['AdditiveAttention', {}, { useScale: true, causal: false, returnScores: false, dropout: 0 }],
];

async function valuesOf(tensors: tf.Tensor[]): Promise<number[][]> {
  return Promise.all(tensors.map(async (t) => Array.from(await t.data())));
}

describeEachBackend('layer kinds: every option survives getConfig and save/load', () => {
  test.each(cases)('$type: config equals the options passed, before and after; same outputs', async (c) => {
    const before = tf.memory().numTensors;
    const expected = { type: c.type, ...c.options };
    const original = (makers[c.type] as Make)(c.options as never);
    expect(original.getConfig()).toEqual(expected);
    const x = c.x();
    const trained = original.applyMulti(x as tf.Tensor, { training: true });
    const inferred = original.applyMulti(x as tf.Tensor);
    const serialized = await serializeModel(original);
    const copy = await deserializeModel({ topology: JSON.stringify(serialized.topology), weights: serialized.weights });
    expect(copy).toBeInstanceOf(original.constructor);
    expect(copy.getConfig()).toEqual(expected);
    const copyInferred = copy.applyMulti(x as tf.Tensor);
    const copyTrained = copy.applyMulti(x as tf.Tensor, { training: true }); // the same seed: the same dropout mask
    // One program on one backend with the same weights: bit-equal.
    expect(await valuesOf(copyInferred)).toEqual(await valuesOf(inferred));
    expect(await valuesOf(copyTrained)).toEqual(await valuesOf(trained));
    tf.dispose([x, ...trained, ...inferred, ...copyInferred, ...copyTrained]);
    original.dispose();
    copy.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

test.each(defaults)('%s: the defaults are written out in getConfig', (type, required, own) => {
  const layer = (makers[type] as Make)(required as never);
  const { name: _name, ...config } = layer.getConfig();
  expect(config).toEqual({ type, trainable: true, ...required, ...own });
});
