import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { ArgumentError } from '../../errors/argument-error.js';
import { ShapeError } from '../../errors/shape-error.js';
import { describeEachBackend } from '../../testing.js';
import { AdditiveAttention } from './additive-attention.js';
import { Attention } from './attention.js';

/** Calls `fn` many times; each call must throw `pattern`, and no call may leave a tensor behind. */
function expectRefusedWithoutLeaks(fn: () => unknown, pattern: RegExp, type: typeof ArgumentError | typeof ShapeError) {
  const before = tf.memory().numTensors;
  for (let i = 0; i < 20; i++) {
    let caught: unknown;
    try {
      fn();
    } catch (error) {
      caught = error;
    }
    expect(type.isInstance(caught), String(caught)).toBe(true);
    expect(String((caught as Error).message)).toMatch(pattern);
  }
  expect(tf.memory().numTensors).toBe(before);
}

describeEachBackend('Attention and AdditiveAttention refuse bad inputs and options', () => {
  test('inputs: list length, one tensor, batch, D of query and key, Tv of key and value, rank; no leaks', () => {
    const q = tf.ones([2, 3, 4]);
    const v = tf.ones([2, 5, 4]);
    const wideKey = tf.ones([2, 5, 6]);
    const shortKey = tf.ones([2, 2, 4]);
    const otherBatch = tf.ones([3, 5, 4]);
    const flat = tf.ones([2, 4]);
    for (const Kind of [Attention, AdditiveAttention]) {
      const name = Kind.name;
      const layer = new Kind({ seed: 1 });
      expectRefusedWithoutLeaks(
        () => layer.apply([q]),
        new RegExp(
          `^${name}.apply: expected a list of 2 or 3 tensors, \\[query, value\\] or \\[query, value, key\\], got 1$`,
        ),
        ArgumentError,
      );
      expectRefusedWithoutLeaks(() => layer.apply([q, v, v, v]), /got 4$/, ArgumentError);
      expectRefusedWithoutLeaks(() => layer.apply(q), /expected x to be a non-empty array of tensors/, ArgumentError);
      expectRefusedWithoutLeaks(
        () => layer.apply([q, otherBatch]),
        /the same batch size, got \[2,3,4\] and \[3,5,4\]/,
        ShapeError,
      );
      expectRefusedWithoutLeaks(
        () => layer.apply([q, v, wideKey]),
        new RegExp(
          `^${name}.apply: expected query and key with the same last dimension D, ` +
            'got query \\[2,3,4\\] and \\[2,5,6\\]$',
        ),
        ShapeError,
      );
      expectRefusedWithoutLeaks(
        () => layer.apply([q, wideKey]),
        /expected query and value \(the key when none is given\) with the same last dimension D/,
        ShapeError,
      );
      expectRefusedWithoutLeaks(
        () => layer.apply([q, v, shortKey]),
        /expected key and value with the same number of steps Tv, got key \[2,2,4\] and value \[2,5,4\]$/,
        ShapeError,
      );
      expectRefusedWithoutLeaks(
        () => layer.apply([q, flat]),
        /expected value of rank 3 \(\[batch, time, features\]\), got rank 2 \(shape \[2,4\]\)$/,
        ShapeError,
      );
      expect(layer.isBuilt).toBe(false);
      tf.dispose(layer.apply([q, v]));
      expectRefusedWithoutLeaks(
        () => layer.apply([wideKey, wideKey]),
        /was built for query\/key width D = 4 and value width Dv = 4, got D = 6 and Dv = 6$/,
        ShapeError,
      );
      layer.dispose();
    }
    tf.dispose([q, v, wideKey, shortKey, otherBatch, flat]);
  });

  test('masks of the wrong shape are refused; no leaks', () => {
    const q = tf.ones([2, 3, 4]);
    const v = tf.ones([2, 5, 4]);
    const good = tf.ones([2, 5], 'bool');
    const wrongSteps = tf.ones([2, 4], 'bool');
    const before = tf.memory().numTensors;
    const fresh = new AdditiveAttention({ seed: 2 });
    // The shapes are right, so the first call builds the layer (its scale weight) before the mask is refused.
    expect(() => fresh.apply([q, v], { mask: [undefined, wrongSteps] })).toThrow(/expected the value mask/);
    expect(fresh.isBuilt).toBe(true);
    fresh.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const layer = new AdditiveAttention({ seed: 2 });
    tf.dispose(layer.apply([q, v]));
    expectRefusedWithoutLeaks(
      () => layer.apply([q, v], { mask: [undefined, wrongSteps] }),
      /^AdditiveAttention.apply: expected the value mask of shape \[2,5\] \(\[batch, time\] of the value\), got/,
      ShapeError,
    );
    expectRefusedWithoutLeaks(
      () => layer.apply([q, v], { mask: [good, undefined] }),
      /expected the query mask of shape \[2,3\] \(\[batch, time\] of the query\), got \[2,5\]$/,
      ShapeError,
    );
    expectRefusedWithoutLeaks(
      () => layer.apply([q, v], { mask: good }),
      /expected options.mask to be an array of 2 masks/,
      ArgumentError,
    );
    layer.dispose();
    tf.dispose([q, v, good, wrongSteps]);
  });

  test('options: unknown keys, non-booleans, dropout outside [0, 1)', () => {
    expect(() => new Attention({ useScal: true } as never)).toThrow(
      /^Attention: unknown key 'useScal' in options \(did you mean 'useScale'/,
    );
    expect(() => new AdditiveAttention({ useScale: 'yes' } as never)).toThrow(
      /^AdditiveAttention: expected useScale to be a boolean, got "yes"$/,
    );
    expect(() => new Attention({ causal: 1 } as never)).toThrow(/^Attention: expected causal to be a boolean, got 1$/);
    expect(() => new Attention({ returnScores: null } as never)).toThrow(
      /expected returnScores to be a boolean, got null/,
    );
    expect(() => new Attention({ dropout: 1 })).toThrow(/^Attention: expected dropout in \[0, 1\), got 1$/);
    expect(() => new AdditiveAttention({ dropout: -0.1 })).toThrow(/expected dropout in \[0, 1\), got -0.1/);
  });
});
