import { describe, expect, test } from 'vitest';
import { ArgumentError } from './argument-error.js';
import { BackendUnavailableError } from './backend-unavailable-error.js';
import { BaihuaError } from './baihua-error.js';
import { ShapeError } from './shape-error.js';

describe('error classes', () => {
  test('messages read "function: detail" and keep the function name', () => {
    const error = new ShapeError('conv2d', 'expected input of rank 4, got rank 3 (shape [28,28,1])');
    expect(error.message).toBe('conv2d: expected input of rank 4, got rank 3 (shape [28,28,1])');
    expect(error.functionName).toBe('conv2d');
    expect(error.name).toBe('ShapeError');
    expect(error).toBeInstanceOf(Error);
  });

  test('isInstance recognises errors from another copy of the package (no shared class)', () => {
    // A duplicated install has its own classes; only the Symbol.for markers are shared.
    const foreign = Object.assign(new Error('x'), {
      [Symbol.for('baihua.error')]: true,
      [Symbol.for('baihua.error.argument')]: true,
    });
    expect(foreign instanceof ArgumentError).toBe(false);
    expect(ArgumentError.isInstance(foreign)).toBe(true);
    expect(BaihuaError.isInstance(foreign)).toBe(true);
    expect(ShapeError.isInstance(foreign)).toBe(false);
  });

  test('each class is recognised by its own isInstance and by BaihuaError only', () => {
    const shape = new ShapeError('f', 'd');
    const argument = new ArgumentError('f', 'd');
    const backend = new BackendUnavailableError([{ backend: 'webgpu', cause: 'c', fix: 'f' }]);
    expect([shape, argument, backend].every((e) => BaihuaError.isInstance(e))).toBe(true);
    expect(ShapeError.isInstance(argument)).toBe(false);
    expect(ArgumentError.isInstance(shape)).toBe(false);
    expect(BackendUnavailableError.isInstance(shape)).toBe(false);
    expect(BackendUnavailableError.isInstance(backend)).toBe(true);
    expect(BaihuaError.isInstance(new Error('plain'))).toBe(false);
    expect(BaihuaError.isInstance(null)).toBe(false);
    expect(BaihuaError.isInstance('ShapeError')).toBe(false);
  });

  test('BackendUnavailableError keeps the underlying exception as its cause', () => {
    const underlying = new Error('dlopen failed');
    const error = new BackendUnavailableError([{ backend: 'webgpu', cause: 'c', fix: 'f', error: underlying }]);
    expect(error.cause).toBe(underlying);
  });
});
