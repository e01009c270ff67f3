import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { ArgumentError } from '../errors/argument-error.js';
import { describeBackends, useBackend } from '../index.js';
import { crossOriginIsolation, defaultWasmThreads } from './wasm-threads.js';

// One process per test file (vitest forks): the first useBackend('wasm') below starts the module.

const matMulValues = async () => {
  // Sizes that XNNPACK splits over the pool (several 8x8 output tiles per thread), values that are
  // exact in float32 partial sums would hide nothing: use a seeded uniform, compare bit for bit.
  const a = tf.randomUniform([96, 130], -1, 1, 'float32', 7);
  const b = tf.randomUniform([130, 70], -1, 1, 'float32', 8);
  const c = tf.matMul(a, b);
  const values = await c.data();
  tf.dispose([a, b, c]);
  return values;
};

const wasmReport = async () => (await describeBackends()).backends.find((b) => b.name === 'wasm')?.wasm;

describe('wasm threads in Node', () => {
  // The repository's test runner sets BAIHUA_WASM_THREADS=1 (two test processes share two cores);
  // these tests are about the machine's own default, so they run without it.
  beforeAll(() => {
    vi.stubEnv('BAIHUA_WASM_THREADS', '');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await useBackend('cpu');
  });

  test('the default is the machine available parallelism (at most 8), on the threaded build', async () => {
    const os = await import('node:os');
    await useBackend('wasm');
    const expected = Math.min(8, os.availableParallelism());
    expect(await wasmReport()).toEqual({ simd: true, threads: expected > 1, threadsCount: expected });
  });

  test('threads 1 and 2 both compute matMul, bit for bit the same as each other and close to cpu', async () => {
    await useBackend('cpu');
    const reference = await matMulValues();
    await useBackend('wasm', { threads: 1 });
    expect(await wasmReport()).toEqual({ simd: true, threads: false, threadsCount: 1 });
    expect(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
    const single = await matMulValues();
    expect(emscriptenThreads()).toBeUndefined(); // the single-threaded SIMD build has no pthreads
    await useBackend('wasm', { threads: 2 });
    expect(await wasmReport()).toEqual({ simd: true, threads: true, threadsCount: 2 });
    expect(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(true);
    const threaded = await matMulValues();
    // The threaded build runs XNNPACK's pool: the calling thread plus one pthread on a worker.
    expect(emscriptenThreads()).toEqual({ running: 1 });
    expect(Array.from(threaded)).toEqual(Array.from(single));
    const worst = Math.max(...Array.from(threaded, (v, i) => Math.abs(v - (reference[i] as number))));
    expect(worst).toBeLessThan(1e-4);
  });

  test('the Worker the glue sees passes every other script to worker_threads unchanged', async () => {
    await useBackend('wasm', { threads: 2 });
    const GlobalWorker = (globalThis as unknown as { Worker: typeof import('node:worker_threads').Worker }).Worker;
    const otherBlob = URL.createObjectURL(new Blob(['console.log(1)']));
    try {
      expect(() => new GlobalWorker(otherBlob)).toThrow(/must be an absolute path or a relative path/);
    } finally {
      URL.revokeObjectURL(otherBlob);
    }
    const worker = new GlobalWorker("require('node:worker_threads').parentPort.postMessage(6 * 7)", { eval: true });
    const answer = await new Promise((resolve) => worker.once('message', resolve));
    await worker.terminate();
    expect(answer).toBe(42);
  });

  test('asking again for the running count keeps the backend (and its tensors)', async () => {
    await useBackend('wasm', { threads: 2 });
    const kept = tf.ones([3]);
    await useBackend('wasm', { threads: 2 });
    await useBackend('wasm');
    expect(Array.from(await kept.data())).toEqual([1, 1, 1]);
    kept.dispose();
  });

  test('changing threads while a tensor lives on wasm is refused, and nothing changes', async () => {
    await useBackend('wasm', { threads: 2 });
    const held = tf.ones([2]);
    try {
      await expect(useBackend('wasm', { threads: 1 })).rejects.toThrow(
        /useBackend: expected no tensors on the wasm backend before changing its threads from 2 to 1, got 1/,
      );
      expect((await wasmReport())?.threadsCount).toBe(2);
      expect(Array.from(await held.data())).toEqual([1, 1]);
    } finally {
      held.dispose();
    }
  });

  test.each([0, -1, 1.5, Number.NaN, 9, Number.POSITIVE_INFINITY, '2'])(
    'threads %s is an ArgumentError that names the value, and leaks nothing',
    async (threads) => {
      await useBackend('wasm', { threads: 2 });
      const before = tf.memory().numTensors;
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const error = await useBackend('wasm', { threads: threads as number }).catch((e: unknown) => e);
        expect(ArgumentError.isInstance(error)).toBe(true);
        expect((error as Error).message).toMatch(
          new RegExp(
            `^useBackend: expected options.threads to be a whole number from 1 to 8 .*got ${gotText(threads)}$`,
          ),
        );
      }
      expect(tf.memory().numTensors).toBe(before);
      expect(tf.getBackend()).toBe('wasm');
      expect((await wasmReport())?.threadsCount).toBe(2);
    },
  );

  test('re-creating the backend leaks no tensor and no pthread worker keeps Node alive', async () => {
    const { execFileSync } = await import('node:child_process');
    const script = `
      import * as tf from '@tensorflow/tfjs-core';
      import { useBackend } from '@baihua/core';
      for (const threads of [2, 1, 2]) {
        await useBackend('wasm', { threads });
        const x = tf.ones([64, 64]);
        const y = tf.matMul(x, x);
        const total = tf.sum(y);
        const sum = (await total.data())[0];
        tf.dispose([x, y, total]);
        console.log(threads, sum, tf.memory().numTensors);
      }`;
    // No process.exit: the child must end on its own once the work is done.
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: new URL('../..', import.meta.url).pathname,
      timeout: 60_000,
    });
    expect(out.trim().split('\n')).toEqual(['2 262144 0', '1 262144 0', '2 262144 0']);
  });
});

