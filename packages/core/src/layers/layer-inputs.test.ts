// What apply accepts as x and options.mask, for one-input and list layers: each wrong form named.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { JoinForTest } from '../../test/graph-test-layers.js';
import { describeEachBackend } from '../testing.js';
import { Dense } from './dense.js';
import { isShapeList } from './layer-inputs.js';

describeEachBackend('layer inputs and masks', () => {
  test('list layers: x must be a non-empty array of tensors; masks one per input', () => {
    const join = new JoinForTest();
    const x = tf.ones([2, 3]);
    const mask = tf.ones([2], 'bool');
    const wrongBatch = tf.ones([3], 'bool');
    const scalar = tf.scalar(1);
    const before = tf.memory().numTensors;
    expect(() => join.apply([] as never)).toThrow(/JoinForTest\.apply: expected x to be a non-empty array of tensors/);
    expect(() => join.apply(null as never)).toThrow(/non-empty array of tensors .*, got null/);
    expect(() => join.apply([x, 'y'] as never)).toThrow(/JoinForTest\.apply: expected x\[1\] to be a tf\.Tensor/);
    expect(() => join.apply([x, x], { mask: mask as never })).toThrow(
      /expected options\.mask to be an array of 2 masks \(undefined where an input has none\), got object/,
    );
    expect(() => join.apply([x, x], { mask: [mask] })).toThrow(/array of 2 masks .*, got an array of 1/);
    expect(() => join.apply([x, x], { mask: [undefined, wrongBatch] })).toThrow(
      /expected options\.mask\[1\] with the batch size of x\[1\] \(2\) first, got shape \[3\]/,
    );
    expect(() => join.apply([x, scalar])).toThrow(/expected x\[1\] of rank >= 1 \(batch first\), got rank 0/);
    expect(tf.memory().numTensors).toBe(before);
    const y = join.apply([x, x], { mask: [mask, undefined] });
    expect(y.shape).toEqual([2, 6]);
    tf.dispose([x, mask, wrongBatch, scalar, y]);
  });

  test('one-input layers: x one tensor, the mask one tensor of the same batch', () => {
    const dense = new Dense({ units: 1, seed: 1 });
    const x = tf.ones([2, 3]);
    const mask = tf.ones([2], 'bool');
    expect(() => dense.apply('x' as never)).toThrow(/Dense\.apply: expected x to be a tf\.Tensor/);
    expect(() => dense.apply(x, { mask: [mask] as never })).toThrow(
      /Dense\.apply: expected options\.mask to be one tensor \(this layer takes one input\), got an array/,
    );
    const scalarMask = tf.scalar(true, 'bool');
    expect(() => dense.apply(x, { mask: scalarMask })).toThrow(/expected options\.mask with the batch size of x \(2\)/);
    const { outputs, masks } = dense.applyWithMask(x, { mask });
    expect(masks[0]).not.toBe(mask); // a mask passed through is a new tensor the caller owns
    expect(Array.from(masks[0]?.dataSync() ?? [])).toEqual([1, 1]);
    tf.dispose([x, mask, scalarMask, ...outputs, ...(masks as tf.Tensor[])]);
  });

  test('isShapeList tells a list of shapes from one shape (an empty shape is one shape)', () => {
    expect(isShapeList([2, 3])).toBe(false);
    expect(isShapeList([[2, 3], [2]])).toBe(true);
    expect(isShapeList([])).toBe(false);
  });
});
