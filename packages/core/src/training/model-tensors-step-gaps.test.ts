// arrangeTensors and commonRows case by case (survivors of the training-step mutation part): every
// accepted form for each kind of model (a plain layer, a list-taking layer, one named input, two),
// each refusal with its whole message, and the paths that name each tensor in later messages.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend } from '../testing.js';
import { ArgumentError } from '../errors/argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { arrangeTensors, commonRows, type TensorSlots } from './model-tensors.js';

const plain: TensorSlots = { names: undefined, list: false, what: 'inputs' };
const list: TensorSlots = { names: undefined, list: true, what: 'inputs' };
const one: TensorSlots = { names: ['image'], list: false, what: 'outputs' };
const two: TensorSlots = { names: ['image', 'text'], list: true, what: 'inputs' };

function withTensors(run: (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) => void): void {
  const [a, b, c] = [tf.zeros([2, 3]), tf.ones([2, 1]), tf.zeros([2])];
  try {
    run(a, b, c);
  } finally {
    tf.dispose([a, b, c]);
  }
}

describeEachBackend('arrangeTensors and commonRows', () => {
  test('arrangeTensors: the accepted forms, in the model order, with the path of each tensor', () => {
    withTensors((a, b, c) => {
      expect(arrangeTensors('fit', 'data.x', a, plain)).toEqual({ tensors: [a], paths: ['data.x'] });
      expect(arrangeTensors('fit', 'data.x', [a], plain)).toEqual({ tensors: [a], paths: ['data.x[0]'] });
      expect(arrangeTensors('fit', 'x', [a, b, c], list)).toEqual({
        tensors: [a, b, c],
        paths: ['x[0]', 'x[1]', 'x[2]'],
      });
      expect(arrangeTensors('fit', 'x', [a], list)).toEqual({ tensors: [a], paths: ['x[0]'] });
      expect(arrangeTensors('fit', 'data.y', b, one)).toEqual({ tensors: [b], paths: ['data.y'] });
      expect(arrangeTensors('fit', 'data.y', [b], one)).toEqual({ tensors: [b], paths: ['data.y[0]'] });
      expect(arrangeTensors('fit', 'data.y', { image: b }, one)).toEqual({ tensors: [b], paths: ['data.y.image'] });
      expect(arrangeTensors('fit', 'x', [a, b], two)).toEqual({ tensors: [a, b], paths: ['x[0]', 'x[1]'] });
      expect(arrangeTensors('fit', 'x', { text: b, image: a }, two)).toEqual({
        tensors: [a, b],
        paths: ['x.image', 'x.text'],
      });
    });
  });

  test('arrangeTensors: each wrong form is refused with what the model takes', () => {
    withTensors((a, b, c) => {
      const refusals: [unknown, TensorSlots, string][] = [
        [a, list, "fit: expected x to be a non-empty array of tensors (the model's inputs), got one tensor"],
        [[], list, "fit: expected x to be a non-empty array of tensors (the model's inputs), got an array of 0"],
        [[a, b], plain, "fit: expected x to be a tensor (the model's inputs), got an array of 2"],
        [[], plain, "fit: expected x to be a tensor (the model's inputs), got an array of 0"],
        [
          { a },
          plain,
          "fit: expected x to be a tensor (the model's inputs), got a record (a plain layer's inputs have no names)",
        ],
        [3, plain, "fit: expected x to be a tensor (the model's inputs), got number"],
        [null, list, "fit: expected x to be a non-empty array of tensors (the model's inputs), got null"],
        [
          [b, c],
          one,
          'fit: expected x to be a tensor, an array of 1 tensor or a record { image } ' +
            "(the model's outputs), got an array of 2",
        ],
        [
          a,
          two,
          'fit: expected x to be an array of 2 tensors (image, text) or a record { image, text } ' +
            "(the model's inputs), " +
            'got one tensor',
        ],
        [
          [a, b, c],
          two,
          'fit: expected x to be an array of 2 tensors (image, text) or a record { image, text } ' +
            "(the model's inputs), " +
            'got an array of 3',
        ],
        [{ image: a }, two, "fit: expected x to have the keys image, text (the model's inputs), got missing 'text'"],
        [
          { image: a, text: b, audio: c, video: c },
          two,
          "fit: expected x to have the keys image, text (the model's inputs), got unknown 'audio', 'video'",
        ],
        [
          { img: a, txt: b },
          two,
          "fit: expected x to have the keys image, text (the model's inputs), got missing 'image', 'text' " +
            'and unknown ' +
            "'img', 'txt'",
        ],
        [[a, 'b'], two, 'fit: expected x[1] to be a tf.Tensor, got string'],
        [{ image: a, text: [b] }, two, 'fit: expected x.text to be a tf.Tensor, got an array of 1'],
        [[null], plain, 'fit: expected x[0] to be a tf.Tensor, got null'],
      ];
      for (const [value, slots, message] of refusals) {
        let thrown: unknown;
        try {
          arrangeTensors('fit', 'x', value, slots);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(ArgumentError);
        expect((thrown as Error).message).toBe(message);
      }
    });
  });

  test('arrangeTensors refuses a rank-0 tensor, naming its path', () => {
    const scalar = tf.scalar(1);
    const row = tf.zeros([1, 2]);
    try {
      expect(() => arrangeTensors('predict', 'x', scalar, plain)).toThrow(
        new ShapeError('predict', 'expected x of rank >= 1 (rows first), got rank 0 (shape [])'),
      );
      expect(() => arrangeTensors('predict', 'x', { image: row, text: scalar }, two)).toThrow(
        'predict: expected x.text of rank >= 1 (rows first), got rank 0 (shape [])',
      );
      // Rank 1 is enough.
      const vector = tf.zeros([3]);
      expect(arrangeTensors('predict', 'x', vector, plain).tensors).toEqual([vector]);
      vector.dispose();
    } finally {
      tf.dispose([scalar, row]);
    }
  });

  test('commonRows: the shared row count; refusals name the first tensor and the one that differs', () => {
    const [x3, y3, z2, empty] = [tf.zeros([3, 2]), tf.zeros([3]), tf.zeros([2, 2]), tf.zeros([0, 4])];
    try {
      const x = { tensors: [x3], paths: ['data.x'] };
      expect(commonRows('fit', 'data', [x, { tensors: [y3], paths: ['data.y'] }])).toBe(3);
      expect(commonRows('fit', 'data', [x])).toBe(3);
      expect(() =>
        commonRows('fit', 'data', [
          { tensors: [x3, y3], paths: ['data.x.a', 'data.x.b'] },
          { tensors: [z2], paths: ['data.y'] },
        ]),
      ).toThrow(
        new ShapeError('fit', 'expected data.x.a and data.y with the same number of rows, got [3,2] and [2,2]'),
      );
      expect(() => commonRows('fit', 'data', [{ tensors: [], paths: [] }])).toThrow(
        new ArgumentError('fit', 'expected data to hold tensors, got none'),
      );
      expect(() => commonRows('fit', 'data', [])).toThrow('fit: expected data to hold tensors, got none');
      expect(() => commonRows('predict', 'x', [{ tensors: [empty], paths: ['x'] }])).toThrow(
        new ShapeError('predict', 'expected x with at least one row, got [0,4]'),
      );
      const onlyOne = tf.zeros([1, 1]);
      expect(commonRows('predict', 'x', [{ tensors: [onlyOne], paths: ['x'] }])).toBe(1);
      onlyOne.dispose();
    } finally {
      tf.dispose([x3, y3, z2, empty]);
    }
  });
});
