import { ArgumentError } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { pairDistances, rocCurvePng, rocCurveSvg, verificationPairs, verificationReport } from '../index.js';

function expectArgumentError(call: () => unknown, message: string) {
  let caught: unknown;
  try {
    call();
  } catch (error) {
    caught = error;
  }
  expect(ArgumentError.isInstance(caught), String(caught)).toBe(true);
  expect((caught as Error).message).toContain(message);
}

describe('verification: bad input', () => {
  test('verificationPairs names the argument', () => {
    expectArgumentError(
      () => verificationPairs([0]),
      'verificationPairs: expected labels to be an array of at least 2',
    );
    expectArgumentError(() => verificationPairs([0, 1.5]), 'expected labels to be integers, got labels[1] = 1.5');
    expectArgumentError(() => verificationPairs([0, 1, 2]), 'expected labels with a repeated identity');
    expectArgumentError(() => verificationPairs([4, 4, 4]), 'expected labels of at least 2 identities');
    expectArgumentError(
      () => verificationPairs([0, 0, 1], { negativesPerPositive: 3 }),
      'expected options.negativesPerPositive * 1 positives <= 2 negative pairs, got 3',
    );
    expectArgumentError(
      () => verificationPairs([0, 0, 1], { negativesPerPositive: 0 }),
      'options.negativesPerPositive > 0',
    );
    expectArgumentError(
      () => verificationPairs([0, 0, 1], { maxPairs: 0 }),
      'options.maxPairs to be a positive integer',
    );
    expectArgumentError(() => verificationPairs([0, 0, 1], { seed: 0.5 }), 'options.seed to be an integer, got 0.5');
    expectArgumentError(
      () => verificationPairs([0, 0, 1], { negativePerPositive: 2 } as never),
      "verificationPairs: unknown key 'negativePerPositive' in options (did you mean 'negativesPerPositive'?",
    );
  });

  test('verificationReport names the argument', () => {
    const d = [0.1, 0.2, 0.3, 0.4];
    const same = [1, 0, 1, 0];
    expectArgumentError(() => verificationReport(d, [1, 0]), 'verificationReport: expected distances and same of one');
    expectArgumentError(() => verificationReport([0.1, Number.NaN], [1, 0]), 'got distances[1] = NaN');
    expectArgumentError(() => verificationReport(d, [1, 1, 1, 1]), 'got 4 positives and 0 negatives');
    expectArgumentError(() => verificationReport(d, [0, 0, 0, 0]), 'got 0 positives and 4 negatives');
    expectArgumentError(
      () => verificationReport(d, same, { folds: 1 }),
      'options.folds to be an integer in [2, 4], got 1',
    );
    expectArgumentError(
      () => verificationReport(d, same, { folds: 5 }),
      'options.folds to be an integer in [2, 4], got 5',
    );
    expectArgumentError(
      () => verificationReport(d, same, { far: 0, folds: 2 }),
      'expected options.far in (0, 1), got 0',
    );
    expectArgumentError(
      () => verificationReport(d, same, { far: 1, folds: 2 }),
      'expected options.far in (0, 1), got 1',
    );
    expectArgumentError(() => verificationReport(d, same, { fold: 2 } as never), "unknown key 'fold' in options");
  });

  test('rocCurveSvg and rocCurvePng name the argument', () => {
    const report = verificationReport([0.1, 0.2, 0.3, 0.4], [1, 0, 1, 0], { folds: 2 });
    expectArgumentError(() => rocCurveSvg({}), 'rocCurveSvg: expected curves to be an object of named');
    expectArgumentError(
      () => rocCurveSvg({ a: {} as never }),
      "expected curves['a'] to be a verificationReport result",
    );
    expectArgumentError(
      () => rocCurvePng({ a: report }, { logFar: 1 as never }),
      'rocCurvePng: expected options.logFar',
    );
    const noAuc = { ...report, auc: '1' as never };
    expectArgumentError(() => rocCurveSvg({ a: noAuc }), "expected curves['a'].auc to be a number, got string");
    expectArgumentError(() => rocCurvePng({ a: report }, { width: 10 }), 'rocCurvePng: expected options.width in [');
    expectArgumentError(() => rocCurveSvg({ a: report }, { xLabel: 'x' } as never), "unknown key 'xLabel' in options");
  });
});

describeEachBackend('pairDistances: bad input', () => {
  test('refuses bad embeddings and pairs, names the argument, leaks nothing', async () => {
    await expectNoLeakedTensors(async () => {
      const e = tf.zeros([3, 2]);
      const e1 = tf.zeros([3]);
      const eb = tf.zeros([3, 2], 'bool');
      try {
        const cases: [tf.Tensor, { first: number[]; second: number[] }, string][] = [
          [e1, { first: [0], second: [1] }, 'pairDistances: expected embeddings of rank 2'],
          [eb, { first: [0], second: [1] }, 'expected embeddings of dtype float32 or int32, got bool'],
          [
            e,
            { first: [0, 1], second: [1] },
            'expected pairs.first and pairs.second of one non-zero length, got 2 and 1',
          ],
          [e, { first: [], second: [] }, 'of one non-zero length, got 0 and 0'],
          [e, { first: [0, 3], second: [1, 2] }, 'expected pairs.first to hold row indices in [0, 3), got 3 at 1'],
          [e, { first: [0], second: [-1] }, 'expected pairs.second to hold row indices in [0, 3), got -1 at 0'],
        ];
        for (const [embeddings, pairs, message] of cases) {
          // Twice: a failing call leaves nothing behind either time.
          for (let repeat = 0; repeat < 2; repeat++)
            await expect(pairDistances(embeddings as tf.Tensor2D, pairs)).rejects.toThrow(message);
        }
        await expect(pairDistances(e as tf.Tensor2D, null as never)).rejects.toThrow('expected pairs to be');
      } finally {
        tf.dispose([e, e1, eb]);
      }
    });
  });
});
