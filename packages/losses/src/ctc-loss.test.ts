import * as tf from '@tensorflow/tfjs-core';
import { createRandom } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { ctcReference } from '../test/ctc-reference.js';
import { expectCloseThenDispose, expectFiniteLossAndGradients, readScalar } from '../test/loss-and-gradients.js';
import { ctcLoss, validateCtcInputs } from './ctc-loss.js';
import { loadTorchFixture } from '@baihua/test-fixtures';

const loose = { atol: 1e-4, rtol: 1e-3 };

/** The fixture's [T, N, C] log-probabilities as [N, T, C], and its concatenated targets as rows. */
function fixtureInputs() {
  const c = loadTorchFixture('recurrent', 'ctc');
  const logProbsTNC = c.tensor('logProbs_TNC');
  const logits = tf.transpose(logProbsTNC, [1, 0, 2]);
  logProbsTNC.dispose();
  const concatenated = c.get('targetsConcatenated') as number[];
  const targetLengths = c.get('targetLengths') as number[];
  const rows: number[][] = [];
  let offset = 0;
  for (const length of targetLengths) {
    rows.push(concatenated.slice(offset, offset + length));
    offset += length;
  }
  const width = Math.max(...targetLengths);
  // Padding with a junk value: ctcLoss must ignore everything past each target length.
  const padded = rows.map((row) => [...row, ...new Array<number>(width - row.length).fill(-7)]);
  return {
    c,
    logits,
    rows,
    padded,
    targetLengths,
    inputLengths: c.get('inputLengths') as number[],
    blank: c.number('blank'),
  };
}

function randomCase(seed: number, batch: number, frames: number, classes: number, scale = 1) {
  const random = createRandom(seed);
  const values = Array.from({ length: batch }, () =>
    Array.from({ length: frames }, () => Array.from({ length: classes }, () => random.normal() * scale)),
  );
  return values;
}

