import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { CoupledLstmCell } from '../../cells/coupled-lstm-cell.js';
import { ElmanCell } from '../../cells/elman-cell.js';
import type { GatedCell } from '../../cells/gated-cell.js';
import { GruCell } from '../../cells/gru-cell.js';
import { LstmCell } from '../../cells/lstm-cell.js';
import { PeepholeLstmCell } from '../../cells/peephole-lstm-cell.js';
import type { RecurrentState } from '../../cells/recurrent-cell.js';
import './register-wasm-sequences.js';
import { expectFusedMatchesReference } from '../test/fused-parity-case.js';

/** A small seeded generator (mulberry32), so every run draws the same cases. */
function generator(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

const kinds: ((inputSize: number, hiddenSize: number, seed: number) => GatedCell<RecurrentState>)[] = [
  (inputSize, hiddenSize, seed) => new LstmCell({ inputSize, hiddenSize, seed }) as never,
  (inputSize, hiddenSize, seed) => new PeepholeLstmCell({ inputSize, hiddenSize, seed }) as never,
  (inputSize, hiddenSize, seed) => new CoupledLstmCell({ inputSize, hiddenSize, seed }) as never,
  (inputSize, hiddenSize, seed) => new GruCell({ inputSize, hiddenSize, seed }) as never,
  (inputSize, hiddenSize, seed) => new GruCell({ inputSize, hiddenSize, seed, resetAfter: false }) as never,
  (inputSize, hiddenSize, seed) => new ElmanCell({ inputSize, hiddenSize, seed }) as never,
  (inputSize, hiddenSize, seed) => new ElmanCell({ inputSize, hiddenSize, seed, activation: 'relu' }) as never,
];

// Twelve seeded cases: every cell kind, batch 1 to 4 (batch 1 drawn on purpose in the first), time
// 2 to 6, ragged masks (lengths 0 to time, right-padded), reverse, returnSequences, initial states.
// Fused vs op-by-op, loss and every gradient, rtol 1e-4 / atol 1e-5. (Time 1: see the runner test.)
describeEachBackend(
  'wasm fused runner on random shapes',
  () => {
    test('twelve seeded cases match the op-by-op path', async () => {
      const draw = generator(2026);
      for (let n = 0; n < 12; n++) {
        const batch = n === 0 ? 1 : 1 + draw(4);
        const time = 2 + draw(5);
        const [features, hidden] = [1 + draw(5), 1 + draw(6)];
        const lengths = Array.from({ length: batch }, () => draw(time + 1));
        const masked = draw(2) === 1;
        const cell = (kinds[n % kinds.length] as (typeof kinds)[number])(features, hidden, 10 + n);
        try {
          const runner = await expectFusedMatchesReference({
            cell,
            shape: [batch, time, features],
            mask: masked
              ? lengths.map((length) => Array.from({ length: time }, (_, t) => (t < length ? 1 : 0)))
              : undefined,
            reverse: draw(2) === 1,
            returnSequences: draw(3) !== 0,
            initialState: draw(2) === 1,
            seed: 100 + n,
          });
          expect(runner).toBe('wasm-fused-sequence');
        } finally {
          cell.dispose();
        }
      }
    });
  },
  { backends: ['wasm'] },
);
