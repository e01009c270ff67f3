import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import { seededNormal } from '../../harness/seeded-tensors.js';

/**
 * One training step of @baihua/apps/speech's recogniser (issue 17): Masking -> 2 x Bidirectional(LSTM)
 * -> Dense(21) on stacked MFCC frames (78 features per step), CTC loss (@baihua/losses ctcLoss) on
 * targets of 5 words from a 20-word vocabulary, Adam 3e-3 with clipNorm 5 through core's trainStep.
 * Seeded inputs; every sequence full length. Quick: T 20, H 16, b 4; full: T 80 (2.4 s of speech at
 * 3 stacked frames per step), H 64, b 8, the example's size. No stock row (tfjs has no CTC loss).
 */
export function blstmCtcStepCase(mode: BenchMode): BenchCase {
  const [batch, steps, units] = mode === 'quick' ? [4, 20, 16] : [8, 80, 64];
  const words = 5;
  return {
    id: `models/blstm-ctc/T${steps}-H${units}-b${batch}/ours`,
    suite: 'models',
    title: `BLSTM+CTC recogniser T${steps} H${units} b${batch} train step`,
    implementation: 'ours',
    compareKey: `train-step/blstm-ctc/T${steps}-H${units}-b${batch}`,
    params: { batch, steps, units, features: 78, classes: 21, words, via: '@baihua/core trainStep + ctcLoss' },
    async setup() {
      const core = await import('@baihua/core');
      const { ctcLoss } = await import('@baihua/losses');
      const { createSpeechRecognizer } = await import('@baihua/apps/speech');
      const vocabulary = Array.from({ length: 20 }, (_, i) => `w${i}`);
      const { model } = createSpeechRecognizer({ vocabulary, units, stack: 3, seed: 61 });
      const optimizer = new core.Adam({ learningRate: 3e-3 });
      const x = seededNormal([batch, steps, 78], 161);
      const labels = Array.from({ length: batch }, (_, n) =>
        Array.from({ length: words }, (_, k) => 1 + ((7 * n + 3 * k) % 20)),
      );
      const y = tf.tensor2d(labels, [batch, words], 'int32');
      const inputLengths = new Array(batch).fill(steps);
      const targetLengths = new Array(batch).fill(words);
      const loss = (targets: tf.Tensor, logits: tf.Tensor) => ctcLoss({ logits, targets, inputLengths, targetLengths });
      return {
        run: async () => tf.scalar((await core.trainStep(model, { x, y }, { loss, optimizer, clipNorm: 5 })).loss),
        dispose: () => {
          tf.dispose([x, y]);
          model.dispose();
          optimizer.dispose();
        },
      };
    },
  };
}