describeEachBackend('ctcLoss', (backend) => {
  test('matches PyTorch ctc_loss: per-sequence loss and gradient (tensor targets padded with junk)', async () => {
    const { c, logits, padded, targetLengths, inputLengths, blank } = fixtureInputs();
    const targets = tf.tensor2d(padded, undefined, 'int32');
    await expectCloseThenDispose(
      ctcLoss({ logits, targets, inputLengths, targetLengths, blank, reduction: 'none' }),
      c.get('lossPerSequence') as number[],
      loose,
    );
    const grad = tf.grad((z: tf.Tensor) =>
      ctcLoss({ logits: z, targets, inputLengths, targetLengths, blank, reduction: 'sum' }),
    )(logits);
    const expected = tf.transpose(c.tensor('dLogProbsOfSum'), [1, 0, 2]);
    await expectTensorsClose(grad, expected, loose);
    tf.dispose([logits, targets, grad, expected]);
  });

  test("number[][] targets; 'mean' divides by target lengths (PyTorch), 'sum' adds", async () => {
    const { c, logits, rows, targetLengths, inputLengths } = fixtureInputs();
    const [l0, l1] = c.get('lossPerSequence') as [number, number];
    await expectCloseThenDispose(
      ctcLoss({ logits, targets: rows, inputLengths, targetLengths }),
      (l0 / 3 + l1 / 2) / 2,
      loose,
    );
    await expectCloseThenDispose(
      ctcLoss({ logits, targets: rows, inputLengths, targetLengths, reduction: 'sum' }),
      l0 + l1,
      loose,
    );
    // log-probabilities pass through unchanged: the fixture input already is log-softmax output
    const again = tf.logSoftmax(logits);
    await expectCloseThenDispose(
      ctcLoss({ logits: again, targets: rows, inputLengths, targetLengths, reduction: 'sum' }),
      l0 + l1,
      loose,
    );
    tf.dispose([logits, again]);
  });

  test('agrees with a float64 reference: repeats, an empty target, blank 2, short inputs', async () => {
    const values = randomCase(21, 4, 9, 5);
    const targets = [[1, 1, 3], [], [4, 0, 4, 4], [3]];
    const targetLengths = [3, 0, 4, 1];
    const inputLengths = [9, 4, 9, 1];
    const blank = 2;
    const references = values.map((sequence, n) =>
      ctcReference(sequence, (targets[n] as number[]).slice(0, targetLengths[n]), inputLengths[n] as number, blank),
    );
    const logits = tf.tensor3d(values);
    await expectCloseThenDispose(
      ctcLoss({ logits, targets, inputLengths, targetLengths, blank, reduction: 'none' }),
      references.map((r) => r.loss),
      loose,
    );
    const grad = tf.grad((z: tf.Tensor) =>
      ctcLoss({ logits: z, targets, inputLengths, targetLengths, blank, reduction: 'sum' }),
    )(logits);
    await expectCloseThenDispose(
      grad,
      references.map((r) => r.gradient),
      loose,
    );
    logits.dispose();
  });

  // T = 500 on cpu and wasm. WebGPU on SwiftShader (a CPU Vulkan driver) needs 10-35 ms per frame for
  // the ~30 dispatches of forward + backward, so it runs T = 120 there: already ~300 nats, far past
  // float32's e^-103, so it checks the same log-space property.
  const longFrames = backend === 'webgpu' ? 120 : 500;
  test(`T = ${longFrames} stays in log space: no underflow, matches the float64 reference`, async () => {
    const frames = longFrames;
    const values = randomCase(5, 1, frames, 6, 2);
    const labels = Array.from({ length: Math.floor(frames / 12) }, (_, i) => 1 + (i % 5));
    const reference = ctcReference(values[0] as number[][], labels, frames, 0);
    expect(reference.loss).toBeGreaterThan(frames === 500 ? 745 : 200); // e^-745 underflows float64; e^-103 float32
    const logits = tf.tensor3d(values);
    const options = {
      targets: [labels],
      inputLengths: [frames],
      targetLengths: [labels.length],
      reduction: 'sum' as const,
    };
    const { value, grad } = tf.valueAndGrad((z: tf.Tensor) => ctcLoss({ ...options, logits: z }) as tf.Scalar)(logits);
    await expectTensorsClose(value, reference.loss, loose);
    await expectTensorsClose(grad, [reference.gradient], loose);
    tf.dispose([logits, value, grad]);
  });

  test('logits of +/-1e4: finite value and gradient', async () => {
    const values = randomCase(8, 2, 6, 4).map((sequence) =>
      sequence.map((row) => row.map((v) => (v > 0 ? 1e4 : -1e4))),
    );
    const logits = tf.tensor3d(values);
    await expectFiniteLossAndGradients(
      (z) => ctcLoss({ logits: z, targets: [[1, 2], [3]], inputLengths: [6, 5], targetLengths: [2, 1] }),
      [logits],
    );
    logits.dispose();
  });

  const infeasible =
    "onInfeasible: 'throw' for arrays, 'infinity', 'zero' (zero gradient for that sequence), " +
    'tensor targets checked by validateCtcInputs';
  test(infeasible, async () => {
    const logits = tf.tensor3d(randomCase(4, 2, 3, 4));
    const base = { logits, targets: [[1, 1, 1], [2]], inputLengths: [3, 3], targetLengths: [3, 1] };
    expect(() => ctcLoss(base)).toThrow(
      /ctcLoss: target 0 needs at least 5 frames \(3 labels \+ 2 repeats.*inputLengths\[0\] is 3/,
    );
    const none = (await ctcLoss({ ...base, onInfeasible: 'infinity', reduction: 'none' }).array()) as number[];
    expect(none[0]).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isFinite(none[1])).toBe(true);
    const zero = ctcLoss({ ...base, onInfeasible: 'zero', reduction: 'none' });
    await expectCloseThenDispose(zero, [0, none[1] as number], loose);
    const grad = tf.grad((z: tf.Tensor) => ctcLoss({ ...base, logits: z, onInfeasible: 'infinity', reduction: 'sum' }))(
      logits,
    );
    const gradValues = (await grad.array()) as number[][][];
    expect(gradValues[0]?.flat().every((v) => v === 0)).toBe(true);
    expect(gradValues[1]?.flat().every((v) => Number.isFinite(v)) && gradValues[1]?.flat().some((v) => v !== 0)).toBe(
      true,
    );
    const targets = tf.tensor2d(
      [
        [1, 1, 1],
        [2, 0, 0],
      ],
      undefined,
      'int32',
    );
    expect(await readScalar(ctcLoss({ ...base, targets }))).toBe(Number.POSITIVE_INFINITY);
    await expect(validateCtcInputs({ ...base, targets })).rejects.toThrow(
      /validateCtcInputs: target 0 needs at least 5 frames/,
    );
    const outOfRange = tf.tensor2d(
      [
        [1, 9, 1],
        [2, 0, 0],
      ],
      undefined,
      'int32',
    );
    await expect(validateCtcInputs({ ...base, targets: outOfRange })).rejects.toThrow(
      /expected targets\[0\]\[1\] to be a class index in \[0, 3\] other than blank 0, got 9/,
    );
    await validateCtcInputs({ ...base, targets, inputLengths: [3, 3], targetLengths: [1, 1] });
    tf.dispose([logits, grad, targets, outOfRange]);
  });

  test('no leaks, with the gradient', async () => {
    const logits = tf.tensor3d(randomCase(3, 2, 5, 4));
    const targets = tf.tensor2d(
      [
        [1, 2],
        [3, 3],
      ],
      undefined,
      'int32',
    );
    await expectNoLeakedTensors(() =>
      tf.grad((z: tf.Tensor) => ctcLoss({ logits: z, targets, inputLengths: [5, 4], targetLengths: [2, 2] }))(logits),
    );
    tf.dispose([logits, targets]);
  });

  test('bad input: clear errors, thrown synchronously', () => {
    const logits = tf.zeros([2, 4, 3]);
    const base = { logits, targets: [[1], [2]], inputLengths: [4, 4], targetLengths: [1, 1] };
    const flat = tf.zeros([4, 3]);
    expect(() => ctcLoss({ ...base, logits: flat })).toThrow(
      /ctcLoss: expected logits of rank 3, got rank 2 \(shape \[4,3\]\)/,
    );
    expect(() => ctcLoss({ ...base, inputLengths: [5, 4] })).toThrow(
      'ctcLoss: expected inputLengths[0] <= 4 (the T = 4 frames of logits [2,4,3] read as [N, T, C] with timeMajor: ' +
        'false), got 5',
    );
    expect(() => ctcLoss({ ...base, inputLengths: [4] })).toThrow(
      'expected inputLengths of length 2 (one per sequence, N of logits [2,4,3] read as [N, T, C] with timeMajor: ' +
        'false), got length 1',
    );
    expect(() => ctcLoss({ ...base, targetLengths: [2, 1] })).toThrow(
      /expected targetLengths\[0\] <= 1 \(the length of targets row 0\), got 2/,
    );
    expect(() => ctcLoss({ ...base, targetLengths: [-1, 1] })).toThrow(
      /expected targetLengths\[0\] to be an integer >= 0, got -1/,
    );
    expect(() => ctcLoss({ ...base, targets: [[0], [2]] })).toThrow(
      /expected targets\[0\]\[0\] to be a class index in \[0, 2\] other than blank 0, got 0/,
    );
    expect(() => ctcLoss({ ...base, targets: [[3], [2]] })).toThrow(/other than blank 0, got 3/);
    expect(() => ctcLoss({ ...base, blank: 3 })).toThrow(/expected blank to be a class index in \[0, 2\], got 3/);
    expect(() => ctcLoss({ ...base, onInfeasible: 'nan' as never })).toThrow(
      /expected onInfeasible to be one of 'throw', 'infinity', 'zero', got "nan"/,
    );
    const floatTargets = tf.zeros([2, 1]);
    expect(() => ctcLoss({ ...base, targets: floatTargets })).toThrow(/expected targets of dtype int32, got float32/);
    const wrongBatch = tf.zeros([3, 1], 'int32');
    expect(() => ctcLoss({ ...base, targets: wrongBatch })).toThrow(
      'expected targets of shape [2,S] to match N of logits [2,4,3] read as [N, T, C] with timeMajor: false, got [3,1]',
    );
    tf.dispose([logits, flat, floatTargets, wrongBatch]);
  });
});
