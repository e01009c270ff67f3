import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { ArgumentError } from '../errors/argument-error.js';
import {
  lookupActivation,
  registerActivation,
  registeredActivationNames,
  resolveActivation,
} from './activation-registry.js';

describe('activation registry', () => {
  test('registers, looks up and resolves by name; functions pass through', () => {
    const square = (x: tf.Tensor) => tf.square(x);
    registerActivation('test-square', square);
    expect(lookupActivation('test-square')).toBe(square);
    expect(resolveActivation('test-square')).toBe(square);
    expect(resolveActivation(square)).toBe(square);
    expect(registeredActivationNames()).toContain('test-square');
  });

  test('the registry is shared process-wide through Symbol.for (duplicate installs see one registry)', () => {
    const shared = (globalThis as Record<symbol, Map<string, unknown>>)[Symbol.for('baihua.activationRegistry')];
    registerActivation('test-shared', (x) => x);
    expect(shared?.has('test-shared')).toBe(true);
  });

  test('an unknown name lists what is registered', () => {
    registerActivation('test-known', (x) => x);
    expect(() => lookupActivation('nope')).toThrow(
      /lookupActivation: unknown activation 'nope' \(registered: .*test-known/,
    );
  });

  test('bad registrations are rejected', () => {
    expect(() => registerActivation('', (x) => x)).toThrow(ArgumentError);
    expect(() => registerActivation('x', 42 as never)).toThrow(
      'registerActivation: expected activation to be a function, got number',
    );
  });
});
