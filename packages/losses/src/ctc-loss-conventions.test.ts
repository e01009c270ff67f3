// ctcLoss's conventions (issue 11): whatever the padding holds, fromLogits, timeMajor, option keys.
import * as tf from '@tensorflow/tfjs-core';
import { createRandom } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { ctcReference } from '../test/ctc-reference.js';
import { expectCloseThenDispose } from '../test/loss-and-gradients.js';
import { ctcLoss, validateCtcInputs } from './ctc-loss.js';
import { loadTorchFixture } from '@baihua/test-fixtures';

const loose = { atol: 1e-4, rtol: 1e-3 };

function randomValues(seed: number, shape: [number, number, number]): number[][][] {
  const random = createRandom(seed);
  const [n, t, c] = shape;
  return Array.from({ length: n }, () =>
    Array.from({ length: t }, () => Array.from({ length: c }, () => random.normal())),
  );
}

/** Per-sequence losses and the gradient of their sum, read into JS. */
async function lossAndGradient(loss: (z: tf.Tensor) => tf.Tensor, input: tf.Tensor) {
  const { value, grad } = tf.valueAndGrad((z: tf.Tensor) => tf.sum(loss(z)) as tf.Scalar)(input);
  const perSequence = loss(input);
  try {
    return {
      losses: Array.from(await perSequence.data()),
      total: (await value.data())[0] as number,
      gradient: (await grad.array()) as number[][][],
    };
  } finally {
    tf.dispose([value, grad, perSequence]);
  }
}

