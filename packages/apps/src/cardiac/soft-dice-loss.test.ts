import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { diceBceLoss, softDiceLoss } from './soft-dice-loss.js';

/** The value of a scalar tensor, which is then disposed. */
async function scalarValue(scalar: tf.Tensor): Promise<number> {
  try {
    return (await scalar.data())[0] as number;
  } finally {
    scalar.dispose();
  }
}

describeEachBackend('softDiceLoss and diceBceLoss', () => {
  test('values by hand: one Dice per sample, averaged; BCE + (1 - Dice) on logits', async () => {
    const targets = tf.tensor2d([
      [1, 0, 1],
      [0, 0, 0],
    ]);
    const probabilities = tf.tensor2d([
      [0.9, 0.2, 0.6],
      [0.1, 0.0, 0.3],
    ]);
    const logits = tf.tensor2d([
      [2, -1, 0.5],
      [-3, 0, 1],
    ]);
    try {
      const dice = await expectNoLeakedTensors(() => scalarValue(softDiceLoss(targets, probabilities)));
      const first = (2 * 1.5 + 1) / (1.7 + 2 + 1);
      const second = 1 / (0.4 + 1);
      expect(dice).toBeCloseTo(1 - (first + second) / 2, 5);
      const combined = await expectNoLeakedTensors(() => scalarValue(diceBceLoss(targets, logits)));
      const z = [2, -1, 0.5, -3, 0, 1];
      const t = [1, 0, 1, 0, 0, 0];
      const s = z.map((v) => 1 / (1 + Math.exp(-v)));
      const bce = z.reduce((sum, _z, i) => sum - (t[i]! * Math.log(s[i]!) + (1 - t[i]!) * Math.log(1 - s[i]!)), 0) / 6;
      const d1 = (2 * (s[0]! + s[2]!) + 1) / (s[0]! + s[1]! + s[2]! + 2 + 1);
      const d2 = 1 / (s[3]! + s[4]! + s[5]! + 1);
      expect(combined).toBeCloseTo(bce + 1 - (d1 + d2) / 2, 4);
    } finally {
      tf.dispose([targets, probabilities, logits]);
    }
  });

  test('a perfect prediction has Dice loss 0; the diceBceLoss gradient moves logits towards the targets', async () => {
    const targets = tf.tensor([1, 0, 1, 1, 0, 0, 1, 0], [2, 2, 2, 1, 1]);
    const logits = tf.zeros([2, 2, 2, 1, 1]);
    try {
      expect(await scalarValue(softDiceLoss(targets, targets, { smooth: 0 }))).toBeCloseTo(0, 6);
      const gradient = await expectNoLeakedTensors(async () => {
        const g = tf.grad((z: tf.Tensor) => diceBceLoss(targets, z))(logits);
        const values = await g.data();
        g.dispose();
        return Array.from(values);
      });
      const t = await targets.data();
      gradient.forEach((g, i) => expect(Math.sign(g)).toBe(t[i] === 1 ? -1 : 1));
    } finally {
      tf.dispose([targets, logits]);
    }
  });

  test('bad input: shapes that differ, a negative smooth, unknown options', () => {
    const a = tf.zeros([2, 3]);
    const b = tf.zeros([2, 4]);
    try {
      const before = tf.memory().numTensors;
      expect(() => softDiceLoss(a, b)).toThrow(
        /softDiceLoss: expected targets and probabilities to have the same shape, got \[2,3\] and \[2,4\]/,
      );
      expect(() => diceBceLoss(a, b)).toThrow(/diceBceLoss: expected targets and logits to have the same shape/);
      expect(() => softDiceLoss(a, a, { smooth: -1 })).toThrow(/softDiceLoss: expected options.smooth >= 0, got -1/);
      expect(() => softDiceLoss(a, a, { smoth: 1 } as never)).toThrow(/unknown key 'smoth'/);
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      tf.dispose([a, b]);
    }
  });
});
