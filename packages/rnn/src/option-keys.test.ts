import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { CoupledLstmCell } from './cells/coupled-lstm-cell.js';
import { ElmanCell } from './cells/elman-cell.js';
import { GruCell } from './cells/gru-cell.js';
import { LstmCell } from './cells/lstm-cell.js';
import { PeepholeLstmCell } from './cells/peephole-lstm-cell.js';
import { fromKeras } from './import/from-keras.js';
import { BidirectionalCells } from './sequence/bidirectional-cells.js';
import { runSequence } from './sequence/run-sequence.js';
import { StackedRnn } from './sequence/stacked-rnn.js';

const sizes = { inputSize: 3, hiddenSize: 2 };

describeEachBackend(
  'unknown option keys are refused with the closest known key (every public options object of @baihua/rnn)',
  () => {
    test('cells: the key, the suggestion and the known keys', () => {
      const cases: [() => unknown, RegExp][] = [
        [
          () => new LstmCell({ ...sizes, forgetbias: 2 } as never),
          /^LstmCell: unknown key 'forgetbias' in options \(did you mean 'forgetBias'\? known: .*hiddenSize.*\)$/,
        ],
        [
          () => new PeepholeLstmCell({ ...sizes, peepHole: 'full' } as never),
          /^PeepholeLstmCell: unknown key 'peepHole' in options \(did you mean 'peephole'\?/,
        ],
        [
          () => new CoupledLstmCell({ ...sizes, hiddensize: 2 } as never),
          /^CoupledLstmCell: unknown key 'hiddensize' in options \(did you mean 'hiddenSize'\?/,
        ],
        [
          () => new GruCell({ ...sizes, resetAfer: false } as never),
          /^GruCell: unknown key 'resetAfer' in options \(did you mean 'resetAfter'\?/,
        ],
        [
          () => new ElmanCell({ ...sizes, activaton: 'relu' } as never),
          /^ElmanCell: unknown key 'activaton' in options \(did you mean 'activation'\?/,
        ],
        [
          () => new ElmanCell({ ...sizes, ownedWeights: [] } as never),
          /^ElmanCell: unknown key 'ownedWeights' in options \(known: /,
        ],
      ];
      for (const [make, message] of cases) {
        expect(make).toThrow(ArgumentError);
        expect(make).toThrow(message);
      }
      expect(() => new LstmCell({ ...sizes, forgetBias: Number.NaN })).toThrow(
        /^LstmCell: expected forgetBias to be a finite number, got NaN$/,
      );
    });

    test('given weights: a key of the old names is refused, not silently ignored', () => {
      const kernel = tf.zeros([3, 8]);
      const recurrentKernel = tf.zeros([2, 8]);
      const weights = { kernel, recurrentKernel, inputBias: tf.zeros([8]) };
      expect(() => new LstmCell({ weights } as never)).toThrow(
        /^LstmCell: unknown key 'inputBias' in weights \(known: bias, kernel, recurrentBias, recurrentKernel\)$/,
      );
      tf.dispose([kernel, recurrentKernel, weights.inputBias]);
    });

    test('runSequence, BidirectionalCells (options, run), StackedRnn.run and fromKeras; no tensor leaks', async () => {
      const cell = new GruCell(sizes);
      const bi = new BidirectionalCells({ forward: new GruCell(sizes), backward: new GruCell(sizes) });
      const stack = new StackedRnn([new GruCell(sizes)]);
      const x = tf.ones([1, 2, 3]);
      const cases: [() => unknown, RegExp][] = [
        [
          () => runSequence(cell, x, { returnSequence: false } as never),
          new RegExp(
            "^runSequence: unknown key 'returnSequence' in options \\(did you mean 'returnSequences'\\? " +
              'known: initialState, mask, returnSequences, reverse\\)$',
          ),
        ],
        [
          () => new BidirectionalCells({ forward: cell, backward: cell, mergeMode: 'sum' } as never),
          /^BidirectionalCells: unknown key 'mergeMode' in options \(did you mean 'merge'\?/,
        ],
        [
          () => bi.run(x, { masks: x } as never),
          /^BidirectionalCells.run: unknown key 'masks' in options \(did you mean 'mask'\?/,
        ],
        [
          () => stack.run(x, { initalState: [] } as never),
          /^StackedRnn.run: unknown key 'initalState' in options \(did you mean 'initialState'\?/,
        ],
        [
          () => fromKeras([], { kind: 'lstm', recurrentActvation: 'hardSigmoid' } as never),
          /^fromKeras: unknown key 'recurrentActvation' in options \(did you mean 'recurrentActivation'\?/,
        ],
        [
          () => fromKeras([], { kind: 'simple', recurrentActivation: 'hardSigmoid' }),
          /^fromKeras: expected recurrentActivation only with kind 'lstm' or 'gru', got kind 'simple'$/,
        ],
      ];
      await expectNoLeakedTensors(() => {
        for (let k = 0; k < 100; k++) {
          for (const [call, message] of cases) {
            expect(call).toThrow(ArgumentError);
            expect(call).toThrow(message);
          }
        }
        return [];
      });
      x.dispose();
      for (const layer of [cell, bi, stack]) layer.dispose();
    });
  },
  // Option checks run before any tensor op: one backend shows them.
  { backends: ['cpu'] },
);
