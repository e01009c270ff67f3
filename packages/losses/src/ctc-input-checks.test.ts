// ctcLoss's input checks one by one (each message whole, so a dropped or wrong word shows), the
// timeMajor hint only where the other layout fits, and tensor targets narrower or wider than the
// target lengths. Written to kill the mutants Stryker found surviving (see CONTRIBUTING.md).
import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { expectCloseThenDispose } from '../test/loss-and-gradients.js';
import { type CtcLossOptions, ctcLoss, validateCtcInputs } from './index.js';

const layout = 'logits \\[2,4,3\\] read as \\[N, T, C\\] with timeMajor: false';

describeEachBackend('ctcLoss input checks', () => {
  test('each bad argument gets its own whole message; nothing leaks', () => {
    const logits = tf.zeros([2, 4, 3]);
    const ints = tf.zeros([2, 4, 3], 'int32');
    const flatTargets = tf.tensor1d([1, 2], 'int32');
    const narrowTargets = tf.tensor2d([[1], [2]], [2, 1], 'int32');
    const base = { logits, targets: [[1], [2]], inputLengths: [4, 4], targetLengths: [1, 1] };
    const object = 'an options object \\{ logits, targets, inputLengths, targetLengths \\}';
    const index = 'to be a class index in \\[0, 2\\] other than blank 0';
    const cases: [unknown, RegExp][] = [
      [null, new RegExp(`^ctcLoss: expected ${object}, got null$`)],
      [[], new RegExp(`^ctcLoss: expected ${object}, got $`)],
      ['logits', new RegExp(`^ctcLoss: expected ${object}, got logits$`)],
      [{ ...base, timeMajor: 'false' }, /^ctcLoss: expected timeMajor to be true or false, got "false"$/],
      [{ ...base, logits: ints }, /^ctcLoss: expected logits of dtype float32, got int32$/],
      [{ ...base, blank: -1 }, /^ctcLoss: expected blank to be a class index in \[0, 2\], got -1$/],
      [{ ...base, blank: 1.5 }, /^ctcLoss: expected blank to be a class index in \[0, 2\], got 1.5$/],
      [{ ...base, targets: undefined }, /^ctcLoss: expected targets to be a tf.Tensor, got undefined$/],
      [{ ...base, targets: {} }, /^ctcLoss: expected targets to be a tf.Tensor, got object$/],
      [
        { ...base, targets: [[1]] },
        new RegExp(`^ctcLoss: expected targets with 2 rows \\(one per sequence, N of ${layout}\\), got 1$`),
      ],
      [{ ...base, targets: [[1], 2] }, /^ctcLoss: expected targets\[1\] to be an array of class indices, got number$/],
      [{ ...base, targets: flatTargets }, /^ctcLoss: expected targets of rank 2, got rank 1/],
      [
        { ...base, targets: narrowTargets, targetLengths: [2, 1] },
        /^ctcLoss: expected targetLengths\[0\] <= 1 \(the length of targets row 0\), got 2$/,
      ],
      [{ ...base, inputLengths: 4 }, /^ctcLoss: expected inputLengths to be an array of 2 integers, got number$/],
      [{ ...base, inputLengths: ['4', 4] }, /^ctcLoss: expected inputLengths\[0\] to be an integer >= 0, got 4$/],
      [{ ...base, inputLengths: [2.5, 4] }, /^ctcLoss: expected inputLengths\[0\] to be an integer >= 0, got 2.5$/],
      [{ ...base, targets: [[1.5], [2]] }, new RegExp(`^ctcLoss: expected targets\\[0\\]\\[0\\] ${index}, got 1.5$`)],
      [{ ...base, targets: [[-1], [2]] }, new RegExp(`^ctcLoss: expected targets\\[0\\]\\[0\\] ${index}, got -1$`)],
      [
        { ...base, targets: [[1, 1], [2]], inputLengths: [2, 4], targetLengths: [2, 1] },
        new RegExp(
          '^ctcLoss: target 0 needs at least 3 frames \\(2 labels \\+ 1 repeats, each repeat needs a blank ' +
            "between\\), but inputLengths\\[0\\] is 2; pass onInfeasible 'infinity' or 'zero' to allow it$",
        ),
      ],
    ];
    const before = tf.memory().numTensors;
    for (const [options, message] of cases) expect(() => ctcLoss(options as CtcLossOptions)).toThrow(message);
    expect(tf.memory().numTensors).toBe(before);
    // Feasible exactly at the bound: two different labels in 2 frames, a repeat in 3.
    tf.dispose(ctcLoss({ ...base, targets: [[1, 2], [2]], inputLengths: [2, 4], targetLengths: [2, 1] }));
    tf.dispose(ctcLoss({ ...base, targets: [[1, 1], [2]], inputLengths: [3, 4], targetLengths: [2, 1] }));
    tf.dispose([logits, ints, flatTargets, narrowTargets]);
  });

  test('the timeMajor hint appears only when the lengths and targets fit the other layout', () => {
    const logits = tf.zeros([2, 3, 4]); // as [N, T, C]: N 2, T 3; read the other way: N 3, T 2
    const square = tf.zeros([3, 3, 4]);
    const threeRows = tf.tensor2d([[1], [1], [1]], [3, 1], 'int32');
    const rows3 = [[1], [1], [1]];
    const prefix = 'ctcLoss: expected inputLengths of length 2 (one per sequence, N of logits [2,3,4] read as ';
    const message = (got: number, hint: boolean) =>
      `${prefix}[N, T, C] with timeMajor: false), got length ${got}${hint ? '; did you mean timeMajor: true?' : ''}`;
    const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const cases: [Partial<CtcLossOptions>, string][] = [
      [{ targets: rows3, inputLengths: [1, 1, 1] }, message(3, true)],
      [{ targets: threeRows, inputLengths: [1, 1, 1] }, message(3, true)],
      [{ targets: [[1], [2]], inputLengths: [1, 1, 1] }, message(3, false)],
      [{ targets: undefined, inputLengths: [1, 1, 1] } as never, message(3, true)],
      [{ targets: rows3, inputLengths: [1, 1, 3] }, message(3, false)],
      [{ targets: rows3, inputLengths: ['1', 1, 1] as never }, message(3, false)],
      [{ targets: rows3, inputLengths: [1] }, message(1, false)],
      [
        { targets: rows3, inputLengths: 'abc' as never },
        'ctcLoss: expected inputLengths to be an array of 2 integers, got string',
      ],
      [
        { logits: square, targets: rows3, inputLengths: [1, 1] },
        'ctcLoss: expected inputLengths of length 3 (one per sequence, N of logits [3,3,4] read as [N, T, C] ' +
          'with timeMajor: false), got length 2',
      ],
    ];
    for (const [options, expected] of cases) {
      const call = () => ctcLoss({ logits, targetLengths: [1, 1], ...options } as CtcLossOptions);
      expect(call).toThrow(exactly(expected));
    }
    tf.dispose([logits, square, threeRows]);
  });

  test('tensor targets with no columns or more columns than the lengths; validateCtcInputs on arrays', async () => {
    const logits = tf.zeros([2, 4, 3]);
    const empty = tf.zeros([2, 0], 'int32');
    const wide = tf.tensor2d(
      [
        [1, 2, 2],
        [2, 1, 1],
      ],
      [2, 3],
      'int32',
    );
    const lengths = { logits, inputLengths: [4, 4], reduction: 'none' as const };
    // Uniform 1/3 per frame: the blank path has p = 3^-4; a single label has T(T+1)/2 = 10 alignments.
    await expectCloseThenDispose(ctcLoss({ ...lengths, targets: empty, targetLengths: [0, 0] }), [
      4 * Math.log(3),
      4 * Math.log(3),
    ]);
    await expectCloseThenDispose(ctcLoss({ ...lengths, targets: wide, targetLengths: [1, 1] }), [
      Math.log(8.1),
      Math.log(8.1),
    ]);
    await validateCtcInputs({ ...lengths, targets: [[1], [2, 1]], targetLengths: [1, 2] });
    tf.dispose([logits, empty, wide]);
  });
});
