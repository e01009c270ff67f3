import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend } from '../testing.js';
import { resolveInitializer, varianceScaling } from '../initializers/index.js';
import { BatchNorm } from './batch-norm.js';
import { Composite } from './composite.js';
import { Dense } from './dense.js';
import { Dropout } from './dropout.js';
import { Flatten } from './flatten.js';
import { GroupNorm } from './group-norm.js';
import { LayerNorm } from './layer-norm.js';
import { Residual } from './residual.js';
import { Sequential } from './sequential.js';

// Each case: a constructor call with one mistyped key, and the error it must give.
const cases: [string, () => unknown, RegExp][] = [
  [
    'Dense',
    () => new Dense({ units: 2, activaton: 'relu' } as never),
    new RegExp(
      "Dense: unknown key 'activaton' in options \\(did you mean 'activation'\\? " +
        'known: activation, biasInitializer, kernelInitializer, name, seed, trainable, units, useBias\\)',
    ),
  ],
  [
    'Dense (Keras spelling)',
    () => new Dense({ units: 2, use_bias: false } as never),
    /Dense: unknown key 'use_bias' in options \(did you mean 'useBias'\?/,
  ],
  [
    'BatchNorm',
    () => new BatchNorm({ momentun: 0.9 } as never),
    /BatchNorm: unknown key 'momentun' in options \(did you mean 'momentum'\?/,
  ],
  [
    'LayerNorm',
    () => new LayerNorm({ epsilom: 1e-3 } as never),
    /LayerNorm: unknown key 'epsilom' in options \(did you mean 'epsilon'\?/,
  ],
  [
    'GroupNorm',
    () => new GroupNorm({ groups: 2, group: 2 } as never),
    /GroupNorm: unknown key 'group' in options \(did you mean 'groups'\?/,
  ],
  [
    'Dropout',
    () => new Dropout({ rate: 0.1, seeds: 1 } as never),
    /Dropout: unknown key 'seeds' in options \(did you mean 'seed'\?/,
  ],
  [
    'Flatten',
    () => new Flatten({ trainabel: false } as never),
    /Flatten: unknown key 'trainabel' in options \(did you mean 'trainable'\?/,
  ],
  [
    'Residual',
    () => new Residual({ body: new Dense({ units: 1 }), bdy: 1 } as never),
    /Residual: unknown key 'bdy' in options \(did you mean 'body'\?/,
  ],
  [
    'Sequential',
    () => new Sequential({ layer: [] } as never),
    /Sequential: unknown key 'layer' in options \(did you mean 'layers'\?/,
  ],
  [
    'Composite',
    () =>
      new Composite({
        layers: { a: new Dense({ units: 1 }) },
        forward: (_l: unknown, x: tf.Tensor) => x,
        nam: 'c',
      } as never),
    /Composite: unknown key 'nam' in options \(did you mean 'name'\?/,
  ],
  [
    'varianceScaling',
    () => varianceScaling({ scale: 2, mod: 'fanIn' } as never),
    /varianceScaling: unknown key 'mod' in options \(did you mean 'mode'\?/,
  ],
  [
    'constant spec',
    () => resolveInitializer({ name: 'constant', valu: 0.1 }),
    /constant: unknown key 'valu' in the initializer spec \(did you mean 'value'\? known: name, value\)/,
  ],
  [
    'orthogonal spec',
    () => resolveInitializer({ name: 'orthogonal', gian: 2 }),
    /orthogonal: unknown key 'gian' in the initializer spec \(did you mean 'gain'\?/,
  ],
  [
    'heNormal spec',
    () => resolveInitializer({ name: 'heNormal', scale: 2 }),
    /heNormal: unknown key 'scale' in the initializer spec \(known: name\)/,
  ],
  [
    'a spec through Dense',
    () => new Dense({ units: 1, kernelInitializer: { name: 'constant', vale: 1 } }),
    /constant: unknown key 'vale'/,
  ],
];

test.each(cases)('%s refuses an unknown option key, suggesting the closest', (_name, call, message) => {
  expect(call).toThrow(message);
});

describeEachBackend(
  'unknown option keys',
  () => {
    test('Layer.apply refuses an unknown key in its options, leaking nothing', () => {
      const dense = new Dense({ units: 1 });
      const x = tf.ones([1, 1]);
      dense.apply(x).dispose();
      const before = tf.memory().numTensors;
      for (let i = 0; i < 100; i++) {
        expect(() => dense.apply(x, { trainng: true } as never)).toThrow(
          /^Dense\.apply: unknown key 'trainng' in options \(did you mean 'training'\?/,
        );
      }
      expect(tf.memory().numTensors).toBe(before);
      x.dispose();
      dense.dispose();
    });

    test('a refused key leaks no tensor, 100 times over', () => {
      const before = tf.memory().numTensors;
      for (let i = 0; i < 100; i++) for (const [, call] of cases) expect(call).toThrow();
      expect(tf.memory().numTensors).toBe(before);
    });
  },
  { backends: ['cpu'] },
);

test('every known key is accepted', () => {
  const layers = [
    new Dense({
      units: 1,
      activation: 'linear',
      useBias: false,
      kernelInitializer: 'zeros',
      biasInitializer: 'ones',
      name: 'd',
      seed: 1,
      trainable: false,
    }),
    new BatchNorm({ momentum: 0.9, epsilon: 1e-3, center: false, scale: false }),
    new LayerNorm({ epsilon: 1e-4 }),
    new GroupNorm({ groups: 1, epsilon: 1e-4 }),
    new Dropout({ rate: 0.5 }),
  ];
  expect(layers.map((l) => l.typeName)).toEqual(['Dense', 'BatchNorm', 'LayerNorm', 'GroupNorm', 'Dropout']);
  expect(resolveInitializer({ name: 'varianceScaling', scale: 2, mode: 'fanAvg', distribution: 'normal' })).toBeTypeOf(
    'function',
  );
});
