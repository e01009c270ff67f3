import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  BackendUnavailableError,
  assertKnownOptions,
  assertPositiveInteger,
  deserializeModel,
  serializeModel,
  useBackend,
  type BackendName,
  type Layer,
} from '@baihua/core';

/** Options of {@link backendLatency}. */
export interface LatencyOptions {
  /** Backends to time, each skipped (with the reason) when it cannot start here. Default ['cpu', 'wasm', 'webgpu']. */
  backends?: readonly BackendName[];
  /** Rows per timed batch (the first rows of each model's input). Default 64. */
  batchSize?: number;
  /** Untimed runs first (kernel compilation, memory first touch). Default 3. */
  warmup?: number;
  /** Timed runs; the median is reported. Default 10. */
  repeats?: number;
}

/** Milliseconds per batch, model by model, for each backend that ran; and the backends skipped, with why. */
export interface LatencyTable {
  msPerBatch: Record<string, number[]>;
  skipped: { backend: string; reason: string }[];
}

/** Every option key of {@link backendLatency} (distillationReport takes the same). */
export const latencyOptionKeys = ['backends', 'batchSize', 'warmup', 'repeats'] as const;

/**
 * Inference latency of each model on each backend: median wall time of `repeats` forward passes of
 * `batchSize` rows (after `warmup` untimed ones), each ending when the logits have been read back
 * (`await data()`, so GPU work is counted). Each model is copied onto the backend through core's
 * serializeModel / deserializeModel and the copy disposed after, so the given models' weights never
 * leave their backend (tfjs-webgpu cannot hand tensors back synchronously in Node); the backend
 * that was active is selected again at the end, also on error. (Each switch of backend leaves one
 * tensor of core's useBackend check behind, core's to fix; timing on the active backend alone leaks nothing.)
 *
 * @example const { msPerBatch } = await backendLatency([{ model: lenet, x: images }], { backends: ['wasm'] });
 *
 * In plain words: time how long each model takes to read a handful of digits, on each engine.
 */
export async function backendLatency(
  models: readonly { model: Layer; x: tf.Tensor }[],
  options: LatencyOptions = {},
): Promise<LatencyTable> {
  const fn = 'backendLatency';
  assertKnownOptions(fn, 'options', options, latencyOptionKeys);
  const { backends = ['cpu', 'wasm', 'webgpu'], batchSize = 64, warmup = 3, repeats = 10 } = options;
  assertPositiveInteger(fn, 'batchSize', batchSize);
  assertPositiveInteger(fn, 'repeats', repeats);
  if (!Number.isInteger(warmup) || warmup < 0)
    throw new ArgumentError(fn, `expected warmup to be a non-negative integer, got ${String(warmup)}`);
  if (!Array.isArray(backends) || backends.length === 0)
    throw new ArgumentError(fn, `expected backends to be a non-empty list of names, got ${JSON.stringify(backends)}`);
  const copies = await Promise.all(
    models.map(async ({ model, x }) => {
      const rows = Math.min(batchSize, x.shape[0] as number);
      const batch = tf.slice(x, 0, rows);
      try {
        return { serialized: await serializeModel(model), values: await batch.data(), shape: batch.shape };
      } finally {
        batch.dispose();
      }
    }),
  );
  const original = tf.getBackend();
  const table: LatencyTable = { msPerBatch: {}, skipped: [] };
  try {
    for (const backend of backends) {
      try {
        if (tf.getBackend() !== backend) await useBackend(backend);
      } catch (error) {
        if (!BackendUnavailableError.isInstance(error)) throw error;
        table.skipped.push({ backend, reason: error.failures.map((f) => f.cause).join('; ') });
        continue;
      }
      const times: number[] = [];
      for (const copy of copies) times.push(await timeOnActiveBackend(copy, warmup, repeats));
      table.msPerBatch[backend] = times;
    }
  } finally {
    if (tf.getBackend() !== original) await useBackend(original);
  }
  return table;
}

async function timeOnActiveBackend(
  copy: { serialized: Awaited<ReturnType<typeof serializeModel>>; values: tf.TypedArray; shape: number[] },
  warmup: number,
  repeats: number,
): Promise<number> {
  const model = await deserializeModel(copy.serialized);
  const x = tf.tensor(copy.values, copy.shape, 'float32');
  const run = async () => {
    const started = performance.now();
    const logits = model.apply(x);
    await logits.data();
    logits.dispose();
    return performance.now() - started;
  };
  try {
    for (let i = 0; i < warmup; i++) await run();
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) times.push(await run());
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)] as number;
  } finally {
    x.dispose();
    model.dispose();
  }
}
