import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import { seededNormal, seededOneHot } from '../../harness/seeded-tensors.js';

const steps = 10;

/** Median of a few numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * What core's trainingDiagnostics costs: 10 training steps of an MLP (196-128-64-10, ReLU, batch
 * 64, Adam) through fit with the recorder watching (every 10 steps: one device read per interval).
 * The timed run is the watched one; setup also times the same 10 steps without the recorder,
 * alternating, and reports `overhead` = watched / plain (medians of 3 each; 1 on webgpu), measured in one run.
 *
 * In plain words: how much slower training gets while the diagnostics watch it.
 */
export function diagnosticsOverheadCase(mode: BenchMode): BenchCase {
  const batch = 64;
  return {
    id: 'models/diagnostics-overhead/ours',
    suite: 'models',
    title: `MLP 196-128-64-10 b${batch}, ${steps} steps with trainingDiagnostics (every 10)`,
    implementation: 'ours',
    compareKey: 'diagnostics-overhead',
    params: { batch, steps, every: 10, layers: '196-128-64-10', mode },
    tolerance: { rtol: 1e-2, atol: 1e-3 },
    async setup({ backend }) {
      const core = await import('@baihua/core');
      const model = new core.Sequential({
        seed: 61,
        layers: [
          new core.Dense({ units: 128, activation: 'relu' }),
          new core.Dense({ units: 64, activation: 'relu' }),
          new core.Dense({ units: 10 }),
        ],
      });
      const x = seededNormal([batch * steps, 196], 161, 0.5);
      const y = seededOneHot(batch * steps, 10, 162);
      const loss = (labels: tf.Tensor, logits: tf.Tensor) => tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
      const train = async (watched: boolean) => {
        const optimizer = new core.Sgd({ learningRate: 1e-2 });
        const callbacks = watched ? [core.trainingDiagnostics({ every: 10 })] : [];
        const history = await core.fit(
          model,
          { x, y },
          {
            loss,
            optimizer,
            epochs: 1,
            batchSize: batch,
            shuffle: false,
            progress: 'none',
            callbacks,
          },
        );
        optimizer.dispose();
        return history.get('loss');
      };
      // The weights move with every run; keep the first ones so every run starts from the same point.
      await train(false);
      const start = model.getWeights();
      const reset = () => model.setWeights(start);
      const timings: Record<'plain' | 'watched', number[]> = { plain: [], watched: [] };
      // SwiftShader's webgpu takes seconds per run here: one pair there, three elsewhere.
      for (let i = 0; i < (backend === 'webgpu' ? 1 : 3); i++)
        for (const kind of ['plain', 'watched'] as const) {
          reset();
          const began = performance.now();
          await train(kind === 'watched');
          timings[kind].push(performance.now() - began);
        }
      const plainMs = median(timings.plain);
      const watchedMs = median(timings.watched);
      return {
        run: async () => {
          reset();
          return tf.tensor1d(await train(true));
        },
        metrics: () => ({ overhead: watchedMs / plainMs, plainMs, watchedMs }),
        dispose: () => {
          tf.dispose([x, y, ...start]);
          model.dispose();
        },
      };
    },
  };
}