/** The pthread workers of the running wasm module, or undefined for a build without threads. */
function emscriptenThreads(): { running: number } | undefined {
  const module = (tf.backend() as unknown as { wasm: { PThread?: { runningWorkers: unknown[] } } }).wasm;
  return module.PThread ? { running: module.PThread.runningWorkers.length } : undefined;
}

function gotText(value: unknown): string {
  if (typeof value === 'string') return `string "${value}"`;
  return String(value).replace('.', '\\.');
}

describe('BAIHUA_WASM_THREADS', () => {
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  test('sets the default thread count in Node; unset or empty, the available parallelism counts', async () => {
    const os = await import('node:os');
    vi.stubEnv('BAIHUA_WASM_THREADS', '3');
    expect(defaultWasmThreads()).toBe(3);
    vi.stubEnv('BAIHUA_WASM_THREADS', ' 1 ');
    expect(defaultWasmThreads()).toBe(1);
    vi.stubEnv('BAIHUA_WASM_THREADS', '');
    expect(defaultWasmThreads()).toBe(Math.min(8, os.availableParallelism()));
  });

  test.each(['0', '9', '1.5', '-1', 'two', '2x'])('refuses %j, naming the variable and the value', (value) => {
    vi.stubEnv('BAIHUA_WASM_THREADS', value);
    expect(() => defaultWasmThreads()).toThrow(ArgumentError);
    const expected = 'defaultWasmThreads: expected the environment variable BAIHUA_WASM_THREADS to be a whole number';
    expect(() => defaultWasmThreads()).toThrow(`${expected} from 1 to 8, got ${JSON.stringify(value)}`);
  });
});

describe('crossOriginIsolation', () => {
  test('a browser page without it is told the two headers; an isolated page and Node pass', () => {
    const page = crossOriginIsolation({ crossOriginIsolated: false }, false);
    expect(page.isolated).toBe(false);
    expect(page.note).toMatch(/crossOriginIsolated is false/);
    expect(page.note).toMatch(/Cross-Origin-Opener-Policy: same-origin/);
    expect(page.note).toMatch(/Cross-Origin-Embedder-Policy: require-corp/);
    expect(crossOriginIsolation({}, false).isolated).toBe(false);
    expect(crossOriginIsolation({ crossOriginIsolated: true }, false)).toEqual({ isolated: true });
    expect(crossOriginIsolation({ crossOriginIsolated: false }, true)).toEqual({ isolated: true });
  });
});