describeEachBackend('ctcLoss conventions', () => {
  const targets = [[1, 2, 2], [3], [4, 1]];
  const targetLengths = [3, 1, 2];
  const inputLengths = [7, 4, 3];

  for (const fromLogits of [true, false]) {
    const padding =
      `padding of NaN, +Infinity or -Infinity past inputLengths (fromLogits ${fromLogits}): ` +
      'same loss and in-length gradient, exactly 0 there';
    test(padding, async () => {
      const values = randomValues(11, [3, 7, 5]);
      const junk = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
      const dirty = values.map((sequence, n) =>
        sequence.map((row, t) =>
          t < (inputLengths[n] as number) ? row : row.map((_, c) => junk[(t + c + n) % 3] as number),
        ),
      );
      const prepare = (v: number[][][]) => {
        const raw = tf.tensor3d(v);
        if (fromLogits) return raw;
        const logProbs = tf.logSoftmax(raw); // NaN and Infinity rows stay non-finite
        raw.dispose();
        return logProbs;
      };
      const clean = prepare(values);
      const padded = prepare(dirty);
      const loss = (z: tf.Tensor) =>
        ctcLoss({ logits: z, targets, inputLengths, targetLengths, fromLogits, reduction: 'none' });
      try {
        const a = await lossAndGradient(loss, clean);
        const b = await lossAndGradient(loss, padded);
        expect(b.losses).toEqual(a.losses);
        expect(b.losses.every(Number.isFinite)).toBe(true);
        for (let n = 0; n < 3; n++)
          for (let t = 0; t < 7; t++) {
            const row = b.gradient[n]?.[t] as number[];
            if (t < (inputLengths[n] as number)) expect(row).toEqual(a.gradient[n]?.[t]);
            else for (const v of row) expect(Object.is(v, 0), `gradient[${n}][${t}] = ${v}`).toBe(true);
          }
        // each sequence's in-length gradient is not all zero: the comparison above is not vacuous
        expect(b.gradient[2]?.[0]?.some((v) => v !== 0)).toBe(true);
      } finally {
        tf.dispose([clean, padded]);
      }
    });
  }

  const logProbabilities =
    'fromLogits false: log-probabilities used as given (PyTorch fixture); gradient -occupancy, ' +
    'PyTorch through logSoftmax';
  test(logProbabilities, async () => {
    const c = loadTorchFixture('recurrent', 'ctc');
    const logProbs = c.tensor('logProbs_TNC'); // [T, N, C]
    const lengths = c.get('targetLengths') as number[];
    const concatenated = c.get('targetsConcatenated') as number[];
    const rows = lengths.map((_, n) => concatenated.slice(sum(lengths.slice(0, n)), sum(lengths.slice(0, n + 1))));
    const base = {
      targets: rows,
      inputLengths: c.get('inputLengths') as number[],
      targetLengths: lengths,
      timeMajor: true,
      fromLogits: false,
    };
    const expectedLosses = c.get('lossPerSequence') as number[];
    const torchGradient = c.tensor('dLogProbsOfSum');
    const shifted = tf.add(logProbs, 3);
    // PyTorch's gradient is exp(lp) - occupancy inside the lengths, 0 past them.
    const torchValues = (await torchGradient.array()) as number[][][];
    const logProbValues = (await logProbs.array()) as number[][][];
    const minusOccupancy = torchValues.map((frame, t) =>
      frame.map((row, n) =>
        row.map((g, k) => (t < (base.inputLengths[n] as number) ? g - Math.exp(logProbValues[t]![n]![k]!) : 0)),
      ),
    );
    try {
      await expectCloseThenDispose(ctcLoss({ ...base, logits: logProbs, reduction: 'none' }), expectedLosses, loose);
      // Unnormalised input is not normalised: every path's log-probability grows by 3 per frame.
      await expectCloseThenDispose(
        ctcLoss({ ...base, logits: shifted, reduction: 'none' }),
        expectedLosses.map((l, n) => l - 3 * (base.inputLengths[n] as number)),
        loose,
      );
      const direct = tf.grad((lp: tf.Tensor) => ctcLoss({ ...base, logits: lp, reduction: 'sum' }))(logProbs);
      await expectCloseThenDispose(direct, minusOccupancy, loose);
      const composed = tf.grad((z: tf.Tensor) => ctcLoss({ ...base, logits: tf.logSoftmax(z), reduction: 'sum' }))(
        shifted,
      );
      await expectCloseThenDispose(composed, torchGradient, loose);
    } finally {
      tf.dispose([logProbs, torchGradient, shifted]);
    }
  });

  test('-Infinity inside the lengths (probability 0): finite loss and gradient, as the float64 reference', async () => {
    const values = randomValues(3, [2, 6, 4]);
    // Class 3 is impossible in frames 1 and 4 of both sequences; sequence 1's target avoids it.
    for (const sequence of values) for (const t of [1, 4]) (sequence[t] as number[])[3] = Number.NEGATIVE_INFINITY;
    const rows = [[1, 3], [2]];
    const options = { targets: rows, inputLengths: [6, 5], targetLengths: [2, 1] };
    const references = values.map((sequence, n) =>
      ctcReference(sequence, rows[n] as number[], options.inputLengths[n] as number, 0),
    );
    const logits = tf.tensor3d(values);
    const logProbs = tf.logSoftmax(logits);
    const probabilities = ((await logProbs.array()) as number[][][]).map((sequence) =>
      sequence.map((row) => row.map(Math.exp)),
    );
    try {
      for (const [input, fromLogits] of [
        [logits, true],
        [logProbs, false],
      ] as const) {
        const loss = (z: tf.Tensor) => ctcLoss({ ...options, logits: z, fromLogits, reduction: 'none' });
        const { losses, gradient } = await lossAndGradient(loss, input);
        expect(losses.every(Number.isFinite)).toBe(true);
        await expectCloseThenDispose(
          tf.tensor1d(losses),
          references.map((r) => r.loss),
          loose,
        );
        // reference: softmax - occupancy; with log-probabilities the softmax term is not there
        const expected = references.map((r, n) =>
          r.gradient.map((row, t) =>
            row.map((g, k) =>
              fromLogits || t >= (options.inputLengths[n] as number) ? g : g - probabilities[n]![t]![k]!,
            ),
          ),
        );
        await expectCloseThenDispose(tf.tensor3d(gradient), expected, loose);
      }
      // A target that needs the impossible class everywhere is infeasible: Infinity, zero gradient.
      const blocked = values.map((sequence) => sequence.map((row) => [row[0]!, row[1]!, row[2]!, -Infinity]));
      const z = tf.tensor3d(blocked);
      const loss = (x: tf.Tensor) =>
        ctcLoss({
          ...options,
          targets: [[3], [2]],
          targetLengths: [1, 1],
          logits: x,
          onInfeasible: 'infinity',
          reduction: 'none',
        });
      const { losses, gradient } = await lossAndGradient(loss, z);
      z.dispose();
      expect(losses[0]).toBe(Number.POSITIVE_INFINITY);
      expect(Number.isFinite(losses[1])).toBe(true);
      expect(gradient.flat(2).every((v) => Number.isFinite(v))).toBe(true);
      expect(gradient[0]?.flat().every((v) => v === 0)).toBe(true);
    } finally {
      tf.dispose([logits, logProbs]);
    }
  });

  const timeMajorCase =
    'timeMajor: [T, N, C] (PyTorch fixture as stored) gives PyTorch loss and gradient, = the batch-major run';
  test(timeMajorCase, async () => {
    const c = loadTorchFixture('recurrent', 'ctc');
    const logitsTNC = tf.add(c.tensor('logProbs_TNC'), 1.5); // raw scores: fromLogits (the default) normalises
    const logitsNTC = tf.transpose(logitsTNC, [1, 0, 2]);
    const lengths = c.get('targetLengths') as number[];
    const concatenated = c.get('targetsConcatenated') as number[];
    const rows = lengths.map((_, n) => concatenated.slice(sum(lengths.slice(0, n)), sum(lengths.slice(0, n + 1))));
    const base = { targets: rows, inputLengths: c.get('inputLengths') as number[], targetLengths: lengths };
    const torchGradient = c.tensor('dLogProbsOfSum');
    try {
      const loss = (timeMajor: boolean) => (z: tf.Tensor) =>
        ctcLoss({ ...base, logits: z, timeMajor, reduction: 'none' });
      const timeMajor = await lossAndGradient(loss(true), logitsTNC);
      const batchMajor = await lossAndGradient(loss(false), logitsNTC);
      await expectCloseThenDispose(tf.tensor1d(timeMajor.losses), c.get('lossPerSequence') as number[], loose);
      await expectCloseThenDispose(tf.tensor3d(timeMajor.gradient), torchGradient, loose);
      expect(timeMajor.losses).toEqual(batchMajor.losses);
      const transposed = tf.transpose(tf.tensor3d(batchMajor.gradient), [1, 0, 2]);
      await expectCloseThenDispose(transposed, timeMajor.gradient, { atol: 0, rtol: 0 });
    } finally {
      tf.dispose([logitsTNC, logitsNTC, torchGradient]);
    }
  });

  test('a batch-major/time-major mix-up names the layout and suggests timeMajor', () => {
    const timeMajorLogits = tf.zeros([6, 2, 4]); // [T, N, C]
    const batchMajorLogits = tf.zeros([2, 6, 4]); // [N, T, C]
    const base = { targets: [[1, 2], [3]], inputLengths: [6, 5], targetLengths: [2, 1] };
    try {
      expect(() => ctcLoss({ ...base, logits: timeMajorLogits })).toThrow(
        'ctcLoss: expected inputLengths of length 6 (one per sequence, N of logits [6,2,4] read as [N, T, C] ' +
          'with timeMajor: false), got length 2; did you mean timeMajor: true?',
      );
      expect(() => ctcLoss({ ...base, logits: batchMajorLogits, timeMajor: true })).toThrow(
        'ctcLoss: expected inputLengths of length 6 (one per sequence, N of logits [2,6,4] read as [T, N, C] ' +
          'with timeMajor: true), got length 2; did you mean timeMajor: false?',
      );
      expect(() => ctcLoss({ ...base, logits: batchMajorLogits, inputLengths: [7, 5] })).toThrow(
        'ctcLoss: expected inputLengths[0] <= 6 (the T = 6 frames of logits [2,6,4] read as [N, T, C] ' +
          'with timeMajor: false), got 7',
      );
      expect(() => ctcLoss({ ...base, logits: timeMajorLogits, timeMajor: true })).not.toThrow();
    } finally {
      tf.dispose([timeMajorLogits, batchMajorLogits]);
    }
  });

  const keys = "unknown option keys suggest the known one ({ reduce: 'sum' } is not a silent mean); flags are booleans";
  test(keys, async () => {
    const logits = tf.zeros([2, 4, 3]);
    const base = { logits, targets: [[1], [2]], inputLengths: [4, 4], targetLengths: [1, 1] };
    const before = tf.memory().numTensors;
    try {
      for (let i = 0; i < 100; i++) {
        expect(() => ctcLoss({ ...base, reduce: 'sum' } as never)).toThrow(
          "ctcLoss: unknown key 'reduce' in options (did you mean 'reduction'? known: blank, fromLogits, " +
            'inputLengths, logits, onInfeasible, reduction, targetLengths, targets, timeMajor)',
        );
      }
      expect(tf.memory().numTensors).toBe(before);
      expect(() => ctcLoss({ ...base, timemajor: true } as never)).toThrow(/did you mean 'timeMajor'\?/);
      expect(() => ctcLoss({ ...base, fromlogits: false } as never)).toThrow(/did you mean 'fromLogits'\?/);
      expect(() => ctcLoss({ ...base, fromLogits: 'false' } as never)).toThrow(
        'ctcLoss: expected fromLogits to be true or false, got "false"',
      );
      await expect(validateCtcInputs({ ...base, inputLength: [4, 4] } as never)).rejects.toThrow(
        /^validateCtcInputs: unknown key 'inputLength' in options \(did you mean 'inputLengths'\?/,
      );
    } finally {
      logits.dispose();
    }
  });
});

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
