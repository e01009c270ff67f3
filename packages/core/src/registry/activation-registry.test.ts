import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { builtInActivations } from '../activations/built-in-activations.js';
import { relu } from '../activations/relu.js';
import { silu } from '../activations/silu.js';
import { ArgumentError } from '../errors/argument-error.js';
import {
  activationNameOf,
  getActivation,
  registerActivation,
  registeredActivationNames,
} from './activation-registry.js';

const builtInNames = [
  'elu',
  'gelu',
  'hardSigmoid',
  'leakyRelu',
  'linear',
  'logSoftmax',
  'relu',
  'selu',
  'sigmoid',
  'silu',
  'softmax',
  'softplus',
  'swish',
  'tanh',
];

describe('activation registry', () => {
  test('every built-in name is there with core alone, bound to its function', () => {
    expect(Object.keys(builtInActivations).sort()).toEqual(builtInNames);
    for (const name of builtInNames) {
      expect(registeredActivationNames()).toContain(name);
      expect(getActivation(name)).toBe(builtInActivations[name]);
    }
    expect(getActivation('swish')).toBe(silu);
  });

  test('getActivation: a function passes through; registered names resolve', () => {
    const square = (x: tf.Tensor) => tf.square(x);
    registerActivation('test-square', square);
    expect(getActivation('test-square')).toBe(square);
    expect(getActivation(square)).toBe(square);
    expect(registeredActivationNames()).toContain('test-square');
  });

  test('an unknown name: the caller, a did-you-mean and the known names', () => {
    expect(() => getActivation('rleu', 'Dense')).toThrow(
      /^Dense: unknown activation 'rleu' \(did you mean 'relu'\? known: elu, gelu, hardSigmoid, .*tanh/,
    );
    expect(() => getActivation('hard_sigmoid')).toThrow(
      /^getActivation: unknown activation 'hard_sigmoid' \(did you mean 'hardSigmoid'\? known: /,
    );
    expect(() => getActivation('ReLU')).toThrow(/did you mean 'relu'\?/);
    expect(() => getActivation('xyzzy')).toThrow(/^getActivation: unknown activation 'xyzzy' \(known: elu, /);
    expect(() => getActivation('')).toThrow(/^getActivation: unknown activation '' \(known: /);
    expect(() => getActivation(42 as never, 'Conv2D')).toThrow(
      /^Conv2D: expected activation to be a function or a registered name, got number$/,
    );
    expect(() => getActivation(null as never)).toThrow(ArgumentError);
  });

  test('activationNameOf: the registered name of a function, silu before its alias swish', () => {
    expect(activationNameOf(relu)).toBe('relu');
    expect(activationNameOf(silu)).toBe('silu');
    expect(activationNameOf('swish')).toBe('swish');
    const cube = (x: tf.Tensor) => tf.pow(x, 3);
    expect(() => activationNameOf(cube, 'Dense.getConfig')).toThrow(
      new RegExp(
        '^Dense\\.getConfig: expected a registered activation so that the model can be saved, got the unregistered ' +
          'function cube \\(register it with registerActivation\\(name, fn\\), or pass its name\\)$',
      ),
    );
    expect(() => activationNameOf('cubed', 'Dense.getConfig')).toThrow(/^Dense\.getConfig: unknown activation 'cubed'/);
    registerActivation('test-cube', cube);
    expect(activationNameOf(cube)).toBe('test-cube');
  });

  test('a built-in name cannot be given another function; a name of yours can be replaced', () => {
    expect(() => registerActivation('relu', (x) => tf.relu(x))).toThrow(
      /^registerActivation: expected a name that is not built in, got 'relu' \(built-in activations cannot be replaced/,
    );
    expect(getActivation('relu')).toBe(relu);
    expect(() => registerActivation('relu', relu)).not.toThrow();
    const first = (x: tf.Tensor) => tf.neg(x);
    const second = (x: tf.Tensor) => tf.abs(x);
    registerActivation('test-replace', first);
    registerActivation('test-replace', second);
    expect(getActivation('test-replace')).toBe(second);
  });

  test('the registry is shared process-wide through Symbol.for (duplicate installs see one registry)', () => {
    const shared = (globalThis as Record<symbol, Map<string, unknown>>)[Symbol.for('baihua.activationRegistry')];
    registerActivation('test-shared', (x) => x);
    expect(shared?.has('test-shared')).toBe(true);
    expect(shared?.get('gelu')).toBe(builtInActivations.gelu);
  });

  test('bad registrations are rejected', () => {
    expect(() => registerActivation('', (x) => x)).toThrow(ArgumentError);
    expect(() => registerActivation('x', 42 as never)).toThrow(
      'registerActivation: expected activation to be a function, got number',
    );
  });
});
