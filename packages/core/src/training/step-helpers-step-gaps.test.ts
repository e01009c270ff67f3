// The small helpers of a training step, case by case (survivors of the training-step mutation part):
// sumTensors of no tensors, nonFiniteError for a finite loss with a non-finite gradient (and its
// whole message), and withTapeCleanup inside an outer gradient, whose tape it must leave alone.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend } from '../testing.js';
import { nonFiniteError } from './non-finite.js';
import { sumTensors } from './sum-tensors.js';
import { withTapeCleanup } from './tape-cleanup.js';

const advice =
  'the weights were left as they were before this step. Look for NaN or Infinity in x and y, or lower the ' +
  'learning rate; stopOnNonFinite: false trains on regardless';

test('nonFiniteError: undefined only when both figures are finite; each case with its whole message', () => {
  expect(nonFiniteError('fit', 'here', { loss: 0.5, gradientSum: -3 })).toBeUndefined();
  expect(nonFiniteError('fit', 'here', { loss: 0, gradientSum: 0 })).toBeUndefined();
  // A finite loss with a non-finite gradient is refused too (an `||` would let it through).
  const gradient = nonFiniteError('trainStep', 'in this step', { loss: 1.25, gradientSum: Number.NaN });
  expect(gradient?.message).toBe(
    'trainStep: expected a finite loss and finite gradients, got a non-finite gradient (sum of the gradients NaN) ' +
      `with loss 1.25 in this step; ${advice}`,
  );
  const infinite = nonFiniteError('fit', 'at epoch 2, batch 5 (1-based)', { loss: 2, gradientSum: -Infinity });
  expect(infinite?.message).toBe(
    'fit: expected a finite loss and finite gradients, got a non-finite gradient (sum of the gradients -Infinity) ' +
      `with loss 2 at epoch 2, batch 5 (1-based); ${advice}`,
  );
  // A non-finite loss is named as such, whatever the gradients.
  const loss = nonFiniteError('fit', 'at epoch 1, batch 1 (1-based)', { loss: Infinity, gradientSum: 4 });
  expect(loss?.message).toBe(
    `fit: expected a finite loss and finite gradients, got loss Infinity at epoch 1, batch 1 (1-based); ${advice}`,
  );
  expect(nonFiniteError('fit', 'x', { loss: Number.NaN, gradientSum: Number.NaN })?.message).toMatch(
    /^fit: expected a finite loss and finite gradients, got loss NaN x; /,
  );
});

describeEachBackend('sumTensors', () => {
  test('no tensors: a scalar 0; one: itself; several: their sum', async () => {
    const [empty, one, several, a, b, c] = tf.tidy(() => {
      const parts = [tf.tensor1d([1, 2]), tf.tensor1d([10, 20]), tf.tensor1d([100, 200])];
      return [sumTensors([]), sumTensors(parts.slice(0, 1)), sumTensors(parts), ...parts];
    }) as tf.Tensor[];
    try {
      expect(empty?.shape).toEqual([]);
      expect(Array.from(await (empty as tf.Tensor).data())).toEqual([0]);
      expect(one).toBe(a);
      expect(Array.from(await (several as tf.Tensor).data())).toEqual([111, 222]);
    } finally {
      tf.dispose([empty, one, several, a, b, c] as tf.Tensor[]);
    }
  });
});

describeEachBackend('withTapeCleanup', () => {
  test('a failure inside an outer gradient leaves the outer tape alone: the outer gradient is right', async () => {
    const before = tf.memory().numTensors;
    const x = tf.tensor1d([1, -2, 3]);
    const two = tf.scalar(2);
    const inner = tf.variable(two);
    two.dispose();
    const gradient = tf.grad((v: tf.Tensor) => {
      const squared = tf.square(v); // recorded on the outer tape before the inner call fails
      expect(() =>
        withTapeCleanup(() =>
          tf.variableGrads(() => {
            tf.mul(inner, 3); // recorded too
            throw new Error('loss refused its labels');
          }, [inner]),
        ),
      ).toThrow('loss refused its labels');
      return tf.sum(tf.mul(squared, v)); // d/dv sum(v^3) = 3 v^2
    });
    const dx = gradient(x);
    try {
      expect(Array.from(await dx.data())).toEqual([3, 12, 27]);
    } finally {
      tf.dispose([x, inner, dx]);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  test('a failure at the outermost gradient frees what tfjs kept for the backward pass, and rethrows', () => {
    const w = tf.variable(tf.tensor1d([0.5, 2]));
    const x = tf.tensor1d([3, 4]);
    try {
      const before = tf.memory().numTensors;
      const failing = () =>
        withTapeCleanup(() =>
          tf.variableGrads(() => {
            const y: tf.Scalar = tf.sum(tf.mul(tf.exp(w), x));
            if (y.rank === 0) throw new RangeError('shape refused');
            return y;
          }, [w]),
        );
      expect(failing).toThrow(RangeError);
      expect(failing).toThrow('shape refused');
      expect(tf.memory().numTensors).toBe(before);
      // The engine is usable again: a gradient afterwards is right.
      const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(w, x)), [w]);
      expect(tf.memory().numTensors).toBe(before + 2);
      tf.dispose([value, ...Object.values(grads)]);
    } finally {
      tf.dispose([w, x]);
    }
  });
});
